"""The interviews schema as the router calls it: queries, mutations, entities and their batching."""

from __future__ import annotations

from typing import Any

import pytest

from subgraphs.interviews.service import InterviewService
from tests.subgraphs.harness import Caller, StatementCounter

SCHEDULE = """
mutation($input: ScheduleInterviewInput!) {
  scheduleInterview(input: $input) {
    id startsAt durationMinutes type location meetingUrl details cancelled cancelledAt
    application { id }
  }
}"""
LIST = """
query($filter: InterviewFilter, $first: Int, $after: String) {
  interviews(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id startsAt type cancelled } }
  }
}"""
ENTITIES = """
query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Interview { id startsAt application { id } }
    ... on Application { id interviews { id } }
    ... on User { id upcomingInterviews(first: 3) { id } }
  }
}"""


def schedule_input(**overrides: object) -> dict[str, object]:
    return {
        "applicationId": "app-1",
        "startsAt": "2031-03-10T10:00:00+01:00",
        "durationMinutes": 45,
        "type": "PHONE",
        **overrides,
    }


async def schedule(caller: Caller, **overrides: object) -> dict[str, Any]:
    data = await caller.data(SCHEDULE, {"input": schedule_input(**overrides)})
    return dict(data["scheduleInterview"])


@pytest.fixture(autouse=True)
async def applications(service: InterviewService) -> None:
    await service.application_created("app-1", "alice")
    await service.application_created("app-2", "alice")
    await service.application_created("bobs-app", "bob")


async def test_schedule_returns_the_interview_in_utc(alice: Caller) -> None:
    interview = await schedule(alice, type="ONLINE", meetingUrl="https://meet.example/x", details="panel")
    assert interview["startsAt"] == "2031-03-10T09:00:00+00:00"
    assert {key: interview[key] for key in ("durationMinutes", "type", "meetingUrl", "location")} == {
        "durationMinutes": 45,
        "type": "ONLINE",
        "meetingUrl": "https://meet.example/x",
        "location": None,
    }
    assert (interview["cancelled"], interview["cancelledAt"]) == (False, None)
    assert interview["application"] == {"id": "app-1"}
    fetched = await alice.data(
        "query($id: ID!) { interview(id: $id) { id details } }", {"id": interview["id"]}
    )
    assert fetched["interview"] == {"id": interview["id"], "details": "panel"}


async def test_invalid_input_is_bad_user_input_with_the_field(alice: Caller) -> None:
    error = await alice.error(SCHEDULE, {"input": schedule_input(durationMinutes=0)})
    assert error == {"code": "BAD_USER_INPUT", "field": "durationMinutes"}
    error = await alice.error(SCHEDULE, {"input": schedule_input(startsAt="2031-03-10T10:00:00")})
    assert error == {"code": "BAD_USER_INPUT", "field": "startsAt"}
    assert (await alice.data(LIST))["interviews"]["totalCount"] == 0


async def test_interviews_are_paged_soonest_first(alice: Caller) -> None:
    for hour in ("12", "09", "15", "10", "11"):
        await schedule(alice, startsAt=f"2031-03-10T{hour}:00:00Z")
    first = (await alice.data(LIST, {"first": 2}))["interviews"]
    assert first["totalCount"] == 5
    assert [edge["node"]["startsAt"][11:13] for edge in first["edges"]] == ["09", "10"]
    assert first["pageInfo"] == {"hasNextPage": True, "endCursor": first["edges"][-1]["cursor"]}
    rest = (await alice.data(LIST, {"first": 10, "after": first["pageInfo"]["endCursor"]}))["interviews"]
    assert [edge["node"]["startsAt"][11:13] for edge in rest["edges"]] == ["11", "12", "15"]
    assert rest["pageInfo"]["hasNextPage"] is False


async def test_filter_by_window_and_type(alice: Caller) -> None:
    await schedule(alice, startsAt="2031-03-10T09:00:00Z")
    onsite = await schedule(alice, startsAt="2031-03-11T09:00:00Z", type="ONSITE", location="HQ")
    await schedule(alice, startsAt="2031-03-12T09:00:00Z", type="ONSITE")
    window = {"from": "2031-03-10T12:00:00Z", "to": "2031-03-12T00:00:00Z", "types": ["ONSITE"]}
    found = (await alice.data(LIST, {"filter": window}))["interviews"]
    assert [edge["node"]["id"] for edge in found["edges"]] == [onsite["id"]]


@pytest.mark.parametrize(
    ("variables", "field"),
    [({"first": 101}, "first"), ({"first": 0}, "first"), ({"after": "not-a-cursor"}, "after")],
)
async def test_bad_paging_arguments(alice: Caller, variables: dict[str, object], field: str) -> None:
    assert await alice.error(LIST, variables) == {"code": "BAD_USER_INPUT", "field": field}


async def test_update_leaves_omitted_fields_and_clears_nulls(alice: Caller) -> None:
    interview = await schedule(alice, details="bring portfolio")
    updated = await alice.data(
        """mutation($id: ID!) { updateInterview(id: $id, input: {durationMinutes: 90, details: null}) {
             durationMinutes details startsAt } }""",
        {"id": interview["id"]},
    )
    assert updated["updateInterview"] == {
        "durationMinutes": 90,
        "details": None,
        "startsAt": interview["startsAt"],
    }


