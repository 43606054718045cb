"""Composition root of the files subgraph: settings → stores (metadata, blobs) → service → schema → ASGI app.

Metadata is MongoDB when `FILES_MONGODB_URL` is set (production), else JSON documents in SQL (the SQLite file
under the data directory, or `FILES_DATABASE_URL`); blobs are in S3 when `FILES_S3_BUCKET` is set, else in
`<data_dir>/files/` behind the app's signed `/blobs/` routes. A background task deletes uploads never
completed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.applications import Starlette

from subgraphs.files.context import FilesContext
from subgraphs.files.events import application_consumer
from subgraphs.files.routes import blob_routes
from subgraphs.files.schema import schema
from subgraphs.files.service import FileLimits, FileService, utc_now
from subgraphs.files.settings import BlobSettings
from subgraphs.files.sql_store import SqlFileStore
from subgraphs.files.store import FileStore
from subgraphs.kit.app import ConsumesEvents, SubgraphGraphQL, subgraph_app, subgraph_lifespan, verifier_for
from subgraphs.kit.auth import TokenVerifier
from subgraphs.kit.blobs import BlobStore, LocalBlobStore
from subgraphs.kit.db import create_engine
from subgraphs.kit.events import EventBus, EventConsumer, OutboxSource, RetryPolicy
from subgraphs.kit.idempotency import IdempotencyGuard
from subgraphs.kit.settings import SubgraphSettings
from subgraphs.kit.signing import UrlSigner, load_or_create_secret

NAME = "files"
CLEAN_UP_EVERY_SECONDS = 300.0
# Where the generated secret of the embedded blob URLs is kept (FILES_SIGNING_SECRET replaces it).
SIGNING_KEY_FILE = "files-signing.key"

logger = logging.getLogger("subgraphs.files")


@dataclass(frozen=True, slots=True)
class FilesSubgraph(ConsumesEvents):
    """The built subgraph: the ASGI app plus its stores, service and event consumer."""

    app: Starlette
    service: FileService
    store: FileStore
    blobs: BlobStore
    consumer: EventConsumer

    @property
    def outbox(self) -> async_sessionmaker[AsyncSession] | OutboxSource:
        """What a host's `OutboxRelay` drains to publish file events."""
        return self.store.outbox


def build_store(settings: SubgraphSettings) -> FileStore:
    """MongoDB when the settings name one, else SQL documents on the settings' database."""
    if settings.mongodb_url:
        from subgraphs.files.mongo_store import MongoFileStore

        return MongoFileStore(settings.mongodb_url)
    return SqlFileStore(create_engine(settings.database_url))


def build_blobs(settings: SubgraphSettings, blob_settings: BlobSettings) -> BlobStore:
    """S3 when a bucket is configured, else the local directory with HMAC-signed URLs."""
    if blob_settings.s3_bucket:
        from subgraphs.files.s3_blobs import S3BlobStore

        return S3BlobStore(blob_settings)
    secret = load_or_create_secret(settings.data_dir, blob_settings.signing_secret, SIGNING_KEY_FILE)
    signer = UrlSigner(secret)
    return LocalBlobStore(settings.data_dir / "files", blob_settings.public_url, signer)


def build_subgraph(
    settings: SubgraphSettings,
    *,
    environ: Mapping[str, str] | None = None,
    blob_settings: BlobSettings | None = None,
    bus: EventBus | None = None,
    verifier: TokenVerifier | None = None,
    clock: Callable[[], datetime] = utc_now,
    retry: RetryPolicy | None = None,
    store: FileStore | None = None,
    blobs: BlobStore | None = None,
    limits: FileLimits = FileLimits(),
    clean_up_every: float = CLEAN_UP_EVERY_SECONDS,
) -> FilesSubgraph:
    """Build the subgraph from `settings` and the blob settings of `environ` (default: the process's
    environment); the stores are prepared when the app starts.

    With `bus` (owned by the host), start-up subscribes the `files` consumer (application events and
    `user.deleted`) and runs an outbox relay publishing file events until shutdown. Every
    `clean_up_every` seconds uploads never completed are deleted.
    """
    store = store or build_store(settings)
    blobs = blobs or build_blobs(settings, blob_settings or BlobSettings.from_env(environ))
    service = FileService(store, blobs, limits=limits, clock=clock)
    consumer = application_consumer(store, blobs, service.exports, retry=retry)
    graphql = SubgraphGraphQL(
        schema,
        lambda identity, error: FilesContext(service=service, identity=identity, auth_error=error),
        verifier_for(settings, verifier),
        idempotency=IdempotencyGuard(store.idempotency),
        multipart_uploads=True,
    )
    cleaner = _Cleaner(service, clean_up_every)

    async def start() -> None:
        await store.start()
        await blobs.start()
        cleaner.start()

    async def stop() -> None:
        await cleaner.stop()
        await store.close()

    lifespan = subgraph_lifespan(
        settings, start=start, stop=stop, outbox=store.outbox, bus=bus, consumer=consumer
    )
    routes = blob_routes(blobs, clock, service.awaits_bytes) if isinstance(blobs, LocalBlobStore) else []
    app = subgraph_app(NAME, graphql, lifespan, routes=routes)
    return FilesSubgraph(app=app, service=service, store=store, blobs=blobs, consumer=consumer)


class _Cleaner:
    """Runs `service.clean_up()` (and fails overdue data exports) every `every` seconds while the app runs."""

    def __init__(self, service: FileService, every: float) -> None:
        self._service = service
        self._every = every
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="files-clean-up")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            try:
                if removed := await self._service.clean_up():
                    logger.info("deleted %d uploads never completed", removed)
                if failed := await self._service.exports.fail_overdue():
                    logger.warning("%d data exports failed: parts did not arrive in time", failed)
            except Exception:  # the next round retries; a failure here must not stop the subgraph
                logger.exception("cleaning up uploads failed")
            await asyncio.sleep(self._every)


def create_app(settings: SubgraphSettings | None = None) -> Starlette:
    """The ASGI app for `settings` (default: read from the environment now)."""
    return build_subgraph(settings or SubgraphSettings.from_env(NAME)).app
