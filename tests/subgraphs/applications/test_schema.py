"""The applications schema as the router sees it: fields, inputs, errors, pagination and `_entities`."""

from __future__ import annotations

from typing import Any

import httpx

from tests.subgraphs.harness import Caller, StatementCounter, post, token

CREATE = """mutation($input: CreateApplicationInput!) {
  createApplication(input: $input) {
    id company position location salary { min max currency period } jobUrl description status notes
    appliedAt createdAt updatedAt statusHistory { status note changedAt }
  }
}"""
LIST = """query($filter: ApplicationFilter, $first: Int, $after: String) {
  applications(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id company } }
  }
}"""
ENTITIES = """query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Application { id company statusHistory { status } }
  ... on User { id applicationCounts { total inProgress byStatus { status count } }
                recentApplications(first: 2) { company } }
} }"""


async def create(caller: Caller, **fields: Any) -> dict[str, Any]:
    data = await caller.data(CREATE, {"input": {"company": "Acme", "position": "Engineer", **fields}})
    created: dict[str, Any] = data["createApplication"]
    return created


async def test_create_returns_every_field(alice: Caller) -> None:
    created = await create(
        alice,
        location="Berlin",
        salary={"min": 60000, "max": 80000, "currency": "eur"},
        jobUrl="https://jobs.example/42",
        description="Build the thing",
        status="APPLIED",
        notes="referral from Ann",
    )
    assert created["salary"] == {"min": 60000, "max": 80000, "currency": "EUR", "period": "YEAR"}
    assert (created["status"], created["appliedAt"]) == ("APPLIED", created["createdAt"])
    assert [entry["status"] for entry in created["statusHistory"]] == ["APPLIED"]
    assert created["jobUrl"] == "https://jobs.example/42"


async def test_validation_errors_carry_the_code_and_the_field(alice: Caller) -> None:
    extensions = await alice.error(CREATE, {"input": {"company": "Acme", "position": "  "}})
    assert extensions == {"code": "BAD_USER_INPUT", "field": "position"}
    extensions = await alice.error(
        CREATE,
        {"input": {"company": "Acme", "position": "Dev", "salary": {"min": 9, "max": 1, "currency": "EUR"}}},
    )
    assert extensions == {"code": "BAD_USER_INPUT", "field": "salary.max"}


async def test_anonymous_callers_are_unauthenticated(anonymous: Caller) -> None:
    extensions = await anonymous.error("{ applications { totalCount } }")
    assert extensions["code"] == "UNAUTHENTICATED"
    extensions = await anonymous.error(CREATE, {"input": {"company": "Acme", "position": "Dev"}})
    assert extensions["code"] == "UNAUTHENTICATED"


async def test_update_leaves_out_fields_alone_and_null_clears(alice: Caller) -> None:
    created = await create(alice, location="Berlin", notes="n")
    update = """mutation($id: ID!, $input: UpdateApplicationInput!) {
      updateApplication(id: $id, input: $input) { company location notes }
    }"""
    data = await alice.data(update, {"id": created["id"], "input": {"company": "Globex", "notes": None}})
    assert data["updateApplication"] == {"company": "Globex", "location": "Berlin", "notes": None}


async def test_status_changes_and_delete(alice: Caller) -> None:
    created = await create(alice)
    change = """mutation($id: ID!) {
      changeApplicationStatus(id: $id, status: INTERVIEW, note: "call on Monday") {
        status appliedAt statusHistory { status note }
      }
    }"""
    changed = (await alice.data(change, {"id": created["id"]}))["changeApplicationStatus"]
    assert changed["status"] == "INTERVIEW" and changed["appliedAt"] is not None
    assert changed["statusHistory"] == [
        {"status": "SAVED", "note": None},
        {"status": "INTERVIEW", "note": "call on Monday"},
    ]
    again = await alice.error(change, {"id": created["id"]})
    assert again == {"code": "CONFLICT", "field": "status"}
    deleted = await alice.data("mutation($id: ID!) { deleteApplication(id: $id) }", {"id": created["id"]})
    assert deleted == {"deleteApplication": created["id"]}
    assert await alice.data("query($id: ID!) { application(id: $id) { id } }", {"id": created["id"]}) == {
        "application": None
    }


async def test_pages_follow_cursors_newest_first(alice: Caller) -> None:
    ids = [(await create(alice, company=f"Company {index}"))["id"] for index in range(5)]
    first = (await alice.data(LIST, {"first": 2}))["applications"]
    assert [edge["node"]["id"] for edge in first["edges"]] == [ids[4], ids[3]]
    assert first["totalCount"] == 5 and first["pageInfo"]["hasNextPage"] is True
    rest = (await alice.data(LIST, {"first": 10, "after": first["pageInfo"]["endCursor"]}))["applications"]
    assert [edge["node"]["id"] for edge in rest["edges"]] == [ids[2], ids[1], ids[0]]
    assert rest["pageInfo"] == {"hasNextPage": False, "endCursor": rest["edges"][-1]["cursor"]}


