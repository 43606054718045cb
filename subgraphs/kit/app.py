"""What every subgraph's ASGI app shares: per-request context with the caller, /graphql, /health, /metrics.

A subgraph's `app.py` builds its service and schema, then calls `subgraph_app(...)`; its `context.py`
subclasses `RequestContext` to add its loaders. The dataclass it returns (`<Domain>Subgraph`) derives from
`ConsumesEvents` when it consumes events.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.federation import Schema
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.http import process_result as graphql_response
from strawberry.types import ExecutionResult, Info

from subgraphs.kit.auth import Identity, TokenVerifier
from subgraphs.kit.db import upgrade_to_head
from subgraphs.kit.disconnects import QuietDisconnects
from subgraphs.kit.errors import DomainError, Unauthenticated
from subgraphs.kit.events import (
    EventBus,
    EventConsumer,
    Handler,
    LiveEvents,
    OutboxRelay,
    OutboxSource,
    attach_live,
)
from subgraphs.kit.idempotency import HEADER, Acting, IdempotencyGuard, Refused, Replay, mutation_fingerprint
from subgraphs.kit.metrics import HttpMetrics, RequestMetrics
from subgraphs.kit.periodic import every
from subgraphs.kit.settings import SubgraphSettings

ServiceT = TypeVar("ServiceT")
PREFLIGHT_HEADERS = ("apollo-require-preflight", "x-apollo-operation-name")
# On a response replaying the first response to its Idempotency-Key (and `extensions.idempotentReplay`).
REPLAYED_HEADER = "idempotent-replayed"
# How often expired idempotency records are deleted.
IDEMPOTENCY_SWEEP_SECONDS = 600.0
ContextT = TypeVar("ContextT", bound="RequestContext[Any]")


@dataclass
class RequestContext(Generic[ServiceT]):
    """Built once per request: the subgraph's service and who is calling.

    A refused token is kept, not raised, and reported on first use, so fields that need no caller (sign-up,
    `_service`) still work with a stale token.
    """

    service: ServiceT
    identity: Identity | None
    auth_error: Unauthenticated | None = None
    # Who is at the other end, for per-client limits: see `client_address`.
    client_address: str = "unknown"

    # What UNAUTHENTICATED says when there is no token at all; subclasses name their data.
    sign_in_message = "sign in first"

    def require_user(self) -> str:
        """The caller's user id; UNAUTHENTICATED without a valid token."""
        if self.auth_error is not None:
            raise self.auth_error
        if self.identity is None:
            raise Unauthenticated(self.sign_in_message)
        return self.identity.user_id

    @classmethod
    def of(cls: type[ContextT], info: Info) -> ContextT:
        """The context of the request `info` belongs to."""
        context = info.context
        assert isinstance(context, cls), f"the app builds a {cls.__name__}"
        return context


@dataclass
class _Replayed(ExecutionResult):
    """A mutation's first response, answered again to a retry with the same Idempotency-Key."""

    body: GraphQLHTTPResponse | None = None


