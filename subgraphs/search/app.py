"""Composition root of the search subgraph: settings → index → service → schema → ASGI app.

The index is OpenSearch when `SEARCH_OPENSEARCH_URL` is set (production), else tantivy files under
`<data_dir>/search/`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from starlette.applications import Starlette

from subgraphs.kit.app import ConsumesEvents, SubgraphGraphQL, subgraph_app, subgraph_lifespan, verifier_for
from subgraphs.kit.auth import TokenVerifier
from subgraphs.kit.events import EventBus, EventConsumer, RetryPolicy
from subgraphs.kit.settings import SubgraphSettings
from subgraphs.search.context import SearchContext
from subgraphs.search.events import search_consumer
from subgraphs.search.schema import schema
from subgraphs.search.service import SearchService
from subgraphs.search.store import SearchIndex
from subgraphs.search.tantivy_store import TantivyIndex

NAME = "search"


@dataclass(frozen=True, slots=True)
class SearchSubgraph(ConsumesEvents):
    """The built subgraph: the ASGI app plus its index, service and event consumer."""

    app: Starlette
    service: SearchService
    index: SearchIndex
    consumer: EventConsumer


def build_index(settings: SubgraphSettings, environ: Mapping[str, str] | None = None) -> SearchIndex:
    """OpenSearch when `SEARCH_OPENSEARCH_URL` names one, else tantivy under the data directory."""
    env = os.environ if environ is None else environ
    url = env.get("SEARCH_OPENSEARCH_URL")
    if url:
        from subgraphs.search.opensearch_store import OpenSearchIndex

        return OpenSearchIndex(url, alias=env.get("SEARCH_OPENSEARCH_INDEX") or "jobgraph-search")
    return TantivyIndex(settings.data_dir / NAME)


def build_subgraph(
    settings: SubgraphSettings,
    *,
    bus: EventBus | None = None,
    verifier: TokenVerifier | None = None,
    retry: RetryPolicy | None = None,
    index: SearchIndex | None = None,
) -> SearchSubgraph:
    """Build the subgraph from `settings`; the index is opened (or created) when the app starts.

    With `bus` (owned by the host), start-up subscribes the `search` consumer. Search publishes nothing, so
    there is no outbox. `verifier` defaults to one for `settings.jwt_public_key`.
    """
    index = index or build_index(settings)
    service = SearchService(index)
    consumer = search_consumer(service, retry=retry)
    graphql = SubgraphGraphQL(
        schema,
        lambda identity, error: SearchContext(service=service, identity=identity, auth_error=error),
        verifier_for(settings, verifier),
    )
    lifespan = subgraph_lifespan(
        settings, start=index.start, stop=index.close, outbox=None, bus=bus, consumer=consumer
    )
    app = subgraph_app(NAME, graphql, lifespan)
    return SearchSubgraph(app=app, service=service, index=index, consumer=consumer)


def create_app(settings: SubgraphSettings | None = None) -> Starlette:
    """The ASGI app for `settings` (default: read from the environment now)."""
    return build_subgraph(settings or SubgraphSettings.from_env(NAME)).app
