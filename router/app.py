"""Build the router's ASGI app: GraphQL over HTTP (streams too), GraphiQL, /health, /health/live,
/health/ready, /metrics and the web app around one Router, behind CORS and the security headers."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Collection, Mapping
from pathlib import Path

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute

from router.config import RouterConfig
from router.headers import HeaderPropagation
from router.metrics import REGISTRY
from router.pipeline import Router
from router.plugins import Plugin
from router.plugins.defaults import default_plugins
from router.reload import SupergraphWatcher
from router.subgraph_client import DedupingClient, HttpSubgraphClient, SubgraphClient
from router.subgraph_client.metered import MeteredClient
from router.supergraph import Supergraph, load_supergraph
from router.transport.health import Readiness
from router.transport.http import GraphQLEndpoint
from router.transport.http_subscriptions import StreamingEndpoint
from router.transport.security_headers import SecurityHeadersMiddleware
from router.transport.streams import OpenStreams
from router.transport.web_app import web_app
from router.transport.websocket import SubscriptionEndpoint


def build_clients(
    supergraph: Supergraph,
    config: RouterConfig,
    overrides: Mapping[str, SubgraphClient] | None = None,
    only: Collection[str] | None = None,
) -> dict[str, SubgraphClient]:
    """One client per subgraph (or per subgraph named in `only`): a given (in-process) one if any, else
    HTTP to the configured URL."""
    clients: dict[str, SubgraphClient] = {}
    for name, url in supergraph.subgraph_urls.items():
        if only is not None and name not in only:
            continue
        client: SubgraphClient
        if overrides and name in overrides:
            client = overrides[name]
        else:
            settings = config.subgraph(name)
            client = HttpSubgraphClient(
                name,
                settings.url or url,
                timeout=settings.timeout,
                mutation_timeout=settings.mutation_timeout,
                router_secret=config.secret(),
            )
        client = MeteredClient(name, client)
        if config.dedupe_queries:
            client = DedupingClient(client)
        clients[name] = client
    return clients


def supergraph_applier(
    router: Router, config: RouterConfig, overrides: Mapping[str, SubgraphClient] | None = None
) -> Callable[[str], None]:
    """What a SupergraphWatcher calls with each new supergraph SDL: load it (raising, so the watcher keeps
    the previous one, if it does not load) and swap it in for new operations.

    Subgraphs already served at the same URL keep their client (and its pooled connections); only new or
    moved subgraphs get one.
    """

    def apply(sdl: str) -> None:
        supergraph = load_supergraph(sdl)
        served = router.supergraph.subgraph_urls
        fresh = {
            name
            for name, url in supergraph.subgraph_urls.items()
            if name not in router.clients or served.get(name) != url
        }
        router.swap_supergraph(supergraph, build_clients(supergraph, config, overrides, only=fresh))

    return apply


def build_router(
    supergraph_sdl: str,
    config: RouterConfig | None = None,
    clients: Mapping[str, SubgraphClient] | None = None,
    plugins: tuple[Plugin, ...] = (),
) -> Router:
    """A Router for `supergraph_sdl` with clients for every subgraph it names, the default plugins and then
    `plugins`."""
    config = config or RouterConfig()
    supergraph = load_supergraph(supergraph_sdl)
    return Router(
        supergraph,
        build_clients(supergraph, config, clients),
        limits=config.limits(),
        headers=HeaderPropagation(config.header_rules),
        demand=config.demand_control.resolved(),
        plugins=default_plugins(config, plugins),
    )


def build_router_app(
    supergraph: str | Router,
    clients: Mapping[str, SubgraphClient] | None = None,
    config: RouterConfig | None = None,
    *,
    watcher: SupergraphWatcher | None = None,
    plugins: tuple[Plugin, ...] = (),
) -> Starlette:
    """The router's HTTP face for a supergraph SDL (or an already built Router, which the caller owns).

    `clients` replace the HTTP clients of the named subgraphs (in-process subgraphs for `jobgraph dev` and
    tests); `watcher`, if given, hot-reloads the supergraph; `plugins` run after the default ones.
    """
    config = config or RouterConfig()
    router = (
        supergraph if isinstance(supergraph, Router) else build_router(supergraph, config, clients, plugins)
    )
    readiness = Readiness(router)
    web_dir = Path(config.web_dir) if config.web_dir else None
    endpoint = GraphQLEndpoint(
        router,
        max_body_bytes=config.max_body_bytes,
        graphiql=config.graphiql,
        web_dir=web_dir,
        multipart=config.multipart_limits(),
    )
    web = web_app(web_dir)
    # Subscriptions over SSE and multipart HTTP; ended with an error for each client at shutdown.
    streams = OpenStreams()
    streaming = StreamingEndpoint(endpoint, router, streams)

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "subgraphs": sorted(router.supergraph.subgraph_urls)})

    async def metrics(request: Request) -> Response:
        return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if watcher is not None:
            watcher.start()
        yield
        streams.close_all()
        if watcher is not None:
            await watcher.stop()
        for client in router.clients.values():
            await client.aclose()
        await router.plugins.aclose()

    app = Starlette(
        routes=[
            Route("/graphql", streaming.handle, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
            # Subscriptions (and any operation) over graphql-transport-ws, at the same URL.
            WebSocketRoute("/graphql", SubscriptionEndpoint(router, streams=streams).handle),
            Route("/health", health, methods=["GET"]),
            Route("/health/live", readiness.live, methods=["GET"]),
            Route("/health/ready", readiness.ready_probe, methods=["GET"]),
            Route("/metrics", metrics, methods=["GET"]),
            # Last: the web app answers every other path (its client-side routes fall back to index.html).
            *([Mount("/", app=web)] if web is not None else []),
        ],
        lifespan=lifespan,
        middleware=browser_middleware(config),
    )
    # The server closes them before it waits for requests in progress at shutdown (router/server.py).
    app.state.streams = streams
    return app


def browser_middleware(config: RouterConfig) -> list[Middleware]:
    """CORS (configured origins, else any localhost port; credentials; preflights cached) and the security
    headers, outermost first."""
    cors = Middleware(
        CORSMiddleware,
        allow_origins=list(config.cors_origins),
        allow_origin_regex=None if config.cors_origins else LOCALHOST_ORIGINS,
        allow_credentials=True,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=[
            "authorization",
            "content-type",
            "x-request-id",
            "idempotency-key",
            *config.csrf_required_headers,
        ],
        expose_headers=[
            "x-request-id",
            "retry-after",
            "ratelimit",
            "ratelimit-policy",
            "idempotent-replayed",
        ],
        max_age=config.cors_max_age,
    )
    if not config.security_headers:
        return [cors]
    return [cors, Middleware(SecurityHeadersMiddleware, hsts=config.hsts)]


# The embedded default (`jobgraph dev`, the web app's dev server on another port): any localhost origin.
LOCALHOST_ORIGINS = r"https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?"
