"""The projection under real delivery: duplicates, redelivery, any order, deletes — same numbers."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.analytics.models import ApplicationStatus
from subgraphs.analytics.service import AnalyticsService
from subgraphs.kit.events import EventEnvelope
from tests.subgraphs.analytics.events import DAY, created, deleted, deliver, status_changed, updated
from tests.subgraphs.analytics.recount import summary
from tests.subgraphs.harness import NOW

CREATED = NOW - 30 * DAY


async def numbers(service: AnalyticsService, owner: str = "alice") -> dict[str, object]:
    return summary(await service.analytics(owner, service.period(None, None, "UTC")))


def history() -> list[EventEnvelope]:
    applied = CREATED + 2 * DAY
    role = "Frontend Developer"
    return [
        created("a1", "alice", CREATED, position=role, location="Porto"),
        status_changed(
            "a1", "alice", CREATED, "SAVED", "APPLIED", applied, location="Porto", applied_at=applied,
            position=role,
        ),
        updated(
            "a1", "alice", CREATED, applied + DAY, location="Remote (EU)", position=role, status="APPLIED",
            appliedAt=applied.isoformat(),
        ),
        status_changed(
            "a1", "alice", CREATED, "APPLIED", "INTERVIEW", applied + 5 * DAY, location="Remote (EU)",
            applied_at=applied, position=role,
        ),
    ]  # fmt: skip


async def test_events_in_order_give_the_expected_numbers(
    service: AnalyticsService, sqlite_engine: AsyncEngine
) -> None:
    await deliver(service, async_sessionmaker(sqlite_engine), *history())
    got = await numbers(service)
    assert got["byStatus"] == {"INTERVIEW": 1}
    assert got["byLocation"] == {"Remote": 1} and got["byPosition"] == {"Frontend": 1}
    assert got["funnel"] == [1, 1, 0] and got["responseRate"] == 1.0 and got["median"] == 5.0


async def test_every_order_and_duplicates_give_the_same_numbers(
    service: AnalyticsService, sqlite_engine: AsyncEngine
) -> None:
    sessions = async_sessionmaker(sqlite_engine)
    await deliver(service, sessions, *history())
    expected = await numbers(service)
    for index, order in enumerate(itertools.permutations(history())):
        owner = f"person-{index}"
        renamed = [_for_owner(event, owner) for event in order]
        # Each event twice: a redelivery after a lost ack carries the same id.
        await deliver(service, sessions, *renamed, *renamed[:2])
        assert await numbers(service, owner) == expected, [event.type for event in order]


async def test_an_older_status_change_arriving_late_does_not_win(
    service: AnalyticsService, sqlite_engine: AsyncEngine
) -> None:
    first, to_applied, _, to_interview = history()
    await deliver(service, async_sessionmaker(sqlite_engine), first, to_interview, to_applied)
    assert (await numbers(service))["byStatus"] == {"INTERVIEW": 1}


async def test_a_deleted_application_leaves_every_number_even_before_its_creation_arrives(
    service: AnalyticsService, sqlite_engine: AsyncEngine
) -> None:
    sessions = async_sessionmaker(sqlite_engine)
    await deliver(service, sessions, deleted("a1", "alice", NOW), *history())
    await deliver(service, sessions, created("a2", "alice", CREATED), deleted("a2", "alice", NOW))
    got = await numbers(service)
    assert got["total"] == 0 and got["funnel"] == [0, 0, 0] and got["responseRate"] is None


async def test_another_persons_events_never_count(
    service: AnalyticsService, sqlite_engine: AsyncEngine
) -> None:
    await deliver(service, async_sessionmaker(sqlite_engine), *history())
    assert (await numbers(service, "bob"))["total"] == 0


def _for_owner(event: EventEnvelope, owner: str) -> EventEnvelope:
    """The same event for another person's copy of the application (a new event id)."""
    data = {**event.data, "id": f"{owner}-{event.data['id']}"}
    return replace(event, user_id=owner, data=data, id=str(uuid.uuid4()))


async def test_status_values_are_the_applications_ones() -> None:
    assert [status.value for status in ApplicationStatus] == [
        "SAVED", "APPLIED", "INTERVIEW", "OFFER", "REJECTED", "WITHDRAWN",
    ]  # fmt: skip


async def test_numbers_computed_once_are_recomputed_after_the_next_event(
    service: AnalyticsService, sqlite_engine: AsyncEngine
) -> None:
    sessions = async_sessionmaker(sqlite_engine)
    await deliver(service, sessions, created("a1", "alice", CREATED))
    assert (await numbers(service))["total"] == (await numbers(service))["total"] == 1
    await deliver(service, sessions, created("a2", "alice", CREATED))
    assert (await numbers(service))["total"] == 2
    await service.wipe("alice")
    assert (await numbers(service))["total"] == 0
