"""Composition root of the users subgraph: settings → signing key → database → service → ASGI app."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from subgraphs.kit.app import ConsumesEvents, SubgraphGraphQL, database_lifespan, subgraph_app
from subgraphs.kit.auth import TokenVerifier
from subgraphs.kit.db import create_engine
from subgraphs.kit.errors import Unauthenticated
from subgraphs.kit.events import EventConsumer
from subgraphs.kit.idempotency import sql_idempotency
from subgraphs.kit.keys import SigningKey, load_or_create_signing_key
from subgraphs.kit.settings import SubgraphSettings
from subgraphs.users.context import UsersContext
from subgraphs.users.events import export_consumer
from subgraphs.users.migrations import MIGRATIONS_DIR
from subgraphs.users.schema import schema
from subgraphs.users.service import MAX_CLIENT_SIGN_UPS, UserService, utc_now

NAME = "users"
# Where the router trades a partner API token for a short-lived JWT (subgraphs/users/api_tokens.py); like
# /graphql it answers only the router (kit/router_only.py).
EXCHANGE_PATH = "/api-tokens/exchange"


@dataclass(frozen=True, slots=True)
class UsersSubgraph(ConsumesEvents):
    """The built subgraph: the ASGI app plus what a host wires around it (its consumer of export requests,
    which the host subscribes)."""

    app: Starlette
    service: UserService
    engine: AsyncEngine
    signing_key: SigningKey
    consumer: EventConsumer


def build_subgraph(
    settings: SubgraphSettings,
    *,
    signing_key_pem: str | None = None,
    clock: Callable[[], datetime] = utc_now,
    max_sign_ups: int = MAX_CLIENT_SIGN_UPS,
) -> UsersSubgraph:
    """Build the subgraph; the database is migrated when the app starts (lifespan).

    The signing key comes from `signing_key_pem` (production: `JOBGRAPH_JWT_PRIVATE_KEY`) or is created once
    under the data directory, where the other embedded subgraphs find its public half.
    """
    signing_key = load_or_create_signing_key(settings.data_dir, signing_key_pem)
    engine = create_engine(settings.database_url)
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    service = UserService(sessions, signing_key, clock=clock, max_sign_ups=max_sign_ups)
    consumer = export_consumer(sessions)
    graphql = SubgraphGraphQL(
        schema,
        lambda identity, error: UsersContext(service=service, identity=identity, auth_error=error),
        TokenVerifier(key=signing_key.public_pem),
        idempotency=sql_idempotency(engine),
    )

    async def jwks(_: Request) -> Response:
        # Verifiers cache this; a short max-age lets a rotated key reach them quickly.
        return JSONResponse(signing_key.jwks(), headers={"cache-control": "public, max-age=300"})

    async def exchange(request: Request) -> Response:
        try:
            body = await request.json()
        except ValueError:
            body = None
        secret = body.get("token") if isinstance(body, dict) else None
        if not isinstance(secret, str):
            return JSONResponse({"error": 'send {"token": "jgp_..."}'}, status_code=400)
        try:
            exchanged = await service.exchange_api_token(secret)
        except Unauthenticated as error:
            return JSONResponse({"error": str(error)}, status_code=401)
        return JSONResponse(
            {"accessToken": exchanged.access_token, "expiresIn": exchanged.expires_in},
            headers={"cache-control": "no-store"},
        )

    app = subgraph_app(
        NAME,
        graphql,
        database_lifespan(settings, engine, MIGRATIONS_DIR),
        routes=[
            Route("/.well-known/jwks.json", jwks, methods=["GET"]),
            Route(EXCHANGE_PATH, exchange, methods=["POST"]),
        ],
    )
    return UsersSubgraph(app=app, service=service, engine=engine, signing_key=signing_key, consumer=consumer)


def sign_up_limit(environ: Mapping[str, str]) -> int:
    """`USERS_MAX_SIGN_UPS_PER_HOUR`: sign-ups (and email changes) per client address an hour (default 20)."""
    raw = environ.get("USERS_MAX_SIGN_UPS_PER_HOUR", "").strip()
    if not raw:
        return MAX_CLIENT_SIGN_UPS
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"USERS_MAX_SIGN_UPS_PER_HOUR must be a whole number of at least 1, not {raw!r}")
    return int(raw)


def create_app(settings: SubgraphSettings | None = None) -> Starlette:
    """The ASGI app for `settings` (default: read from the environment now)."""
    import os

    resolved = settings or SubgraphSettings.from_env(NAME)
    return build_subgraph(
        resolved,
        signing_key_pem=os.environ.get("JOBGRAPH_JWT_PRIVATE_KEY"),
        max_sign_ups=sign_up_limit(os.environ),
    ).app
