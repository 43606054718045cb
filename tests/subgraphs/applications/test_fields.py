"""The fields of issue #18 (source, priority, work mode, employment type, deadline, tags): validation naming
the field, normalised tags, partial updates, filters checked before any query, and the one field table."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from datetime import UTC, datetime

import pytest

from subgraphs.applications.events import ApplicationCreated
from subgraphs.applications.fields import BY_NAME, FIELDS
from subgraphs.applications.models import (
    Application,
    ApplicationOrder,
    ApplicationQuery,
    ApplicationSource,
    CreateApplication,
    EmploymentType,
    PageKey,
    UpdateApplication,
    WorkMode,
)
from subgraphs.applications.service import ApplicationService
from subgraphs.kit.errors import BadUserInput
from tests.subgraphs.applications.conftest import RecordedEvents

DEADLINE = datetime(2031, 4, 1, 17, 0, tzinfo=UTC)


def acme(**overrides: object) -> CreateApplication:
    values: dict[str, object] = {"company": "Acme", "position": "Engineer"}
    values.update(overrides)
    return CreateApplication(**values)  # type: ignore[arg-type]


async def test_create_keeps_the_new_fields_and_normalises_tags(
    service: ApplicationService, recorded: RecordedEvents
) -> None:
    created = await service.create(
        "alice",
        acme(
            source=ApplicationSource.RECRUITER,
            source_detail="  Jane at Hays  ",
            priority=5,
            work_mode=WorkMode.REMOTE,
            employment_type=EmploymentType.FULL_TIME,
            deadline=DEADLINE,
            tags=[" Python ", "REMOTE", "python", "c++"],
        ),
    )
    assert (created.source, created.source_detail, created.priority) == (
        ApplicationSource.RECRUITER,
        "Jane at Hays",
        5,
    )
    assert (created.work_mode, created.employment_type, created.deadline) == (
        WorkMode.REMOTE,
        EmploymentType.FULL_TIME,
        DEADLINE,
    )
    assert created.tags == ("python", "remote", "c++")
    assert await service.get_many("alice", [created.id]) == [created]
    data = recorded[-1].data()
    assert recorded[-1] == ApplicationCreated(created)
    assert {name: data[name] for name in ("source", "priority", "workMode", "employmentType", "tags")} == {
        "source": "RECRUITER",
        "priority": 5,
        "workMode": "REMOTE",
        "employmentType": "FULL_TIME",
        "tags": ["python", "remote", "c++"],
    }
    assert (data["sourceDetail"], data["deadline"]) == ("Jane at Hays", "2031-04-01T17:00:00Z")


async def test_without_the_new_fields_an_application_has_none_of_them(service: ApplicationService) -> None:
    created = await service.create("alice", acme())
    assert (created.source, created.priority, created.work_mode, created.deadline, created.tags) == (
        None,
        None,
        None,
        None,
        (),
    )


@pytest.mark.parametrize(
    ("command", "field"),
    [
        (acme(priority=0), "priority"),
        (acme(priority=6), "priority"),
        (acme(source_detail="x" * 201), "sourceDetail"),
        (acme(deadline=datetime(2031, 4, 1, 17, 0)), "deadline"),
        (acme(tags=["ok", " "]), "tags"),
        (acme(tags=["x" * 41]), "tags"),
        (acme(tags=["tab\tbed"]), "tags"),
        (acme(tags=[f"tag{index}" for index in range(21)]), "tags"),
    ],
)
async def test_invalid_new_fields_name_the_field_and_save_nothing(
    service: ApplicationService, recorded: RecordedEvents, command: CreateApplication, field: str
) -> None:
    with pytest.raises(BadUserInput) as raised:
        await service.create("alice", command)
    assert raised.value.field == field
    assert (await service.find("alice", ApplicationQuery(), 10, None)).total_count == 0
    assert recorded == []


async def test_twenty_tags_of_forty_characters_are_fine_and_repeats_do_not_count(
    service: ApplicationService,
) -> None:
    tags = [f"{index:02d}" + "x" * 38 for index in range(20)]
    created = await service.create("alice", acme(tags=tags + [tag.upper() for tag in tags]))
    assert created.tags == tuple(tags)


async def test_update_changes_clears_or_keeps_the_new_fields(
    service: ApplicationService, recorded: RecordedEvents
) -> None:
    created = await service.create(
        "alice", acme(priority=2, work_mode=WorkMode.ONSITE, deadline=DEADLINE, tags=["a", "b"])
    )
    changed = await service.update(
        "alice", created.id, UpdateApplication(priority=4, deadline=None, tags=["B", "c"])
    )
    assert (changed.priority, changed.work_mode, changed.deadline, changed.tags) == (
        4,
        WorkMode.ONSITE,
        None,
        ("b", "c"),
    )
    assert recorded[-1].data()["changed"] == ["priority", "deadline", "tags"]
    cleared = await service.update("alice", created.id, UpdateApplication(tags=None, source=None))
    assert cleared.tags == ()
    with pytest.raises(BadUserInput) as raised:
        await service.update("alice", created.id, UpdateApplication(priority=9))
    assert raised.value.field == "priority"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        (
            ApplicationQuery(created_from=DEADLINE, created_to=datetime(2031, 3, 1, tzinfo=UTC)),
            "filter.createdTo",
        ),
        (
            ApplicationQuery(applied_from=DEADLINE, applied_to=datetime(2031, 3, 1, tzinfo=UTC)),
            "filter.appliedTo",
        ),
        (ApplicationQuery(created_from=datetime(2031, 3, 1)), "filter.createdFrom"),
        (ApplicationQuery(min_priority=0), "filter.minPriority"),
        (ApplicationQuery(max_priority=6), "filter.maxPriority"),
        (ApplicationQuery(min_priority=4, max_priority=2), "filter.maxPriority"),
        (ApplicationQuery(salary_min=-1), "filter.salaryMin"),
        (ApplicationQuery(salary_min=90, salary_max=80), "filter.salaryMax"),
        (ApplicationQuery(salary_currency="euro"), "filter.salaryCurrency"),
        (ApplicationQuery(location="x" * 201), "filter.location"),
        (ApplicationQuery(tags=("x" * 41,)), "filter.tags"),
    ],
)
async def test_invalid_filters_name_the_filter_field(
    service: ApplicationService, query: ApplicationQuery, field: str
) -> None:
    with pytest.raises(BadUserInput) as raised:
        await service.find("alice", query, 10, None)
    assert raised.value.field == field


async def test_filter_tags_and_currency_are_normalised_like_the_stored_ones(
    service: ApplicationService,
) -> None:
    await service.create("alice", acme(tags=["Remote"]))
    found = await service.find("alice", ApplicationQuery(tags=(" REMOTE ",)), 10, None)
    assert found.total_count == 1


async def test_a_position_in_another_order_is_refused(service: ApplicationService) -> None:
    created = await service.create("alice", acme())
    position = PageKey.of(ApplicationOrder.NEWEST, created)
    with pytest.raises(BadUserInput) as raised:
        await service.find("alice", ApplicationQuery(), 10, position, ApplicationOrder.OLDEST)
    assert raised.value.field == "after"


def test_the_field_table_covers_every_field_of_an_application_once() -> None:
    # Export/import iterate FIELDS: an Application field missing here would silently not travel.
    assert sorted(field.attribute for field in FIELDS) == sorted(
        item.name for item in dataclass_fields(Application) if item.name != "owner_id"
    )
    assert len(BY_NAME) == len(FIELDS)


def test_the_updatable_fields_are_exactly_those_of_an_update() -> None:
    updatable = {field.attribute for field in FIELDS if field.updatable}
    assert updatable == {item.name for item in dataclass_fields(UpdateApplication)}
    creatable = {field.attribute for field in FIELDS if field.creatable}
    assert creatable == {item.name for item in dataclass_fields(CreateApplication)}
