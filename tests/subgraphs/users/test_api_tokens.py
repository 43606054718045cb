"""Partner API tokens: created, listed and revoked by their person only, stored hashed, exchanged for a
short-lived access token with their scopes — on SQLite and the real PostgreSQL (the store contract)."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

import jwt
import pytest
import sqlalchemy as sa

from subgraphs.kit.errors import BadUserInput, Conflict, NotFound, Unauthenticated
from subgraphs.kit.keys import SigningKey
from subgraphs.kit.scopes import PARTNER_SCOPES
from subgraphs.users.api_tokens import EXCHANGED_LIFETIME, MAX_TOKENS_PER_PERSON
from subgraphs.users.models import api_tokens_table
from subgraphs.users.service import UserService
from tests.subgraphs.harness import NOW
from tests.subgraphs.users.conftest import Clock, run_as

READ = ["applications:read", "profile:read"]


async def person(service: UserService, email: str = "ada@example.com") -> str:
    return (await service.register(email, "correct horse", "Ada Lovelace")).user.id


def claims_of(token: str, signing_key: SigningKey) -> dict[str, Any]:
    # The test clock is in 2031: check the signature and claims, not the wall-clock times.
    decoded: dict[str, Any] = jwt.decode(
        token,
        signing_key.public_pem,
        algorithms=["EdDSA"],
        audience="jobgraph",
        options={"verify_iat": False, "verify_exp": False},
    )
    return decoded


async def test_a_new_token_shows_its_secret_once_and_keeps_only_its_hash(service: UserService) -> None:
    ada = await person(service)
    created = await service.create_api_token(ada, "Coach Carla", READ, NOW + timedelta(days=30))
    assert created.secret.startswith("jgp_") and len(created.secret) > 40
    # Scopes in their canonical order, whatever order they were granted in.
    assert created.token.scopes == ("profile:read", "applications:read")
    async with service.sessions() as session:
        rows = (await session.execute(sa.select(api_tokens_table))).mappings().all()
    assert len(rows) == 1
    assert rows[0]["token_hash"] == hashlib.sha256(created.secret.encode()).hexdigest()
    assert all(created.secret not in str(value) for value in rows[0].values())


async def test_tokens_are_listed_newest_first_and_only_to_their_person(
    service: UserService, clock: Clock
) -> None:
    ada, bob = await person(service), await person(service, "bob@example.com")
    first = await service.create_api_token(ada, "first", READ, None)
    clock.now += timedelta(minutes=1)
    second = await service.create_api_token(ada, "second", ["contacts:read"], None)
    assert [token.id for token in await service.api_tokens_of(ada)] == [second.token.id, first.token.id]
    assert await service.api_tokens_of(bob) == []
    # Without an expiry, 90 days.
    assert first.token.expires_at == NOW + timedelta(days=90)


@pytest.mark.parametrize(
    ("scopes", "message"),
    [
        ([], "grant at least one scope"),
        (["applications:read", "applications:delete"], "unknown scope 'applications:delete'"),
        (["session"], "unknown scope 'session'"),
    ],
)
async def test_scopes_must_be_known_partner_scopes(
    service: UserService, scopes: list[str], message: str
) -> None:
    ada = await person(service)
    with pytest.raises(BadUserInput, match=message) as refused:
        await service.create_api_token(ada, "x", scopes, None)
    assert refused.value.field == "input.scopes"


@pytest.mark.parametrize(
    ("expires_in", "message"),
    [(timedelta(0), "must be in the future"), (timedelta(days=366), "must be at most a year away")],
)
async def test_the_expiry_is_in_the_future_and_at_most_a_year_away(
    service: UserService, expires_in: timedelta, message: str
) -> None:
    ada = await person(service)
    with pytest.raises(BadUserInput, match=message) as refused:
        await service.create_api_token(ada, "x", READ, NOW + expires_in)
    assert refused.value.field == "input.expiresAt"


async def test_a_name_is_required(service: UserService) -> None:
    ada = await person(service)
    with pytest.raises(BadUserInput) as refused:
        await service.create_api_token(ada, "  ", READ, None)
    assert refused.value.field == "input.name"


async def test_a_person_holds_a_bounded_number_of_live_tokens(service: UserService, clock: Clock) -> None:
    ada = await person(service)
    for number in range(MAX_TOKENS_PER_PERSON):
        await service.create_api_token(ada, f"t{number}", READ, NOW + timedelta(days=1 + number))
    with pytest.raises(Conflict):
        await service.create_api_token(ada, "one too many", READ, None)
    # Expired tokens do not count.
    clock.now += timedelta(days=1, seconds=1)
    await service.create_api_token(ada, "replacing the expired one", READ, None)


async def test_revoking_deletes_the_token_and_only_its_person_can(service: UserService) -> None:
    ada, bob = await person(service), await person(service, "bob@example.com")
    created = await service.create_api_token(ada, "coach", READ, None)
    with pytest.raises(NotFound):
        await service.revoke_api_token(bob, created.token.id)
    await service.revoke_api_token(ada, created.token.id)
    assert await service.api_tokens_of(ada) == []
    with pytest.raises(Unauthenticated):
        await service.exchange_api_token(created.secret)
    with pytest.raises(NotFound):
        await service.revoke_api_token(ada, created.token.id)


async def test_an_exchange_mints_a_short_lived_token_with_the_person_and_scopes(
    service: UserService, signing_key: SigningKey
) -> None:
    ada = await person(service)
    created = await service.create_api_token(ada, "coach", READ, None)
    exchanged = await service.exchange_api_token(created.secret)
    claims = claims_of(exchanged.access_token, signing_key)
    assert claims["sub"] == ada
    assert claims["scope"] == "profile:read applications:read"
    assert claims["api_token"] == created.token.id
    assert claims["exp"] - claims["iat"] == exchanged.expires_in == EXCHANGED_LIFETIME.total_seconds()


async def test_a_persons_own_session_token_carries_the_session_scope(
    service: UserService, signing_key: SigningKey
) -> None:
    session = await service.register("ada@example.com", "correct horse", "Ada Lovelace")
    assert claims_of(session.token, signing_key)["scope"] == "session"


async def test_an_exchanged_token_never_outlives_its_api_token(
    service: UserService, signing_key: SigningKey
) -> None:
    ada = await person(service)
    created = await service.create_api_token(ada, "coach", READ, NOW + timedelta(minutes=2))
    exchanged = await service.exchange_api_token(created.secret)
    assert exchanged.expires_in == 120
    assert claims_of(exchanged.access_token, signing_key)["exp"] == int(
        (NOW + timedelta(minutes=2)).timestamp()
    )


@pytest.mark.parametrize("secret", ["", "jgp_", "jgp_unknown", "not-even-the-prefix"])
async def test_unknown_secrets_are_refused(service: UserService, secret: str) -> None:
    with pytest.raises(Unauthenticated):
        await service.exchange_api_token(secret)


async def test_an_expired_token_is_refused(service: UserService, clock: Clock) -> None:
    ada = await person(service)
    created = await service.create_api_token(ada, "coach", READ, NOW + timedelta(days=1))
    clock.now += timedelta(days=1)
    with pytest.raises(Unauthenticated):
        await service.exchange_api_token(created.secret)


async def test_last_used_advances_at_most_once_a_minute(service: UserService, clock: Clock) -> None:
    ada = await person(service)
    created = await service.create_api_token(ada, "coach", READ, None)
    [listed] = await service.api_tokens_of(ada)
    assert listed.last_used_at is None
    await service.exchange_api_token(created.secret)
    first_use = clock.now
    clock.now += timedelta(seconds=30)
    await service.exchange_api_token(created.secret)  # coalesced: no write
    [listed] = await service.api_tokens_of(ada)
    assert listed.last_used_at == first_use
    clock.now += timedelta(seconds=31)
    await service.exchange_api_token(created.secret)
    [listed] = await service.api_tokens_of(ada)
    assert listed.last_used_at == clock.now


async def test_deleting_the_account_deletes_its_tokens(service: UserService) -> None:
    # For data rights: the tokens go with the person (ON DELETE CASCADE).
    ada = await person(service)
    await service.create_api_token(ada, "coach", READ, None)
    async with service.sessions.begin() as session:
        await session.execute(sa.text("DELETE FROM users WHERE id = :id"), {"id": ada})
    async with service.sessions() as session:
        assert (await session.execute(sa.select(sa.func.count()).select_from(api_tokens_table))).scalar() == 0


CREATE = """mutation { createApiToken(input: {name: "Coach", scopes: ["applications:read"]}) {
  token apiToken { id name scopes expiresAt lastUsedAt createdAt } } }"""


async def test_the_schema_creates_lists_and_revokes_for_the_person(service: UserService) -> None:
    ada = await person(service)
    data, errors = await run_as(service, ada, CREATE)
    assert errors == [] and data is not None
    created = data["createApiToken"]
    assert created["token"].startswith("jgp_")
    assert created["apiToken"]["scopes"] == ["applications:read"]
    assert created["apiToken"]["lastUsedAt"] is None
    data, errors = await run_as(service, ada, "{ apiTokens { id name } }")
    assert data == {"apiTokens": [{"id": created["apiToken"]["id"], "name": "Coach"}]}
    data, errors = await run_as(
        service, ada, "mutation($id: ID!) { revokeApiToken(id: $id) }", id=created["apiToken"]["id"]
    )
    assert data == {"revokeApiToken": created["apiToken"]["id"]}


async def test_an_unknown_scope_names_the_field(service: UserService) -> None:
    ada = await person(service)
    _, errors = await run_as(
        service, ada, 'mutation { createApiToken(input: {name: "x", scopes: ["everything"]}) { token } }'
    )
    assert [error["extensions"] for error in errors] == [{"code": "BAD_USER_INPUT", "field": "input.scopes"}]


@pytest.mark.parametrize(
    "operation",
    [CREATE, "{ apiTokens { id } }", 'mutation { revokeApiToken(id: "x") }'],
)
async def test_a_partner_token_cannot_manage_tokens(service: UserService, operation: str) -> None:
    ada = await person(service)
    _, errors = await run_as(
        service, ada, operation, scopes=frozenset({"profile:read", "applications:write"})
    )
    assert [error["extensions"]["code"] for error in errors] == ["FORBIDDEN"]
    _, errors = await run_as(service, None, operation)
    assert [error["extensions"]["code"] for error in errors] == ["UNAUTHENTICATED"]


# Which partner scopes reach each users operation in the subgraph itself (FORBIDDEN for every other scope).
PARTNER_REACH: dict[str, set[str]] = {
    "{ me { id name email headline } }": {"profile:read"},
    '{ users(search: "ada") { totalCount } }': {"profile:read"},
    'mutation { updateProfile(input: {headline: "x"}) { id } }': set(),
    '{ user(id: "nobody") { id } }': {"profile:read"},
}


@pytest.mark.parametrize("query", list(PARTNER_REACH))
async def test_a_partner_token_reaches_only_its_scopes(service: UserService, query: str) -> None:
    ada = await person(service)
    _, errors = await run_as(service, ada, query)
    assert errors == []
    for scope in PARTNER_SCOPES:
        _, errors = await run_as(service, ada, query, scopes=frozenset({scope}))
        codes = {error["extensions"]["code"] for error in errors}
        assert codes == (set() if scope in PARTNER_REACH[query] else {"FORBIDDEN"}), (scope, errors)
