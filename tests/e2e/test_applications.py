"""Applications in depth through the router (issue #18): the new fields, filters, orders with their cursors,
and bulk changes whose events reach the other subgraphs like those of single changes."""

from __future__ import annotations

from typing import Any

from tests.e2e.client import RouterClient
from tests.e2e.test_job_search import apply
from tests.e2e.test_search import found

PAGE = """query($filter: ApplicationFilter, $orderBy: ApplicationOrder, $after: String) {
  applications(filter: $filter, orderBy: $orderBy, first: 2, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { company priority workMode employmentType source sourceDetail deadline tags } }
  }
}"""
CHANGE = """mutation($ids: [ID!]!) {
  changeApplicationsStatus(ids: $ids, status: REJECTED, note: "closed") { id outcome application { status } }
}"""
DELETE = "mutation($ids: [ID!]!) { deleteApplications(ids: $ids) { id outcome } }"
COUNTS = "{ me { applicationCounts { total byStatus { status count } } } }"


def error_of(body: dict[str, Any]) -> dict[str, Any]:
    """The code and field of the answer's only error (the router adds the subgraph's name)."""
    [error] = body["errors"]
    extensions = error.get("extensions", {})
    return {"code": extensions.get("code"), "field": extensions.get("field")}


async def test_fields_filters_orders_and_bulk_changes(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada")
    bob = await client.sign_up("bob@example.com", "Bob")
    remote: dict[str, Any] = {"workMode": "REMOTE", "employmentType": "FULL_TIME", "source": "REFERRAL"}
    ids = [
        await apply(client, ada, "Initech", "Dev", priority=2, tags=["Python", "remote"], **remote),
        await apply(client, ada, "Globex", "Dev", priority=5, tags=["python"], **remote),
        await apply(client, ada, "Hooli", "Dev", tags=["python"], deadline="2031-05-01T12:00:00Z", **remote),
        await apply(client, ada, "Acme", "Dev", workMode="ONSITE", tags=["python"], priority=5),
    ]
    bobs = await apply(client, bob, "Initech", "Dev", priority=5, tags=["python"], **remote)
    assert len(await found(client, ada, "Hooli", 1)) == 1

    # Remote python jobs, most wanted first, two at a time: Hooli has no priority and comes last.
    wanted = {"workModes": ["REMOTE"], "tags": ["PYTHON"]}
    first = (await client.data(PAGE, ada.token, filter=wanted, orderBy="PRIORITY"))["applications"]
    assert first["totalCount"] == 3 and first["pageInfo"]["hasNextPage"] is True
    assert [edge["node"]["company"] for edge in first["edges"]] == ["Globex", "Initech"]
    assert first["edges"][1]["node"]["tags"] == ["python", "remote"]
    assert first["edges"][0]["node"]["source"] == "REFERRAL"
    after = first["pageInfo"]["endCursor"]
    rest = (await client.data(PAGE, ada.token, filter=wanted, orderBy="PRIORITY", after=after))[
        "applications"
    ]
    assert [edge["node"]["company"] for edge in rest["edges"]] == ["Hooli"]
    assert rest["edges"][0]["node"]["deadline"] == "2031-05-01T12:00:00+00:00"
    assert rest["pageInfo"]["hasNextPage"] is False
    # A cursor belongs to its order; a reversed range names its bound.
    body = await client.raw(PAGE, ada.token, filter=wanted, orderBy="DEADLINE", after=after)
    assert error_of(body) == {"code": "BAD_USER_INPUT", "field": "after"}
    reversed_range = {"createdFrom": "2031-02-01T00:00:00Z", "createdTo": "2031-01-01T00:00:00Z"}
    body = await client.raw(PAGE, ada.token, filter=reversed_range)
    assert error_of(body) == {"code": "BAD_USER_INPUT", "field": "filter.createdTo"}
    by_company = (await client.data(PAGE, ada.token, orderBy="COMPANY"))["applications"]
    assert [edge["node"]["company"] for edge in by_company["edges"]] == ["Acme", "Globex"]

    # Bulk: Bob's id is NOT_FOUND for Ada and stays his; a repeated id counts once.
    changed = (await client.data(CHANGE, ada.token, ids=[ids[0], ids[1], bobs, ids[0]]))[
        "changeApplicationsStatus"
    ]
    assert [(item["id"], item["outcome"]) for item in changed] == [
        (ids[0], "CHANGED"),
        (ids[1], "CHANGED"),
        (bobs, "NOT_FOUND"),
    ]
    counts = (await client.data(COUNTS, ada.token))["me"]["applicationCounts"]
    assert {"status": "REJECTED", "count": 2} in counts["byStatus"]
    too_many = await client.raw(DELETE, ada.token, ids=[f"id-{index}" for index in range(101)])
    assert error_of(too_many) == {"code": "BAD_USER_INPUT", "field": "ids"}
    deleted = (await client.data(DELETE, ada.token, ids=[*ids[:3], bobs]))["deleteApplications"]
    assert [item["outcome"] for item in deleted] == ["DELETED", "DELETED", "DELETED", "NOT_FOUND"]
    assert (await client.data(COUNTS, ada.token))["me"]["applicationCounts"]["total"] == 1
    # The deletions went through the outbox like single ones: search forgets them, Bob's stays found.
    assert await found(client, ada, "Hooli", 0) == []
    assert await found(client, ada, "Initech", 0) == []
    assert [item["id"] for item in await found(client, bob, "Initech", 1)] == [bobs]
