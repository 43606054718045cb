"""Authorization matrix: Bob can never read or change Alice's interviews, by any query, mutation or entity.

Other people's items look exactly like missing ones (null / empty / NOT_FOUND), never FORBIDDEN, so ids
cannot be probed (DESIGN.md, Identity and access).
"""

from __future__ import annotations

from typing import Any

import pytest

from subgraphs.interviews.service import InterviewService
from tests.subgraphs.harness import Caller, scopes_reaching

SCHEDULE = """mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id } }"""


@pytest.fixture
async def alices_interview(service: InterviewService, alice: Caller) -> str:
    await service.application_created("alices-app", "alice")
    await service.application_created("bobs-app", "bob")
    data = await alice.data(
        SCHEDULE,
        {
            "input": {
                "applicationId": "alices-app",
                "startsAt": "2099-05-01T10:00:00Z",
                "durationMinutes": 30,
                "type": "PHONE",
            }
        },
    )
    return str(data["scheduleInterview"]["id"])


READS: dict[str, tuple[str, Any]] = {
    "interview(id)": ("query($id: ID!) { interview(id: $id) { id } }", None),
    "interviews": (
        "{ interviews(filter: {includeCancelled: true}) { totalCount edges { node { id } } } }",
        None,
    ),
    "_entities Interview": (
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Interview { id } } }",
        "Interview",
    ),
    "_entities Application": (
        "query($r: [_Any!]!) { _entities(representations: $r) {"
        " ... on Application { id interviews { id } } } }",
        "Application",
    ),
    "_entities User": (
        "query($r: [_Any!]!) { _entities(representations: $r) {"
        " ... on User { id upcomingInterviews { id } } } }",
        "User",
    ),
}


def read_variables(entity: str | None, interview_id: str) -> dict[str, object]:
    ids = {"Interview": interview_id, "Application": "alices-app", "User": "alice"}
    if entity is None:
        return {"id": interview_id}
    return {"r": [{"__typename": entity, "id": ids[entity]}]}


@pytest.mark.parametrize("read", sorted(READS))
async def test_bob_reads_nothing_of_alices(
    bob: Caller, alice: Caller, alices_interview: str, read: str
) -> None:
    query, entity = READS[read]
    variables = read_variables(entity, alices_interview)
    as_bob = await bob.data(query, variables)
    as_alice = await alice.data(query, variables)
    # The same operation shows Alice her data, so an empty answer for Bob is the scoping, not a broken query.
    assert alices_interview in repr(as_alice)
    assert alices_interview not in repr(as_bob)
    expected_for_bob = {
        "interview(id)": {"interview": None},
        "interviews": {"interviews": {"totalCount": 0, "edges": []}},
        "_entities Interview": {"_entities": [None]},
        # Resolves (an application may be brand new here) but lists only Bob's own interviews: none.
        "_entities Application": {"_entities": [{"id": "alices-app", "interviews": []}]},
        "_entities User": {"_entities": [{"id": "alice", "upcomingInterviews": []}]},
    }[read]
    assert as_bob == expected_for_bob


WRITES = {
    "updateInterview": 'mutation($id: ID!) { updateInterview(id: $id, input: {details: "mine"}) { id } }',
    "cancelInterview": "mutation($id: ID!) { cancelInterview(id: $id) { id } }",
}


@pytest.mark.parametrize("write", sorted(WRITES))
async def test_bob_changes_nothing_of_alices(
    bob: Caller, alice: Caller, alices_interview: str, write: str
) -> None:
    error = await bob.error(WRITES[write], {"id": alices_interview})
    assert error == {"code": "NOT_FOUND", "field": "id"}
    after = await alice.data(
        "query($id: ID!) { interview(id: $id) { details cancelled } }", {"id": alices_interview}
    )
    assert after["interview"] == {"details": None, "cancelled": False}


async def test_bob_cannot_schedule_on_alices_application(
    bob: Caller, alice: Caller, alices_interview: str
) -> None:
    def variables(application_id: str) -> dict[str, object]:
        return {
            "input": {
                "applicationId": application_id,
                "startsAt": "2099-05-02T10:00:00Z",
                "durationMinutes": 30,
                "type": "PHONE",
            }
        }

    assert await bob.error(SCHEDULE, variables("alices-app")) == {
        "code": "NOT_FOUND",
        "field": "applicationId",
    }
    alices = await alice.data("{ interviews { totalCount } }")
    assert alices["interviews"]["totalCount"] == 1
    # Bob's own application works, so the refusal above is about ownership.
    assert (await bob.data(SCHEDULE, variables("bobs-app")))["scheduleInterview"]["id"]


# The same person through a partner's API token: which scopes reach each operation in the subgraph itself.
PARTNER_REACH: dict[str, tuple[str, str | None, set[str]]] = {
    "interview(id)": (READS["interview(id)"][0], None, {"interviews:read"}),
    "interviews": (READS["interviews"][0], None, {"interviews:read"}),
    "_entities Application": (READS["_entities Application"][0], "Application", {"interviews:read"}),
    "_entities User": (READS["_entities User"][0], "User", {"interviews:read"}),
    "Interview.application": (
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Interview { application { id } } } }",
        "Interview",
        {"applications:read"},
    ),
    **{name: (mutation, None, {"interviews:write"}) for name, mutation in WRITES.items()},
}


@pytest.mark.parametrize("name", list(PARTNER_REACH))
async def test_a_partner_token_reaches_only_its_scopes(
    name: str, alice: Caller, alices_interview: str
) -> None:
    query, entity, reaching = PARTNER_REACH[name]
    assert await scopes_reaching(alice, query, read_variables(entity, alices_interview)) == reaching


async def test_scheduling_needs_interviews_write(alice: Caller, alices_interview: str) -> None:
    when = {"startsAt": "2099-06-01T10:00:00Z", "durationMinutes": 30, "type": "PHONE"}
    variables = {"input": {"applicationId": "alices-app", **when}}
    assert await scopes_reaching(alice, SCHEDULE, variables) == {"interviews:write"}
