"""The users use cases, run on SQLite and the real PostgreSQL (the store contract)."""

from __future__ import annotations

from datetime import timedelta

import jwt
import pytest
import sqlalchemy as sa

from subgraphs.kit.errors import BadUserInput, Conflict, NotFound, RateLimited, Unauthenticated
from subgraphs.kit.keys import SigningKey
from subgraphs.users.models import Link, ProfileChanges, outbox_table
from subgraphs.users.service import MAX_FAILED_LOGINS, UserService
from tests.subgraphs.users.conftest import Clock


async def outbox_types(service: UserService) -> list[str]:
    async with service.sessions() as session:
        rows = await session.execute(sa.select(outbox_table.c.type).order_by(outbox_table.c.created_at))
        return [row.type for row in rows]


async def test_register_creates_the_user_signs_them_in_and_records_the_event(
    service: UserService, signing_key: SigningKey
) -> None:
    session = await service.register("  Ada@Example.com ", "correct horse", "Ada Lovelace")
    assert session.user.email == "ada@example.com"
    # The test clock is in 2031: check the signature and claims, not the wall-clock times.
    claims = jwt.decode(
        session.token,
        signing_key.public_pem,
        algorithms=["EdDSA"],
        audience="jobgraph",
        options={"verify_iat": False, "verify_exp": False},
    )
    assert claims["sub"] == session.user.id
    assert claims["iss"] == "jobgraph-users"
    assert await outbox_types(service) == ["user.registered"]


async def test_an_email_registers_once_whatever_its_case(service: UserService) -> None:
    await service.register("ada@example.com", "correct horse", "Ada")
    with pytest.raises(Conflict) as raised:
        await service.register("ADA@example.com", "another pass", "Ada Again")
    assert raised.value.field == "email"
    assert await outbox_types(service) == ["user.registered"]  # nothing half-written


@pytest.mark.parametrize(
    ("email", "password", "name", "field"),
    [
        ("not-an-email", "correct horse", "Ada", "email"),
        ("ada@example.com", "short", "Ada", "password"),
        ("ada@example.com", "correct horse", "   ", "name"),
        ("ada@example.com", "correct horse", "x" * 101, "name"),
    ],
)
async def test_invalid_registrations_name_the_field_and_write_nothing(
    service: UserService, email: str, password: str, name: str, field: str
) -> None:
    with pytest.raises(BadUserInput) as raised:
        await service.register(email, password, name)
    assert raised.value.field == field
    assert await outbox_types(service) == []


async def test_login_accepts_the_password_and_refuses_anything_else_alike(service: UserService) -> None:
    registered = await service.register("ada@example.com", "correct horse", "Ada")
    session = await service.login("ADA@example.com", "correct horse")
    assert session.user.id == registered.user.id
    with pytest.raises(Unauthenticated) as wrong_password:
        await service.login("ada@example.com", "wrong horse")
    with pytest.raises(Unauthenticated) as unknown_email:
        await service.login("bob@example.com", "correct horse")
    assert str(wrong_password.value) == str(unknown_email.value)


async def test_password_guessing_is_throttled_per_email_even_for_the_right_password(
    service: UserService, clock: Clock
) -> None:
    await service.register("ada@example.com", "correct horse", "Ada")
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(Unauthenticated):
            await service.login("ada@example.com", "guess")
        clock.now += timedelta(seconds=30)
    with pytest.raises(RateLimited) as limited:
        await service.login("ada@example.com", "correct horse")
    assert limited.value.extensions["code"] == "RATE_LIMITED"
    # The first failure was 5 minutes ago: it leaves the 15-minute window in 10 minutes.
    assert limited.value.extensions["retryAfter"] == 600
    # Other people are not locked out by Ada's attacker.
    await service.register("bob@example.com", "battery staple", "Bob")
    assert (await service.login("bob@example.com", "battery staple")).user.name == "Bob"
    clock.now += timedelta(seconds=600)
    assert (await service.login("ada@example.com", "correct horse")).user.name == "Ada"
    # A successful sign-in starts the count again.
    with pytest.raises(Unauthenticated):
        await service.login("ada@example.com", "guess")
    assert (await service.login("ada@example.com", "correct horse")).user.name == "Ada"


