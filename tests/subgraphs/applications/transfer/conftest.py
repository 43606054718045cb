"""Fixtures of the export and import tests: the transfer service on each SQL backend, its export store, and
the application service that makes the data to export."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.applications.service import ApplicationService
from subgraphs.applications.transfer.service import ExportFile, TransferLimits, TransferService
from subgraphs.kit.blobs import LocalBlobStore
from tests.subgraphs.applications.conftest import RecordedEvents
from tests.subgraphs.harness import TickingClock

LIMITS = TransferLimits(max_import_bytes=64 * 1024, max_import_rows=50, max_export_rows=200)


@pytest.fixture
def applications(
    backend_engine: AsyncEngine, recorded: RecordedEvents, clock: TickingClock
) -> ApplicationService:
    return ApplicationService(
        async_sessionmaker(backend_engine, expire_on_commit=False), recorded, clock=clock
    )


@pytest.fixture
def transfer(  # on every backend, where the package's fixture is SQLite only
    backend_engine: AsyncEngine, recorded: RecordedEvents, clock: TickingClock, exports: LocalBlobStore
) -> TransferService:
    sessions = async_sessionmaker(backend_engine, expire_on_commit=False)
    return TransferService(sessions, recorded.many, exports, clock=clock, limits=LIMITS)


def content_of(exports: LocalBlobStore, export: ExportFile) -> bytes:
    """The bytes behind an export's URL, read from the store (the route is tested through the app)."""
    key = urlsplit(export.url).path.removeprefix("/blobs/")
    return exports.path(key).read_bytes()
