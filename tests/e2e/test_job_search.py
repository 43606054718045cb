"""The whole system through the router, as a client uses it: two people track their job searches side by side,
and neither ever sees the other's applications, interviews or contacts."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.e2e.client import Person, RouterClient

CREATE_APPLICATION = """
mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id status } }
"""
CHANGE_STATUS = """
mutation($id: ID!, $status: ApplicationStatus!, $note: String) {
  changeApplicationStatus(id: $id, status: $status, note: $note) { id status statusHistory { status note } }
}
"""
SCHEDULE = """
mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id startsAt type } }
"""
DASHBOARD = """
{ me { name applicationCounts { total inProgress byStatus { status count } }
       recentApplications(first: 5) { id company position status appliedAt }
       upcomingInterviews(first: 5) { id startsAt type application { company position } } } }
"""


async def eventually(client: RouterClient, query: str, token: str, **variables: Any) -> dict[str, Any]:
    """Run a mutation that depends on an event another subgraph publishes (e.g. interviews learning of a new
    application): retried for a few seconds while it answers NOT_FOUND, as a client would."""
    for _ in range(100):
        body = await client.raw(query, token, **variables)
        codes = {error.get("extensions", {}).get("code") for error in body.get("errors") or ()}
        if codes != {"NOT_FOUND"}:
            assert not body.get("errors"), body["errors"]
            data: dict[str, Any] = body["data"]
            return data
        await asyncio.sleep(0.05)
    raise AssertionError(f"still NOT_FOUND after retries: {body}")


async def apply(client: RouterClient, person: Person, company: str, position: str, **extra: Any) -> str:
    data = await client.data(
        CREATE_APPLICATION, person.token, input={"company": company, "position": position, **extra}
    )
    return str(data["createApplication"]["id"])


async def test_two_job_searches_side_by_side(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    bob = await client.sign_up("bob@example.com", "Bob Babbage")
    # Emails are private unless shown; contacts link only to people who show theirs.
    await client.data("mutation { updateProfile(input: {showEmail: true}) { id } }", bob.token)

    initech = await apply(
        client,
        ada,
        "Initech",
        "Data engineer",
        location="Remote",
        jobUrl="https://initech.example/jobs/42",
        salary={"min": 60000, "max": 75000, "currency": "EUR", "period": "YEAR"},
    )
    globex = await apply(client, ada, "Globex", "Backend engineer", location="Lisbon")
    await apply(client, ada, "Hooli", "Analyst")
    bobs = await apply(client, bob, "Initrode", "Platform engineer")

    changed = await client.data(CHANGE_STATUS, ada.token, id=initech, status="APPLIED", note="sent CV")
    assert changed["changeApplicationStatus"]["status"] == "APPLIED"
    await client.data(CHANGE_STATUS, ada.token, id=globex, status="INTERVIEW")

    scheduled = await eventually(
        client,
        SCHEDULE,
        ada.token,
        input={
            "applicationId": initech,
            "startsAt": "2099-05-04T10:00:00+01:00",
            "durationMinutes": 45,
            "type": "ONLINE",
            "meetingUrl": "https://meet.example/abc",
            "details": "with the team lead",
        },
    )
    assert scheduled["scheduleInterview"]["type"] == "ONLINE"

    contact = await client.data(
        """mutation {
          createContact(input: {name: "Bob Babbage", company: "Initrode", email: "BOB@example.com"}) {
            id linkedUser { id name }
          }
        }""",
        ada.token,
    )
    # Bob is registered, so the contact links to his profile (fetched from the users subgraph by the router).
    assert contact["createContact"]["linkedUser"] == {"id": bob.id, "name": "Bob Babbage"}

    dashboard = (await client.data(DASHBOARD, ada.token))["me"]
    assert dashboard["name"] == "Ada Lovelace"
    counts = dashboard["applicationCounts"]
    assert counts["total"] == 3
    assert counts["inProgress"] == 2  # APPLIED + INTERVIEW
    assert {entry["status"]: entry["count"] for entry in counts["byStatus"] if entry["count"]} == {
        "SAVED": 1,
        "APPLIED": 1,
        "INTERVIEW": 1,
    }
    assert [item["company"] for item in dashboard["recentApplications"]] == ["Hooli", "Globex", "Initech"]
    [upcoming] = dashboard["upcomingInterviews"]
    assert upcoming["application"] == {"company": "Initech", "position": "Data engineer"}

    found = await client.data(
        '{ applications(filter: {status: [APPLIED, INTERVIEW], search: "engineer"}) '
        "{ totalCount edges { node { company } } } }",
        ada.token,
    )
    assert found["applications"]["totalCount"] == 2
    assert {edge["node"]["company"] for edge in found["applications"]["edges"]} == {"Initech", "Globex"}
    contacts = await client.data('{ contacts(search: "initrode") { totalCount } }', ada.token)
    assert contacts["contacts"]["totalCount"] == 1

    # Bob sees only his own search, whatever he asks for.
    bobs_view = (await client.data(DASHBOARD, bob.token))["me"]
    assert bobs_view["applicationCounts"]["total"] == 1
    assert [item["id"] for item in bobs_view["recentApplications"]] == [bobs]
    assert bobs_view["upcomingInterviews"] == []
    listed = await client.data(
        "{ applications { totalCount } interviews { totalCount } contacts { totalCount } }", bob.token
    )
    assert listed == {
        "applications": {"totalCount": 1},
        "interviews": {"totalCount": 0},
        "contacts": {"totalCount": 0},
    }
    stolen = await client.raw("query($id: ID!) { application(id: $id) { company } }", bob.token, id=initech)
    assert stolen.get("data", {}).get("application") is None
    tampered = await client.raw(CHANGE_STATUS, bob.token, id=initech, status="REJECTED")
    assert tampered["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    hijack = await client.raw(
        SCHEDULE,
        bob.token,
        input={
            "applicationId": initech,
            "startsAt": "2099-05-05T10:00:00Z",
            "durationMinutes": 30,
            "type": "PHONE",
        },
    )
    assert hijack["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    # And nothing of Ada's changed.
    again = (await client.data(DASHBOARD, ada.token))["me"]["applicationCounts"]
    assert again == counts


async def test_anonymous_callers_are_refused_before_any_subgraph(client: RouterClient) -> None:
    # Private fields need a token's scope (`@requiresScopes`): the router removes them from an anonymous
    # caller's plan, as Apollo Router does (each subgraph, asked directly, says UNAUTHENTICATED).
    body = await client.raw("{ applications { totalCount } }")
    assert body == {
        "data": None,
        "errors": [
            {
                "message": body["errors"][0]["message"],
                "path": ["applications"],
                "extensions": {"code": "UNAUTHORIZED_FIELD_OR_TYPE"},
            }
        ],
    }
