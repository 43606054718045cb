"""Interview domain records and the SQL tables they persist to (no Strawberry here)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from subgraphs.kit.columns import UtcDateTime
from subgraphs.kit.erasure import erased_users_table as build_erased_users_table
from subgraphs.kit.events import outbox_table as build_outbox_table
from subgraphs.kit.events import processed_events_table as build_processed_events_table
from subgraphs.kit.idempotency import idempotency_table
from subgraphs.kit.keep import KEEP, Keep


class InterviewType(enum.Enum):
    """How the interview happens; decides which of `location` / `meeting_url` may be set."""

    PHONE = "PHONE"
    ONSITE = "ONSITE"
    ONLINE = "ONLINE"


@dataclass(frozen=True, slots=True)
class Interview:
    """One scheduled interview. Times are timezone-aware UTC; `owner_id` is the user who scheduled it."""

    id: str
    owner_id: str
    application_id: str
    starts_at: datetime
    duration_minutes: int
    type: InterviewType
    location: str | None
    meeting_url: str | None
    details: str | None
    created_at: datetime
    updated_at: datetime
    # Cancelling keeps the row (reminders and history refer to it); None means the interview is still on.
    cancelled_at: datetime | None = None

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


@dataclass(frozen=True, slots=True)
class KnownApplication:
    """This subgraph's projection of an application owned by the applications subgraph.

    Built from `application.created` / `application.deleted` events: interviews never reads the
    applications database, so this is how it knows whose application an id is. A deleted application keeps
    its row as a tombstone so that a late, redelivered `application.created` cannot bring it back.

    A row with `claimed_at` is a claim, not yet a fact: someone scheduled an interview for an id the events
    had not announced yet (the broker may be down for minutes), and the claim makes them its provisional
    owner. `application.created` confirms it or, naming another owner, overrules it (service.py).
    """

    id: str
    owner_id: str
    deleted_at: datetime | None = None
    claimed_at: datetime | None = None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def claimed(self) -> bool:
        """Whether this row is only a claim that `application.created` has not confirmed yet."""
        return self.claimed_at is not None


metadata = sa.MetaData()

interviews_table = sa.Table(
    "interviews",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("owner_id", sa.String(64), nullable=False),
    sa.Column("application_id", sa.String(64), nullable=False),
    sa.Column("starts_at", UtcDateTime(), nullable=False),
    sa.Column("duration_minutes", sa.Integer, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("location", sa.Text, nullable=True),
    sa.Column("meeting_url", sa.Text, nullable=True),
    sa.Column("details", sa.Text, nullable=True),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Column("cancelled_at", UtcDateTime(), nullable=True),
    sa.CheckConstraint("duration_minutes BETWEEN 1 AND 1440", name="ck_interviews_duration"),
    # Every list is per owner and ordered by start time; Application.interviews batches by application id.
    sa.Index("ix_interviews_owner_starts", "owner_id", "starts_at", "id"),
    sa.Index("ix_interviews_application", "application_id"),
)

known_applications_table = sa.Table(
    "known_applications",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("owner_id", sa.String(64), nullable=False),
    sa.Column("deleted_at", UtcDateTime(), nullable=True),
    # Set while the row is an unconfirmed claim (see KnownApplication); the sweep finds stale ones by it.
    sa.Column("claimed_at", UtcDateTime(), nullable=True),
    sa.Index("ix_known_applications_claimed_at", "claimed_at"),
)


# The transactional outbox: interview events are written with the change (DESIGN.md, Events).
outbox_table = build_outbox_table(metadata)
# Who deleted their account (kit/erasure.py): later events about them change nothing.
erased_users_table = build_erased_users_table(metadata)
idempotency_keys = idempotency_table(metadata)
# Ids of the application events already applied (at-least-once delivery; see events.py).
processed_events_table = build_processed_events_table(metadata)


def interview_from_row(row: sa.RowMapping) -> Interview:
    """Map a row of `interviews_table` to the domain record."""
    return Interview(
        id=row["id"],
        owner_id=row["owner_id"],
        application_id=row["application_id"],
        starts_at=row["starts_at"],
        duration_minutes=row["duration_minutes"],
        type=InterviewType(row["type"]),
        location=row["location"],
        meeting_url=row["meeting_url"],
        details=row["details"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        cancelled_at=row["cancelled_at"],
    )


def interview_to_row(interview: Interview) -> dict[str, object]:
    """The column values of `interview` for an insert or update."""
    return {
        "id": interview.id,
        "owner_id": interview.owner_id,
        "application_id": interview.application_id,
        "starts_at": interview.starts_at,
        "duration_minutes": interview.duration_minutes,
        "type": interview.type.value,
        "location": interview.location,
        "meeting_url": interview.meeting_url,
        "details": interview.details,
        "created_at": interview.created_at,
        "updated_at": interview.updated_at,
        "cancelled_at": interview.cancelled_at,
    }


@dataclass(frozen=True, slots=True)
class InterviewQuery:
    """What `interviews(filter:)` selects: start time in [starts_from, starts_before), any of `types`."""

    starts_from: datetime | None = None
    starts_before: datetime | None = None
    # Empty means every type.
    types: frozenset[InterviewType] = frozenset()
    include_cancelled: bool = False


@dataclass(frozen=True, slots=True)
class StartsAtKey:
    """A position in the `startsAt` ascending order; the id breaks ties between equal start times."""

    starts_at: datetime
    id: str


@dataclass(frozen=True, slots=True)
class ScheduleInterview:
    """Schedule an interview for one of the caller's applications."""

    application_id: str
    starts_at: datetime
    duration_minutes: int
    type: InterviewType
    location: str | None = None
    meeting_url: str | None = None
    details: str | None = None


@dataclass(frozen=True, slots=True)
class UpdateInterview:
    """Change some fields of an interview; KEEP leaves a field unchanged, None clears a nullable one.

    `starts_at`, `duration_minutes` and `type` are required on the interview, so None for them is invalid
    input rather than "clear".
    """

    starts_at: datetime | Keep | None = KEEP
    duration_minutes: int | Keep | None = KEEP
    type: InterviewType | Keep | None = KEEP
    location: str | Keep | None = KEEP
    meeting_url: str | Keep | None = KEEP
    details: str | Keep | None = KEEP
