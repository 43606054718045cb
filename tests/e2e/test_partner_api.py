"""The partner API through the router, as a partner uses it: a person creates API tokens with scopes, and
each token reaches exactly what its scopes allow — the rest of an operation is answered, the fields beyond
its scopes are null with UNAUTHORIZED_FIELD_OR_TYPE at their path. The person's own session reaches
everything, and only it manages tokens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from subgraphs.kit.scopes import PARTNER_SCOPES
from tests.e2e.client import Person, RouterClient, system_client

CREATE_TOKEN = """mutation($scopes: [String!]!) { createApiToken(input: {name: "partner", scopes: $scopes}) {
  token apiToken { id scopes lastUsedAt } } }"""

# One operation per root field a partner may ask for: the scope that reaches it (None: only the person's
# own session). Each is asked alone: a denied non-null field would null its parent (spec).
ROOTS: dict[str, tuple[str, str | None]] = {
    "me": ("{ me { id name email } }", "profile:read"),
    "users": ('{ users(search: "ada") { totalCount } }', "profile:read"),
    "applications": ("{ applications { totalCount } }", "applications:read"),
    "interviews": ("{ interviews { totalCount } }", "interviews:read"),
    "contacts": ("{ contacts { totalCount } }", "contacts:read"),
    "myAnalytics": ("{ myAnalytics { total } }", "analytics:read"),
    "notifications": ("{ notifications { totalCount } }", None),
    "search": ('{ search(query: "initech") { totalCount } }', None),
    "apiTokens": ("{ apiTokens { id } }", None),
}
# What the other subgraphs add to `me` (reached with profile:read): the scope each needs besides.
ME_FIELDS: dict[str, tuple[str, str | None]] = {
    "applicationCounts": ("{ me { applicationCounts { total } } }", "applications:read"),
    "recentApplications": ("{ me { recentApplications { id } } }", "applications:read"),
    "upcomingInterviews": ("{ me { upcomingInterviews { id } } }", "interviews:read"),
    "analytics": ("{ me { analytics { total } } }", "analytics:read"),
    "unreadNotificationCount": ("{ me { unreadNotificationCount } }", None),
    "files": ("{ me { files { totalCount } } }", None),
}
# Nullable fields side by side: the ones a scope does not reach are null, the others answered.
DASHBOARD = "{ me { id applicationCounts { total } upcomingInterviews { id } analytics { total } } }"
WRITES: dict[str, tuple[str, str | None]] = {
    "createApplication": (
        'mutation { createApplication(input: {company: "Initech", position: "Engineer"}) { id } }',
        "applications:write",
    ),
    "createContact": ('mutation { createContact(input: {name: "Peter"}) { id } }', None),
    "updateProfile": ('mutation { updateProfile(input: {headline: "Partnered"}) { id } }', None),
    "createApiToken": (
        'mutation { createApiToken(input: {name: "x", scopes: ["profile:read"]}) { token } }',
        None,
    ),
}


@pytest.fixture
async def client(tmp_path: Path) -> Any:
    async with system_client(tmp_path) as client:
        yield client


async def token_for(client: RouterClient, person: Person, *scopes: str) -> dict[str, Any]:
    data = await client.data(CREATE_TOKEN, person.token, scopes=list(scopes))
    created: dict[str, Any] = data["createApiToken"]
    return created


def denied_paths(body: dict[str, Any]) -> set[str]:
    return {
        ".".join(str(part) for part in error["path"])
        for error in body.get("errors") or ()
        if error["extensions"]["code"] == "UNAUTHORIZED_FIELD_OR_TYPE"
    }


@pytest.mark.parametrize("scope", PARTNER_SCOPES)
async def test_each_scope_reaches_exactly_its_fields(client: RouterClient, scope: str) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    alone = (await token_for(client, ada, scope))["token"]
    with_profile = (await token_for(client, ada, "profile:read", scope))["token"]
    for path, (query, needs) in ROOTS.items():
        await assert_reach(client, query, ada.token, set())
        await assert_reach(client, query, alone, set() if needs == scope else {path})
    for field, (query, needs) in ME_FIELDS.items():
        await assert_reach(client, query, ada.token, set())
        await assert_reach(client, query, with_profile, set() if needs == scope else {f"me.{field}"})
        # Without profile:read a partner does not reach `me` at all.
        await assert_reach(client, query, alone, {"me"} if scope != "profile:read" else {f"me.{field}"})


async def assert_reach(client: RouterClient, query: str, token: str, denied: set[str]) -> None:
    body = await client.raw(query, token)
    assert denied_paths(body) == denied, (query, body)
    assert {error["extensions"]["code"] for error in body.get("errors") or ()} <= {
        "UNAUTHORIZED_FIELD_OR_TYPE"
    }


async def test_a_half_authorized_operation_answers_the_authorized_half(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    token = (await token_for(client, ada, "profile:read", "applications:read"))["token"]
    body = await client.raw(DASHBOARD, token)
    assert body["data"] == {
        "me": {"id": ada.id, "applicationCounts": {"total": 0}, "upcomingInterviews": None, "analytics": None}
    }
    assert denied_paths(body) == {"me.upcomingInterviews", "me.analytics"}


@pytest.mark.parametrize("scope", PARTNER_SCOPES)
async def test_mutations_need_their_write_scope(client: RouterClient, scope: str) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    token = (await token_for(client, ada, scope))["token"]
    for name, (mutation, needs) in WRITES.items():
        body = await client.raw(mutation, token)
        if needs == scope:
            assert "errors" not in body, (name, body)
        else:
            assert denied_paths(body) == {name}, (scope, name, body)
        # The person's own session may do all of it.
        assert "errors" not in await client.raw(mutation, ada.token), name


async def test_tokens_are_listed_and_their_use_recorded(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    token = await token_for(client, ada, "profile:read")
    assert token["token"].startswith("jgp_")
    assert token["apiToken"]["lastUsedAt"] is None
    assert (await client.data("{ me { name } }", token["token"])) == {"me": {"name": "Ada Lovelace"}}
    listed = await client.data("{ apiTokens { id scopes lastUsedAt } }", ada.token)
    [only] = listed["apiTokens"]
    assert only["id"] == token["apiToken"]["id"] and only["scopes"] == ["profile:read"]
    assert only["lastUsedAt"] is not None


async def test_a_revoked_or_unknown_token_is_401(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    token = await token_for(client, ada, "profile:read")
    await client.data("mutation($id: ID!) { revokeApiToken(id: $id) }", ada.token, id=token["apiToken"]["id"])
    for secret in (token["token"], "jgp_never-issued"):
        response = await client.http.post(
            "/graphql", json={"query": "{ me { id } }"}, headers={"authorization": f"Bearer {secret}"}
        )
        assert response.status_code == 401
        assert response.json()["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}
