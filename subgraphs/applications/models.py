"""Application domain records and the SQL tables they persist to (no Strawberry here)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from subgraphs.kit.columns import UtcDateTime
from subgraphs.kit.events import outbox_table as build_outbox_table
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
    sa.CheckConstraint(
        "salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max", name="ck_applications_salary"
    ),
    # Every list is per owner, newest first; the counts group by status.
    sa.Index("ix_applications_owner_created", "owner_id", "created_at", "id"),
    sa.Index("ix_applications_owner_status", "owner_id", "status"),
)

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
    }


@dataclass(frozen=True, slots=True)
class ApplicationQuery:
    """What `applications(filter:)` selects: any of `statuses` (empty: all), `search` in company/position."""

    statuses: frozenset[ApplicationStatus] = frozenset()
    search: str | None = None


@dataclass(frozen=True, slots=True)
class CreatedAtKey:
    """A position in the newest-first order; the id breaks ties between equal creation times."""

    created_at: datetime
    id: str


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
