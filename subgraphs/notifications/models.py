"""Notification domain records and the SQL tables they persist to (no Strawberry here)."""

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

# DESIGN.md: "User.notificationSettings { emailEnabled reminderLeadMinutes }", default a day and an hour.
DEFAULT_REMINDER_LEAD_MINUTES: tuple[int, ...] = (1440, 60)


class NotificationKind(enum.Enum):
    """What a notification is about (the binding names of issue 11)."""

    INTERVIEW_REMINDER = "INTERVIEW_REMINDER"
    INTERVIEW_SCHEDULED = "INTERVIEW_SCHEDULED"
    INTERVIEW_CHANGED = "INTERVIEW_CHANGED"
    INTERVIEW_CANCELLED = "INTERVIEW_CANCELLED"
    STATUS_CHANGED = "STATUS_CHANGED"
    CONTACT_JOINED = "CONTACT_JOINED"


# Kinds that also go by email when the person enabled it: the ones nobody did themselves a second ago
# (a reminder, somebody else registering). Their own changes would only echo back at them.
EMAILED_KINDS = frozenset({NotificationKind.INTERVIEW_REMINDER, NotificationKind.CONTACT_JOINED})


@dataclass(frozen=True, slots=True)
class Notification:
    """One in-app notification of `user_id`; `read_at` None means unread."""

    id: str
    user_id: str
    kind: NotificationKind
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None = None
    interview_id: str | None = None
    application_id: str | None = None
    contact_id: str | None = None


@dataclass(frozen=True, slots=True)
class NotificationSettings:
    """A person's choices; a person who never chose has the defaults."""

    email_enabled: bool = False
    reminder_lead_minutes: tuple[int, ...] = DEFAULT_REMINDER_LEAD_MINUTES


@dataclass(frozen=True, slots=True)
class Person:
    """The projection of a registered person from the users events: how to address and reach them."""

    id: str
    name: str
    email: str | None


@dataclass(frozen=True, slots=True)
class KnownApplication:
    """The projection of an application (from applications events), to name it in messages."""

    id: str
    owner_id: str
    company: str
    position: str


@dataclass(frozen=True, slots=True)
class KnownInterview:
    """The projection of an interview that is still on (from interviews events); reminders need it."""

    id: str
    owner_id: str
    application_id: str
    starts_at: datetime
    type: str


@dataclass(frozen=True, slots=True)
class KnownContact:
    """The projection of a contact (from contacts events): whom to tell when its email registers."""

    id: str
    owner_id: str
    name: str
    email: str | None
    linked_user_id: str | None


@dataclass(frozen=True, slots=True)
class Reminder:
    """A reminder `lead_minutes` before an interview, due at `due_at`; kept until it is sent or dropped."""

    id: str
    interview_id: str
    user_id: str
    lead_minutes: int
    due_at: datetime


@dataclass(frozen=True, slots=True)
class OutgoingEmail:
    """An email waiting to be sent (or sent: `sent_at`); one per notification, so never queued twice."""

    id: str
    user_id: str
    notification_id: str
    to_address: str
    subject: str
    text_body: str
    html_body: str
    created_at: datetime
    next_attempt_at: datetime
    attempts: int = 0
    sent_at: datetime | None = None
    # Set when the last attempt failed for good; the row stays for the operator.
    failed_at: datetime | None = None
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class CreatedAtKey:
    """A position in the newest-first order of notifications; the id breaks ties."""

    created_at: datetime
    id: str


metadata = sa.MetaData()

