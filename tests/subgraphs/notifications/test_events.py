"""What each consumed event does: projections, news for the owner, reminders planned, moved, dropped."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from subgraphs.kit.events import EventConsumer
from subgraphs.notifications.events import MalformedEvent
from subgraphs.notifications.models import NotificationKind
from subgraphs.notifications.service import NotificationService
from tests.subgraphs.notifications.conftest import (
    IN_TWO_DAYS,
    NOW,
    RecordedNotifications,
    application_created,
    cancelled,
    event,
    registered,
    scheduled,
    updated,
)

# `from` is a Python keyword, so the status change's fields come in a dict.
MOVED: dict[str, Any] = {"from": "APPLIED", "to": "INTERVIEW"}


async def test_a_scheduled_interview_tells_its_owner_and_plans_a_reminder_per_lead_time(
    consumer: EventConsumer, service: NotificationService, recorded: RecordedNotifications
) -> None:
    await consumer.dispatch(application_created("app-1", "alice"))
    await consumer.dispatch(scheduled("int-1", "alice", IN_TWO_DAYS))
    (notification,) = recorded
    assert notification.user_id == "alice"
    assert notification.kind is NotificationKind.INTERVIEW_SCHEDULED
    assert notification.title == "Interview scheduled"
    assert notification.body == "Online interview with Initech (Data engineer) on Mon 03 Mar 2031, 08:00 UTC."
    assert (notification.interview_id, notification.application_id) == ("int-1", "app-1")
    reminders = await service.reminders("int-1")
    assert [(item.lead_minutes, item.due_at) for item in reminders] == [
        (1440, IN_TWO_DAYS - timedelta(days=1)),
        (60, IN_TWO_DAYS - timedelta(hours=1)),
    ]


async def test_a_redelivered_event_is_applied_once(
    consumer: EventConsumer, recorded: RecordedNotifications
) -> None:
    once = scheduled("int-1", "alice", IN_TWO_DAYS)
    await consumer.dispatch(once)
    await consumer.dispatch(once)
    assert len(recorded) == 1


async def test_lead_times_already_past_when_scheduled_are_not_planned(
    consumer: EventConsumer, service: NotificationService
) -> None:
    await consumer.dispatch(scheduled("int-1", "alice", NOW + timedelta(hours=3)))
    assert [item.lead_minutes for item in await service.reminders("int-1")] == [60]


async def test_a_new_start_time_moves_the_reminders(
    consumer: EventConsumer, service: NotificationService, recorded: RecordedNotifications
) -> None:
    await consumer.dispatch(scheduled("int-1", "alice", IN_TWO_DAYS))
    later = IN_TWO_DAYS + timedelta(days=3)
    await consumer.dispatch(updated("int-1", "alice", later))
    assert [item.due_at for item in await service.reminders("int-1")] == [
        later - timedelta(days=1),
        later - timedelta(hours=1),
    ]
    assert [item.kind for item in recorded] == [
        NotificationKind.INTERVIEW_SCHEDULED,
        NotificationKind.INTERVIEW_CHANGED,
    ]


async def test_cancelling_drops_the_reminders_and_tells_the_owner(
    consumer: EventConsumer, service: NotificationService, recorded: RecordedNotifications
) -> None:
    await consumer.dispatch(scheduled("int-1", "alice", IN_TWO_DAYS))
    await consumer.dispatch(cancelled("int-1", "alice", IN_TWO_DAYS))
    assert await service.reminders("int-1") == []
    assert recorded[-1].kind is NotificationKind.INTERVIEW_CANCELLED
    assert recorded[-1].title == "Interview cancelled"


async def test_an_interview_gone_with_its_application_drops_reminders_without_news(
    consumer: EventConsumer, service: NotificationService, recorded: RecordedNotifications
) -> None:
    await consumer.dispatch(scheduled("int-1", "alice", IN_TWO_DAYS))
    await consumer.dispatch(scheduled("int-2", "alice", IN_TWO_DAYS, application_id="app-2"))
    await consumer.dispatch(cancelled("int-1", "alice", IN_TWO_DAYS, reason="application_deleted"))
    # The application event alone drops them too, whichever of the two arrives first.
    await consumer.dispatch(event("application.deleted", "alice", id="app-2", company="X", position="Y"))
    assert await service.reminders("int-1") == []
    assert await service.reminders("int-2") == []
    assert [item.kind for item in recorded] == [NotificationKind.INTERVIEW_SCHEDULED] * 2


async def test_a_status_change_tells_the_owner_with_the_note(
    consumer: EventConsumer, recorded: RecordedNotifications
) -> None:
    await consumer.dispatch(
        event(
            "application.status_changed",
            "alice",
            id="app-1",
            company="Initech",
            position="Data engineer",
            **MOVED,
            note="call on Monday",
            changedAt="2031-03-01T08:00:00Z",
        )
    )
    (notification,) = recorded
    assert (notification.user_id, notification.kind, notification.application_id) == (
        "alice",
        NotificationKind.STATUS_CHANGED,
        "app-1",
    )
    assert notification.title == "Initech: INTERVIEW"
    assert notification.body == (
        "Your application for Data engineer at Initech moved from APPLIED to INTERVIEW. Note: call on Monday"
    )


async def test_a_registration_tells_the_owners_of_contacts_with_that_email(
    consumer: EventConsumer, recorded: RecordedNotifications
) -> None:
    contact: dict[str, Any] = {"company": "Initech", "position": None, "email": "Peter@Initech.example"}
    await consumer.dispatch(
        event("contact.created", "alice", id="c-1", name="Peter", linkedUserId=None, **contact)
    )
    await consumer.dispatch(
        event("contact.created", "bob", id="c-2", name="Pete", linkedUserId=None, **contact)
    )
    await consumer.dispatch(event("contact.deleted", "bob", id="c-2"))
    await consumer.dispatch(registered("peter", "peter@initech.example", "Peter Gibbons"))
    (notification,) = recorded
    assert (notification.user_id, notification.kind, notification.contact_id) == (
        "alice",
        NotificationKind.CONTACT_JOINED,
        "c-1",
    )
    assert notification.title == "Peter joined jobgraph"
    # A later profile change is no second registration.
    await consumer.dispatch(event("user.updated", "peter", id="peter", name="P. Gibbons", changed=["name"]))
    assert len(recorded) == 1


async def test_a_contact_linked_when_created_is_no_news(
    consumer: EventConsumer, recorded: RecordedNotifications
) -> None:
    await consumer.dispatch(
        event("contact.created", "alice", id="c-1", name="Peter", email="p@x.example", linkedUserId="peter")
    )
    await consumer.dispatch(registered("peter", "p@x.example", "Peter"))
    assert recorded == []


async def test_an_event_without_what_the_handler_needs_fails_the_delivery(consumer: EventConsumer) -> None:
    with pytest.raises(MalformedEvent):
        await consumer.dispatch(event("interview.scheduled", "alice", id="int-1"))
    with pytest.raises(MalformedEvent):
        await consumer.dispatch(event("application.status_changed", None, id="app-1", to="OFFER"))
