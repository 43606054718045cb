"""Fixtures for the notifications tests: its migrations, a service on a hand-moved clock, events."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.kit.events import EventConsumer, EventEnvelope, InProcessBus
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
from tests.subgraphs.databases import Migrations
from tests.subgraphs.harness import (
    FAST_RETRY,
    NOW,
    CallerFor,
    Recorded,
    TickingClock,
    callers,
    started,
    subgraph_settings,
)

__all__ = ["NOW", "RecordedNotifications"]

SECRET = b"test-unsubscribe-secret"
PUBLIC_URL = "http://jobgraph.test/subgraphs/notifications"


# `notification.created` events the service recorded, in order.
RecordedNotifications = Recorded[Notification]


@pytest.fixture
def migrations() -> Migrations:
    return Migrations("notifications", MIGRATIONS_DIR)


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


@pytest.fixture
def as_user(service: NotificationService) -> CallerFor:
    return callers(schema, NotificationsContext, service)


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


def build_app(data_dir: Path, bus: InProcessBus, clock: TickingClock) -> NotificationsSubgraph:
    """The subgraph as production builds it, emails as `.eml` files under `data_dir`, on `clock`."""
    mail = MailSettings(unsubscribe_secret=SECRET, public_url=PUBLIC_URL, mail_dir=data_dir / "mail")
    return build_subgraph(
        subgraph_settings("notifications", data_dir),
        bus=bus,
        retry=FAST_RETRY,
        mail=mail,
        clock=clock,
        reminder_interval=0.05,
    )


@pytest.fixture
async def subgraph(
    tmp_path: Path, bus: InProcessBus, clock: TickingClock
) -> AsyncIterator[NotificationsSubgraph]:
    async with started(build_app(tmp_path, bus, clock)) as built:
        yield built
