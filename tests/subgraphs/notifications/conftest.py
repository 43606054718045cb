"""Fixtures for the notifications tests: migrated databases, a service on a hand-moved clock, events."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from subgraphs.kit.events import EventConsumer, EventEnvelope, InProcessBus, RetryPolicy
from subgraphs.kit.settings import SubgraphSettings
from subgraphs.notifications.app import NotificationsSubgraph, build_subgraph
from subgraphs.notifications.context import NotificationsContext
from subgraphs.notifications.emails import EmailComposer
from subgraphs.notifications.events import notification_consumer
from subgraphs.notifications.mail_settings import MailSettings
from subgraphs.notifications.migrations import MIGRATIONS_DIR
from subgraphs.notifications.models import Notification
from subgraphs.notifications.schema import schema
from subgraphs.notifications.service import NotificationService
from subgraphs.notifications.unsubscribe import UnsubscribeTokens
from tests.subgraphs.databases import migrated_engine
from tests.subgraphs.harness import PUBLIC_PEM, Caller, TickingClock

# Every test's "now" at the start: fixed, so nothing depends on the wall clock.
NOW = datetime(2031, 3, 1, 8, 0, tzinfo=UTC)
SECRET = b"test-unsubscribe-secret"
PUBLIC_URL = "http://jobgraph.test/subgraphs/notifications"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def notifications_engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A migrated notifications database on each backend in turn (store contract suite, reminders)."""
    async with migrated_engine(request.param, "notifications", MIGRATIONS_DIR, tmp_path) as engine:
        yield engine


@pytest.fixture
async def sqlite_engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    async with migrated_engine("sqlite", "notifications", MIGRATIONS_DIR, tmp_path) as engine:
        yield engine


class RecordedNotifications(list[Notification]):
    """`notification.created` events the service recorded, in order (a recorder like the outbox)."""

    async def __call__(self, session: AsyncSession, notification: Notification) -> None:
        self.append(notification)


@pytest.fixture
def recorded() -> RecordedNotifications:
    return RecordedNotifications()


@pytest.fixture
def clock() -> TickingClock:
    return TickingClock(NOW)


def composer() -> EmailComposer:
    return EmailComposer(UnsubscribeTokens(SECRET), PUBLIC_URL, "jobgraph <notifications@jobgraph.test>")


def build_service(
    engine: AsyncEngine, recorded: RecordedNotifications, clock: TickingClock
) -> NotificationService:
    return NotificationService(
        async_sessionmaker(engine, expire_on_commit=False), recorded, composer=composer(), clock=clock
    )


@pytest.fixture
def service(
    sqlite_engine: AsyncEngine, recorded: RecordedNotifications, clock: TickingClock
) -> NotificationService:
    return build_service(sqlite_engine, recorded, clock)


@pytest.fixture
def consumer(service: NotificationService, sqlite_engine: AsyncEngine) -> EventConsumer:
    return notification_consumer(service, async_sessionmaker(sqlite_engine, expire_on_commit=False))


def caller(service: NotificationService, user_id: str | None) -> Caller:
    return Caller(schema, lambda identity: NotificationsContext(service=service, identity=identity), user_id)


@pytest.fixture
def alice(service: NotificationService) -> Caller:
    return caller(service, "alice")


@pytest.fixture
def bob(service: NotificationService) -> Caller:
    return caller(service, "bob")


@pytest.fixture
def anonymous(service: NotificationService) -> Caller:
    return caller(service, None)


def event(event_type: str, owner: str | None, *, at: datetime = NOW, **data: Any) -> EventEnvelope:
    """An event as its producer publishes it, `occurred_at` = `at`."""
    return EventEnvelope(
        type=event_type,
        producer=event_type.split(".")[0] + "s",
        user_id=owner,
        data=data,
        occurred_at=at.isoformat(),
    )


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def interview_event(
    event_type: str,
    interview_id: str,
    owner: str,
    starts_at: datetime,
    *,
    application_id: str = "app-1",
    at: datetime = NOW,
    **extra: Any,
) -> EventEnvelope:
    """An `interview.*` event as the interviews subgraph publishes it (the full schedule, then `extra`)."""
    return event(
        event_type,
        owner,
        at=at,
        id=interview_id,
        applicationId=application_id,
        startsAt=iso(starts_at),
        durationMinutes=45,
        type="ONLINE",
        location=None,
        meetingUrl="https://meet.example/abc",
        **extra,
    )


def scheduled(interview_id: str, owner: str, starts_at: datetime, **options: Any) -> EventEnvelope:
    return interview_event("interview.scheduled", interview_id, owner, starts_at, **options)


def updated(interview_id: str, owner: str, starts_at: datetime, **options: Any) -> EventEnvelope:
    return interview_event(
        "interview.updated", interview_id, owner, starts_at, changed=["startsAt"], **options
    )


def cancelled(
    interview_id: str, owner: str, starts_at: datetime, *, reason: str = "cancelled"
) -> EventEnvelope:
    return interview_event("interview.cancelled", interview_id, owner, starts_at, reason=reason)


def application_created(application_id: str, owner: str) -> EventEnvelope:
    return event(
        "application.created",
        owner,
        id=application_id,
        company="Initech",
        position="Data engineer",
        status="SAVED",
    )


def registered(user_id: str, email: str, name: str) -> EventEnvelope:
    return event("user.registered", user_id, id=user_id, email=email, name=name)


IN_TWO_DAYS = NOW + timedelta(days=2)


# Failing handlers are retried quickly here, so dead-lettering takes milliseconds, not minutes.
FAST_RETRY = RetryPolicy(max_attempts=2, first_delay=0.01, max_delay=0.05)


def subgraph_settings(data_dir: Path) -> SubgraphSettings:
    return SubgraphSettings.from_env(
        "notifications", {"JOBGRAPH_DATA_DIR": str(data_dir), "JOBGRAPH_JWT_PUBLIC_KEY": PUBLIC_PEM}
    )


def build_app(data_dir: Path, bus: InProcessBus, clock: TickingClock) -> NotificationsSubgraph:
    """The subgraph as production builds it, emails as `.eml` files under `data_dir`, on `clock`."""
    mail = MailSettings(unsubscribe_secret=SECRET, public_url=PUBLIC_URL, mail_dir=data_dir / "mail")
    return build_subgraph(
        subgraph_settings(data_dir), bus=bus, retry=FAST_RETRY, mail=mail, clock=clock, reminder_interval=0.05
    )


@pytest.fixture
async def subgraph(
    tmp_path: Path, bus: InProcessBus, clock: TickingClock
) -> AsyncIterator[NotificationsSubgraph]:
    built = build_app(tmp_path, bus, clock)
    async with built.app.router.lifespan_context(built.app):
        yield built
