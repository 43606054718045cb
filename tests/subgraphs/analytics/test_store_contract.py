"""The analytics store contract, run against the embedded SQLite and the real PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.analytics.facts import facts_of
from subgraphs.analytics.models import ApplicationStatus, TimelineEntry, TrackedApplication
from subgraphs.analytics.periods import Span
from subgraphs.analytics.store import SqlAnalyticsStore
from tests.subgraphs.harness import NOW

DAY = timedelta(days=1)
SAVED, APPLIED, INTERVIEW = ApplicationStatus.SAVED, ApplicationStatus.APPLIED, ApplicationStatus.INTERVIEW


async def track(engine: AsyncEngine, application: TrackedApplication, *timeline: TimelineEntry) -> None:
    async with async_sessionmaker(engine)() as session, session.begin():
        store = SqlAnalyticsStore(session)
        await store.lock(application.id, application.owner_id)
        await store.save(application)
        await store.add_timeline(application.id, timeline)
        await store.save_facts(application.id, facts_of(application, await store.timeline(application.id)))


def application(application_id: str, owner: str = "alice", **fields: object) -> TrackedApplication:
    values: dict[str, object] = {"position": "Backend Engineer", "location": "Lisbon", "status": SAVED}
    values.update({"created_at": NOW - 30 * DAY, "version": NOW - 30 * DAY, **fields})
    return TrackedApplication(id=application_id, owner_id=owner, **values)  # type: ignore[arg-type]


async def test_lock_creates_an_empty_row_once_and_save_overwrites_it(backend_engine: AsyncEngine) -> None:
    async with async_sessionmaker(backend_engine)() as session, session.begin():
        store = SqlAnalyticsStore(session)
        empty = await store.lock("a1", "alice")
        assert empty == TrackedApplication(id="a1", owner_id="alice")
        await store.save(application("a1"))
        assert await store.lock("a1", "alice") == application("a1")


async def test_a_timeline_is_a_set_of_entries(backend_engine: AsyncEngine) -> None:
    entry = TimelineEntry(APPLIED, NOW - DAY)
    await track(backend_engine, application("a1"), entry, TimelineEntry(SAVED, NOW - 30 * DAY))
    await track(backend_engine, application("a1"), entry)
    async with async_sessionmaker(backend_engine)() as session:
        timeline = await SqlAnalyticsStore(session).timeline("a1")
    assert sorted(timeline, key=lambda item: item.changed_at) == [TimelineEntry(SAVED, NOW - 30 * DAY), entry]


async def test_totals_sum_the_owners_applications_in_the_range_only(backend_engine: AsyncEngine) -> None:
    applied = NOW - 20 * DAY
    await track(
        backend_engine,
        application("a1", status=INTERVIEW, applied_at=applied),
        TimelineEntry(SAVED, NOW - 30 * DAY),
        TimelineEntry(APPLIED, applied),
        TimelineEntry(INTERVIEW, NOW - 10 * DAY),
    )
    await track(backend_engine, application("a2", location=" lisbon "), TimelineEntry(SAVED, NOW - 30 * DAY))
    await track(
        backend_engine, application("a3", created_at=NOW - 100 * DAY), TimelineEntry(SAVED, NOW - 100 * DAY)
    )
    await track(backend_engine, application("b1", owner="bob"), TimelineEntry(SAVED, NOW - 30 * DAY))
    async with async_sessionmaker(backend_engine)() as session:
        store = SqlAnalyticsStore(session)
        totals = await store.totals("alice", NOW - 50 * DAY, NOW)
        months = [
            Span("before", (NOW - 200 * DAY).timestamp(), (NOW - 50 * DAY).timestamp()),
            Span("during", (NOW - 50 * DAY).timestamp(), NOW.timestamp()),
            Span("after", NOW.timestamp(), (NOW + DAY).timestamp()),
        ]
        counted = await store.count_sent("alice", months)
    assert totals.total == 2
    assert totals.by_status[INTERVIEW] == 1 and totals.by_status[SAVED] == 1
    assert totals.by_position == {"Backend": 2}
    assert totals.by_location == {"lisbon": ("Lisbon", 2)}
    assert totals.reached == (1, 1, 0) and totals.responded == 1
    assert totals.median_response_seconds == pytest.approx(10 * 86400)
    # SAVED: a1 for 10 days, a2 ongoing for 30; APPLIED: a1 for 10; INTERVIEW: a1 ongoing for 10.
    stays = totals.stays(NOW)
    assert stays[SAVED] == (pytest.approx(40 * 86400), 2)
    assert stays[APPLIED] == (pytest.approx(10 * 86400), 1)
    assert stays[INTERVIEW] == (pytest.approx(10 * 86400), 1)
    assert counted == [1, 2, 0]
    assert totals.first_sent == (NOW - 30 * DAY).timestamp()


async def test_wipe_forgets_live_applications_and_keeps_tombstones(backend_engine: AsyncEngine) -> None:
    await track(backend_engine, application("a1"), TimelineEntry(SAVED, NOW - 30 * DAY))
    await track(backend_engine, application("a2", deleted_at=NOW))
    await track(backend_engine, application("b1", owner="bob"), TimelineEntry(SAVED, NOW - 30 * DAY))
    async with async_sessionmaker(backend_engine)() as session, session.begin():
        store = SqlAnalyticsStore(session)
        assert await store.wipe("alice") == 1
        assert (await store.totals("alice", None, None)).total == 0
        assert (await store.totals("bob", None, None)).total == 1
        assert (await store.lock("a2", "alice")).deleted
        assert await store.timeline("a1") == []


async def test_versions_count_up_per_owner_and_all_at_once(backend_engine: AsyncEngine) -> None:
    async with async_sessionmaker(backend_engine)() as session, session.begin():
        store = SqlAnalyticsStore(session)
        assert await store.version("alice") == 0
        await store.bump_version("alice")
        await store.bump_version("alice")
        await store.bump_version("bob")
        await store.bump_version()
        assert (await store.version("alice"), await store.version("bob")) == (3, 2)
