"""The InterviewStore contract, run against every backend: SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from subgraphs.interviews.models import (
    Interview,
    InterviewQuery,
    InterviewType,
    KnownApplication,
    StartsAtKey,
)
from subgraphs.interviews.store import InterviewStore, SqlInterviewStore

T0 = datetime(2031, 3, 10, 9, 0, tzinfo=UTC)


def interview(
    interview_id: str,
    *,
    owner: str = "alice",
    application: str = "app-1",
    hours: float = 0,
    kind: InterviewType = InterviewType.PHONE,
    cancelled: bool = False,
) -> Interview:
    starts = T0 + timedelta(hours=hours)
    return Interview(
        id=interview_id,
        owner_id=owner,
        application_id=application,
        starts_at=starts,
        duration_minutes=45,
        type=kind,
        location="Main St 1" if kind is InterviewType.ONSITE else None,
        meeting_url="https://meet.example/x" if kind is InterviewType.ONLINE else None,
        details="bring portfolio",
        created_at=T0 - timedelta(days=1),
        updated_at=T0 - timedelta(days=1),
        cancelled_at=T0 - timedelta(hours=1) if cancelled else None,
    )


@pytest.fixture
async def session(backend_engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    async with AsyncSession(backend_engine) as session, session.begin():
        yield session


@pytest.fixture
def store(session: AsyncSession) -> InterviewStore:
    return SqlInterviewStore(session)


async def test_add_then_get_round_trips_every_field(store: InterviewStore) -> None:
    original = interview("i1", kind=InterviewType.ONLINE, cancelled=True)
    await store.add(original)
    assert await store.get("alice", "i1") == original


async def test_times_come_back_in_utc_whatever_offset_went_in(store: InterviewStore) -> None:
    plus_two = timezone(timedelta(hours=2))
    local = interview("i1")
    await store.add(replace(local, starts_at=datetime(2031, 3, 10, 11, 0, tzinfo=plus_two)))
    stored = await store.get("alice", "i1")
    assert stored is not None
    assert stored.starts_at == T0
    assert stored.starts_at.utcoffset() == timedelta(0)


async def test_get_is_scoped_to_the_owner(store: InterviewStore) -> None:
    await store.add(interview("i1", owner="alice"))
    assert await store.get("bob", "i1") is None
    assert await store.get_many("bob", ["i1"]) == []


async def test_update_changes_mutable_fields_only_for_the_owner(store: InterviewStore) -> None:
    original = interview("i1")
    await store.add(original)
    moved = replace(original, starts_at=T0 + timedelta(days=1), details=None)
    await store.update(replace(moved, owner_id="bob"))
    assert await store.get("alice", "i1") == original
    await store.update(moved)
    assert await store.get("alice", "i1") == moved


async def test_page_orders_by_start_then_id_and_continues_after_a_key(store: InterviewStore) -> None:
    for interview_id, hours in [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 0)]:
        await store.add(interview(interview_id, hours=hours))
    first = await store.page("alice", InterviewQuery(), None, 3)
    assert [item.id for item in first] == ["e", "c", "a"]
    rest = await store.page("alice", InterviewQuery(), StartsAtKey(first[-1].starts_at, first[-1].id), 10)
    assert [item.id for item in rest] == ["b", "d"]


async def test_filters_by_window_type_and_cancellation(store: InterviewStore) -> None:
    await store.add(interview("early", hours=-5))
    await store.add(interview("phone", hours=1))
    await store.add(interview("onsite", hours=2, kind=InterviewType.ONSITE))
    await store.add(interview("cancelled", hours=2, cancelled=True))
    await store.add(interview("late", hours=10))
    await store.add(interview("bobs", owner="bob", hours=1))

    window = InterviewQuery(starts_from=T0, starts_before=T0 + timedelta(hours=10))
    assert [item.id for item in await store.page("alice", window, None, 10)] == ["phone", "onsite"]
    assert await store.count("alice", window) == 2

    with_cancelled = replace(window, include_cancelled=True)
    assert {item.id for item in await store.page("alice", with_cancelled, None, 10)} == {
        "phone",
        "onsite",
        "cancelled",
    }
    onsite = InterviewQuery(types=frozenset({InterviewType.ONSITE}))
    assert [item.id for item in await store.page("alice", onsite, None, 10)] == ["onsite"]
    assert await store.count("alice", InterviewQuery()) == 4


async def test_for_applications_returns_only_the_owners_in_start_order(store: InterviewStore) -> None:
    await store.add(interview("a2", application="app-1", hours=2))
    await store.add(interview("a1", application="app-1", hours=1))
    await store.add(interview("b1", application="app-2", hours=0))
    await store.add(interview("other-app", application="app-3"))
    await store.add(interview("bobs", owner="bob", application="app-1"))
    found = await store.for_applications("alice", ["app-1", "app-2"])
    assert [item.id for item in found] == ["b1", "a1", "a2"]
    assert await store.for_applications("alice", []) == []


async def test_upcoming_skips_past_and_cancelled(store: InterviewStore) -> None:
    await store.add(interview("past", hours=-1))
    await store.add(interview("now", hours=0))
    await store.add(interview("cancelled", hours=1, cancelled=True))
    await store.add(interview("later", hours=5))
    await store.add(interview("latest", hours=9))
    assert [item.id for item in await store.upcoming("alice", T0, 2)] == ["now", "later"]


async def test_delete_for_application_removes_and_returns_its_interviews(store: InterviewStore) -> None:
    await store.add(interview("a1", application="app-1"))
    await store.add(interview("a2", application="app-1", cancelled=True))
    await store.add(interview("keep", application="app-2"))
    deleted = await store.delete_for_application("app-1")
    assert sorted(item.id for item in deleted) == ["a1", "a2"]
    assert await store.get("alice", "a1") is None
    assert await store.get("alice", "keep") is not None
    assert await store.delete_for_application("app-1") == []


async def test_projection_remember_is_idempotent_and_forget_leaves_a_tombstone(store: InterviewStore) -> None:
    await store.remember_application(KnownApplication("app-1", "alice"))
    await store.remember_application(KnownApplication("app-1", "mallory"))
    await store.forget_application(KnownApplication("app-2", "bob", deleted_at=T0))
    # A redelivered `application.created` after the delete must not resurrect the application.
    await store.remember_application(KnownApplication("app-2", "bob"))
    known = {item.id: item for item in await store.known_applications(["app-1", "app-2", "app-3"])}
    assert known == {
        "app-1": KnownApplication("app-1", "alice"),
        "app-2": KnownApplication("app-2", "bob", deleted_at=T0),
    }
    await store.forget_application(KnownApplication("app-1", "alice", deleted_at=T0))
    assert (await store.known_applications(["app-1"]))[0].deleted


async def test_lock_application_reads_one_projection_row(store: InterviewStore) -> None:
    await store.remember_application(KnownApplication("app-1", "alice"))
    assert await store.lock_application("app-1") == KnownApplication("app-1", "alice")
    assert await store.lock_application("app-2") is None


async def test_claims_are_confirmed_listed_by_age_and_dropped(store: InterviewStore) -> None:
    await store.remember_application(KnownApplication("app-1", "mallory", claimed_at=T0))
    await store.remember_application(KnownApplication("app-2", "alice"))
    assert [item.id for item in await store.claims_before(T0 + timedelta(seconds=1))] == ["app-1"]
    assert await store.claims_before(T0) == []
    await store.confirm_application("app-1", "alice")
    assert await store.lock_application("app-1") == KnownApplication("app-1", "alice")
    await store.drop_application("app-2")
    assert await store.lock_application("app-2") is None
