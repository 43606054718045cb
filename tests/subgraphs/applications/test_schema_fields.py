"""The schema of issue #18 as the router sees it: the new fields, filters, `orderBy` with its cursors, and
the bulk mutations."""

from __future__ import annotations

from typing import Any

from tests.subgraphs.harness import Caller

CREATE = """mutation($input: CreateApplicationInput!) {
  createApplication(input: $input) {
    id company source sourceDetail priority workMode employmentType deadline tags
  }
}"""
UPDATE = """mutation($id: ID!, $input: UpdateApplicationInput!) {
  updateApplication(id: $id, input: $input) { priority workMode deadline tags source }
}"""
LIST = """query($filter: ApplicationFilter, $orderBy: ApplicationOrder, $first: Int, $after: String) {
  applications(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { company } }
  }
}"""
CHANGE = """mutation($ids: [ID!]!) {
  changeApplicationsStatus(ids: $ids, status: APPLIED, note: "sent") {
    id outcome application { status statusHistory { status note } }
  }
}"""
DELETE = "mutation($ids: [ID!]!) { deleteApplications(ids: $ids) { id outcome application { id } } }"


async def create(caller: Caller, company: str = "Acme", **fields: Any) -> dict[str, Any]:
    data = await caller.data(CREATE, {"input": {"company": company, "position": "Engineer", **fields}})
    created: dict[str, Any] = data["createApplication"]
    return created


async def companies(caller: Caller, **variables: Any) -> list[str]:
    data = await caller.data(LIST, variables)
    return [edge["node"]["company"] for edge in data["applications"]["edges"]]


async def test_create_and_update_the_new_fields(alice: Caller) -> None:
    created = await create(
        alice,
        source="JOB_BOARD",
        sourceDetail="StepStone",
        priority=3,
        workMode="HYBRID",
        employmentType="PART_TIME",
        deadline="2031-04-01T19:00:00+02:00",
        tags=["Go", " go ", "Kubernetes"],
    )
    assert {key: value for key, value in created.items() if key not in ("id", "company")} == {
        "source": "JOB_BOARD",
        "sourceDetail": "StepStone",
        "priority": 3,
        "workMode": "HYBRID",
        "employmentType": "PART_TIME",
        "deadline": "2031-04-01T17:00:00+00:00",
        "tags": ["go", "kubernetes"],
    }
    updated = await alice.data(UPDATE, {"id": created["id"], "input": {"priority": 5, "deadline": None}})
    assert updated["updateApplication"] == {
        "priority": 5,
        "workMode": "HYBRID",
        "deadline": None,
        "tags": ["go", "kubernetes"],
        "source": "JOB_BOARD",
    }


async def test_bad_values_are_bad_user_input_naming_the_field(alice: Caller) -> None:
    base = {"company": "Acme", "position": "Dev"}
    for extra, field in (
        ({"priority": 6}, "priority"),
        ({"tags": ["x" * 41]}, "tags"),
        ({"tags": [f"t{index}" for index in range(21)]}, "tags"),
        ({"deadline": "2031-04-01T19:00:00"}, "deadline"),
    ):
        assert await alice.error(CREATE, {"input": {**base, **extra}}) == {
            "code": "BAD_USER_INPUT",
            "field": field,
        }, extra
    unknown = await alice.execute(CREATE, {"input": {**base, "workMode": "MARS"}})
    assert unknown.errors is not None and "MARS" in unknown.errors[0].message
    assert (await alice.data(LIST))["applications"]["totalCount"] == 0


