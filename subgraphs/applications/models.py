"""Application domain records and the SQL tables they persist to (no Strawberry here)."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from subgraphs.kit.columns import UtcDateTime
from subgraphs.kit.erasure import erased_users_table as build_erased_users_table
from subgraphs.kit.events import outbox_table as build_outbox_table
from subgraphs.kit.events import processed_events_table as build_processed_events_table
from subgraphs.kit.idempotency import idempotency_table
from subgraphs.kit.keep import KEEP, Keep


class ApplicationStatus(enum.Enum):
    """Where an application stands; the order is the usual course of a hiring process."""

    SAVED = "SAVED"
    APPLIED = "APPLIED"
    INTERVIEW = "INTERVIEW"
    OFFER = "OFFER"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"


# Sent and not yet closed: the dashboard's "in progress" count. SAVED has not been sent; REJECTED and
# WITHDRAWN are over.
IN_PROGRESS = frozenset({ApplicationStatus.APPLIED, ApplicationStatus.INTERVIEW, ApplicationStatus.OFFER})


class SalaryPeriod(enum.Enum):
    """What one salary amount pays for."""

    HOUR = "HOUR"
    DAY = "DAY"
    MONTH = "MONTH"
    YEAR = "YEAR"


class ApplicationSource(enum.Enum):
    """Where the person found the job."""

    LINKEDIN = "LINKEDIN"
    REFERRAL = "REFERRAL"
    COMPANY_SITE = "COMPANY_SITE"
    JOB_BOARD = "JOB_BOARD"
    RECRUITER = "RECRUITER"
    OTHER = "OTHER"


class WorkMode(enum.Enum):
    """Where the work is done."""

    REMOTE = "REMOTE"
    HYBRID = "HYBRID"
    ONSITE = "ONSITE"


class EmploymentType(enum.Enum):
    """What kind of contract the job is."""

    FULL_TIME = "FULL_TIME"
    PART_TIME = "PART_TIME"
    CONTRACT = "CONTRACT"
    INTERNSHIP = "INTERNSHIP"


class ApplicationOrder(enum.Enum):
    """The orders of `applications`; each ends on the id, so equal sort keys still page stably.

    Missing priorities and deadlines come last in PRIORITY and DEADLINE, on every backend.
    """

    NEWEST = "NEWEST"  # created_at descending (the default)
    OLDEST = "OLDEST"  # created_at ascending
    RECENTLY_UPDATED = "RECENTLY_UPDATED"  # updated_at descending
    COMPANY = "COMPANY"  # company A to Z, ignoring case
    PRIORITY = "PRIORITY"  # priority 5 (most wanted) to 1, then none
    DEADLINE = "DEADLINE"  # the soonest deadline first, then none


@dataclass(frozen=True, slots=True)
class Salary:
    """A salary range in whole units of `currency` (ISO 4217) per `period`; at least one bound is set."""

    min: int | None
    max: int | None
    currency: str
    period: SalaryPeriod


@dataclass(frozen=True, slots=True)
class Application:
    """One job application of `owner_id`. Times are timezone-aware UTC."""

    id: str
    owner_id: str
    company: str
    position: str
    location: str | None
    salary: Salary | None
    job_url: str | None
    description: str | None
    status: ApplicationStatus
    notes: str | None
    # When it was sent: given by the person, or set the first time the status leaves SAVED.
    applied_at: datetime | None
    created_at: datetime
    updated_at: datetime
    # The fields of issue #18 default to "not given", so older code that builds an Application still does.
    source: ApplicationSource | None = None
    source_detail: str | None = None
    # 1 (least wanted) to 5 (most wanted).
    priority: int | None = None
    work_mode: WorkMode | None = None
    employment_type: EmploymentType | None = None
    deadline: datetime | None = None
    # Normalised (trimmed, lower-case, distinct, in the order first given); see service.normalise_tags.
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One entry of an application's timeline: the status it moved to, when, and the person's note."""

    application_id: str
    status: ApplicationStatus
    note: str | None
    changed_at: datetime


metadata = sa.MetaData()

