"""The seam between the executor and the subgraphs: one small protocol, several interchangeable transports."""

from router.subgraph_client.asgi import asgi_client
from router.subgraph_client.dedupe import DedupingClient
from router.subgraph_client.http import HttpSubgraphClient
from router.subgraph_client.protocol import SubgraphClient, SubgraphRequest, SubgraphResponse

__all__ = [
    "DedupingClient",
    "HttpSubgraphClient",
    "SubgraphClient",
    "SubgraphRequest",
    "SubgraphResponse",
    "asgi_client",
]
