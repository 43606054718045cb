"""The ApplicationStore contract, run against every backend: SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from subgraphs.applications.models import (
    Application,
    ApplicationOrder,
    ApplicationQuery,
    ApplicationSource,
    ApplicationStatus,
    EmploymentType,
    PageKey,
    Salary,
    SalaryPeriod,
    StatusChange,
    WorkMode,
)
from subgraphs.applications.store import ApplicationStore, SqlApplicationStore

T0 = datetime(2031, 3, 10, 9, 0, tzinfo=UTC)


def application(
    application_id: str,
    *,
    owner: str = "alice",
    company: str = "Acme",
    position: str = "Engineer",
    minutes: int = 0,
    status: ApplicationStatus = ApplicationStatus.SAVED,
) -> Application:
    created = T0 + timedelta(minutes=minutes)
    return Application(
        id=application_id,
        owner_id=owner,
        company=company,
        position=position,
        location="Berlin",
        salary=Salary(min=60_000, max=80_000, currency="EUR", period=SalaryPeriod.YEAR),
        job_url="https://jobs.example/1",
        description="Build things",
        status=status,
        notes=None,
        applied_at=None,
        created_at=created,
        updated_at=created,
    )


@pytest.fixture
async def session(backend_engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    async with AsyncSession(backend_engine) as session, session.begin():
        yield session


@pytest.fixture
def store(session: AsyncSession) -> ApplicationStore:
    return SqlApplicationStore(session)


async def test_an_added_application_reads_back_equal(store: ApplicationStore) -> None:
    added = application("a1")
    await store.add(added)
    assert await store.get("alice", "a1") == added


async def test_instants_come_back_in_utc_whatever_offset_they_were_given_in(store: ApplicationStore) -> None:
    berlin = timezone(timedelta(hours=1))
    await store.add(replace(application("a1"), applied_at=datetime(2031, 3, 1, 10, 0, tzinfo=berlin)))
    found = await store.get("alice", "a1")
    assert found is not None and found.applied_at == datetime(2031, 3, 1, 9, 0, tzinfo=UTC)
    assert found.applied_at.tzinfo == UTC


async def test_no_salary_and_open_ended_salaries_round_trip(store: ApplicationStore) -> None:
    await store.add(replace(application("none"), salary=None))
    open_ended = Salary(min=None, max=45, currency="USD", period=SalaryPeriod.HOUR)
    await store.add(replace(application("open"), salary=open_ended))
    assert (await store.get("alice", "none")) == replace(application("none"), salary=None)
    found = await store.get("alice", "open")
    assert found is not None and found.salary == open_ended


async def test_many_added_at_once_read_back_with_their_timelines(store: ApplicationStore) -> None:
    first, second = application("a1"), application("a2", minutes=1, status=ApplicationStatus.APPLIED)
    changes = [
        StatusChange("a1", ApplicationStatus.SAVED, None, T0),
        StatusChange("a2", ApplicationStatus.SAVED, None, T0),
        StatusChange("a2", ApplicationStatus.APPLIED, "by email", T0 + timedelta(days=1)),
    ]
    await store.add_many([first, second], changes)
    assert sorted(await store.get_many("alice", ["a1", "a2"]), key=lambda item: item.id) == [first, second]
    assert await store.timelines("alice", ["a1", "a2"]) == {"a1": changes[:1], "a2": changes[1:]}


async def test_someone_elses_application_is_not_found(store: ApplicationStore) -> None:
    await store.add(application("a1", owner="alice"))
    assert await store.get("bob", "a1") is None
    assert await store.get_many("bob", ["a1"]) == []


async def test_get_many_returns_the_owners_applications_among_the_ids(store: ApplicationStore) -> None:
    for item in (application("a1"), application("a2"), application("b1", owner="bob")):
        await store.add(item)
    found = await store.get_many("alice", ["a1", "a2", "b1", "missing", "a1"])
    assert sorted(item.id for item in found) == ["a1", "a2"]
    assert await store.get_many("alice", []) == []


async def test_update_overwrites_only_the_owners_application(store: ApplicationStore) -> None:
    await store.add(application("a1"))
    changed = replace(application("a1"), company="Globex", status=ApplicationStatus.OFFER)
    await store.update(replace(changed, owner_id="bob"))
    assert await store.get("alice", "a1") == application("a1")
    await store.update(changed)
    assert await store.get("alice", "a1") == changed


async def test_delete_removes_the_application_and_its_timeline(store: ApplicationStore) -> None:
    await store.add(application("a1"))
    await store.add_status_change(StatusChange("a1", ApplicationStatus.SAVED, None, T0))
    assert await store.delete("bob", "a1") is False
    assert await store.delete("alice", "a1") is True
    assert await store.get("alice", "a1") is None
    assert await store.timelines("alice", ["a1"]) == {}
    assert await store.delete("alice", "a1") is False


async def test_pages_are_newest_first_and_continue_after_the_cursor(store: ApplicationStore) -> None:
    for minute in range(5):
        await store.add(application(f"a{minute}", minutes=minute))
    # Two with the same creation time: the id breaks the tie, still newest-first (descending).
    await store.add(application("tie-a", minutes=2))
    first = await store.page("alice", ApplicationQuery(), None, 3)
    assert [item.id for item in first] == ["a4", "a3", "tie-a"]
    last = first[-1]
    rest = await store.page("alice", ApplicationQuery(), PageKey.of(ApplicationOrder.NEWEST, last), 10)
    assert [item.id for item in rest] == ["a2", "a1", "a0"]


async def test_filters_by_any_of_the_statuses(store: ApplicationStore) -> None:
    await store.add(application("saved"))
    await store.add(application("applied", status=ApplicationStatus.APPLIED, minutes=1))
    await store.add(application("offer", status=ApplicationStatus.OFFER, minutes=2))
    query = ApplicationQuery(statuses=frozenset({ApplicationStatus.APPLIED, ApplicationStatus.OFFER}))
    assert [item.id for item in await store.page("alice", query, None, 10)] == ["offer", "applied"]
    assert await store.count("alice", query) == 2


async def test_search_is_case_insensitive_over_company_and_position(store: ApplicationStore) -> None:
    await store.add(application("acme", company="ACME Corp", position="Designer"))
    await store.add(application("py", company="Initech", position="Python developer", minutes=1))
    await store.add(application("other", company="Globex", position="Sales", minutes=2))
    assert [item.id for item in await store.page("alice", ApplicationQuery(search="acme"), None, 10)] == [
        "acme"
    ]
    assert [item.id for item in await store.page("alice", ApplicationQuery(search="PYTHON"), None, 10)] == [
        "py"
    ]
    assert await store.count("alice", ApplicationQuery(search="e")) == 3


async def test_search_wildcards_are_literal(store: ApplicationStore) -> None:
    await store.add(application("percent", company="100% Remote"))
    await store.add(application("plain", company="1000 Remote", minutes=1))
    found = await store.page("alice", ApplicationQuery(search="0%"), None, 10)
    assert [item.id for item in found] == ["percent"]
    assert await store.count("alice", ApplicationQuery(search="_")) == 0


async def test_lists_and_counts_never_include_other_owners(store: ApplicationStore) -> None:
    await store.add(application("a1"))
    await store.add(application("b1", owner="bob"))
    assert [item.id for item in await store.page("bob", ApplicationQuery(), None, 10)] == ["b1"]
    assert await store.count("bob", ApplicationQuery()) == 1


async def test_counts_by_status_cover_every_status(store: ApplicationStore) -> None:
    await store.add(application("a1", status=ApplicationStatus.APPLIED))
    await store.add(application("a2", status=ApplicationStatus.APPLIED))
    await store.add(application("a3", status=ApplicationStatus.REJECTED))
    await store.add(application("b1", owner="bob", status=ApplicationStatus.OFFER))
    counts = await store.counts_by_status("alice")
    assert counts.by_status == {
        ApplicationStatus.SAVED: 0,
        ApplicationStatus.APPLIED: 2,
        ApplicationStatus.INTERVIEW: 0,
        ApplicationStatus.OFFER: 0,
        ApplicationStatus.REJECTED: 1,
        ApplicationStatus.WITHDRAWN: 0,
    }
    assert (counts.total, counts.in_progress) == (3, 2)
    assert (await store.counts_by_status("nobody")).total == 0


async def test_timelines_keep_entry_order_and_only_the_owners(store: ApplicationStore) -> None:
    await store.add(application("a1"))
    await store.add(application("a2"))
    await store.add(application("b1", owner="bob"))
    entries = [
        StatusChange("a1", ApplicationStatus.SAVED, None, T0),
        StatusChange("a2", ApplicationStatus.SAVED, None, T0),
        StatusChange("a1", ApplicationStatus.APPLIED, "sent the CV", T0 + timedelta(days=1)),
        StatusChange("b1", ApplicationStatus.SAVED, None, T0),
    ]
    for entry in entries:
        await store.add_status_change(entry)
    timelines = await store.timelines("alice", ["a1", "a2", "b1"])
    assert timelines == {"a1": [entries[0], entries[2]], "a2": [entries[1]]}
    assert await store.timelines("alice", []) == {}


async def test_the_fields_of_issue_18_round_trip(store: ApplicationStore) -> None:
    full = replace(
        application("a1"),
        source=ApplicationSource.REFERRAL,
        source_detail="Ann from the meetup",
        priority=4,
        work_mode=WorkMode.HYBRID,
        employment_type=EmploymentType.CONTRACT,
        deadline=datetime(2031, 4, 1, 17, 0, tzinfo=UTC),
        tags=("python", "100%_remote", "c++"),
    )
    await store.add(full)
    assert await store.get("alice", "a1") == full
    cleared = replace(full, source=None, priority=None, deadline=None, tags=())
    await store.update(cleared)
    assert await store.get("alice", "a1") == cleared


async def ids(
    store: ApplicationStore, query: ApplicationQuery, order: ApplicationOrder = ApplicationOrder.NEWEST
) -> list[str]:
    return [item.id for item in await store.page("alice", query, None, 100, order)]


async def test_filters_by_creation_and_application_dates_inclusively(store: ApplicationStore) -> None:
    for minute in range(4):
        applied = None if minute == 0 else T0 + timedelta(days=minute)
        await store.add(replace(application(f"a{minute}", minutes=minute), applied_at=applied))
    created = ApplicationQuery(created_from=T0 + timedelta(minutes=1), created_to=T0 + timedelta(minutes=2))
    assert await ids(store, created) == ["a2", "a1"]
    since = ApplicationQuery(applied_from=T0 + timedelta(days=2))
    assert await ids(store, since) == ["a3", "a2"]
    # No appliedAt never matches an appliedAt criterion.
    assert await ids(store, ApplicationQuery(applied_to=T0 + timedelta(days=9))) == ["a3", "a2", "a1"]


async def test_filters_by_location_source_work_mode_employment_type_and_priority(
    store: ApplicationStore,
) -> None:
    await store.add(replace(application("berlin", minutes=0), source=ApplicationSource.LINKEDIN, priority=2))
    await store.add(
        replace(
            application("remote", minutes=1),
            location="Remote (EU)",
            work_mode=WorkMode.REMOTE,
            employment_type=EmploymentType.FULL_TIME,
            priority=5,
        )
    )
    await store.add(replace(application("none", minutes=2), location=None))
    assert await ids(store, ApplicationQuery(location="rEmOtE")) == ["remote"]
    assert await ids(store, ApplicationQuery(location="%")) == []
    assert await ids(store, ApplicationQuery(sources=frozenset({ApplicationSource.LINKEDIN}))) == ["berlin"]
    modes = ApplicationQuery(work_modes=frozenset({WorkMode.REMOTE, WorkMode.HYBRID}))
    assert await ids(store, modes) == ["remote"]
    types = ApplicationQuery(employment_types=frozenset({EmploymentType.FULL_TIME}))
    assert await ids(store, types) == ["remote"]
    assert await ids(store, ApplicationQuery(min_priority=3)) == ["remote"]
    assert await ids(store, ApplicationQuery(min_priority=2, max_priority=4)) == ["berlin"]
    assert await store.count("alice", ApplicationQuery(max_priority=5)) == 2


async def test_filters_by_every_tag_given_matching_whole_tags(store: ApplicationStore) -> None:
    await store.add(replace(application("both", minutes=0), tags=("python", "remote")))
    await store.add(replace(application("py", minutes=1), tags=("python",)))
    await store.add(replace(application("longer", minutes=2), tags=("python3", "remote-first")))
    await store.add(replace(application("wild", minutes=3), tags=("50%",)))
    assert await ids(store, ApplicationQuery(tags=("python",))) == ["py", "both"]
    assert await ids(store, ApplicationQuery(tags=("python", "remote"))) == ["both"]
    assert await ids(store, ApplicationQuery(tags=("remote",))) == ["both"]
    assert await ids(store, ApplicationQuery(tags=("5_%",))) == []
    assert await ids(store, ApplicationQuery(tags=("50%",))) == ["wild"]


async def test_salary_filter_matches_overlapping_ranges_as_written(store: ApplicationStore) -> None:
    def salary(low: int | None, high: int | None, currency: str = "EUR") -> Salary:
        return Salary(min=low, max=high, currency=currency, period=SalaryPeriod.YEAR)

    await store.add(replace(application("low", minutes=0), salary=salary(40_000, 50_000)))
    await store.add(replace(application("mid", minutes=1), salary=salary(60_000, 80_000)))
    await store.add(replace(application("open", minutes=2), salary=salary(None, 55_000)))
    await store.add(replace(application("usd", minutes=3), salary=salary(90_000, None, "USD")))
    await store.add(replace(application("none", minutes=4), salary=None))
    assert await ids(store, ApplicationQuery(salary_min=70_000)) == ["usd", "mid"]
    assert await ids(store, ApplicationQuery(salary_max=45_000)) == ["open", "low"]
    assert await ids(store, ApplicationQuery(salary_min=52_000, salary_max=58_000)) == ["open"]
    assert await ids(store, ApplicationQuery(salary_min=70_000, salary_currency="EUR")) == ["mid"]
    assert await ids(store, ApplicationQuery(salary_currency="USD")) == ["usd"]


async def every_page(
    store: ApplicationStore, order: ApplicationOrder, size: int, query: ApplicationQuery | None = None
) -> list[str]:
    """Every application of alice in `order`, read `size` at a time by following the positions."""
    seen: list[str] = []
    after: PageKey | None = None
    while True:
        page = await store.page("alice", query or ApplicationQuery(), after, size, order)
        seen += [item.id for item in page]
        if len(page) < size:
            return seen
        after = PageKey.of(order, page[-1])


async def test_every_order_pages_through_everything_once_with_nulls_last(store: ApplicationStore) -> None:
    # Sort keys with ties and missing values, so the id and the null handling both decide somewhere.
    rows = [
        ("a", 0, 3, "Globex", 3, 2),
        ("b", 1, 0, "acme", None, None),
        ("c", 1, 5, "Acme", 3, 1),
        ("d", 2, 1, "initech", 5, None),
        ("e", 3, 1, "Zeta", None, 1),
    ]
    for item_id, created, updated, company, priority, deadline in rows:
        created_at = T0 + timedelta(minutes=created)
        await store.add(
            replace(
                application(item_id),
                company=company,
                created_at=created_at,
                updated_at=created_at + timedelta(hours=updated),
                priority=priority,
                deadline=None if deadline is None else T0 + timedelta(days=deadline),
            )
        )
    await store.add(application("bob's", owner="bob"))
    expected = {
        ApplicationOrder.NEWEST: ["e", "d", "c", "b", "a"],
        ApplicationOrder.OLDEST: ["a", "b", "c", "d", "e"],
        ApplicationOrder.RECENTLY_UPDATED: ["c", "a", "e", "d", "b"],
        ApplicationOrder.COMPANY: ["b", "c", "a", "d", "e"],
        ApplicationOrder.PRIORITY: ["d", "c", "a", "e", "b"],
        ApplicationOrder.DEADLINE: ["c", "e", "a", "b", "d"],
    }
    for order, ids_in_order in expected.items():
        for size in (1, 2, 10):
            assert await every_page(store, order, size) == ids_in_order, (order, size)


async def test_orders_combine_with_filters(store: ApplicationStore) -> None:
    for index, mode in enumerate([WorkMode.REMOTE, WorkMode.ONSITE, WorkMode.REMOTE, WorkMode.REMOTE]):
        await store.add(
            replace(application(f"a{index}", minutes=index), work_mode=mode, priority=index or None)
        )
    remote = ApplicationQuery(work_modes=frozenset({WorkMode.REMOTE}))
    assert await every_page(store, ApplicationOrder.PRIORITY, 1, remote) == ["a3", "a2", "a0"]
