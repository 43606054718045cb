"""The timeline store contract (entries, contact links, known contacts), run against SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from subgraphs.applications.models import (
    ApplicationStatus,
    FieldChange,
    TimelineEntry,
    TimelineKind,
)
from subgraphs.applications.store import SqlApplicationStore
from subgraphs.applications.timeline_store import KnownContact, SqlTimelineStore
from tests.subgraphs.applications.test_store_contract import application

T0 = datetime(2031, 3, 10, 9, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)


def entry(entry_id: str, application_id: str = "a1", *, at: datetime = T0, **detail: object) -> TimelineEntry:
    kind = detail.pop("kind", TimelineKind.NOTE)
    return TimelineEntry(id=entry_id, application_id=application_id, kind=kind, at=at, **detail)  # type: ignore[arg-type]


@pytest.fixture
async def session(backend_engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    async with AsyncSession(backend_engine) as session, session.begin():
        applications = SqlApplicationStore(session)
        for item in (application("a1"), application("a2"), application("b1", owner="bob")):
            await applications.add(item)
        yield session


@pytest.fixture
def store(session: AsyncSession) -> SqlTimelineStore:
    return SqlTimelineStore(session)


async def test_every_kind_of_detail_reads_back_equal(store: SqlTimelineStore) -> None:
    entries = [
        entry("c", kind=TimelineKind.CREATED, status=ApplicationStatus.SAVED),
        entry(
            "u",
            at=T0 + MINUTE,
            kind=TimelineKind.UPDATED,
            changed_fields=(FieldChange("company", "Acme", "Globex"), FieldChange("description")),
        ),
        entry(
            "s",
            at=T0 + 2 * MINUTE,
            kind=TimelineKind.STATUS_CHANGED,
            status=ApplicationStatus.APPLIED,
            previous_status=ApplicationStatus.SAVED,
            note="sent",
        ),
        entry(
            "i",
            at=T0 + 3 * MINUTE,
            kind=TimelineKind.INTERVIEW_RESCHEDULED,
            interview_id="iv1",
            interview_starts_at=T0 + timedelta(days=3),
            previous_starts_at=T0 + timedelta(days=2),
        ),
        entry("f", at=T0 + 4 * MINUTE, kind=TimelineKind.DOCUMENT_ATTACHED, file_id="f1", file_name="cv.pdf"),
        entry(
            "k", at=T0 + 5 * MINUTE, kind=TimelineKind.CONTACT_LINKED, contact_id="k1", contact_name="Peter"
        ),
    ]
    for item in entries:
        assert await store.add(item) is True
    assert await store.entries("alice", ["a1"]) == {"a1": entries}


async def test_entries_are_oldest_first_by_their_own_time_then_by_arrival(store: SqlTimelineStore) -> None:
    # A late event (older `at`) sorts before entries added earlier; equal instants keep arrival order.
    await store.add(entry("second", at=T0 + MINUTE))
    await store.add(entry("third", at=T0 + MINUTE))
    await store.add(entry("first", at=T0))
    found = await store.entries("alice", ["a1"])
    assert [item.id for item in found["a1"]] == ["first", "second", "third"]


async def test_an_entry_id_is_added_once(store: SqlTimelineStore) -> None:
    assert await store.add(entry("interview-scheduled:iv1")) is True
    assert await store.add(entry("interview-scheduled:iv1", note="again")) is False
    found = await store.entries("alice", ["a1"])
    assert [item.note for item in found["a1"]] == [None]


async def test_many_new_entries_are_added_at_once_in_their_order(store: SqlTimelineStore) -> None:
    # An import's timelines: same-instant entries keep the order given (created, then its first change).
    entries = [
        entry("c1", kind=TimelineKind.CREATED, status=ApplicationStatus.SAVED),
        entry(
            "s1",
            kind=TimelineKind.STATUS_CHANGED,
            status=ApplicationStatus.APPLIED,
            previous_status=ApplicationStatus.SAVED,
            note="by email",
        ),
        entry("c2", "a2", at=T0 + MINUTE, kind=TimelineKind.CREATED, status=ApplicationStatus.OFFER),
    ]
    await store.add_many(entries)
    await store.add_many([])
    assert await store.entries("alice", ["a1", "a2"]) == {"a1": entries[:2], "a2": entries[2:]}


async def test_entries_are_read_per_owner_in_one_batch(store: SqlTimelineStore) -> None:
    await store.add(entry("x1", "a1"))
    await store.add(entry("x2", "a2"))
    await store.add(entry("y1", "b1"))
    found = await store.entries("alice", ["a1", "a2", "b1", "missing"])
    assert {key: [item.id for item in value] for key, value in found.items()} == {"a1": ["x1"], "a2": ["x2"]}
    assert await store.entries("bob", ["a1"]) == {}
    assert await store.entries("alice", []) == {}


async def test_links_go_both_ways_and_are_scoped_to_the_owner(store: SqlTimelineStore) -> None:
    assert await store.link("alice", "a1", "k1", T0) is True
    assert await store.link("alice", "a1", "k1", T0 + MINUTE) is False
    await store.link("alice", "a2", "k1", T0 + MINUTE)
    await store.link("alice", "a1", "k2", T0 + 2 * MINUTE)
    assert await store.contacts_of("alice", ["a1", "a2"]) == {"a1": ["k1", "k2"], "a2": ["k1"]}
    assert await store.applications_of("alice", ["k1", "k2"]) == {"k1": ["a1", "a2"], "k2": ["a1"]}
    assert await store.contacts_of("bob", ["a1"]) == {}
    assert await store.applications_of("bob", ["k1"]) == {}
    assert await store.unlink("bob", "a1", "k1") is False
    assert await store.unlink("alice", "a1", "k1") is True
    assert await store.unlink("alice", "a1", "k1") is False
    assert await store.contacts_of("alice", ["a1"]) == {"a1": ["k2"]}


async def test_unlinking_a_contact_everywhere_names_its_applications(store: SqlTimelineStore) -> None:
    await store.link("alice", "a2", "k1", T0)
    await store.link("alice", "a1", "k1", T0)
    await store.link("alice", "a1", "k2", T0)
    assert await store.unlink_contact("alice", "k1") == ["a1", "a2"]
    assert await store.applications_of("alice", ["k1", "k2"]) == {"k2": ["a1"]}


async def test_forgetting_an_application_drops_its_timeline_and_links(store: SqlTimelineStore) -> None:
    await store.add(entry("x1", "a1"))
    await store.add(entry("x2", "a2"))
    await store.link("alice", "a1", "k1", T0)
    await store.forget_application("a1")
    assert await store.entries("alice", ["a1", "a2"]) == {"a2": [entry("x2", "a2")]}
    assert await store.applications_of("alice", ["k1"]) == {}


async def test_known_contacts_are_remembered_and_overwritten(store: SqlTimelineStore) -> None:
    assert await store.known_contact("k1") is None
    await store.remember_contact(KnownContact("k1", "alice", "Peter", False, T0))
    assert await store.known_contact("k1") == KnownContact("k1", "alice", "Peter", False, T0)
    await store.remember_contact(KnownContact("k1", "alice", "Peter G.", True, T0 + MINUTE))
    assert await store.known_contact("k1") == KnownContact("k1", "alice", "Peter G.", True, T0 + MINUTE)
