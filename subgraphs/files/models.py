"""Files as domain values, their document form, and the SQL tables of the embedded metadata store.

A file's metadata is a JSON document (DESIGN.md: files metadata is a document store, like contacts); the SQL
backend keeps the fields it filters and sorts by in indexed columns next to the `doc` column. The bytes live
in a blob store under `blob_key` (direct uploads land at `upload_key` first), never in the metadata.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from subgraphs.kit.columns import UtcDateTime
from subgraphs.kit.erasure import erased_users_table
from subgraphs.kit.events import outbox_table, processed_events_table
from subgraphs.kit.idempotency import idempotency_table

# What a direct upload's blob key ends with (`StoredFile.upload_key`).
UPLOAD_SUFFIX = ".upload"


class FileKind(enum.Enum):
    RESUME = "RESUME"
    COVER_LETTER = "COVER_LETTER"
    OFFER = "OFFER"
    OTHER = "OTHER"


class FileStatus(enum.Enum):
    # Announced by createUpload; the bytes are not there or not checked yet.
    PENDING = "PENDING"
    # Checked (size, checksum, real type) and its text extracted: visible and downloadable.
    READY = "READY"


@dataclass(frozen=True, slots=True)
class StoredFile:
    """One uploaded (or announced) file of `owner_id`."""

    id: str
    owner_id: str
    name: str
    content_type: str
    size: int
    kind: FileKind
    status: FileStatus
    created_at: datetime
    application_id: str | None = None
    # Hex SHA-256 the client announced (PENDING) or of the stored bytes (READY); None when not announced.
    checksum: str | None = None
    # A PENDING file's upload URL stops working then; the clean-up deletes it a while later.
    expires_at: datetime | None = None
    # Extracted text of PDF, DOCX and TXT files (None for images), capped at `MAX_TEXT` characters.
    text: str | None = None

    @property
    def blob_key(self) -> str:
        """Where the checked bytes are in the blob store: per owner, so a prefix lists a person's blobs."""
        return f"{self.owner_id}/{self.id}"

    @property
    def upload_key(self) -> str:
        """Where a direct upload's URL writes. Never read once the file is READY: the checked bytes move to
        `blob_key`, so a second PUT with a still-valid URL cannot replace a checked file's content."""
        return f"{self.owner_id}/{self.id}{UPLOAD_SUFFIX}"

    def to_doc(self) -> dict[str, Any]:
        """The JSON document form (datetimes as ISO 8601)."""
        return {
            "id": self.id,
            "owner_id": self.owner_id,
            "name": self.name,
            "content_type": self.content_type,
            "size": self.size,
            "kind": self.kind.value,
            "status": self.status.value,
            "created_at": self.created_at.isoformat(),
            "application_id": self.application_id,
            "checksum": self.checksum,
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
            "text": self.text,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> StoredFile:
        expires = doc.get("expires_at")
        return cls(
            id=doc["id"],
            owner_id=doc["owner_id"],
            name=doc["name"],
            content_type=doc["content_type"],
            size=int(doc["size"]),
            kind=FileKind(doc["kind"]),
            status=FileStatus(doc["status"]),
            created_at=datetime.fromisoformat(doc["created_at"]),
            application_id=doc.get("application_id"),
            checksum=doc.get("checksum"),
            expires_at=datetime.fromisoformat(expires) if expires else None,
            text=doc.get("text"),
        )


@dataclass(frozen=True, slots=True)
class CreatedKey:
    """A position in the newest-first order of a person's files: `after` cursors decode to one."""

    created_at: datetime
    id: str


@dataclass(frozen=True, slots=True)
class FilePage:
    """One page of a person's READY files plus what the connection needs around it."""

    items: list[StoredFile] = field(default_factory=list)
    has_next_page: bool = False
    total_count: int = 0


@dataclass(frozen=True, slots=True)
class KnownApplication:
    """What files knows of an application, from applications' events: whose it is and its job description."""

    id: str
    owner_id: str
    description: str | None = None


class ExportStatus(enum.Enum):
    # Waiting for the parts of the other subgraphs.
    PENDING = "PENDING"
    # The archive is in the blob store.
    READY = "READY"
    # Some part did not arrive in time (`missing` names the domains).
    FAILED = "FAILED"


@dataclass(frozen=True, slots=True)
class DataExport:
    """One `exportMyData` request of `owner_id`: the parts it waits for (`domains`) and how it ended."""

    id: str
    owner_id: str
    status: ExportStatus
    created_at: datetime
    domains: tuple[str, ...]
    finished_at: datetime | None = None
    missing: tuple[str, ...] = ()
    size: int | None = None

    @property
    def blob_key(self) -> str:
        """Where the archive is: under the owner's prefix, so erasing the person's blobs takes it too."""
        return f"{self.owner_id}/export-{self.id}.zip"

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "owner_id": self.owner_id,
            "status": self.status.value,
            "created_at": self.created_at.isoformat(),
            "domains": list(self.domains),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "missing": list(self.missing),
            "size": self.size,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> DataExport:
        finished = doc.get("finished_at")
        return cls(
            id=doc["id"],
            owner_id=doc["owner_id"],
            status=ExportStatus(doc["status"]),
            created_at=datetime.fromisoformat(doc["created_at"]),
            domains=tuple(doc["domains"]),
            finished_at=datetime.fromisoformat(finished) if finished else None,
            missing=tuple(doc.get("missing") or ()),
            size=doc.get("size"),
        )


@dataclass(frozen=True, slots=True)
class ExportPart:
    """One chunk of one subgraph's part of a data export (subgraphs/kit/exports.py)."""

    export_id: str
    domain: str
    # One publication of the part: a re-published part has another, and chunks of two never mix.
    part_id: str
    index: int
    count: int
    chunk: str


metadata = sa.MetaData()

files = sa.Table(
    "files",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("owner_id", sa.String(64), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("application_id", sa.String(64)),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("expires_at", UtcDateTime()),
    sa.Column("doc", sa.JSON, nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Index("ix_files_owner_created", "owner_id", "created_at", "id"),
    sa.Index("ix_files_application", "application_id"),
    sa.Index("ix_files_pending_expiry", "status", "expires_at"),
)

# Each person's current resume (User.resume): one row per person who has set one.
resumes = sa.Table(
    "resumes",
    metadata,
    sa.Column("owner_id", sa.String(64), primary_key=True),
    sa.Column("file_id", sa.String(36), nullable=False, index=True),
)

# The projection of applications fed by application.created / updated / deleted.
applications = sa.Table(
    "applications",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("owner_id", sa.String(64), nullable=False),
    sa.Column("description", sa.Text),
)

# Data exports (`exportMyData`) and the chunks of the parts the other subgraphs sent for them.
exports = sa.Table(
    "exports",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("owner_id", sa.String(64), nullable=False),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("doc", sa.JSON, nullable=False),
    sa.Index("ix_exports_owner_created", "owner_id", "created_at"),
    sa.Index("ix_exports_status_created", "status", "created_at"),
    # One PENDING export per person, even for two requests at the same instant.
    sa.Index(
        "ux_exports_one_pending",
        "owner_id",
        unique=True,
        sqlite_where=sa.text("status = 'PENDING'"),
        postgresql_where=sa.text("status = 'PENDING'"),
    ),
)
export_parts = sa.Table(
    "export_parts",
    metadata,
    sa.Column("export_id", sa.String(36), primary_key=True),
    sa.Column("domain", sa.String(32), primary_key=True),
    sa.Column("part_id", sa.String(36), primary_key=True),
    sa.Column("chunk_index", sa.Integer, primary_key=True),
    sa.Column("chunk_count", sa.Integer, nullable=False),
    sa.Column("chunk", sa.Text, nullable=False),
)

outbox = outbox_table(metadata)
idempotency_keys = idempotency_table(metadata)
processed_events = processed_events_table(metadata)
# Who deleted their account (kit/erasure.py): later application events about them change nothing.
erased_users = erased_users_table(metadata)