notifications_table = sa.Table(
    "notifications",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("user_id", sa.String(64), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("read_at", UtcDateTime(), nullable=True),
    sa.Column("interview_id", sa.String(64), nullable=True),
    sa.Column("application_id", sa.String(64), nullable=True),
    sa.Column("contact_id", sa.String(64), nullable=True),
    # The list is per person, newest first; the unread count filters on read_at.
    sa.Index("ix_notifications_user_created", "user_id", "created_at", "id"),
    sa.Index("ix_notifications_user_read", "user_id", "read_at"),
)

settings_table = sa.Table(
    "notification_settings",
    metadata,
    sa.Column("user_id", sa.String(64), primary_key=True),
    sa.Column("email_enabled", sa.Boolean, nullable=False),
    # Comma-separated minutes, largest first: a list column both dialects store the same way.
    sa.Column("reminder_lead_minutes", sa.String(200), nullable=False),
)

people_table = sa.Table(
    "people",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("email", sa.Text, nullable=True),
)

applications_table = sa.Table(
    "known_applications",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("owner_id", sa.String(64), nullable=False),
    sa.Column("company", sa.Text, nullable=False),
    sa.Column("position", sa.Text, nullable=False),
)

interviews_table = sa.Table(
    "known_interviews",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("owner_id", sa.String(64), nullable=False),
    sa.Column("application_id", sa.String(64), nullable=False),
    sa.Column("starts_at", UtcDateTime(), nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Index("ix_known_interviews_owner_starts", "owner_id", "starts_at"),
    sa.Index("ix_known_interviews_application", "application_id"),
)

contacts_table = sa.Table(
    "known_contacts",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("owner_id", sa.String(64), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("email", sa.Text, nullable=True),
    sa.Column("linked_user_id", sa.String(64), nullable=True),
    sa.Index("ix_known_contacts_email", "email"),
)

reminders_table = sa.Table(
    "reminders",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("interview_id", sa.String(64), nullable=False),
    sa.Column("user_id", sa.String(64), nullable=False),
    sa.Column("lead_minutes", sa.Integer, nullable=False),
    sa.Column("due_at", UtcDateTime(), nullable=False),
    # One reminder per interview and lead time, whatever replays or races happen.
    sa.UniqueConstraint("interview_id", "lead_minutes", name="uq_reminders_interview_lead"),
    # The scheduler claims the oldest due rows.
    sa.Index("ix_reminders_due", "due_at"),
)

emails_table = sa.Table(
    "outgoing_emails",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("user_id", sa.String(64), nullable=False),
    sa.Column("notification_id", sa.String(36), nullable=False, unique=True),
    sa.Column("to_address", sa.Text, nullable=False),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("text_body", sa.Text, nullable=False),
    sa.Column("html_body", sa.Text, nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("next_attempt_at", UtcDateTime(), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("sent_at", UtcDateTime(), nullable=True),
    sa.Column("failed_at", UtcDateTime(), nullable=True),
    sa.Column("last_error", sa.Text, nullable=True),
    sa.Index("ix_outgoing_emails_pending", "sent_at", "failed_at", "next_attempt_at"),
)

# The transactional outbox: `notification.created` is written with the notification (DESIGN.md, Events),
# so every replica's live fan-out sees it.
outbox_table = build_outbox_table(metadata)
# Who deleted their account (kit/erasure.py): later events about them change nothing.
erased_users_table = build_erased_users_table(metadata)
idempotency_keys = idempotency_table(metadata)
# Ids of the consumed events already applied (at-least-once delivery; see events.py).
processed_events_table = build_processed_events_table(metadata)


def notification_from_row(row: sa.RowMapping) -> Notification:
    return Notification(
        id=row["id"],
        user_id=row["user_id"],
        kind=NotificationKind(row["kind"]),
        title=row["title"],
        body=row["body"],
        created_at=row["created_at"],
        read_at=row["read_at"],
        interview_id=row["interview_id"],
        application_id=row["application_id"],
        contact_id=row["contact_id"],
    )


def notification_to_row(notification: Notification) -> dict[str, object]:
    return {
        "id": notification.id,
        "user_id": notification.user_id,
        "kind": notification.kind.value,
        "title": notification.title,
        "body": notification.body,
        "created_at": notification.created_at,
        "read_at": notification.read_at,
        "interview_id": notification.interview_id,
        "application_id": notification.application_id,
        "contact_id": notification.contact_id,
    }
