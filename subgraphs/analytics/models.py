"""Analytics records: the projection of one application, the numbers of a search, and their SQL tables."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

import sqlalchemy as sa

from subgraphs.kit.columns import UtcDateTime
from subgraphs.kit.erasure import erased_users_table as build_erased_users_table
from subgraphs.kit.events import outbox_table as build_outbox_table
from subgraphs.kit.events import processed_events_table as build_processed_events_table


class ApplicationStatus(enum.Enum):
    """The statuses of the applications subgraph's `ApplicationStatus` (the same values, in course order)."""

    SAVED = "SAVED"
    APPLIED = "APPLIED"
    INTERVIEW = "INTERVIEW"
    OFFER = "OFFER"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"


STATUSES = tuple(ApplicationStatus)
# The funnel's steps: an application "reached" a step when its timeline ever had that status or a later step.
FUNNEL = (ApplicationStatus.APPLIED, ApplicationStatus.INTERVIEW, ApplicationStatus.OFFER)
# A company answered: any of these after the application was sent.
RESPONSES = frozenset({ApplicationStatus.INTERVIEW, ApplicationStatus.OFFER, ApplicationStatus.REJECTED})


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One status an application moved to, and when (timezone-aware UTC)."""

    status: ApplicationStatus
    changed_at: datetime


@dataclass(frozen=True, slots=True)
class TrackedApplication:
    """What analytics knows of one application, as of `version` (the producer's `updatedAt`).

    `deleted_at` set means a tombstone: the application left every number, and no later event brings it back.
    """

    id: str
    owner_id: str
    position: str | None = None
    location: str | None = None
    status: ApplicationStatus | None = None
    applied_at: datetime | None = None
    created_at: datetime | None = None
    version: datetime | None = None
    deleted_at: datetime | None = None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def sent_at(self) -> datetime | None:
        """When it counts as sent for the monthly and weekly numbers: appliedAt, else createdAt."""
        return self.applied_at or self.created_at


@dataclass(frozen=True, slots=True)
class ApplicationChange:
    """What one applications event says about an application (events.py parses envelopes into these).

    `fields` holds the TrackedApplication fields the event carried (position, location, status, applied_at,
    created_at); one it left out keeps its value. They apply only when `version` is not older than what is
    known; `timeline` entries always merge in. `deleted` tombstones the application for good.
    """

    application_id: str
    owner_id: str
    version: datetime | None
    fields: dict[str, object] = field(default_factory=dict)
    timeline: tuple[TimelineEntry, ...] = ()
    deleted: bool = False
    occurred_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ApplicationFacts:
    """The facts of one application every number is summed from, derived when its events arrive.

    Kept per application so a person's numbers are a few indexed aggregates at read time, not a replay of
    every timeline (the 5,000-application benchmark). Instants are seconds since the epoch (UTC).
    """

    sent: float
    position_category: str
    location_key: str
    location_label: str
    # Ever reached APPLIED, INTERVIEW, OFFER (in FUNNEL order).
    reached: tuple[bool, bool, bool]
    responded: bool
    # Seconds from being sent to the first answer; None without one.
    response_seconds: float | None
    # The status it is in now on its timeline, and since when.
    current: ApplicationStatus
    current_since: float
    # Per status: finished stays on the timeline (total seconds, how many).
    closed_seconds: dict[ApplicationStatus, float] = field(default_factory=dict)
    closed_stays: dict[ApplicationStatus, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AnalyticsRange:
    """Which applications the numbers cover (sent in [start, end); None is open) and in which time zone."""

    start: datetime | None
    end: datetime | None
    zone: tzinfo
    zone_name: str


@dataclass(frozen=True, slots=True)
class Totals:
    """The aggregates the store computes for one person and range; the service shapes them into Analytics."""

    by_status: dict[ApplicationStatus, int]
    by_position: dict[str, int]
    # Location key → (label, count).
    by_location: dict[str, tuple[str, int]]
    reached: tuple[int, int, int]
    responded: int
    # The median of the response times (seconds); None without answers.
    median_response_seconds: float | None
    # When the earliest of them was sent (epoch seconds); None without any.
    first_sent: float | None
    # Per status: finished stays (total seconds, how many).
    closed: dict[ApplicationStatus, tuple[float, int]]
    # Per status: applications in it now (how many, sum of the epoch seconds they entered it at).
    ongoing: dict[ApplicationStatus, tuple[int, float]]

    def stays(self, now: datetime) -> dict[ApplicationStatus, tuple[float, int]]:
        """Per status: (seconds over finished and ongoing stays, number of stays), ongoing ones up to `now`.

        The ongoing seconds of n applications are n * now - sum(since): no per-application work.
        """
        combined = {}
        for status, (seconds, number) in self.closed.items():
            count, since = self.ongoing.get(status, (0, 0.0))
            combined[status] = (seconds + count * now.timestamp() - since, number + count)
        return combined

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass(frozen=True, slots=True)
class Count:
    """A label (month, category, week) and how many."""

    key: str
    count: int


@dataclass(frozen=True, slots=True)
class FunnelStep:
    status: ApplicationStatus
    count: int
    # Share of the sent (APPLIED-step) applications; None when none was sent.
    rate: float | None


@dataclass(frozen=True, slots=True)
class StatusDuration:
    status: ApplicationStatus
    # Average length of a stay in this status, finished stays and ongoing ones so far; None without stays.
    average_days: float | None
    stays: int


@dataclass(frozen=True, slots=True)
class Analytics:
    """A person's numbers for one range; `weeklyActivity(weeks)` is counted on demand for `owner_id`."""

    total: int
    per_month: list[Count]
    by_status: list[Count]
    by_position: list[Count]
    by_location: list[Count]
    funnel: list[FunnelStep]
    response_rate: float | None
    median_days_to_response: float | None
    average_days_in_status: list[StatusDuration]
    owner_id: str
    range: AnalyticsRange
    now: datetime


metadata = sa.MetaData()


def _stay_columns() -> list[sa.Column[object]]:
    columns: list[sa.Column[object]] = []
    for status in STATUSES:
        name = status.value.lower()
        columns.append(sa.Column(f"closed_{name}_seconds", sa.Float, nullable=False, server_default="0"))
        columns.append(sa.Column(f"closed_{name}_stays", sa.Integer, nullable=False, server_default="0"))
    return columns


def application_columns() -> list[sa.Column[object]]:
    """The columns of `tracked_applications` (migration 0001 creates them; tests/subgraphs/analytics checks
    the migrated database matches)."""
    return [
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Text, nullable=True),
        sa.Column("location", sa.Text, nullable=True),
        sa.Column("status", sa.String(16), nullable=True),
        sa.Column("applied_at", UtcDateTime(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=True),
        sa.Column("version", UtcDateTime(), nullable=True),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        # The derived facts (ApplicationFacts); NULL `sent` means "not known yet" (no created-like event).
        sa.Column("sent", sa.Float, nullable=True),
        sa.Column("position_category", sa.String(32), nullable=True),
        sa.Column("location_key", sa.Text, nullable=True),
        sa.Column("location_label", sa.Text, nullable=True),
        sa.Column("reached_applied", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("reached_interview", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("reached_offer", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("responded", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("response_seconds", sa.Float, nullable=True),
        sa.Column("current_status", sa.String(16), nullable=True),
        sa.Column("current_since", sa.Float, nullable=True),
        *_stay_columns(),
    ]


def timeline_columns() -> list[sa.Column[object]]:
    """The columns of `tracked_status_changes`: a set of (status, instant) per application, so duplicates
    and late arrivals merge instead of piling up."""
    return [
        sa.Column("application_id", sa.String(64), primary_key=True),
        sa.Column("status", sa.String(16), primary_key=True),
        sa.Column("changed_at", UtcDateTime(), primary_key=True),
    ]


tracked_applications_table = sa.Table(
    "tracked_applications",
    metadata,
    *application_columns(),
    # Every read is one owner's live applications in a range of `sent`.
    sa.Index("ix_tracked_owner_sent", "owner_id", "sent"),
)
tracked_status_changes_table = sa.Table("tracked_status_changes", metadata, *timeline_columns())
# A counter per person, bumped by every event applied to their applications: computed numbers are reused
# while it stands still (AnalyticsService's cache), on any replica, since every replica reads it.
owner_versions_table = sa.Table(
    "owner_versions",
    metadata,
    sa.Column("owner_id", sa.String(64), primary_key=True),
    sa.Column("version", sa.BigInteger, nullable=False),
)

# Analytics publishes no events yet; the table keeps the kit's lifespan (which relays an outbox) uniform.
outbox_table = build_outbox_table(metadata)
# Who deleted their account (kit/erasure.py): later events about them change nothing.
erased_users_table = build_erased_users_table(metadata)
# Ids of the application events already applied (at-least-once delivery; see events.py).
processed_events_table = build_processed_events_table(metadata)


def stay_column(status: ApplicationStatus, kind: str) -> str:
    """The name of the `closed_<status>_<kind>` column (kind: seconds or stays)."""
    return f"closed_{status.value.lower()}_{kind}"