async def test_filters_combine(alice: Caller) -> None:
    await create(alice, "Remote Python", workMode="REMOTE", tags=["python"], priority=4, location="Berlin")
    await create(alice, "Remote Go", workMode="REMOTE", tags=["go"], priority=5, source="LINKEDIN")
    await create(alice, "Onsite Python", workMode="ONSITE", tags=["python"], location="Hamburg")
    await create(
        alice, "Paid", salary={"min": 70000, "max": 90000, "currency": "EUR"}, employmentType="CONTRACT"
    )
    remote_python = {"workModes": ["REMOTE"], "tags": ["PYTHON"]}
    assert await companies(alice, filter=remote_python) == ["Remote Python"]
    assert await companies(alice, filter={"location": "burg"}) == ["Onsite Python"]
    assert await companies(alice, filter={"minPriority": 5}) == ["Remote Go"]
    assert await companies(alice, filter={"sources": ["LINKEDIN", "REFERRAL"]}) == ["Remote Go"]
    assert await companies(alice, filter={"employmentTypes": ["CONTRACT"]}) == ["Paid"]
    assert await companies(alice, filter={"salaryMin": 85000, "salaryCurrency": "eur"}) == ["Paid"]
    assert await companies(alice, filter={"createdFrom": "2000-01-01T00:00:00Z"}) != []
    reversed_range = {"createdFrom": "2031-02-01T00:00:00Z", "createdTo": "2031-01-01T00:00:00Z"}
    assert await alice.error(LIST, {"filter": reversed_range}) == {
        "code": "BAD_USER_INPUT",
        "field": "filter.createdTo",
    }
    reversed_applied = {"appliedFrom": "2031-02-01T00:00:00Z", "appliedTo": "2031-01-01T00:00:00Z"}
    assert await alice.error(LIST, {"filter": reversed_applied}) == {
        "code": "BAD_USER_INPUT",
        "field": "filter.appliedTo",
    }


async def test_orders_page_with_their_own_cursors(alice: Caller) -> None:
    for company, priority in (("beta", 2), ("Alpha", None), ("gamma", 5), ("Delta", 2)):
        await create(alice, company, priority=priority)
    assert await companies(alice, orderBy="COMPANY") == ["Alpha", "beta", "Delta", "gamma"]
    assert await companies(alice, orderBy="OLDEST") == ["beta", "Alpha", "gamma", "Delta"]
    assert await companies(alice, orderBy=None) == ["Delta", "gamma", "Alpha", "beta"]
    first = (await alice.data(LIST, {"orderBy": "PRIORITY", "first": 2}))["applications"]
    rest = (
        await alice.data(LIST, {"orderBy": "PRIORITY", "first": 2, "after": first["pageInfo"]["endCursor"]})
    )["applications"]
    by_priority = [edge["node"]["company"] for edge in first["edges"] + rest["edges"]]
    assert by_priority[0] == "gamma" and by_priority[-1] == "Alpha"
    assert set(by_priority[1:3]) == {"beta", "Delta"}
    assert rest["pageInfo"]["hasNextPage"] is False and rest["totalCount"] == 4
    for other in ("NEWEST", "OLDEST", "COMPANY", "DEADLINE"):
        extensions = await alice.error(LIST, {"orderBy": other, "after": first["pageInfo"]["endCursor"]})
        assert extensions == {"code": "BAD_USER_INPUT", "field": "after"}, other


async def test_bulk_mutations_answer_per_id(alice: Caller, bob: Caller) -> None:
    mine = (await create(alice))["id"]
    applied = (await create(alice, status="APPLIED"))["id"]
    bobs = (await create(bob))["id"]
    changed = (await alice.data(CHANGE, {"ids": [mine, applied, bobs, mine]}))["changeApplicationsStatus"]
    assert changed == [
        {
            "id": mine,
            "outcome": "CHANGED",
            "application": {
                "status": "APPLIED",
                "statusHistory": [{"status": "SAVED", "note": None}, {"status": "APPLIED", "note": "sent"}],
            },
        },
        {
            "id": applied,
            "outcome": "UNCHANGED",
            "application": {"status": "APPLIED", "statusHistory": [{"status": "APPLIED", "note": None}]},
        },
        {"id": bobs, "outcome": "NOT_FOUND", "application": None},
    ]
    too_many = await alice.error(CHANGE, {"ids": [mine] * 101})
    assert too_many == {"code": "BAD_USER_INPUT", "field": "ids"}
    assert await alice.error(DELETE, {"ids": [f"id-{index}" for index in range(101)]}) == too_many
    deleted = (await alice.data(DELETE, {"ids": [mine, bobs]}))["deleteApplications"]
    assert deleted == [
        {"id": mine, "outcome": "DELETED", "application": None},
        {"id": bobs, "outcome": "NOT_FOUND", "application": None},
    ]
    assert (await alice.data(LIST))["applications"]["totalCount"] == 1
    assert (await bob.data(LIST))["applications"]["totalCount"] == 1
