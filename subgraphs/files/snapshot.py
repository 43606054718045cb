"""The files snapshot (public contract, like `events.py`): every READY file as a `file.uploaded` event (its
extracted text included) dated at its upload, for consumers rebuilding their views; deleted files are gone,
and a file detached from a deleted application carries `applicationId` null."""

from __future__ import annotations

from collections.abc import AsyncIterator

from subgraphs.files.events import PRODUCER, FileUploaded
from subgraphs.files.store import FileStore
from subgraphs.kit.events import EventEnvelope
from subgraphs.kit.snapshot import SNAPSHOT_BATCH, snapshot_event


async def snapshot(store: FileStore) -> AsyncIterator[list[EventEnvelope]]:
    """Batches of snapshot events read from a started file store."""
    async for files in store.all_ready(SNAPSHOT_BATCH):
        yield [
            snapshot_event(
                FileUploaded.type, PRODUCER, file.owner_id, FileUploaded(file).data(), file.created_at
            )
            for file in files
        ]
