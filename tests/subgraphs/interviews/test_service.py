"""InterviewService use cases: scheduling, changes, cancellation, listing and the application projection."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from subgraphs.interviews.events import (
    CancelReason,
    InterviewCancelled,
    InterviewScheduled,
    InterviewUpdated,
)
from subgraphs.interviews.models import (
    InterviewQuery,
    InterviewType,
    ScheduleInterview,
    StartsAtKey,
    UpdateInterview,
)
from subgraphs.interviews.service import InterviewService
from subgraphs.kit.errors import BadUserInput, Conflict, NotFound
from tests.subgraphs.interviews.conftest import NOW, RecordedEvents

BERLIN_WINTER = timezone(timedelta(hours=1))
STARTS = datetime(2031, 3, 10, 10, 0, tzinfo=BERLIN_WINTER)


def phone(application_id: str = "app-1", *, hours: float = 0) -> ScheduleInterview:
    return ScheduleInterview(
        application_id=application_id,
        starts_at=STARTS + timedelta(hours=hours),
        duration_minutes=30,
        type=InterviewType.PHONE,
        details="  recruiter screen  ",
    )


@pytest.fixture
async def alice_app(service: InterviewService) -> str:
    await service.application_created("app-1", "alice")
    return "app-1"


async def test_schedule_stores_utc_and_records_the_event(
    service: InterviewService, recorded: RecordedEvents, alice_app: str
) -> None:
    interview = await service.schedule("alice", phone(alice_app))
    assert interview.starts_at == datetime(2031, 3, 10, 9, 0, tzinfo=UTC)
    assert interview.details == "recruiter screen"
    assert interview.created_at == interview.updated_at == NOW
    assert await service.get("alice", interview.id) == interview
    assert recorded == [InterviewScheduled(interview)]
    assert recorded[0].data() == {
        "id": interview.id,
        "applicationId": "app-1",
        "startsAt": "2031-03-10T09:00:00Z",
        "durationMinutes": 30,
        "type": "PHONE",
        "location": None,
        "meetingUrl": None,
        "details": "recruiter screen",
    }


@pytest.mark.parametrize(
    ("known", "why"),
    [
        ([], "the projection never heard of the application"),
        ([("app-1", "bob")], "the application is someone else's"),
    ],
)
async def test_schedule_for_an_application_not_the_callers_is_not_found(
    service: InterviewService, recorded: RecordedEvents, known: list[tuple[str, str]], why: str
) -> None:
    for application_id, owner in known:
        await service.application_created(application_id, owner)
    with pytest.raises(NotFound) as caught:
        await service.schedule("alice", phone("app-1"))
    assert caught.value.extensions == {"code": "NOT_FOUND", "field": "applicationId"}, why
    assert recorded == []
    assert (await service.find("alice", InterviewQuery(include_cancelled=True), 10, None)).total_count == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"starts_at": datetime(2031, 3, 10, 10, 0)}, "startsAt"),
        ({"duration_minutes": 0}, "durationMinutes"),
        ({"duration_minutes": 1441}, "durationMinutes"),
        ({"location": "Main St 1"}, "location"),
        ({"meeting_url": "https://meet.example/abc"}, "meetingUrl"),
        ({"type": InterviewType.ONLINE, "meeting_url": "not a url"}, "meetingUrl"),
        ({"type": InterviewType.ONLINE, "meeting_url": "ftp://files.example/x"}, "meetingUrl"),
        ({"type": InterviewType.ONSITE, "location": "x" * 501}, "location"),
        ({"details": "x" * 10_001}, "details"),
    ],
)
async def test_invalid_schedule_input_names_the_field_and_writes_nothing(
    service: InterviewService,
    recorded: RecordedEvents,
    alice_app: str,
    changes: dict[str, object],
    field: str,
) -> None:
    command = _with(phone(alice_app), changes)
    with pytest.raises(BadUserInput) as caught:
        await service.schedule("alice", command)
    assert caught.value.extensions == {"code": "BAD_USER_INPUT", "field": field}
    assert recorded == []
    assert (await service.find("alice", InterviewQuery(include_cancelled=True), 10, None)).total_count == 0


async def test_schedule_keeps_location_and_meeting_url_for_their_types(
    service: InterviewService, alice_app: str
) -> None:
    onsite = await service.schedule(
        "alice", _with(phone(alice_app), {"type": InterviewType.ONSITE, "location": " HQ, floor 3 "})
    )
    online = await service.schedule(
        "alice",
        _with(phone(alice_app), {"type": InterviewType.ONLINE, "meeting_url": "https://meet.example/a"}),
    )
    assert (onsite.location, onsite.meeting_url) == ("HQ, floor 3", None)
    assert (online.location, online.meeting_url) == (None, "https://meet.example/a")


async def test_update_changes_fields_and_reports_which(
    service: InterviewService, recorded: RecordedEvents, alice_app: str
) -> None:
    original = await service.schedule("alice", phone(alice_app))
    updated = await service.update("alice", original.id, UpdateInterview(duration_minutes=60, details=None))
    assert (updated.duration_minutes, updated.details, updated.starts_at) == (60, None, original.starts_at)
    assert await service.get("alice", original.id) == updated
    assert recorded[-1] == InterviewUpdated(updated, previous=original)
    assert recorded[-1].data()["changed"] == ["durationMinutes", "details"]
    # The start before the change travels too: the applications timeline tells moves "from → to" with it.
    assert recorded[-1].data()["previousStartsAt"] == original.starts_at.isoformat().replace("+00:00", "Z")


async def test_changing_type_drops_fields_that_no_longer_apply(
    service: InterviewService, alice_app: str
) -> None:
    onsite = await service.schedule(
        "alice", _with(phone(alice_app), {"type": InterviewType.ONSITE, "location": "HQ"})
    )
    online = await service.update(
        "alice", onsite.id, UpdateInterview(type=InterviewType.ONLINE, meeting_url="https://meet.example/b")
    )
    assert (online.type, online.location, online.meeting_url) == (
        InterviewType.ONLINE,
        None,
        "https://meet.example/b",
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (UpdateInterview(starts_at=None), "startsAt"),
        (UpdateInterview(duration_minutes=None), "durationMinutes"),
        (UpdateInterview(type=None), "type"),
        (UpdateInterview(duration_minutes=2000), "durationMinutes"),
        (UpdateInterview(location="HQ"), "location"),
        (UpdateInterview(type=InterviewType.ONSITE, meeting_url="https://meet.example/c"), "meetingUrl"),
    ],
)
async def test_invalid_update_names_the_field_and_changes_nothing(
    service: InterviewService, recorded: RecordedEvents, alice_app: str, changes: UpdateInterview, field: str
) -> None:
    original = await service.schedule("alice", phone(alice_app))
    with pytest.raises(BadUserInput) as caught:
        await service.update("alice", original.id, changes)
    assert caught.value.extensions == {"code": "BAD_USER_INPUT", "field": field}
    assert await service.get("alice", original.id) == original
    assert len(recorded) == 1


async def test_an_update_that_changes_nothing_records_nothing(
    service: InterviewService, recorded: RecordedEvents, alice_app: str
) -> None:
    original = await service.schedule("alice", phone(alice_app))
    assert await service.update("alice", original.id, UpdateInterview(duration_minutes=30)) == original
    assert len(recorded) == 1


async def test_cancel_keeps_the_interview_and_blocks_further_changes(
    service: InterviewService, recorded: RecordedEvents, alice_app: str
) -> None:
    original = await service.schedule("alice", phone(alice_app))
    cancelled = await service.cancel("alice", original.id)
    assert cancelled.cancelled_at == NOW
    assert recorded[-1] == InterviewCancelled(cancelled, reason=CancelReason.CANCELLED)
    assert recorded[-1].data()["reason"] == "cancelled"
    with pytest.raises(Conflict):
        await service.cancel("alice", original.id)
    with pytest.raises(Conflict):
        await service.update("alice", original.id, UpdateInterview(duration_minutes=10))
    assert len(recorded) == 2


async def test_other_peoples_interviews_are_not_found(
    service: InterviewService, recorded: RecordedEvents, alice_app: str
) -> None:
    original = await service.schedule("alice", phone(alice_app))
    assert await service.get("bob", original.id) is None
    assert await service.get_many("bob", [original.id]) == [None]
    for attempt in (
        service.update("bob", original.id, UpdateInterview(duration_minutes=10)),
        service.cancel("bob", original.id),
    ):
        with pytest.raises(NotFound) as caught:
            await attempt
        assert caught.value.extensions == {"code": "NOT_FOUND", "field": "id"}
    assert await service.get("alice", original.id) == original
    assert len(recorded) == 1


async def test_find_pages_by_start_time(service: InterviewService, alice_app: str) -> None:
    scheduled = [await service.schedule("alice", phone(alice_app, hours=hours)) for hours in (3, 1, 2)]
    first = await service.find("alice", InterviewQuery(), 2, None)
    assert [item.starts_at for item in first.items] == sorted(item.starts_at for item in scheduled)[:2]
    assert (first.has_next_page, first.total_count) == (True, 3)
    last = first.items[-1]
    rest = await service.find("alice", InterviewQuery(), 2, StartsAtKey(last.starts_at, last.id))
    assert [item.id for item in rest.items] == [scheduled[0].id]
    assert rest.has_next_page is False


async def test_find_rejects_a_window_that_ends_before_it_starts(service: InterviewService) -> None:
    backwards = InterviewQuery(starts_from=STARTS, starts_before=STARTS - timedelta(days=1))
    with pytest.raises(BadUserInput) as caught:
        await service.find("alice", backwards, 10, None)
    assert caught.value.field == "filter.to"


async def test_upcoming_is_from_now_on_and_skips_cancelled(service: InterviewService, alice_app: str) -> None:
    past = await service.schedule("alice", _with(phone(alice_app), {"starts_at": NOW - timedelta(hours=1)}))
    soon = await service.schedule("alice", _with(phone(alice_app), {"starts_at": NOW + timedelta(hours=1)}))
    dropped = await service.schedule(
        "alice", _with(phone(alice_app), {"starts_at": NOW + timedelta(hours=2)})
    )
    later = await service.schedule("alice", _with(phone(alice_app), {"starts_at": NOW + timedelta(days=2)}))
    await service.cancel("alice", dropped.id)
    assert [item.id for item in await service.upcoming("alice", 5)] == [soon.id, later.id]
    assert [item.id for item in await service.upcoming("alice", 1)] == [soon.id]
    assert past.id not in {item.id for item in await service.upcoming("alice", 100)}
    with pytest.raises(BadUserInput):
        await service.upcoming("alice", 101)


async def test_deleted_application_takes_its_interviews_and_cannot_come_back(
    service: InterviewService, recorded: RecordedEvents, alice_app: str
) -> None:
    live = await service.schedule("alice", phone(alice_app))
    gone = await service.schedule("alice", phone(alice_app, hours=1))
    await service.cancel("alice", gone.id)
    del recorded[:]

    deleted = await service.application_deleted(alice_app, "alice")
    assert sorted(item.id for item in deleted) == sorted([live.id, gone.id])
    # Only the interview that was still on is announced: the other one's cancellation was announced already.
    assert [
        (event.interview.id, event.reason) for event in recorded if isinstance(event, InterviewCancelled)
    ] == [(live.id, CancelReason.APPLICATION_DELETED)]
    assert await service.get("alice", live.id) is None

    await service.application_created(alice_app, "alice")  # a late redelivery
    assert await service.owned_applications("alice", [alice_app]) == [False]
    with pytest.raises(NotFound):
        await service.schedule("alice", phone(alice_app))
    assert await service.application_deleted(alice_app, "alice") == []


async def test_for_applications_groups_the_callers_interviews(service: InterviewService) -> None:
    await service.application_created("app-1", "alice")
    await service.application_created("app-2", "alice")
    one = await service.schedule("alice", phone("app-1"))
    two = await service.schedule("alice", phone("app-2"))
    assert await service.for_applications("alice", ["app-2", "app-1", "app-9"]) == [[two], [one], []]
    assert await service.for_applications("bob", ["app-1"]) == [[]]
    assert await service.owned_applications("bob", ["app-1"]) == [False]


def _with(command: ScheduleInterview, changes: dict[str, object]) -> ScheduleInterview:
    return replace(command, **changes)  # type: ignore[arg-type]


async def test_projection_changes_can_join_the_callers_transaction(
    service: InterviewService, sqlite_engine: AsyncEngine
) -> None:
    async with AsyncSession(sqlite_engine) as session:
        async with session.begin():
            await service.application_created("app-1", "alice", session=session)
            assert await service.owned_applications("alice", ["app-1"]) == [False]  # not committed yet
        async with session.begin():
            await service.application_created("app-2", "alice", session=session)
            await session.rollback()
    assert await service.owned_applications("alice", ["app-1", "app-2"]) == [True, False]