async def test_unknown_emails_are_throttled_alike(service: UserService) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(Unauthenticated):
            await service.login("nobody@example.com", "guess")
    with pytest.raises(RateLimited):
        await service.login("nobody@example.com", "guess")


async def test_refresh_rotates_and_a_reused_token_revokes_the_family(
    service: UserService, clock: Clock
) -> None:
    first = await service.register("ada@example.com", "correct horse", "Ada")
    clock.now += timedelta(minutes=20)
    second = await service.refresh(first.refresh_token)
    assert second.refresh_token != first.refresh_token
    # The first token was rotated away: presenting it again is a replay.
    with pytest.raises(Unauthenticated):
        await service.refresh(first.refresh_token)
    # ...which also revoked the token the legitimate holder had.
    with pytest.raises(Unauthenticated):
        await service.refresh(second.refresh_token)
    # Another login starts a fresh family that still works.
    third = await service.login("ada@example.com", "correct horse")
    assert (await service.refresh(third.refresh_token)).user.id == first.user.id


async def test_an_expired_or_unknown_refresh_token_is_refused(service: UserService, clock: Clock) -> None:
    session = await service.register("ada@example.com", "correct horse", "Ada")
    with pytest.raises(Unauthenticated):
        await service.refresh("made-up")
    clock.now += timedelta(days=31)
    with pytest.raises(Unauthenticated):
        await service.refresh(session.refresh_token)


async def test_update_profile_changes_only_what_is_given_and_records_what_changed(
    service: UserService,
) -> None:
    ada = (await service.register("ada@example.com", "correct horse", "Ada")).user
    updated = await service.update_profile(
        ada.id,
        ProfileChanges(
            headline="Analyst", skills=("python", "maths"), links=(Link("GitHub", "https://github.com/ada"),)
        ),
    )
    assert (updated.name, updated.headline, updated.skills) == ("Ada", "Analyst", ("python", "maths"))
    cleared = await service.update_profile(ada.id, ProfileChanges(cleared=frozenset({"headline"})))
    assert cleared.headline is None
    assert await outbox_types(service) == ["user.registered", "user.updated", "user.updated"]
    # No change, no event.
    await service.update_profile(ada.id, ProfileChanges(name="Ada"))
    assert len(await outbox_types(service)) == 3


async def test_an_email_change_cannot_take_someone_elses(service: UserService) -> None:
    ada = (await service.register("ada@example.com", "correct horse", "Ada")).user
    await service.register("bob@example.com", "correct horse", "Bob")
    with pytest.raises(Conflict):
        await service.update_profile(ada.id, ProfileChanges(email="bob@example.com"))


async def test_search_pages_through_names_case_insensitively(service: UserService) -> None:
    for name in ("Ann Lee", "anna Bell", "Bob", "Hannah"):
        await service.register(f"{name.split()[0].lower()}@example.com", "correct horse", name)
    first, total = await service.search("ANN", after=None, limit=2)
    assert total == 3
    assert [user.name for user in first] == ["Ann Lee", "anna Bell"]
    rest, _ = await service.search("ann", after=(first[-1].name.lower(), first[-1].id), limit=2)
    assert [user.name for user in rest] == ["Hannah"]


async def test_interests_are_a_list_of_other_people(service: UserService) -> None:
    ada = (await service.register("ada@example.com", "correct horse", "Ada")).user
    bob = (await service.register("bob@example.com", "correct horse", "Bob")).user
    await service.add_interest(ada.id, bob.id)
    await service.add_interest(ada.id, bob.id)  # idempotent
    assert await service.interests_of([ada.id, bob.id]) == [[bob.id], []]
    with pytest.raises(BadUserInput):
        await service.add_interest(ada.id, ada.id)
    with pytest.raises(NotFound):
        await service.add_interest(ada.id, "no-such-user")
    await service.remove_interest(ada.id, bob.id)
    assert await service.interests_of([ada.id]) == [[]]
