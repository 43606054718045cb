"""Events files publishes (its public contract) and the application events it consumes.

Published, routing key = `type`, `user_id` = the file's owner, `data` in camelCase like the API:
- `file.uploaded`: id, name, contentType, size, kind, applicationId, createdAt, text (the extracted text, or
  null; search indexes the name and text of files attached to an application, `snapshot.py` replays them)
- `file.deleted`: id, name, kind, applicationId
The applications subgraph adds those with an `applicationId` to the application's timeline (document
attached / removed).

Consumed (queue `files.events`): `application.created`, `application.updated` and `application.snapshot`
(data: id, description — applications publishes the job description since this subgraph needs it; a snapshot
lets a files subgraph deployed late catch up) feed the projection application → owner and job description,
used to check `applicationId` and for `Application.resumeMatch`; `application.deleted` drops it and
detaches the application's documents (they stay the person's files: a resume or an offer letter is worth
keeping after the application is gone, and deleting is one call away). `user.deleted` (users' contract)
erases the person: the bytes of every file of theirs in the blob store (local directory or S3, uploads still
pending too) first, then — once per event id — their file metadata, resume, projected applications and their
events still in the outbox. A failure deleting bytes fails the delivery before anything is forgotten, so the
retry finds the same files; their data exports' archives go too. Application events about an erased person
that arrive later are dropped.

`export.requested` (files publishes it; `exportMyData`): data `exportId`, `domains` (the parts awaited),
`user_id` the person. Consumed: `export.part` from every subgraph holding personal data (the chunked part
format is in subgraphs/kit/exports.py); files assembles the archive (subgraphs/files/exports.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from subgraphs.files.models import KnownApplication, StoredFile
from subgraphs.files.store import FileStore
from subgraphs.kit.blobs import BlobStore
from subgraphs.kit.erasure import USER_DELETED
from subgraphs.kit.events import EventConsumer, EventEnvelope, RetryPolicy
from subgraphs.kit.exports import EXPORT_PART

if TYPE_CHECKING:
    # Only for annotations: exports.py imports this module's PRODUCER.
    from subgraphs.files.exports import DataExports

PRODUCER = "files"
CONSUMER = "files"
APPLICATION_CREATED = "application.created"
APPLICATION_UPDATED = "application.updated"
APPLICATION_DELETED = "application.deleted"
APPLICATION_SNAPSHOT = "application.snapshot"


@dataclass(frozen=True, slots=True)
class FileUploaded:
    file: StoredFile
    type: ClassVar[str] = "file.uploaded"

    def data(self) -> dict[str, object]:
        return {
            "id": self.file.id,
            "name": self.file.name,
            "contentType": self.file.content_type,
            "size": self.file.size,
            "kind": self.file.kind.value,
            "applicationId": self.file.application_id,
            "createdAt": self.file.created_at.isoformat(),
            "text": self.file.text,
        }


@dataclass(frozen=True, slots=True)
class FileDeleted:
    file: StoredFile
    type: ClassVar[str] = "file.deleted"

    def data(self) -> dict[str, object]:
        return {
            "id": self.file.id,
            "name": self.file.name,
            "kind": self.file.kind.value,
            "applicationId": self.file.application_id,
        }


FileEvent = FileUploaded | FileDeleted


def envelope(event: FileEvent) -> EventEnvelope:
    """The envelope the outbox stores for `event`; `user_id` is the file's owner."""
    return EventEnvelope(type=event.type, producer=PRODUCER, user_id=event.file.owner_id, data=event.data())


class MalformedEvent(ValueError):
    """An application event without an id or owner (the bus retries, then dead-letters it)."""


def application_consumer(
    store: FileStore, blobs: BlobStore, exports: DataExports, *, retry: RetryPolicy | None = None
) -> EventConsumer:
    """The consumer of `files.events`: keeps the applications projection current and erases deleted people;
    idempotent (the store claims the event id in the same transaction as the change)."""

    async def created_or_updated(event: EventEnvelope) -> None:
        application_id, owner_id = _application_of(event)
        description = event.data.get("description")
        if description is not None and not isinstance(description, str):
            raise MalformedEvent(f"{event.type} event {event.id} has a non-string description")
        known = KnownApplication(application_id, owner_id, description or None)
        await store.project_application(
            CONSUMER, event.id, known, description_known="description" in event.data
        )

    async def deleted(event: EventEnvelope) -> None:
        application_id, _ = _application_of(event)
        await store.forget_application(CONSUMER, event.id, application_id)

    async def user_deleted(event: EventEnvelope) -> None:
        if not event.user_id:
            raise MalformedEvent(f"{event.type} event {event.id} has no user_id")
        for file in await store.owned_by(event.user_id):
            await blobs.delete(file.upload_key)
            await blobs.delete(file.blob_key)
        for export in await store.exports_of(event.user_id):
            await blobs.delete(export.blob_key)
        await store.erase_owner(CONSUMER, event.id, event.user_id)

    handlers = {
        USER_DELETED: user_deleted,
        EXPORT_PART: exports.part_arrived,
        APPLICATION_CREATED: created_or_updated,
        APPLICATION_UPDATED: created_or_updated,
        APPLICATION_SNAPSHOT: created_or_updated,
        APPLICATION_DELETED: deleted,
    }
    return EventConsumer(CONSUMER, handlers, retry=retry)


def _application_of(event: EventEnvelope) -> tuple[str, str]:
    application_id = event.data.get("id")
    if not isinstance(application_id, str) or not application_id or not event.user_id:
        raise MalformedEvent(f"{event.type} event {event.id} has no application id or owner")
    return application_id, event.user_id
