"""Fixtures for the files tests: the metadata store and the blob store on every backend, the service,
callers, and the built app."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.files.app import FilesSubgraph, build_subgraph
from subgraphs.files.context import FilesContext
from subgraphs.files.migrations import MIGRATIONS_DIR
from subgraphs.files.mongo_store import MongoFileStore
from subgraphs.files.s3_blobs import S3BlobStore
from subgraphs.files.schema import schema
from subgraphs.files.service import FileLimits, FileService
from subgraphs.files.settings import BlobSettings
from subgraphs.files.sql_store import SqlFileStore
from subgraphs.files.store import FileStore
from subgraphs.kit.blobs import BlobStore, LocalBlobStore
from subgraphs.kit.events import InProcessBus
from subgraphs.kit.signing import UrlSigner
from tests.subgraphs.databases import DOCUMENT_BACKENDS, Migrations, document_store
from tests.subgraphs.harness import (
    FAST_RETRY,
    NOW,
    CallerFor,
    TickingClock,
    callers,
    started,
    subgraph_settings,
)
from tests.subgraphs.s3 import s3_server

SECRET = b"test-secret"
PUBLIC_URL = "http://files.test"
# Small limits, so oversize and quota cases need kilobytes, not megabytes.
LIMITS = FileLimits(max_file_bytes=64 * 1024, quota_bytes=160 * 1024)


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    with s3_server() as url:
        yield url


@pytest.fixture
def migrations() -> Migrations:
    return Migrations("files", MIGRATIONS_DIR)


def mongo_store(url: str, database: str) -> FileStore:
    return MongoFileStore(url, database=database)


@pytest.fixture(params=DOCUMENT_BACKENDS)
async def store(
    request: pytest.FixtureRequest, migrations: Migrations, tmp_path: Path
) -> AsyncIterator[FileStore]:
    """A started, empty metadata store on each backend in turn (the contract suite runs on all three)."""
    async with document_store(request, migrations, tmp_path, sql=SqlFileStore, mongo=mongo_store) as opened:
        yield opened


def s3_settings(endpoint: str) -> BlobSettings:
    return BlobSettings(
        s3_bucket=f"files-{uuid.uuid4().hex[:10]}",
        s3_endpoint_url=endpoint,
        s3_access_key_id="test",
        s3_secret_access_key="test",
    )


@pytest.fixture(params=["local", "s3"])
async def blobs(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[BlobStore]:
    """A started, empty blob store on each backend in turn."""
    if request.param == "s3":
        started: BlobStore = S3BlobStore(s3_settings(request.getfixturevalue("s3_endpoint")))
    else:
        started = LocalBlobStore(tmp_path / "blobs", PUBLIC_URL, UrlSigner(SECRET))
    await started.start()
    yield started


@pytest.fixture
def sqlite_store(sqlite_engine: AsyncEngine) -> SqlFileStore:
    return SqlFileStore(sqlite_engine)


@pytest.fixture
async def local_blobs(tmp_path: Path) -> LocalBlobStore:
    local = LocalBlobStore(tmp_path / "blobs", PUBLIC_URL, UrlSigner(SECRET))
    await local.start()
    return local


@pytest.fixture
def clock() -> TickingClock:
    return TickingClock(NOW)


@pytest.fixture
def service(sqlite_store: SqlFileStore, local_blobs: LocalBlobStore, clock: TickingClock) -> FileService:
    return FileService(sqlite_store, local_blobs, limits=LIMITS, clock=clock)


@pytest.fixture
def as_user(service: FileService) -> CallerFor:
    return callers(schema, FilesContext, service)


@pytest.fixture
async def subgraph(tmp_path: Path, bus: InProcessBus, clock: TickingClock) -> AsyncIterator[FilesSubgraph]:
    built = build_subgraph(
        subgraph_settings("files", tmp_path),
        blob_settings=BlobSettings(public_url="http://subgraph", signing_secret="s3cret"),
        bus=bus,
        retry=FAST_RETRY,
        limits=LIMITS,
        clock=clock,
        clean_up_every=0.02,
    )
    async with started(built):
        yield built
