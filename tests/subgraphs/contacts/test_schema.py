"""The contacts schema as the router sees it: fields, inputs, errors, pagination and `_entities`."""

from __future__ import annotations

from typing import Any

import pytest

from subgraphs.contacts.service import ContactService
from subgraphs.contacts.sql_store import SqlContactStore
from tests.subgraphs.harness import Caller

CREATE = """mutation($input: CreateContactInput!) {
  createContact(input: $input) {
    id name position company email phone links { label url } notes linkedUser { id } createdAt updatedAt
  }
}"""
LIST = """query($search: String, $first: Int, $after: String) {
  contacts(search: $search, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } }
  }
}"""


async def create(caller: Caller, **fields: Any) -> dict[str, Any]:
    data = await caller.data(CREATE, {"input": {"name": "Peter Gibbons", **fields}})
    created: dict[str, Any] = data["createContact"]
    return created


async def test_create_returns_every_field(alice: Caller, sqlite_store: SqlContactStore) -> None:
    await sqlite_store.project_user("contacts", "evt-1", "user-peter", "peter@initech.example")
    created = await create(
        alice,
        position="Engineer",
        company="Initech",
        email="Peter@Initech.example",
        phone="+1 555 0100",
        links=[{"label": "LinkedIn", "url": "https://linkedin.example/peter"}],
        notes="TPS reports",
    )
    assert created["email"] == "peter@initech.example"
    assert created["linkedUser"] == {"id": "user-peter"}
    assert created["links"] == [{"label": "LinkedIn", "url": "https://linkedin.example/peter"}]


async def test_validation_errors_carry_the_code_and_the_field(alice: Caller) -> None:
    assert await alice.error(CREATE, {"input": {"name": "Peter", "email": "nope"}}) == {
        "code": "BAD_USER_INPUT",
        "field": "email",
    }
    bad_link = {"name": "Peter", "links": [{"label": "Site", "url": "javascript:alert(1)"}]}
    assert await alice.error(CREATE, {"input": bad_link}) == {
        "code": "BAD_USER_INPUT",
        "field": "links.0.url",
    }


async def test_anonymous_callers_are_unauthenticated(anonymous: Caller) -> None:
    assert (await anonymous.error("{ contacts { totalCount } }"))["code"] == "UNAUTHENTICATED"
    assert (await anonymous.error(CREATE, {"input": {"name": "Peter"}}))["code"] == "UNAUTHENTICATED"


async def test_update_leaves_out_fields_alone_and_null_clears(alice: Caller) -> None:
    created = await create(alice, company="Initech", notes="n")
    update = """mutation($id: ID!, $input: UpdateContactInput!) {
      updateContact(id: $id, input: $input) { name company notes links { url } }
    }"""
    variables = {"id": created["id"], "input": {"name": "Peter G.", "notes": None, "links": []}}
    changed = (await alice.data(update, variables))["updateContact"]
    assert changed == {"name": "Peter G.", "company": "Initech", "notes": None, "links": []}


async def test_delete_returns_the_id_and_the_contact_is_gone(alice: Caller) -> None:
    created = await create(alice)
    deleted = await alice.data("mutation($id: ID!) { deleteContact(id: $id) }", {"id": created["id"]})
    assert deleted == {"deleteContact": created["id"]}
    gone = await alice.data("query($id: ID!) { contact(id: $id) { id } }", {"id": created["id"]})
    assert gone == {"contact": None}
    again = await alice.error("mutation($id: ID!) { deleteContact(id: $id) }", {"id": created["id"]})
    assert again == {"code": "NOT_FOUND", "field": "id"}


async def test_pages_by_name_and_search(alice: Caller) -> None:
    for name, company in [("Dana", "Globex"), ("ann", "Initech"), ("Carl", "Initech"), ("Bob", "Acme")]:
        await create(alice, name=name, company=company)
    first = (await alice.data(LIST, {"first": 2}))["contacts"]
    assert [edge["node"]["name"] for edge in first["edges"]] == ["ann", "Bob"]
    assert first["totalCount"] == 4 and first["pageInfo"]["hasNextPage"] is True
    rest = (await alice.data(LIST, {"after": first["pageInfo"]["endCursor"]}))["contacts"]
    assert [edge["node"]["name"] for edge in rest["edges"]] == ["Carl", "Dana"]
    searched = (await alice.data(LIST, {"search": "initech"}))["contacts"]
    assert [edge["node"]["name"] for edge in searched["edges"]] == ["ann", "Carl"]


@pytest.mark.parametrize(
    ("variables", "field"), [({"first": 0}, "first"), ({"after": "bm90IGEgY3Vyc29y"}, "after")]
)
async def test_bad_page_arguments_are_user_errors(
    alice: Caller, variables: dict[str, Any], field: str
) -> None:
    assert await alice.error(LIST, variables) == {"code": "BAD_USER_INPUT", "field": field}


async def test_entities_resolve_with_one_store_lookup_per_batch(
    alice: Caller, service: ContactService, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [(await create(alice, name=f"Contact {index:02d}"))["id"] for index in range(25)]
    lookups: list[int] = []
    real_get_many = service.store.get_many

    async def counting(owner_id: str, contact_ids: Any) -> Any:
        lookups.append(len(contact_ids))
        return await real_get_many(owner_id, contact_ids)

    monkeypatch.setattr(service.store, "get_many", counting)
    query = """query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Contact { id name linkedUser { id } } } }"""
    data = await alice.data(
        query, {"r": [{"__typename": "Contact", "id": item} for item in [*ids, "missing"]]}
    )
    assert [entity["name"] if entity else None for entity in data["_entities"]] == [
        *(f"Contact {index:02d}" for index in range(25)),
        None,
    ]
    assert lookups == [26]


async def test_the_service_sdl_declares_the_entities(anonymous: Caller) -> None:
    sdl = (await anonymous.data("{ _service { sdl } }"))["_service"]["sdl"]
    assert 'type Contact @key(fields: "id")' in sdl
    assert 'type User @key(fields: "id")' in sdl
    assert "type Link @shareable" in sdl


async def test_control_characters_are_bad_user_input_naming_the_field(alice: Caller) -> None:
    extensions = await alice.error(CREATE, {"input": {"name": "Peter\x00"}})
    assert extensions == {"code": "BAD_USER_INPUT", "field": "input.name"}
    extensions = await alice.error(LIST, {"search": "\x00"})
    assert extensions == {"code": "BAD_USER_INPUT", "field": "search"}
