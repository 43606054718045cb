"""Fixtures for the interviews tests: migrated databases, and a service on the embedded SQLite default."""

from __future__ import annotations

import copy
import time
from collections.abc import AsyncIterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from strawberry.types import ExecutionResult

from subgraphs.interviews.app import InterviewsSubgraph, build_subgraph
from subgraphs.interviews.context import InterviewsContext
from subgraphs.interviews.events import InterviewEvent
from subgraphs.interviews.migrations import MIGRATIONS_DIR
from subgraphs.interviews.schema import schema
from subgraphs.interviews.service import InterviewService
from subgraphs.kit.auth import Identity
from subgraphs.kit.events import EventEnvelope, InProcessBus, RetryPolicy
from subgraphs.kit.settings import SubgraphSettings
from tests.subgraphs.databases import migrated_engine

# Every test's "now": fixed, so nothing depends on the wall clock.
NOW = datetime(2031, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def interviews_engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A migrated interviews database on each backend in turn (store contract suite)."""
    async with migrated_engine(request.param, "interviews", MIGRATIONS_DIR, tmp_path) as engine:
        yield engine


@pytest.fixture
async def sqlite_engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    async with migrated_engine("sqlite", "interviews", MIGRATIONS_DIR, tmp_path) as engine:
        yield engine


class RecordedEvents(list[InterviewEvent]):
    """Events the service recorded, in order (a recorder with the outbox's signature)."""

    async def __call__(self, session: AsyncSession, event: InterviewEvent) -> None:
        self.append(event)


@pytest.fixture
def recorded() -> RecordedEvents:
    return RecordedEvents()


@pytest.fixture
def service(sqlite_engine: AsyncEngine, recorded: RecordedEvents) -> InterviewService:
    return InterviewService(async_sessionmaker(sqlite_engine), recorded, clock=lambda: NOW)


class Caller:
    """Runs operations against the interviews schema as one person (or anonymously), like the app would."""

    def __init__(self, service: InterviewService, user_id: str | None) -> None:
        self._service = service
        self.user_id = user_id

    async def execute(self, query: str, variables: Mapping[str, Any] | None = None) -> ExecutionResult:
        identity = Identity(self.user_id) if self.user_id is not None else None
        context = InterviewsContext(service=self._service, identity=identity)
        # Strawberry's `_entities` pops `__typename` off the representations it is given: copy, so a test
        # can send the same variables twice.
        values = copy.deepcopy(dict(variables)) if variables is not None else None
        return await schema.execute(query, variable_values=values, context_value=context)

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


@pytest.fixture
def alice(service: InterviewService) -> Caller:
    return Caller(service, "alice")


@pytest.fixture
def bob(service: InterviewService) -> Caller:
    return Caller(service, "bob")


@pytest.fixture
def anonymous(service: InterviewService) -> Caller:
    return Caller(service, None)


class StatementCounter:
    """Counts the SQL statements an engine runs (to prove DataLoaders batch)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.count = 0
        event.listen(engine.sync_engine, "before_cursor_execute", self._seen)

    def _seen(self, *_: object) -> None:
        self.count += 1


@pytest.fixture
def statements(sqlite_engine: AsyncEngine) -> StatementCounter:
    return StatementCounter(sqlite_engine)


# Failing handlers are retried quickly here, so dead-lettering takes milliseconds, not minutes.
FAST_RETRY = RetryPolicy(max_attempts=2, first_delay=0.01, max_delay=0.05)
SIGNING_KEY = Ed25519PrivateKey.generate()
PUBLIC_PEM = (
    SIGNING_KEY.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode()
)


def token(user_id: str, *, key: Ed25519PrivateKey = SIGNING_KEY, expires_in: int = 900, **claims: Any) -> str:
    now = int(time.time())
    payload = {
        "sub": user_id,
        "iss": "jobgraph-users",
        "aud": "jobgraph",
        "iat": now,
        "exp": now + expires_in,
    }
    return jwt.encode({**payload, **claims}, key, algorithm="EdDSA")


@pytest.fixture
async def bus() -> AsyncIterator[InProcessBus]:
    started = InProcessBus()
    await started.start()
    yield started
    await started.stop()


@pytest.fixture
async def subgraph(tmp_path: Path, bus: InProcessBus) -> AsyncIterator[InterviewsSubgraph]:
    settings = SubgraphSettings.from_env(
        "interviews", {"JOBGRAPH_DATA_DIR": str(tmp_path), "JOBGRAPH_JWT_PUBLIC_KEY": PUBLIC_PEM}
    )
    built = build_subgraph(settings, bus=bus, retry=FAST_RETRY)
    async with built.app.router.lifespan_context(built.app):
        yield built


@pytest.fixture
async def http(subgraph: InterviewsSubgraph) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=subgraph.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://interviews", timeout=10) as client:
        yield client


async def post(client: httpx.AsyncClient, query: str, bearer: str | None, **variables: Any) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {bearer}"} if bearer is not None else {}
    response = await client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def application_event(event_type: str, application_id: str, owner: str | None) -> EventEnvelope:
    data = {"id": application_id, "company": "Acme", "position": "Engineer"}
    return EventEnvelope(type=event_type, producer="applications", user_id=owner, data=data)
