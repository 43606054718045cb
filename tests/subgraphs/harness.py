"""What every subgraph's tests share: running a schema as someone, signed tokens, HTTP posts, SQL counting,
recorded events, a fixed "now" and quick retries, and the built app's settings and lifespan."""

from __future__ import annotations

import asyncio
import copy
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol, TypeVar

import httpx
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from starlette.applications import Starlette
from strawberry.federation import Schema
from strawberry.types import ExecutionResult

from subgraphs.kit.auth import AUDIENCE, ISSUER, Identity
from subgraphs.kit.events import EventBus, EventConsumer, EventEnvelope, RetryPolicy
from subgraphs.kit.settings import SubgraphSettings

# Every test's "now": fixed, so nothing depends on the wall clock.
NOW = datetime(2031, 3, 1, 8, 0, tzinfo=UTC)
# Failing handlers are retried quickly here, so dead-lettering takes milliseconds, not minutes.
FAST_RETRY = RetryPolicy(max_attempts=2, first_delay=0.01, max_delay=0.05)

# Signs the test tokens; subgraphs under test verify with PUBLIC_PEM (JOBGRAPH_JWT_PUBLIC_KEY).
SIGNING_KEY = Ed25519PrivateKey.generate()
PUBLIC_PEM = (
    SIGNING_KEY.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode()
)


def token(user_id: str, *, key: Ed25519PrivateKey = SIGNING_KEY, expires_in: int = 900, **claims: Any) -> str:
    """An access token for `user_id` as the users subgraph issues them (claims may be overridden)."""
    now = int(time.time())
    payload = {"sub": user_id, "iss": ISSUER, "aud": AUDIENCE, "iat": now, "exp": now + expires_in}
    return jwt.encode({**payload, **claims}, key, algorithm="EdDSA")


class Caller:
    """Runs operations against a subgraph's schema as one person (or anonymously), like its app would."""

    def __init__(
        self, schema: Schema, make_context: Callable[[Identity | None], object], user_id: str | None
    ):
        self._schema = schema
        self._make_context = make_context
        self.user_id = user_id

    async def execute(self, query: str, variables: Mapping[str, Any] | None = None) -> ExecutionResult:
        identity = Identity(self.user_id) if self.user_id is not None else None
        # Strawberry's `_entities` pops `__typename` off the representations it is given: copy, so a test
        # can send the same variables twice.
        values = copy.deepcopy(dict(variables)) if variables is not None else None
        return await self._schema.execute(
            query, variable_values=values, context_value=self._make_context(identity)
        )

    async def data(self, query: str, variables: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The result's data, failing the test on any error."""
        result = await self.execute(query, variables)
        assert result.errors is None, result.errors
        assert result.data is not None
        return result.data

    async def error(self, query: str, variables: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The single error's extensions."""
        result = await self.execute(query, variables)
        assert result.errors is not None and len(result.errors) == 1, result
        return dict(result.errors[0].extensions or {})


# Runs the package's schema as a user id (None: anonymous): the package's `as_user` fixture.
CallerFor = Callable[[str | None], Caller]


def callers(schema: Schema, context: Callable[..., object], service: object) -> CallerFor:
    """Callers of `schema` whose context is `context(service=service, identity=...)`, as the app builds it."""
    return lambda user_id: Caller(
        schema, lambda identity: context(service=service, identity=identity), user_id
    )


def subgraph_settings(name: str, data_dir: Path) -> SubgraphSettings:
    """The settings of subgraph `name` with its data under `data_dir`, verifying the tests' tokens."""
    return SubgraphSettings.from_env(
        name, {"JOBGRAPH_DATA_DIR": str(data_dir), "JOBGRAPH_JWT_PUBLIC_KEY": PUBLIC_PEM}
    )


class _Built(Protocol):
    @property
    def app(self) -> Starlette: ...


BuiltT = TypeVar("BuiltT", bound=_Built)


@asynccontextmanager
async def started(built: BuiltT) -> AsyncIterator[BuiltT]:
    """`built` with its app's lifespan running (as a server runs it), shut down afterwards."""
    async with built.app.router.lifespan_context(built.app):
        yield built


ItemT = TypeVar("ItemT")


class Recorded(list[ItemT]):
    """What a service recorded, in order (a recorder with the outbox's signature)."""

    async def __call__(self, session: AsyncSession, item: ItemT) -> None:
        self.append(item)

    async def many(self, session: AsyncSession, items: Sequence[ItemT]) -> None:
        """The recorder of many items at once (`record_events`' signature)."""
        self.extend(items)


async def post(client: httpx.AsyncClient, query: str, bearer: str | None, **variables: Any) -> dict[str, Any]:
    """POST a GraphQL request to the app behind `client` (with a bearer token if given); the JSON body."""
    headers = {"Authorization": f"Bearer {bearer}"} if bearer is not None else {}
    response = await client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


class StatementCounter:
    """Counts the SQL statements an engine runs (to prove DataLoaders batch)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.count = 0
        event.listen(engine.sync_engine, "before_cursor_execute", self._seen)

    def _seen(self, *_: object) -> None:
        self.count += 1


class Inbox:
    """A downstream subscriber (like notifications) that keeps every event it receives, in order."""

    def __init__(self) -> None:
        self.events: list[EventEnvelope] = []
        self._arrived = asyncio.Condition()

    async def handle(self, event: EventEnvelope) -> None:
        async with self._arrived:
            self.events.append(event)
            self._arrived.notify_all()

    async def wait_for(self, count: int) -> list[EventEnvelope]:
        """The first `count` events, once they have arrived (the relay publishes after commit)."""
        async with self._arrived:
            await asyncio.wait_for(self._arrived.wait_for(lambda: len(self.events) >= count), timeout=10)
        return self.events[:count]

    @classmethod
    async def on(cls, bus: EventBus, pattern: str, name: str = "inbox-test") -> Inbox:
        """An inbox subscribed to `bus` for the routing keys matching `pattern`."""
        inbox = cls()
        await bus.subscribe(EventConsumer(name, {pattern: inbox.handle}))
        return inbox


class TickingClock:
    """A clock the test moves by hand; each reading is one microsecond later, so creation order is strict."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        self.now += timedelta(microseconds=1)
        return self.now
