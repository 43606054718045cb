"""Fixtures for the files tests: the metadata store and the blob store on every backend, the service,
callers, and the built app."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from subgraphs.files.app import FilesSubgraph, build_subgraph
from subgraphs.files.blobs import BlobStore, LocalBlobStore
from subgraphs.files.context import FilesContext
from subgraphs.files.migrations import MIGRATIONS_DIR
from subgraphs.files.mongo_store import MongoFileStore
from subgraphs.files.s3_blobs import S3BlobStore
from subgraphs.files.schema import schema
from subgraphs.files.service import FileLimits, FileService
from subgraphs.files.settings import BlobSettings
from subgraphs.files.signing import UrlSigner
from subgraphs.files.sql_store import SqlFileStore
from subgraphs.files.store import FileStore
from subgraphs.kit.events import InProcessBus, RetryPolicy
from subgraphs.kit.settings import SubgraphSettings
from tests.subgraphs.databases import migrated_engine
from tests.subgraphs.harness import PUBLIC_PEM, Caller, TickingClock
from tests.subgraphs.mongo import mongodb_server
from tests.subgraphs.s3 import s3_server

NOW = datetime(2031, 3, 1, 8, 0, tzinfo=UTC)
FAST_RETRY = RetryPolicy(max_attempts=2, first_delay=0.01, max_delay=0.05)
SECRET = b"test-secret"
PUBLIC_URL = "http://files.test"
# Small limits, so oversize and quota cases need kilobytes, not megabytes.
LIMITS = FileLimits(max_file_bytes=64 * 1024, quota_bytes=160 * 1024)


@pytest.fixture(scope="session")
def mongodb_url() -> Iterator[str]:
    with mongodb_server() as url:
        yield url


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    with s3_server() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres), "mongodb"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[FileStore]:
    """A started, empty metadata store on each backend in turn (the contract suite runs on all three)."""
    if request.param == "mongodb":
        database = f"files_{uuid.uuid4().hex[:10]}"
        mongo = MongoFileStore(request.getfixturevalue("mongodb_url"), database=database)
        await mongo.start()
        try:
            yield mongo
        finally:
            await mongo.client.drop_database(database)
            await mongo.close()
        return
    async with migrated_engine(request.param, "files", MIGRATIONS_DIR, tmp_path) as engine:
        sql = SqlFileStore(engine)
        await sql.start()
        yield sql


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
async def sqlite_store(tmp_path: Path) -> AsyncIterator[SqlFileStore]:
    async with migrated_engine("sqlite", "files", MIGRATIONS_DIR, tmp_path) as engine:
        yield SqlFileStore(engine)


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


def caller(service: FileService, user_id: str | None) -> Caller:
    return Caller(schema, lambda identity: FilesContext(service=service, identity=identity), user_id)


@pytest.fixture
def alice(service: FileService) -> Caller:
    return caller(service, "alice")


@pytest.fixture
def bob(service: FileService) -> Caller:
    return caller(service, "bob")


@pytest.fixture
def anonymous(service: FileService) -> Caller:
    return caller(service, None)


@pytest.fixture
async def subgraph(tmp_path: Path, bus: InProcessBus, clock: TickingClock) -> AsyncIterator[FilesSubgraph]:
    settings = SubgraphSettings.from_env(
        "files", {"JOBGRAPH_DATA_DIR": str(tmp_path), "JOBGRAPH_JWT_PUBLIC_KEY": PUBLIC_PEM}
    )
    built = build_subgraph(
        settings,
        blob_settings=BlobSettings(public_url="http://subgraph", signing_secret="s3cret"),
        bus=bus,
        retry=FAST_RETRY,
        limits=LIMITS,
        clock=clock,
        clean_up_every=0.02,
    )
    async with built.app.router.lifespan_context(built.app):
        yield built
