"""Fixtures every subgraph's tests share: the in-process event bus, HTTP into the package's `subgraph`,
migrated SQL databases of the package's `migrations`, MongoDB, and callers of the package's `as_user`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.kit.events import InProcessBus
from tests.subgraphs.databases import SQL_BACKENDS, Migrations
from tests.subgraphs.harness import Caller, CallerFor
from tests.subgraphs.mongo import mongodb_server


@pytest.fixture
async def bus() -> AsyncIterator[InProcessBus]:
    started = InProcessBus()
    await started.start()
    yield started
    await started.stop()


@pytest.fixture
async def http(subgraph: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the built, started subgraph that the test package's `subgraph` fixture provides."""
    transport = httpx.ASGITransport(app=subgraph.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://subgraph", timeout=10) as client:
        yield client


@pytest.fixture(params=SQL_BACKENDS)
async def backend_engine(
    request: pytest.FixtureRequest, migrations: Migrations, tmp_path: Path
) -> AsyncIterator[AsyncEngine]:
    """A migrated database of the package's subgraph on each SQL backend in turn (store contract suites)."""
    async with migrations.engine(request.param, tmp_path) as engine:
        yield engine


@pytest.fixture
async def sqlite_engine(migrations: Migrations, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A migrated SQLite database of the package's subgraph (the embedded default)."""
    async with migrations.engine("sqlite", tmp_path) as engine:
        yield engine


@pytest.fixture(scope="session")
def mongodb_url() -> Iterator[str]:
    """One MongoDB-wire server for the session; each test uses a database of its own."""
    with mongodb_server() as url:
        yield url


@pytest.fixture
def alice(as_user: CallerFor) -> Caller:
    return as_user("alice")


@pytest.fixture
def bob(as_user: CallerFor) -> Caller:
    return as_user("bob")


@pytest.fixture
def anonymous(as_user: CallerFor) -> Caller:
    return as_user(None)
