"""Authorization matrix: Bob can never read or change Alice's applications, by any query, mutation or entity.

Other people's applications look exactly like missing ones (null / empty / NOT_FOUND), never FORBIDDEN, so ids
cannot be probed (DESIGN.md, Identity and access).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.subgraphs.harness import Caller, scopes_reaching

READS: dict[str, tuple[str, dict[str, Any]]] = {
    "application(id)": ("query($id: ID!) { application(id: $id) { id } }", {"application": None}),
    "applications": (
        "{ applications { totalCount edges { node { id } } } }",
        {"applications": {"totalCount": 0, "edges": []}},
    ),
    "applications(search)": (
        '{ applications(filter: {search: "Acme"}) { totalCount } }',
        {"applications": {"totalCount": 0}},
    ),
    "_entities Application": (
        'query($id: ID!) { _entities(representations: [{__typename: "Application", id: $id}]) {'
        " ... on Application { id company } } }",
        {"_entities": [None]},
    ),
    "_entities User (Alice's dashboard)": (
        '{ _entities(representations: [{__typename: "User", id: "alice"}]) {'
        " ... on User { applicationCounts { total } recentApplications { id } } } }",
        {"_entities": [{"applicationCounts": None, "recentApplications": []}]},
    ),
}

CHANGES: dict[str, str] = {
    "updateApplication": (
        'mutation($id: ID!) { updateApplication(id: $id, input: {company: "Bob Inc"}) { id } }'
    ),
    "changeApplicationStatus": (
        "mutation($id: ID!) { changeApplicationStatus(id: $id, status: WITHDRAWN) { id } }"
    ),
    "deleteApplication": "mutation($id: ID!) { deleteApplication(id: $id) }",
}


@pytest.fixture
async def alices_application(alice: Caller) -> str:
    created = await alice.data(
        'mutation { createApplication(input: {company: "Acme", position: "Engineer"}) { id } }'
    )
    return str(created["createApplication"]["id"])


@pytest.mark.parametrize("name", list(READS))
async def test_bob_reads_nothing_of_alices(name: str, bob: Caller, alices_application: str) -> None:
    query, expected = READS[name]
    assert await bob.data(query, {"id": alices_application} if "$id" in query else None) == expected


@pytest.mark.parametrize("name", list(CHANGES))
async def test_bob_changes_nothing_of_alices(
    name: str, alice: Caller, bob: Caller, alices_application: str
) -> None:
    extensions = await bob.error(CHANGES[name], {"id": alices_application})
    assert extensions == {"code": "NOT_FOUND", "field": "id"}
    still = await alice.data(
        "query($id: ID!) { application(id: $id) { company status statusHistory { status } } }",
        {"id": alices_application},
    )
    assert still == {
        "application": {"company": "Acme", "status": "SAVED", "statusHistory": [{"status": "SAVED"}]}
    }


@pytest.mark.parametrize("name", list(READS))
async def test_alice_reads_her_own(name: str, alice: Caller, alices_application: str) -> None:
    # The same operations do show Alice her application: the matrix above is not empty by accident.
    query, empty = READS[name]
    assert await alice.data(query, {"id": alices_application} if "$id" in query else None) != empty


# The same person through a partner's API token: which scopes reach each operation in the subgraph itself
# (FORBIDDEN for every other scope), so a request that bypasses the router is refused as the router would.
PARTNER_REACH: dict[str, tuple[str, set[str]]] = {
    "application(id)": (READS["application(id)"][0], {"applications:read"}),
    "applications": (READS["applications"][0], {"applications:read"}),
    "_entities User (dashboard)": (READS["_entities User (Alice's dashboard)"][0], {"applications:read"}),
    "createApplication": (
        'mutation { createApplication(input: {company: "Acme", position: "Engineer"}) { id } }',
        {"applications:write"},
    ),
    **{name: (mutation, {"applications:write"}) for name, mutation in CHANGES.items()},
}


@pytest.mark.parametrize("name", list(PARTNER_REACH))
async def test_a_partner_token_reaches_only_its_scopes(
    name: str, alice: Caller, alices_application: str
) -> None:
    query, reaching = PARTNER_REACH[name]
    variables = {"id": alices_application} if "$id" in query else None
    assert await scopes_reaching(alice, query, variables) == reaching