class SubgraphGraphQL(GraphQL[ContextT, None]):
    """Strawberry's ASGI app with the subgraph's context built per request from the verified token.

    With `idempotency`, a mutation request carrying an `Idempotency-Key` header from a signed-in person goes
    through the guard (kit/idempotency/guard.py): the first acts, its retries replay its response (marked by
    `extensions.idempotentReplay` and an `Idempotent-Replayed: true` header). Queries, anonymous requests and
    requests without the header run as they are.
    """

    def __init__(
        self,
        schema: Schema,
        make_context: Callable[[Identity | None, Unauthenticated | None], ContextT],
        verifier: TokenVerifier | None,
        *,
        multipart_uploads: bool = False,
        idempotency: IdempotencyGuard | None = None,
    ) -> None:
        # No IDE page: Strawberry's GraphiQL loads from a CDN and is blank offline (DESIGN.md); people use
        # the router's GraphiQL, which serves its assets itself. Multipart (file upload) requests are off
        # unless the subgraph takes `Upload`s (files): Strawberry's own CSRF advice.
        super().__init__(schema, graphql_ide=None, multipart_uploads_enabled=multipart_uploads)
        self._make_context = make_context
        self._verifier = verifier
        self.idempotency = idempotency

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: ContextT,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        execute = super().execute_single
        guard = self.idempotency
        key = request_adapter.headers.get(HEADER)
        owner = context.identity.user_id if context.identity is not None else None
        fingerprint = None
        if guard is not None and key is not None and owner is not None:
            fingerprint = mutation_fingerprint(
                request_data.query, request_data.variables, request_data.operation_name
            )
        if guard is None or key is None or owner is None or fingerprint is None:
            return await execute(request, request_adapter, sub_response, context, root_value, request_data)
        match await guard.begin(owner, key, fingerprint):
            case Refused(error=error):
                return _refused(error)
            case Replay(body=body):
                sub_response.headers[REPLAYED_HEADER] = "true"
                return _Replayed(data=None, errors=None, body=cast(GraphQLHTTPResponse, body))
            case Acting() as acting:
                try:
                    result = await execute(
                        request, request_adapter, sub_response, context, root_value, request_data
                    )
                except BaseException:
                    await guard.abandon(acting)
                    raise
                await guard.finish(acting, dict(graphql_response(result)))
                return result

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        if isinstance(result, _Replayed) and result.body is not None:
            extensions = {**(result.body.get("extensions") or {}), "idempotentReplay": True}
            return {**result.body, "extensions": extensions}
        return await super().process_result(request, result)

    async def parse_multipart(self, request: AsyncHTTPRequestAdapter) -> dict[str, str]:
        # CSRF, as the router checks it (Apollo's rule): a multipart request must carry a header that a
        # cross-site HTML form cannot send. The router adds one to the uploads it forwards.
        if not any(request.headers.get(name, "").strip() for name in PREFLIGHT_HEADERS):
            raise HTTPException(400, "multipart requests need an 'apollo-require-preflight' header")
        return await super().parse_multipart(request)

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> ContextT:
        context = self._context(request)
        context.client_address = client_address(request)
        return context

    def _context(self, request: Request | WebSocket) -> ContextT:
        if self._verifier is None:
            return self._make_context(None, None)
        try:
            return self._make_context(self._verifier.identity(request.headers), None)
        except Unauthenticated as error:
            return self._make_context(None, error)


def _refused(error: DomainError) -> ExecutionResult:
    """The answer to a mutation request refused before it ran, as a resolver raising `error` would give."""
    return ExecutionResult(
        data=None, errors=[GraphQLError(str(error), original_error=error, extensions=error.extensions)]
    )


def verifier_for(settings: SubgraphSettings, verifier: TokenVerifier | None = None) -> TokenVerifier | None:
    """`verifier` if given, else one for `settings.jwt_public_key`; None without a key: every request is
    anonymous."""
    if verifier is None and settings.jwt_public_key is not None:
        return TokenVerifier(key=settings.jwt_public_key)
    return verifier


class ConsumesEvents:
    """Base of a built subgraph (a frozen dataclass) whose `consumer` handles other subgraphs' events."""

    __slots__ = ()
    # Declared here, a field of the dataclass: an annotation only, so the dataclass sees no default.
    consumer: EventConsumer

    @property
    def handlers(self) -> dict[str, Handler]:
        """Routing key → idempotent handler, for a host that subscribes them itself (`jobgraph dev`)."""
        return self.consumer.handlers


def client_address(request: Request | WebSocket) -> str:
    """The address of the person behind the request: the last `X-Forwarded-For` entry, which the router
    appends from its own peer, else this connection's peer.

    Only the router's entry is trusted, and only because subgraphs answer nobody else (`router_only.py`);
    earlier entries are whatever the client or its proxies claimed.
    """
    forwarded = request.headers.get("x-forwarded-for", "")
    last = forwarded.rsplit(",", 1)[-1].strip()
    if last:
        return last[:64]
    return request.client.host if request.client is not None else "unknown"