applications_table = sa.Table(
    "applications",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("owner_id", sa.String(64), nullable=False),
    sa.Column("company", sa.String(200), nullable=False),
    sa.Column("position", sa.String(200), nullable=False),
    sa.Column("location", sa.String(200), nullable=True),
    sa.Column("salary_min", sa.BigInteger, nullable=True),
    sa.Column("salary_max", sa.BigInteger, nullable=True),
    sa.Column("salary_currency", sa.String(3), nullable=True),
    sa.Column("salary_period", sa.String(8), nullable=True),
    sa.Column("job_url", sa.Text, nullable=True),
    sa.Column("description", sa.Text, nullable=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("notes", sa.Text, nullable=True),
    sa.Column("applied_at", UtcDateTime(), nullable=True),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Column("source", sa.String(16), nullable=True),
    sa.Column("source_detail", sa.String(200), nullable=True),
    sa.Column("priority", sa.SmallInteger, nullable=True),
    sa.Column("work_mode", sa.String(8), nullable=True),
    sa.Column("employment_type", sa.String(16), nullable=True),
    sa.Column("deadline", UtcDateTime(), nullable=True),
    # The tags as "\ntag\n...\n" ("" for none): "has tag t" is a LIKE '%\nt\n%' on both backends, no join.
    # Tags cannot hold a line break (no control characters), so the separator is unambiguous.
    sa.Column("tags", sa.Text, nullable=False, server_default=""),
    # `company` case-folded by Python when written: the COMPANY order compares it byte-wise, the same on
    # SQLite and PostgreSQL (whose lower() differ outside ASCII), and the cursor can carry it exactly.
    sa.Column("company_key", sa.String(200), nullable=False, server_default=""),
    sa.CheckConstraint(
        "salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max", name="ck_applications_salary"
    ),
    # Every list is per owner in one of the `ApplicationOrder`s: one (owner, sort key, id) index each, so a
    # page is an index range scan however many applications the owner has. The counts group by status.
    sa.Index("ix_applications_owner_created", "owner_id", "created_at", "id"),
    sa.Index("ix_applications_owner_updated", "owner_id", "updated_at", "id"),
    sa.Index("ix_applications_owner_company", "owner_id", "company_key", "id"),
    sa.Index("ix_applications_owner_priority", "owner_id", "priority", "id"),
    sa.Index("ix_applications_owner_deadline", "owner_id", "deadline", "id"),
    sa.Index("ix_applications_owner_status", "owner_id", "status"),
)

TAG_SEPARATOR = "\n"


def tags_column_value(tags: tuple[str, ...]) -> str:
    """How `tags` are stored in `applications.tags`."""
    return "" if not tags else TAG_SEPARATOR + TAG_SEPARATOR.join(tags) + TAG_SEPARATOR


def company_key(company: str) -> str:
    """The COMPANY order's sort key of a company name."""
    return company.casefold()


status_history_table = sa.Table(
    "application_status_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "application_id",
        sa.String(36),
        sa.ForeignKey("applications.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("note", sa.Text, nullable=True),
    sa.Column("changed_at", UtcDateTime(), nullable=False),
    sa.Index("ix_status_history_application", "application_id", "id"),
)

# The transactional outbox: application events are written with the change (DESIGN.md, Events).
outbox_table = build_outbox_table(metadata)
# Who deleted their account (kit/erasure.py): later events about them change nothing.
erased_users_table = build_erased_users_table(metadata)
idempotency_keys = idempotency_table(metadata)


def application_from_row(row: sa.RowMapping) -> Application:
    """Map a row of `applications_table` to the domain record."""
    salary = None
    if row["salary_currency"] is not None:
        salary = Salary(
            min=row["salary_min"],
            max=row["salary_max"],
            currency=row["salary_currency"],
            period=SalaryPeriod(row["salary_period"]),
        )
    return Application(
        id=row["id"],
        owner_id=row["owner_id"],
        company=row["company"],
        position=row["position"],
        location=row["location"],
        salary=salary,
        job_url=row["job_url"],
        description=row["description"],
        status=ApplicationStatus(row["status"]),
        notes=row["notes"],
        applied_at=row["applied_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        source=None if row["source"] is None else ApplicationSource(row["source"]),
        source_detail=row["source_detail"],
        priority=row["priority"],
        work_mode=None if row["work_mode"] is None else WorkMode(row["work_mode"]),
        employment_type=None if row["employment_type"] is None else EmploymentType(row["employment_type"]),
        deadline=row["deadline"],
        tags=tuple(tag for tag in row["tags"].split(TAG_SEPARATOR) if tag),
    )


def application_to_row(application: Application) -> dict[str, object]:
    """The column values of `application` for an insert or update."""
    salary = application.salary
    return {
        "id": application.id,
        "owner_id": application.owner_id,
        "company": application.company,
        "position": application.position,
        "location": application.location,
        "salary_min": salary.min if salary else None,
        "salary_max": salary.max if salary else None,
        "salary_currency": salary.currency if salary else None,
        "salary_period": salary.period.value if salary else None,
        "job_url": application.job_url,
        "description": application.description,
        "status": application.status.value,
        "notes": application.notes,
        "applied_at": application.applied_at,
        "created_at": application.created_at,
        "updated_at": application.updated_at,
        "source": None if application.source is None else application.source.value,
        "source_detail": application.source_detail,
        "priority": application.priority,
        "work_mode": None if application.work_mode is None else application.work_mode.value,
        "employment_type": None if application.employment_type is None else application.employment_type.value,
        "deadline": application.deadline,
        "tags": tags_column_value(application.tags),
        "company_key": company_key(application.company),
    }


@dataclass(frozen=True, slots=True)
class ApplicationQuery:
    """What `applications(filter:)` selects; every criterion given must hold (AND), an empty set means any.

    - `statuses`, `sources`, `work_modes`, `employment_types`: any of these values;
    - `search`: case-insensitive text in the company or position; `location`: in the location;
    - `created_from`/`created_to`, `applied_from`/`applied_to`: inclusive instants (no appliedAt: no match);
    - `min_priority`/`max_priority`: inclusive (no priority: no match);
    - `tags`: has every one of them;
    - `salary_min`/`salary_max`: the application's salary range overlaps [salary_min, salary_max], amounts
      compared as written (no conversion between currencies or periods); `salary_currency` also requires
      that currency. An application without a salary does not match a salary criterion.
    """

    statuses: frozenset[ApplicationStatus] = frozenset()
    search: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    applied_from: datetime | None = None
    applied_to: datetime | None = None
    location: str | None = None
    sources: frozenset[ApplicationSource] = frozenset()
    work_modes: frozenset[WorkMode] = frozenset()
    employment_types: frozenset[EmploymentType] = frozenset()
    min_priority: int | None = None
    max_priority: int | None = None
    tags: tuple[str, ...] = ()
    salary_min: int | None = None
    salary_max: int | None = None
    salary_currency: str | None = None


# A value of an order's sort key: an instant, a case-folded company name or a priority; None for "none".
SortValue = datetime | str | int | None


@dataclass(frozen=True, slots=True)
class PageKey:
    """A position in one `ApplicationOrder`: the sort key value of the item there and its id."""

    order: ApplicationOrder
    value: SortValue
    id: str

    @classmethod
    def of(cls, order: ApplicationOrder, application: Application) -> PageKey:
        """The position of `application` in `order`."""
        return cls(order, sort_value(order, application), application.id)


def sort_value(order: ApplicationOrder, application: Application) -> SortValue:
    """The value of `application`'s sort key in `order` (what its stored sort column holds)."""
    match order:
        case ApplicationOrder.NEWEST | ApplicationOrder.OLDEST:
            return application.created_at
        case ApplicationOrder.RECENTLY_UPDATED:
            return application.updated_at
        case ApplicationOrder.COMPANY:
            return company_key(application.company)
        case ApplicationOrder.PRIORITY:
            return application.priority
        case ApplicationOrder.DEADLINE:
            return application.deadline


@dataclass(frozen=True, slots=True)
class CreateApplication:
    """Start tracking an application; `status` defaults to SAVED."""

    company: str
    position: str
    location: str | None = None
    salary: Salary | None = None
    job_url: str | None = None
    description: str | None = None
    status: ApplicationStatus = ApplicationStatus.SAVED
    notes: str | None = None
    applied_at: datetime | None = None
    source: ApplicationSource | None = None
    source_detail: str | None = None
    priority: int | None = None
    work_mode: WorkMode | None = None
    employment_type: EmploymentType | None = None
    deadline: datetime | None = None
    tags: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class UpdateApplication:
    """Change some fields of an application; KEEP leaves a field unchanged, None clears a nullable one.

    The status is not here: it changes through `change_status`, which keeps the timeline.
    """

    company: str | Keep | None = KEEP
    position: str | Keep | None = KEEP
    location: str | Keep | None = KEEP
    salary: Salary | Keep | None = KEEP
    job_url: str | Keep | None = KEEP
    description: str | Keep | None = KEEP
    notes: str | Keep | None = KEEP
    applied_at: datetime | Keep | None = KEEP
    source: ApplicationSource | Keep | None = KEEP
    source_detail: str | Keep | None = KEEP
    priority: int | Keep | None = KEEP
    work_mode: WorkMode | Keep | None = KEEP
    employment_type: EmploymentType | Keep | None = KEEP
    deadline: datetime | Keep | None = KEEP
    # None clears the tags, like an empty list.
    tags: Sequence[str] | Keep | None = KEEP


class BulkOutcome(enum.Enum):
    """What a bulk mutation did to one of the ids it was given."""

    CHANGED = "CHANGED"  # moved to the status asked for
    UNCHANGED = "UNCHANGED"  # already in that status: nothing written, no event
    DELETED = "DELETED"
    NOT_FOUND = "NOT_FOUND"  # no application of the caller's with this id (someone else's looks the same)


@dataclass(frozen=True, slots=True)
class BulkResult:
    """One id's outcome in a bulk mutation, with the application as it is now when it still exists."""

    id: str
    outcome: BulkOutcome
    application: Application | None


@dataclass(frozen=True, slots=True)
class StatusCounts:
    """How many of a person's applications are in each status."""

    by_status: dict[ApplicationStatus, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def in_progress(self) -> int:
        return sum(count for status, count in self.by_status.items() if status in IN_PROGRESS)


class TimelineKind(enum.Enum):
    """What happened in one timeline entry; the detail fields an entry carries depend on it."""

    CREATED = "CREATED"
    UPDATED = "UPDATED"
    STATUS_CHANGED = "STATUS_CHANGED"
    NOTE = "NOTE"
    INTERVIEW_SCHEDULED = "INTERVIEW_SCHEDULED"
    INTERVIEW_RESCHEDULED = "INTERVIEW_RESCHEDULED"
    INTERVIEW_CANCELLED = "INTERVIEW_CANCELLED"
    DOCUMENT_ATTACHED = "DOCUMENT_ATTACHED"
    DOCUMENT_REMOVED = "DOCUMENT_REMOVED"
    CONTACT_LINKED = "CONTACT_LINKED"
    CONTACT_UNLINKED = "CONTACT_UNLINKED"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field an update changed, by its API name; `old`/`new` as text for short fields only (a job
    description or notes would drown the timeline, so they are named without their values)."""

    field: str
    old: str | None = None
    new: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event of an application's life. `at` is when it happened (for entries from other subgraphs: the
    event's own time, so late events still sort where they belong); the optional fields are its detail."""

    id: str
    application_id: str
    kind: TimelineKind
    at: datetime
    status: ApplicationStatus | None = None
    previous_status: ApplicationStatus | None = None
    note: str | None = None
    changed_fields: tuple[FieldChange, ...] = ()
    interview_id: str | None = None
    interview_starts_at: datetime | None = None
    previous_starts_at: datetime | None = None
    file_id: str | None = None
    file_name: str | None = None
    contact_id: str | None = None
    contact_name: str | None = None


timeline_table = sa.Table(
    "application_timeline",
    metadata,
    # The insertion order breaks ties between entries of the same instant (created, then its first note).
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    # A uuid for the application's own entries; for entries from events a key that names the fact
    # ("interview-scheduled:<id>") or the event id, so redelivered and replayed events insert nothing.
    sa.Column("id", sa.String(120), nullable=False),
    sa.Column(
        "application_id",
        sa.String(36),
        sa.ForeignKey("applications.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("at", UtcDateTime(), nullable=False),
    # The detail fields of the kind, camelCase JSON (see `timeline_store.py`).
    sa.Column("detail", sa.JSON, nullable=False),
    sa.UniqueConstraint("id", name="uq_application_timeline_id"),
    sa.Index("ix_timeline_application_at", "application_id", "at", "seq"),
)

# Contacts linked to applications: applications owns the link (README, "Application timeline").
contact_links_table = sa.Table(
    "application_contacts",
    metadata,
    sa.Column(
        "application_id",
        sa.String(36),
        sa.ForeignKey("applications.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("contact_id", sa.String(36), primary_key=True),
    sa.Column("owner_id", sa.String(64), nullable=False),
    sa.Column("linked_at", UtcDateTime(), nullable=False),
    # `Contact.applications` looks links up by the contact.
    sa.Index("ix_application_contacts_owner_contact", "owner_id", "contact_id"),
)

# The projection of contacts fed by contact.created / updated / deleted: who owns which contact id (to
# check `linkContact`) and its name (for the timeline). `deleted` tombstones an id, so a late or replayed
# `contact.created` cannot bring it back.
known_contacts_table = sa.Table(
    "known_contacts",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("owner_id", sa.String(64), nullable=False),
    sa.Column("name", sa.String(200), nullable=True),
    sa.Column("deleted", sa.Boolean, nullable=False),
    # The `occurred_at` of the event that last set the name: an older one arriving late changes nothing.
    sa.Column("changed_at", UtcDateTime(), nullable=False),
)

processed_events_table = build_processed_events_table(metadata)
