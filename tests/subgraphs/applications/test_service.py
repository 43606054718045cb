"""Application use cases: validation naming the field, ownership, the timeline, and one event per change."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime, timedelta

import pytest

from subgraphs.applications.events import (
    ApplicationCreated,
    ApplicationDeleted,
    ApplicationStatusChanged,
    ApplicationUpdated,
)
from subgraphs.applications.models import (
    KEEP,
    ApplicationQuery,
    ApplicationStatus,
    CreateApplication,
    Salary,
    SalaryPeriod,
    UpdateApplication,
)
from subgraphs.applications.service import ApplicationService
from subgraphs.kit.errors import BadUserInput, Conflict, NotFound
from tests.subgraphs.applications.conftest import NOW, RecordedEvents
from tests.subgraphs.harness import TickingClock


def acme(**overrides: object) -> CreateApplication:
    values: dict[str, object] = {"company": "Acme", "position": "Engineer"}
    values.update(overrides)
    return CreateApplication(**values)  # type: ignore[arg-type]


async def test_create_saves_the_application_its_first_timeline_entry_and_an_event(
    service: ApplicationService, recorded: RecordedEvents
) -> None:
    created = await service.create("alice", acme(company="  Acme  ", location="Berlin"))
    assert (created.company, created.location, created.status) == ("Acme", "Berlin", ApplicationStatus.SAVED)
    assert created.applied_at is None
    assert await service.get_many("alice", [created.id]) == [created]
    [timeline] = await service.timelines("alice", [created.id])
    assert [(entry.status, entry.note) for entry in timeline] == [(ApplicationStatus.SAVED, None)]
    assert recorded == [ApplicationCreated(created)]


async def test_an_application_created_as_sent_counts_as_sent_now(service: ApplicationService) -> None:
    created = await service.create("alice", acme(status=ApplicationStatus.APPLIED))
    assert created.applied_at == created.created_at


async def test_applied_at_given_is_kept_in_utc(service: ApplicationService) -> None:
    given = datetime(2031, 2, 20, 10, 0, tzinfo=UTC)
    created = await service.create("alice", acme(status=ApplicationStatus.APPLIED, applied_at=given))
    assert created.applied_at == given


@pytest.mark.parametrize(
    ("command", "field"),
    [
        (acme(company=" "), "company"),
        (acme(company="x" * 201), "company"),
        (acme(position=""), "position"),
        (acme(location="x" * 201), "location"),
        (acme(job_url="ftp://example.com/job"), "jobUrl"),
        (acme(job_url="not a url"), "jobUrl"),
        (acme(description="x" * 50_001), "description"),
        (acme(notes="x" * 10_001), "notes"),
        (acme(salary=Salary(min=None, max=None, currency="EUR", period=SalaryPeriod.YEAR)), "salary.min"),
        (acme(salary=Salary(min=-1, max=None, currency="EUR", period=SalaryPeriod.YEAR)), "salary.min"),
        (acme(salary=Salary(min=90, max=80, currency="EUR", period=SalaryPeriod.YEAR)), "salary.max"),
        (acme(salary=Salary(min=1, max=2, currency="EURO", period=SalaryPeriod.YEAR)), "salary.currency"),
        (acme(applied_at=datetime(2031, 2, 1, 9, 0)), "appliedAt"),
        (acme(applied_at=NOW + timedelta(days=3)), "appliedAt"),
    ],
)
async def test_invalid_input_names_the_field_and_saves_nothing(
    service: ApplicationService, recorded: RecordedEvents, command: CreateApplication, field: str
) -> None:
    with pytest.raises(BadUserInput) as raised:
        await service.create("alice", command)
    assert raised.value.field == field
    assert (await service.find("alice", ApplicationQuery(), 10, None)).total_count == 0
    assert recorded == []


async def test_currency_codes_are_upper_cased(service: ApplicationService) -> None:
    salary = Salary(min=50, max=None, currency="usd", period=SalaryPeriod.HOUR)
    created = await service.create("alice", acme(salary=salary))
    assert created.salary == Salary(min=50, max=None, currency="USD", period=SalaryPeriod.HOUR)


async def test_update_changes_only_the_given_fields_and_reports_them(
    service: ApplicationService, recorded: RecordedEvents
) -> None:
    created = await service.create("alice", acme(location="Berlin", notes="ask about remote"))
    changed = await service.update(
        "alice", created.id, UpdateApplication(position="Staff Engineer", notes=None)
    )
    assert (changed.company, changed.position, changed.location, changed.notes) == (
        "Acme",
        "Staff Engineer",
        "Berlin",
        None,
    )
    assert changed.updated_at > created.updated_at
    assert recorded[-1] == ApplicationUpdated(changed, previous=created)
    assert recorded[-1].data()["changed"] == ["position", "notes"]


async def test_an_update_that_changes_nothing_records_nothing(
    service: ApplicationService, recorded: RecordedEvents
) -> None:
    created = await service.create("alice", acme())
    assert await service.update("alice", created.id, UpdateApplication(company="Acme")) == created
    assert recorded == [ApplicationCreated(created)]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (UpdateApplication(company=None), "company"),
        (UpdateApplication(position=" "), "position"),
        (UpdateApplication(job_url="javascript:alert(1)"), "jobUrl"),
        (
            UpdateApplication(salary=Salary(min=5, max=1, currency="EUR", period=SalaryPeriod.YEAR)),
            "salary.max",
        ),
    ],
)
async def test_an_invalid_update_changes_nothing(
    service: ApplicationService, changes: UpdateApplication, field: str
) -> None:
    created = await service.create("alice", acme())
    with pytest.raises(BadUserInput) as raised:
        await service.update("alice", created.id, changes)
    assert raised.value.field == field
    assert await service.get_many("alice", [created.id]) == [created]


async def test_status_changes_build_the_timeline_and_set_applied_at_once(
    service: ApplicationService, recorded: RecordedEvents, clock: TickingClock
) -> None:
    created = await service.create("alice", acme())
    applied = await service.change_status("alice", created.id, ApplicationStatus.APPLIED, " sent CV ")
    assert applied.applied_at is not None
    interview = await service.change_status("alice", created.id, ApplicationStatus.INTERVIEW, None)
    assert interview.applied_at == applied.applied_at
    [timeline] = await service.timelines("alice", [created.id])
    assert [(entry.status, entry.note) for entry in timeline] == [
        (ApplicationStatus.SAVED, None),
        (ApplicationStatus.APPLIED, "sent CV"),
        (ApplicationStatus.INTERVIEW, None),
    ]
    assert recorded[1] == ApplicationStatusChanged(applied, ApplicationStatus.SAVED, "sent CV")
    assert recorded[2].data()["from"] == "APPLIED" and recorded[2].data()["to"] == "INTERVIEW"


async def test_moving_to_the_current_status_is_a_conflict(service: ApplicationService) -> None:
    created = await service.create("alice", acme())
    with pytest.raises(Conflict) as raised:
        await service.change_status("alice", created.id, ApplicationStatus.SAVED, None)
    assert raised.value.field == "status"


async def test_a_too_long_status_note_is_refused(service: ApplicationService) -> None:
    created = await service.create("alice", acme())
    with pytest.raises(BadUserInput) as raised:
        await service.change_status("alice", created.id, ApplicationStatus.APPLIED, "x" * 2001)
    assert raised.value.field == "note"


async def test_delete_removes_it_and_records_the_event(
    service: ApplicationService, recorded: RecordedEvents
) -> None:
    created = await service.create("alice", acme())
    assert await service.delete("alice", created.id) == created
    assert await service.get_many("alice", [created.id]) == [None]
    assert recorded[-1] == ApplicationDeleted(created)
    with pytest.raises(NotFound):
        await service.delete("alice", created.id)


async def test_other_peoples_applications_are_not_found_for_every_change(service: ApplicationService) -> None:
    created = await service.create("alice", acme())
    with pytest.raises(NotFound):
        await service.update("bob", created.id, UpdateApplication(company="Mine"))
    with pytest.raises(NotFound):
        await service.change_status("bob", created.id, ApplicationStatus.REJECTED, None)
    with pytest.raises(NotFound):
        await service.delete("bob", created.id)
    assert await service.get_many("alice", [created.id]) == [created]


async def test_recent_is_newest_first_and_bounded(service: ApplicationService) -> None:
    ids = [(await service.create("alice", acme(company=f"C{index}"))).id for index in range(3)]
    assert [item.id for item in await service.recent("alice", 2)] == [ids[2], ids[1]]
    with pytest.raises(BadUserInput):
        await service.recent("alice", 0)


async def test_counts_follow_status_changes(service: ApplicationService) -> None:
    first = await service.create("alice", acme())
    await service.create("alice", acme(status=ApplicationStatus.APPLIED))
    await service.change_status("alice", first.id, ApplicationStatus.OFFER, None)
    counts = await service.counts("alice")
    assert (counts.total, counts.in_progress) == (2, 2)
    assert counts.by_status[ApplicationStatus.OFFER] == 1


async def test_a_search_text_that_is_too_long_is_refused(service: ApplicationService) -> None:
    with pytest.raises(BadUserInput) as raised:
        await service.find("alice", ApplicationQuery(search="x" * 201), 10, None)
    assert raised.value.field == "filter.search"


def test_an_empty_update_keeps_every_field() -> None:
    empty = UpdateApplication()
    assert all(getattr(empty, field.name) is KEEP for field in fields(UpdateApplication))