async def test_cancel_then_the_list_hides_it_unless_asked(alice: Caller) -> None:
    interview = await schedule(alice)
    cancelled = await alice.data(
        "mutation($id: ID!) { cancelInterview(id: $id) { cancelled cancelledAt } }", {"id": interview["id"]}
    )
    assert cancelled["cancelInterview"]["cancelled"] is True
    assert cancelled["cancelInterview"]["cancelledAt"] is not None
    assert (await alice.data(LIST))["interviews"]["totalCount"] == 0
    shown = await alice.data(LIST, {"filter": {"includeCancelled": True}})
    assert [edge["node"]["cancelled"] for edge in shown["interviews"]["edges"]] == [True]
    again = await alice.error(
        "mutation($id: ID!) { cancelInterview(id: $id) { id } }", {"id": interview["id"]}
    )
    assert again == {"code": "CONFLICT", "field": "id"}


async def test_every_operation_needs_a_signed_in_caller(anonymous: Caller) -> None:
    attempts: list[tuple[str, dict[str, object] | None]] = [
        (LIST, None),
        ('{ interview(id: "x") { id } }', None),
        (SCHEDULE, {"input": schedule_input()}),
        ('mutation { cancelInterview(id: "x") { id } }', None),
        (ENTITIES, {"representations": [{"__typename": "Interview", "id": "x"}]}),
    ]
    for query, variables in attempts:
        assert (await anonymous.error(query, variables))["code"] == "UNAUTHENTICATED"


async def test_entities_resolve_every_type_for_the_owner(alice: Caller) -> None:
    first = await schedule(alice, startsAt="2099-01-01T09:00:00Z")
    second = await schedule(alice, applicationId="app-2", startsAt="2099-01-02T09:00:00Z")
    data = await alice.data(
        ENTITIES,
        {
            "representations": [
                {"__typename": "Interview", "id": first["id"]},
                {"__typename": "Application", "id": "app-1"},
                {"__typename": "Application", "id": "app-2"},
                {"__typename": "User", "id": "alice"},
                {"__typename": "Interview", "id": "no-such-interview"},
            ]
        },
    )
    assert data["_entities"] == [
        {
            "__typename": "Interview",
            "id": first["id"],
            "startsAt": "2099-01-01T09:00:00+00:00",
            "application": {"id": "app-1"},
        },
        {"__typename": "Application", "id": "app-1", "interviews": [{"id": first["id"]}]},
        {"__typename": "Application", "id": "app-2", "interviews": [{"id": second["id"]}]},
        {
            "__typename": "User",
            "id": "alice",
            "upcomingInterviews": [{"id": first["id"]}, {"id": second["id"]}],
        },
        None,
    ]


async def test_a_hundred_entities_cost_a_constant_number_of_queries(
    alice: Caller, service: InterviewService, statements: StatementCounter
) -> None:
    interviews = []
    for number in range(100):
        await service.application_created(f"bulk-{number}", "alice")
        interviews.append(await schedule(alice, applicationId=f"bulk-{number}"))
    representations: list[dict[str, object]] = [
        {"__typename": "Interview", "id": interview["id"]} for interview in interviews
    ] + [{"__typename": "Application", "id": f"bulk-{number}"} for number in range(100)]

    before = statements.count
    data = await alice.data(ENTITIES, {"representations": representations})
    used = statements.count - before

    assert len(data["_entities"]) == 200 and all(entity is not None for entity in data["_entities"])
    assert all(len(entity["interviews"]) == 1 for entity in data["_entities"][100:])
    # One batched query per loader: interviews by id, applications owned, interviews by application.
    assert used <= 3, used


async def test_unexpected_failures_are_masked(alice: Caller, sqlite_engine: Any) -> None:
    async with sqlite_engine.begin() as connection:
        await connection.exec_driver_sql("DROP TABLE interviews")
    result = await alice.execute(LIST)
    assert result.errors is not None
    assert result.errors[0].message == "Internal server error"
    assert result.errors[0].extensions == {"code": "INTERNAL_SERVER_ERROR"}


@pytest.mark.parametrize("user_id", ["alice", "bob"])
async def test_upcoming_interviews_checks_first_for_anyone(alice: Caller, user_id: str) -> None:
    query = """query($r: [_Any!]!) { _entities(representations: $r) {
                 ... on User { upcomingInterviews(first: 101) { id } } } }"""
    error = await alice.error(query, {"r": [{"__typename": "User", "id": user_id}]})
    assert error == {"code": "BAD_USER_INPUT", "field": "first"}


async def test_request_errors_carry_a_code_too(alice: Caller) -> None:
    not_a_time = await alice.error(SCHEDULE, {"input": schedule_input(startsAt="next tuesday")})
    assert not_a_time["code"] == "BAD_USER_INPUT"
    assert (await alice.error("{ interviews { nope } }"))["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_upcoming_interviews_defaults_to_five_soonest(alice: Caller) -> None:
    for day in range(10, 16):
        await schedule(alice, startsAt=f"2099-01-{day}T09:00:00Z")
    for argument in ("", "(first: null)"):
        query = f"""query($r: [_Any!]!) {{ _entities(representations: $r) {{
                     ... on User {{ upcomingInterviews{argument} {{ startsAt }} }} }} }}"""
        data = await alice.data(query, {"r": [{"__typename": "User", "id": "alice"}]})
        starts = [item["startsAt"][:10] for item in data["_entities"][0]["upcomingInterviews"]]
        assert starts == [f"2099-01-{day}" for day in range(10, 15)]


async def test_control_characters_are_bad_user_input_naming_the_field(alice: Caller) -> None:
    error = await alice.error(SCHEDULE, {"input": schedule_input(details="call \x00 back")})
    assert error == {"code": "BAD_USER_INPUT", "field": "input.details"}
    error = await alice.error(SCHEDULE, {"input": schedule_input(applicationId="app\x1b")})
    assert error == {"code": "BAD_USER_INPUT", "field": "input.applicationId"}
