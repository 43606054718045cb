"""The users schema as the router calls it: sign-up, profiles, `_entities` in one batch, and its errors."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.users.service import MAX_FAILED_LOGINS, UserService
from tests.subgraphs.users.conftest import run_as

REGISTER = """
mutation($email: String!, $name: String!) {
  register(input: {email: $email, password: "correct horse", name: $name}) { token refreshToken user { id } }
}
"""


async def register(service: UserService, email: str, name: str) -> str:
    data, errors = await run_as(service, None, REGISTER, email=email, name=name)
    assert not errors, errors
    assert data is not None
    return str(data["register"]["user"]["id"])


async def test_sign_up_then_read_and_edit_the_profile(service: UserService) -> None:
    ada = await register(service, "ada@example.com", "Ada")
    data, errors = await run_as(
        service,
        ada,
        """mutation {
          updateProfile(input: {headline: "Analyst", skills: ["python", "python", "maths"],
                                links: [{label: "GitHub", url: "https://github.com/ada"}]}) {
            name headline skills links { label url }
          }
        }""",
    )
    assert not errors
    assert data == {
        "updateProfile": {
            "name": "Ada",
            "headline": "Analyst",
            "skills": ["python", "maths"],
            "links": [{"label": "GitHub", "url": "https://github.com/ada"}],
        }
    }
    data, _ = await run_as(service, ada, "{ me { email headline } }")
    assert data == {"me": {"email": "ada@example.com", "headline": "Analyst"}}


async def test_validation_errors_carry_the_code_and_the_field(service: UserService) -> None:
    ada = await register(service, "ada@example.com", "Ada")
    _, errors = await run_as(
        service, ada, 'mutation { updateProfile(input: {links: [{label: "x", url: "ftp://nope"}]}) { id } }'
    )
    assert errors[0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.links.0.url"}
    _, errors = await run_as(service, None, REGISTER, email="bad", name="Ada")
    assert errors[0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.email"}


async def test_profiles_are_for_signed_in_people_only(service: UserService) -> None:
    ada = await register(service, "ada@example.com", "Ada")
    _, errors = await run_as(service, None, "query($id: ID!) { user(id: $id) { name } }", id=ada)
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
    _, errors = await run_as(
        service,
        None,
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on User { name } } }",
        r=[{"__typename": "User", "id": ada}],
    )
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_entities_for_many_users_cost_one_query(
    service: UserService, backend_engine: AsyncEngine
) -> None:
    # From as many addresses as people: one address may sign up only MAX_CLIENT_SIGN_UPS an hour.
    sessions = [
        await service.register(f"user{i}@example.com", "correct horse", f"User {i}", client=f"198.51.100.{i}")
        for i in range(100)
    ]
    ids = [session.user.id for session in sessions]
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(backend_engine.sync_engine, "before_cursor_execute", count)
    try:
        data, errors = await run_as(
            service,
            ids[0],
            "query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id name } } }",
            r=[{"__typename": "User", "id": user_id} for user_id in [*ids, "unknown"]],
        )
    finally:
        event.remove(backend_engine.sync_engine, "before_cursor_execute", count)
    assert not errors
    assert data is not None
    assert [entity["id"] if entity else None for entity in data["_entities"]] == [*ids, None]
    assert len([sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]) == 1


async def test_interested_in_resolves_profiles_in_a_batch(service: UserService) -> None:
    ada = await register(service, "ada@example.com", "Ada")
    bob = await register(service, "bob@example.com", "Bob")
    data, errors = await run_as(
        service, ada, "mutation($id: ID!) { addInterest(userId: $id) { id } }", id=bob
    )
    assert not errors
    data, _ = await run_as(service, ada, "{ me { interestedIn { name } } }")
    assert data == {"me": {"interestedIn": [{"name": "Bob"}]}}


async def test_users_search_is_a_cursor_connection(service: UserService) -> None:
    ada = await register(service, "ada@example.com", "Ada")
    for name in ("Anna", "Annette", "Bob"):
        await register(service, f"{name.lower()}@example.com", name)
    query = """query($after: String) { users(search: "ann", first: 1, after: $after) {
        totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }"""
    data, _ = await run_as(service, ada, query)
    assert data is not None
    page = data["users"]
    assert page["totalCount"] == 2
    assert [edge["node"]["name"] for edge in page["edges"]] == ["Anna"]
    assert page["pageInfo"]["hasNextPage"] is True
    data, _ = await run_as(service, ada, query, after=page["pageInfo"]["endCursor"])
    assert data is not None
    assert [edge["node"]["name"] for edge in data["users"]["edges"]] == ["Annette"]
    _, errors = await run_as(service, ada, '{ users(search: "a", first: 101) { totalCount } }')
    assert errors[0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "first"}


async def test_a_throttled_sign_in_says_when_to_retry(service: UserService) -> None:
    await service.register("ada@example.com", "correct horse", "Ada")
    login = 'mutation { login(input: {email: "ada@example.com", password: "guess"}) { token } }'
    for _ in range(MAX_FAILED_LOGINS):
        _, errors = await run_as(service, None, login)
        assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
    _, errors = await run_as(service, None, login)
    extensions = errors[0]["extensions"]
    assert (extensions["code"], extensions["field"]) == ("RATE_LIMITED", "email")
    assert extensions["retryAfter"] == 900


async def test_a_nul_byte_in_any_text_is_bad_user_input_on_every_store(service: UserService) -> None:
    # Was INTERNAL_SERVER_ERROR on PostgreSQL (asyncpg: invalid byte sequence 0x00) and stored on SQLite.
    ada = await register(service, "ada@example.com", "Ada")
    _, errors = await run_as(
        service,
        None,
        'mutation($e: String!) { login(input: {email: $e, password: "x"}) { token } }',
        e="a\x00@b.c",
    )
    assert errors[0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.email"}
    _, errors = await run_as(service, None, REGISTER, email="nul@example.com", name="Nul\x00")
    assert errors[0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.name"}
    _, errors = await run_as(
        service, ada, "query($s: String!) { users(search: $s) { totalCount } }", s="\x00"
    )
    assert errors[0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "search"}
    _, errors = await run_as(service, ada, "query($id: ID!) { user(id: $id) { id } }", id="\x00")
    assert errors[0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "id"}
