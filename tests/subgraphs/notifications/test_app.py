"""The notifications ASGI app end to end: bus events in, HTTP out, start-up reminders, unsubscribe."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

import httpx

from subgraphs.kit.events import InProcessBus
from subgraphs.notifications.app import NotificationsSubgraph
from subgraphs.notifications.models import NotificationKind
from subgraphs.notifications.unsubscribe import UnsubscribeTokens
from tests.subgraphs.harness import Inbox, TickingClock, post, token
from tests.subgraphs.notifications.conftest import IN_TWO_DAYS, NOW, SECRET, build_app, scheduled

LIST = "{ notifications { totalCount edges { node { kind title interview { id } } } } }"


async def until(condition: Callable[[], Awaitable[bool]], seconds: float = 10.0) -> None:
    """Wait until `condition()` is true (the reminder loop has no completion signal to wait on)."""

    async def poll() -> None:
        while not await condition():  # noqa: ASYNC110
            await asyncio.sleep(0.02)

    await asyncio.wait_for(poll(), timeout=seconds)


async def test_health(http: httpx.AsyncClient) -> None:
    assert (await http.get("/health")).json() == {"status": "ok", "service": "notifications"}


async def test_events_on_the_bus_become_notifications_and_notification_events(
    subgraph: NotificationsSubgraph, http: httpx.AsyncClient, bus: InProcessBus
) -> None:
    created = await Inbox.on(bus, "notification.created")
    await bus.publish(scheduled("int-1", "alice", IN_TWO_DAYS))
    (published,) = await created.wait_for(1)
    assert published.user_id == "alice"
    assert published.data["kind"] == "INTERVIEW_SCHEDULED"
    assert published.data["interviewId"] == "int-1"
    body = await post(http, LIST, token("alice"))
    assert body["data"]["notifications"]["edges"][0]["node"]["interview"] == {"id": "int-1"}
    assert (await post(http, LIST, token("bob")))["data"]["notifications"]["totalCount"] == 0
    assert (await post(http, LIST, None))["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_reminder_due_while_the_service_was_down_is_sent_at_start_up(tmp_path: Path) -> None:
    clock = TickingClock(NOW)
    bus = InProcessBus()
    await bus.start()
    first = build_app(tmp_path, bus, clock)
    async with first.app.router.lifespan_context(first.app):
        await bus.publish(scheduled("int-1", "alice", IN_TWO_DAYS))
        await asyncio.wait_for(bus.wait_idle(), timeout=10)
    await bus.stop()
    # Down across the 60-minute lead time; back 20 minutes before the interview.
    clock.now = IN_TWO_DAYS - timedelta(minutes=20)
    second = build_app(tmp_path, InProcessBus(), clock)
    async with second.app.router.lifespan_context(second.app):

        async def reminded() -> bool:
            page = await second.service.find("alice", False, 10, None)
            return any(item.kind is NotificationKind.INTERVIEW_REMINDER for item in page.items)

        await until(reminded)
    page = await second.service.find("alice", False, 10, None)
    assert [item.title for item in page.items if item.kind is NotificationKind.INTERVIEW_REMINDER] == [
        "Interview in 20 minutes"
    ]


async def test_the_unsubscribe_link_asks_then_switches_email_off(
    subgraph: NotificationsSubgraph, http: httpx.AsyncClient, bus: InProcessBus
) -> None:
    await subgraph.service.update_settings("alice", email_enabled=True)
    link = f"/unsubscribe?token={UnsubscribeTokens(SECRET).token('alice')}"
    asked = await http.get(link)
    assert asked.status_code == 200
    assert '<form method="post">' in asked.text
    assert (await subgraph.service.settings("alice")).email_enabled is True
    done = await http.post(link, data={"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    assert (await subgraph.service.settings("alice")).email_enabled is False
    forged = UnsubscribeTokens(b"another secret").token("alice")
    assert (await http.post(f"/unsubscribe?token={forged}")).status_code == 400
    assert (await http.get("/unsubscribe?token=garbage")).status_code == 400
