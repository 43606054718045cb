"""The file metadata store protocol; backends: SQL documents (`sql_store`, SQLite or PostgreSQL) and MongoDB.

Every change that others hear about (a file becoming READY, a READY file deleted) takes its event and
commits both together (DESIGN.md, Events). Reads by id are not owner-scoped, because a resume is visible to
other signed-in people; the service decides who sees what.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.files.models import (
    CreatedKey,
    DataExport,
    ExportPart,
    FileKind,
    FilePage,
    KnownApplication,
    StoredFile,
)
from subgraphs.kit.events import EventEnvelope, OutboxSource
from subgraphs.kit.idempotency import IdempotencyStore


class FileStore(Protocol):
    """Where file metadata, current resumes, the applications projection, the outbox and processed ids
    live."""

    async def start(self) -> None:
        """Prepare the database (SQL: migrations; MongoDB: indexes); safe to call again."""

    async def close(self) -> None:
        """Release the database connections."""

    async def get_many(self, ids: Sequence[str]) -> dict[str, StoredFile]:
        """The files among `ids` in any status, by id (one query however many ids)."""

    async def find(
        self, owner_id: str, kind: FileKind | None, after: CreatedKey | None, limit: int
    ) -> FilePage:
        """The owner's READY files, newest first (then id), after `after`, at most `limit`, of `kind` if
        given; `total_count` counts every match regardless of `after`."""

    async def for_applications(self, owner_id: str, application_ids: Sequence[str]) -> list[StoredFile]:
        """The owner's READY files attached to any of `application_ids`, oldest first."""

    def all_ready(self, batch_size: int) -> AsyncIterator[list[StoredFile]]:
        """Every READY file of every owner, in batches by id (for the files snapshot)."""

    async def usage(self, owner_id: str) -> int:
        """Bytes the owner's files take or have reserved (READY and PENDING)."""

    async def insert(self, file: StoredFile) -> None:
        """Save a PENDING file (nobody hears of it until it is READY)."""

    async def mark_ready(self, file: StoredFile, event: EventEnvelope) -> bool:
        """Replace the PENDING file with `file` (READY) and record its event; False when it is not PENDING."""

    async def delete(self, file: StoredFile, event: EventEnvelope | None) -> bool:
        """Remove the file (and the resume pointing at it) with its event, if any; False when it was gone."""

    async def expired_pending(self, before: datetime, limit: int) -> list[StoredFile]:
        """PENDING files whose upload expired before `before`, oldest first."""

    async def set_resume(self, owner_id: str, file_id: str | None) -> None:
        """Make `file_id` the owner's current resume (None: no resume)."""

    async def resumes(self, owner_ids: Sequence[str]) -> dict[str, str]:
        """Owner id → current resume file id, for those among `owner_ids` who have one."""

    async def application(self, application_id: str) -> KnownApplication | None:
        """The projected application with this id."""

    async def applications(self, ids: Sequence[str]) -> dict[str, KnownApplication]:
        """The projected applications among `ids`, by id."""

    async def project_application(
        self, consumer: str, event_id: str, application: KnownApplication, *, description_known: bool
    ) -> bool:
        """Upsert the projected application once per event id (False when the id was already claimed).

        Without `description_known` (an event that does not carry it) a stored description is kept.
        """

    async def forget_application(self, consumer: str, event_id: str, application_id: str) -> bool:
        """Drop the projected application and detach its documents, once per event id."""

    async def owned_by(self, owner_id: str) -> list[StoredFile]:
        """Every file of the owner in any status (PENDING uploads too), oldest first."""

    async def erase_owner(self, consumer: str, event_id: str, owner_id: str) -> bool:
        """`user.deleted`, once per event id: delete the owner's file metadata, resume, projected
        applications and events in the outbox (their blobs are the caller's); False if already applied."""

    async def is_erased(self, owner_id: str) -> bool:
        """Whether `owner_id` deleted their account (`erase_owner` remembers it)."""

    async def start_export(self, export: DataExport, event: EventEnvelope) -> bool:
        """Save a PENDING export and its `export.requested` event; False (nothing saved) when the owner has
        one PENDING already."""

    async def export(self, export_id: str) -> DataExport | None:
        """The export with this id, whoever's."""

    async def exports_of(self, owner_id: str) -> list[DataExport]:
        """The owner's exports, newest first."""

    async def pending_exports(self, created_before: datetime) -> list[DataExport]:
        """PENDING exports created before `created_before` (they ran out of time)."""

    async def add_export_part(self, part: ExportPart) -> None:
        """Keep one chunk of a part (a re-delivered chunk replaces nothing)."""

    async def export_parts(self, export_id: str) -> list[ExportPart]:
        """Every chunk kept for the export, by domain then index."""

    async def finish_export(self, export: DataExport) -> bool:
        """Save the export's outcome (READY or FAILED) and drop its chunks; False when it was not PENDING."""

    async def outbox_events(self) -> list[EventEnvelope]:
        """Every event in the outbox, oldest first, sent or not (for inspection and tests)."""

    @property
    def outbox(self) -> async_sessionmaker[AsyncSession] | OutboxSource:
        """Where this store's events wait to be published: what `OutboxRelay` drains."""

    @property
    def idempotency(self) -> IdempotencyStore:
        """Where the idempotency keys of this subgraph's mutations are kept (kit/idempotency)."""
