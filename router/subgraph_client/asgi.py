"""In-process subgraphs: the HTTP client on an ASGI app, so tests and `jobgraph dev` skip the network."""

from __future__ import annotations

from typing import Any

from router.subgraph_client.connections import AsgiConnection
from router.subgraph_client.http import HttpSubgraphClient
from router.subgraph_client.protocol import SubgraphRequest
from router.subgraph_client.transport_ws import TextConnection
from router.subgraph_client.transports import AsgiTransport


class AsgiSubgraphClient(HttpSubgraphClient):
    """The HTTP client's code path minus the socket: requests and subscriptions go straight into `app`."""

    def __init__(
        self,
        name: str,
        app: Any,
        *,
        path: str = "/graphql",
        timeout: float = 10.0,
        router_secret: str | None = None,
    ) -> None:
        super().__init__(
            name,
            f"http://{name}.internal{path}",
            timeout=timeout,
            transport=AsgiTransport(app),
            router_secret=router_secret,
        )
        self.app = app

    async def _open_connection(self, request: SubgraphRequest) -> TextConnection:
        return await AsgiConnection.open(self.app, self.url, self._subscription_headers(request))


def asgi_client(
    name: str, app: Any, *, path: str = "/graphql", timeout: float = 10.0, router_secret: str | None = None
) -> AsgiSubgraphClient:
    """A client for an ASGI app in this process."""
    return AsgiSubgraphClient(name, app, path=path, timeout=timeout, router_secret=router_secret)
