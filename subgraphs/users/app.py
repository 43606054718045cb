"""Composition root of the users subgraph: settings → signing key → database → service → ASGI app."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from subgraphs.kit.auth import TokenVerifier
from subgraphs.kit.db import create_engine, upgrade_to_head
from subgraphs.kit.errors import Unauthenticated
from subgraphs.kit.keys import SigningKey, load_or_create_signing_key
from subgraphs.kit.settings import SubgraphSettings
from subgraphs.users.context import UsersContext
from subgraphs.users.migrations import MIGRATIONS_DIR
from subgraphs.users.schema import schema
from subgraphs.users.service import UserService, utc_now

NAME = "users"


@dataclass(frozen=True, slots=True)
class UsersSubgraph:
    """The built subgraph: the ASGI app plus what a host wires around it."""

    app: Starlette
    service: UserService
    engine: AsyncEngine
    signing_key: SigningKey


class UsersGraphQL(GraphQL[UsersContext, None]):
    """Strawberry's ASGI app with the users context built per request."""

    def __init__(self, service: UserService, verifier: TokenVerifier) -> None:
        # No IDE page: Strawberry's GraphiQL loads from a CDN; people use the router's GraphiQL.
        super().__init__(schema, graphql_ide=None)
        self._service = service
        self._verifier = verifier

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> UsersContext:
        context = UsersContext(service=self._service, identity=None)
        try:
            context.identity = self._verifier.identity(request.headers)
        except Unauthenticated as error:
            context.auth_error = error
        return context


def build_subgraph(
    settings: SubgraphSettings, *, signing_key_pem: str | None = None, clock: Callable[[], datetime] = utc_now
) -> UsersSubgraph:
    """Build the subgraph; the database is migrated when the app starts (lifespan).

    The signing key comes from `signing_key_pem` (production: `JOBGRAPH_JWT_PRIVATE_KEY`) or is created once
    under the data directory, where the other embedded subgraphs find its public half.
    """
    signing_key = load_or_create_signing_key(settings.data_dir, signing_key_pem)
    engine = create_engine(settings.database_url)
    service = UserService(async_sessionmaker(engine, expire_on_commit=False), signing_key, clock=clock)
    verifier = TokenVerifier(key=signing_key.public_pem)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        await upgrade_to_head(engine, MIGRATIONS_DIR)
        yield
        await engine.dispose()

    async def health(_: Request) -> Response:
        return JSONResponse({"status": "ok", "service": NAME})

    async def jwks(_: Request) -> Response:
        # Verifiers cache this; a short max-age lets a rotated key reach them quickly.
        return JSONResponse(signing_key.jwks(), headers={"cache-control": "public, max-age=300"})

    app = Starlette(
        routes=[
            Route("/health", health, methods=["GET"]),
            Route("/.well-known/jwks.json", jwks, methods=["GET"]),
            Route("/graphql", UsersGraphQL(service, verifier), methods=["GET", "POST"]),
        ],
        lifespan=lifespan,
    )
    return UsersSubgraph(app=app, service=service, engine=engine, signing_key=signing_key)


def create_app(settings: SubgraphSettings | None = None) -> Starlette:
    """The ASGI app for `settings` (default: read from the environment now)."""
    import os

    resolved = settings or SubgraphSettings.from_env(NAME)
    return build_subgraph(resolved, signing_key_pem=os.environ.get("JOBGRAPH_JWT_PRIVATE_KEY")).app