def subgraph_app(
    name: str,
    graphql: SubgraphGraphQL[Any],
    lifespan: Callable[[Starlette], AbstractAsyncContextManager[None]],
    *,
    routes: Sequence[BaseRoute] = (),
) -> Starlette:
    """The subgraph's Starlette app: `/graphql` (GET and POST), `/health`, `/metrics` and any extra `routes`;
    every request is counted and timed (infra/METRICS.md); a client hanging up is one INFO line."""

    async def health(_: Request) -> Response:
        return JSONResponse({"status": "ok", "service": name})

    metrics = HttpMetrics(name)
    all_routes: list[BaseRoute] = [
        Route("/health", health, methods=["GET"]),
        Route("/health/live", health, methods=["GET"]),
        metrics.route(),
        *routes,
        Route("/graphql", graphql, methods=["GET", "POST"]),
        # Subscriptions: Strawberry speaks graphql-transport-ws, which the router's subgraph client uses.
        WebSocketRoute("/graphql", graphql),
    ]
    paths = [route.path for route in all_routes if isinstance(route, Route)]
    return Starlette(
        routes=all_routes,
        middleware=[Middleware(RequestMetrics, metrics=metrics, routes=paths), Middleware(QuietDisconnects)],
        lifespan=_sweeping(lifespan, graphql.idempotency, name),
    )


def _sweeping(
    lifespan: Callable[[Starlette], AbstractAsyncContextManager[None]],
    guard: IdempotencyGuard | None,
    name: str,
) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    """`lifespan`, deleting expired idempotency records every few minutes while the app is up."""
    if guard is None:
        return lifespan

    @asynccontextmanager
    async def with_sweep(app: Starlette) -> AsyncIterator[None]:
        sweep = every(IDEMPOTENCY_SWEEP_SECONDS, guard.sweep, name=f"{name} idempotency sweep")
        async with lifespan(app), sweep:
            yield

    return with_sweep


def readiness_route(name: str, bus: EventBus) -> Route:
    """`/health/ready` of a subgraph served with `bus`: the process is up and says whether the broker is.

    Always 200: a subgraph serves reads and writes without the broker (writes' events wait in the outbox),
    so taking it out of the load balancer during a broker outage would turn a delay into an outage. The
    body's `broker` is `connected` or `disconnected`, and `status` `degraded` while it is away.
    """

    async def ready(_: Request) -> Response:
        connected = bus.connected
        return JSONResponse(
            {
                "status": "ok" if connected else "degraded",
                "service": name,
                "broker": "connected" if connected else "disconnected",
            }
        )

    return Route("/health/ready", ready, methods=["GET"])


def subgraph_lifespan(
    settings: SubgraphSettings,
    *,
    start: Callable[[], Awaitable[None]],
    stop: Callable[[], Awaitable[None]],
    outbox: async_sessionmaker[AsyncSession] | OutboxSource | None,
    bus: EventBus | None = None,
    consumer: EventConsumer | None = None,
    live: LiveEvents | None = None,
) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    """Start-up and shutdown of a subgraph: `start` its store (migrations, indexes), then (with `bus`)
    consume and relay `outbox` (None: the subgraph publishes nothing); at shutdown stop the relay, then
    `stop` the store.

    With `bus` (owned, started and stopped by the host), start-up subscribes `consumer` to it and runs an
    outbox relay publishing the subgraph's events until shutdown. Without one, events wait in the outbox for
    a host that relays them itself (`jobgraph dev` wires every subgraph's outbox to one bus). `live` (the
    subscribers of GraphQL subscriptions) is fed from `bus` too.
    """

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        await start()
        relay: OutboxRelay | None = None
        source = None
        try:
            if bus is not None:
                if consumer is not None:
                    await bus.subscribe(consumer)
                if live is not None:
                    source = await attach_live(bus, live)
                if outbox is not None:
                    relay = OutboxRelay(outbox, bus)
                    await relay.start()
            yield
        finally:
            if relay is not None:
                await relay.stop()
            if source is not None:
                await source.stop()
            await stop()

    return lifespan


def database_lifespan(
    settings: SubgraphSettings,
    engine: AsyncEngine,
    migrations_dir: Path,
    *,
    bus: EventBus | None = None,
    consumer: EventConsumer | None = None,
    live: LiveEvents | None = None,
) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    """`subgraph_lifespan` of a SQL subgraph: migrate `engine`'s database to head; its `outbox` table."""

    async def migrate() -> None:
        await upgrade_to_head(engine, migrations_dir)

    return subgraph_lifespan(
        settings,
        start=migrate,
        stop=engine.dispose,
        outbox=async_sessionmaker(engine),
        bus=bus,
        consumer=consumer,
        live=live,
    )