async def test_filter_by_status_and_search(alice: Caller) -> None:
    await create(alice, company="Acme", position="Backend engineer", status="APPLIED")
    await create(alice, company="Globex", position="Frontend engineer")
    await create(alice, company="Initech", position="Designer", status="REJECTED")
    by_status = await alice.data(LIST, {"filter": {"status": ["APPLIED", "REJECTED"]}})
    assert {edge["node"]["company"] for edge in by_status["applications"]["edges"]} == {"Acme", "Initech"}
    searched = await alice.data(LIST, {"filter": {"search": "ENGINEER"}})
    assert searched["applications"]["totalCount"] == 2
    both = await alice.data(LIST, {"filter": {"search": "engineer", "status": ["SAVED"]}})
    assert [edge["node"]["company"] for edge in both["applications"]["edges"]] == ["Globex"]


async def test_bad_page_arguments_are_user_errors(alice: Caller) -> None:
    assert await alice.error(LIST, {"first": 101}) == {"code": "BAD_USER_INPUT", "field": "first"}
    assert await alice.error(LIST, {"after": "bm90IGEgY3Vyc29y"}) == {
        "code": "BAD_USER_INPUT",
        "field": "after",
    }


async def test_entities_resolve_in_a_constant_number_of_queries(
    alice: Caller, statements: StatementCounter
) -> None:
    ids = [(await create(alice, company=f"C{index}"))["id"] for index in range(30)]
    representations = [{"__typename": "Application", "id": item} for item in ids]
    before = statements.count
    small = await alice.data(ENTITIES, {"r": representations[:2]})
    small_cost = statements.count - before
    before = statements.count
    large = await alice.data(ENTITIES, {"r": representations})
    assert statements.count - before == small_cost
    assert [entity["company"] for entity in large["_entities"]] == [f"C{index}" for index in range(30)]
    assert len(small["_entities"]) == 2


async def test_the_dashboard_fields_on_user(alice: Caller, bob: Caller) -> None:
    await create(alice, company="A", status="APPLIED")
    await create(alice, company="B", status="OFFER")
    await create(alice, company="C")
    data = await alice.data(ENTITIES, {"r": [{"__typename": "User", "id": "alice"}]})
    [me] = data["_entities"]
    assert me["applicationCounts"]["total"] == 3 and me["applicationCounts"]["inProgress"] == 2
    assert [entry["status"] for entry in me["applicationCounts"]["byStatus"]] == [
        "SAVED",
        "APPLIED",
        "INTERVIEW",
        "OFFER",
        "REJECTED",
        "WITHDRAWN",
    ]
    assert [item["company"] for item in me["recentApplications"]] == ["C", "B"]
    # Somebody else's dashboard is private: no numbers, no applications (and no error).
    seen_by_bob = await bob.data(ENTITIES, {"r": [{"__typename": "User", "id": "alice"}]})
    assert seen_by_bob["_entities"] == [{"id": "alice", "applicationCounts": None, "recentApplications": []}]


async def test_the_service_sdl_declares_the_entities(anonymous: Caller) -> None:
    sdl = (await anonymous.data("{ _service { sdl } }"))["_service"]["sdl"]
    assert 'type Application @key(fields: "id")' in sdl
    assert 'type User @key(fields: "id")' in sdl


async def test_the_app_verifies_tokens_and_serves_health(http: httpx.AsyncClient) -> None:
    assert (await http.get("/health")).json() == {"status": "ok", "service": "applications"}
    body = await post(
        http,
        'mutation { createApplication(input: {company: "Acme", position: "Dev"}) { company } }',
        token("alice"),
    )
    assert body == {"data": {"createApplication": {"company": "Acme"}}}
    listed = await post(http, "{ applications { totalCount } }", token("alice"))
    assert listed == {"data": {"applications": {"totalCount": 1}}}
    expired = await post(http, "{ applications { totalCount } }", token("alice", expires_in=-60))
    assert expired["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_control_characters_are_bad_user_input_but_notes_keep_line_breaks(alice: Caller) -> None:
    extensions = await alice.error(CREATE, {"input": {"company": "Ac\x00me", "position": "Dev"}})
    assert extensions == {"code": "BAD_USER_INPUT", "field": "input.company"}
    created = await create(alice, notes="first\n\tsecond")
    assert created["notes"] == "first\n\tsecond"
