"""Authorization matrix: Bob can never read or change Alice's contacts, by any query, mutation or entity.

Other people's contacts look exactly like missing ones (null / empty / NOT_FOUND), never FORBIDDEN, so ids
cannot be probed (DESIGN.md, Identity and access).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.subgraphs.harness import Caller, scopes_reaching

READS: dict[str, tuple[str, dict[str, Any]]] = {
    "contact(id)": ("query($id: ID!) { contact(id: $id) { id } }", {"contact": None}),
    "contacts": (
        "{ contacts { totalCount edges { node { id } } } }",
        {"contacts": {"totalCount": 0, "edges": []}},
    ),
    "contacts(search)": ('{ contacts(search: "Peter") { totalCount } }', {"contacts": {"totalCount": 0}}),
    "_entities Contact": (
        'query($id: ID!) { _entities(representations: [{__typename: "Contact", id: $id}]) {'
        " ... on Contact { id name } } }",
        {"_entities": [None]},
    ),
}

CHANGES: dict[str, str] = {
    "updateContact": 'mutation($id: ID!) { updateContact(id: $id, input: {name: "Mine"}) { id } }',
    "deleteContact": "mutation($id: ID!) { deleteContact(id: $id) }",
}


@pytest.fixture
async def alices_contact(alice: Caller) -> str:
    created = await alice.data(
        'mutation { createContact(input: {name: "Peter", company: "Initech"}) { id } }'
    )
    return str(created["createContact"]["id"])


@pytest.mark.parametrize("name", list(READS))
async def test_bob_reads_nothing_of_alices(name: str, bob: Caller, alices_contact: str) -> None:
    query, expected = READS[name]
    assert await bob.data(query, {"id": alices_contact} if "$id" in query else None) == expected


@pytest.mark.parametrize("name", list(CHANGES))
async def test_bob_changes_nothing_of_alices(
    name: str, alice: Caller, bob: Caller, alices_contact: str
) -> None:
    assert await bob.error(CHANGES[name], {"id": alices_contact}) == {"code": "NOT_FOUND", "field": "id"}
    still = await alice.data("query($id: ID!) { contact(id: $id) { name } }", {"id": alices_contact})
    assert still == {"contact": {"name": "Peter"}}


@pytest.mark.parametrize("name", list(READS))
async def test_alice_reads_her_own(name: str, alice: Caller, alices_contact: str) -> None:
    # The same operations do show Alice her contact: the matrix above is not empty by accident.
    query, empty = READS[name]
    assert await alice.data(query, {"id": alices_contact} if "$id" in query else None) != empty


# The same person through a partner's API token: reading needs contacts:read; changing contacts is for the
# person only (there is no contacts:write scope).
PARTNER_REACH: dict[str, tuple[str, set[str]]] = {
    **{name: (query, {"contacts:read"}) for name, (query, _) in READS.items() if name != "_entities Contact"},
    "createContact": ('mutation { createContact(input: {name: "Peter"}) { id } }', set()),
    **{name: (mutation, set()) for name, mutation in CHANGES.items()},
}


@pytest.mark.parametrize("name", list(PARTNER_REACH))
async def test_a_partner_token_reaches_only_its_scopes(name: str, alice: Caller, alices_contact: str) -> None:
    query, reaching = PARTNER_REACH[name]
    variables = {"id": alices_contact} if "$id" in query else None
    assert await scopes_reaching(alice, query, variables) == reaching
