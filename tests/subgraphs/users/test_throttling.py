"""Sign-in and sign-up limits per client address (shared through the database, on SQLite and PostgreSQL):
a stranger cannot lock the owner out, one address cannot guess across many emails or sign up in bulk, and
an unknown email costs the same Argon2 work as a registered one."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.kit.errors import Conflict, RateLimited, Unauthenticated
from subgraphs.kit.keys import SigningKey
from subgraphs.users.app import sign_up_limit
from subgraphs.users.models import ProfileChanges
from subgraphs.users.service import (
    MAX_CLIENT_FAILED_LOGINS,
    MAX_CLIENT_SIGN_INS,
    MAX_CLIENT_SIGN_UPS,
    MAX_FAILED_LOGINS,
    UserService,
)
from tests.subgraphs.users.conftest import Clock

STRANGER, OWNER = "203.0.113.66", "198.51.100.7"


async def fail_login(service: UserService, email: str, client: str) -> None:
    with pytest.raises(Unauthenticated):
        await service.login(email, "a guess", client=client)


async def test_a_stranger_cannot_lock_the_owner_out(service: UserService) -> None:
    # Was: ten anonymous wrong passwords locked the owner out for 15 minutes, from anywhere.
    await service.register("ada@example.com", "correct horse", "Ada", client=OWNER)
    for _ in range(MAX_FAILED_LOGINS):
        await fail_login(service, "ada@example.com", STRANGER)
    with pytest.raises(RateLimited) as limited:
        await service.login("ada@example.com", "correct horse", client=STRANGER)
    assert limited.value.extensions["field"] == "email"
    assert (await service.login("ada@example.com", "correct horse", client=OWNER)).user.name == "Ada"
    # ...and her success elsewhere does not reset the stranger's count.
    with pytest.raises(RateLimited):
        await service.login("ada@example.com", "correct horse", client=STRANGER)


async def test_one_address_guessing_across_emails_runs_out(service: UserService, clock: Clock) -> None:
    for n in range(MAX_CLIENT_FAILED_LOGINS):
        await fail_login(service, f"person{n}@example.com", STRANGER)
    with pytest.raises(RateLimited) as limited:
        await service.login("someone-new@example.com", "a guess", client=STRANGER)
    assert "from here" in str(limited.value) and limited.value.extensions["retryAfter"] == 900
    await fail_login(service, "someone-new@example.com", OWNER)  # other addresses are unaffected
    clock.now += timedelta(minutes=15, seconds=1)
    await fail_login(service, "someone-new@example.com", STRANGER)


async def test_sign_in_attempts_of_any_outcome_are_limited_per_address(service: UserService) -> None:
    await service.register("ada@example.com", "correct horse", "Ada", client=OWNER)
    for _ in range(MAX_CLIENT_SIGN_INS):
        await service.login("ada@example.com", "correct horse", client=STRANGER)
    with pytest.raises(RateLimited):
        await service.login("ada@example.com", "correct horse", client=STRANGER)
    assert (await service.login("ada@example.com", "correct horse", client=OWNER)).user.name == "Ada"


async def test_sign_ups_are_limited_per_address_even_all_at_once(service: UserService, clock: Clock) -> None:
    # Was: one request carrying ~880 aliased `register` mutations, each a 64 MiB Argon2 hash. Concurrent
    # attempts see each other (each is committed before it is counted), so exactly the limit gets through.
    outcomes = await asyncio.gather(
        *(
            service.register(f"bulk{n}@example.com", "correct horse", f"Bulk {n}", client=STRANGER)
            for n in range(MAX_CLIENT_SIGN_UPS * 2)
        ),
        return_exceptions=True,
    )
    assert sum(not isinstance(outcome, BaseException) for outcome in outcomes) == MAX_CLIENT_SIGN_UPS
    assert all(isinstance(outcome, RateLimited) for outcome in outcomes if isinstance(outcome, BaseException))
    await service.register("elsewhere@example.com", "correct horse", "Elsewhere", client=OWNER)
    clock.now += timedelta(hours=1, seconds=1)
    await service.register("later@example.com", "correct horse", "Later", client=STRANGER)


async def test_an_operator_can_raise_the_sign_up_limit_for_addresses_many_people_share(
    backend_engine: AsyncEngine, signing_key: SigningKey, clock: Clock
) -> None:
    assert sign_up_limit({}) == MAX_CLIENT_SIGN_UPS
    assert sign_up_limit({"USERS_MAX_SIGN_UPS_PER_HOUR": "50"}) == 50
    for wrong in ("0", "-3", "many"):
        with pytest.raises(ValueError, match="USERS_MAX_SIGN_UPS_PER_HOUR"):
            sign_up_limit({"USERS_MAX_SIGN_UPS_PER_HOUR": wrong})
    service = UserService(
        async_sessionmaker(backend_engine, expire_on_commit=False),
        signing_key,
        clock=clock,
        hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1),
        max_sign_ups=MAX_CLIENT_SIGN_UPS + 5,
    )
    for n in range(MAX_CLIENT_SIGN_UPS + 5):
        await service.register(f"class{n}@example.com", "correct horse", f"Student {n}", client=STRANGER)
    with pytest.raises(RateLimited):
        await service.register("one-more@example.com", "correct horse", "One more", client=STRANGER)


async def test_changing_the_email_counts_as_a_sign_up(service: UserService) -> None:
    # `updateProfile(email)` answers CONFLICT for a taken email, so it tells what `register` does.
    await service.register("taken@example.com", "correct horse", "Taken", client=OWNER)
    probe = await service.register("probe@example.com", "correct horse", "Probe", client=STRANGER)
    for _ in range(MAX_CLIENT_SIGN_UPS - 1):
        with pytest.raises(Conflict):
            await service.update_profile(
                probe.user.id, ProfileChanges(email="taken@example.com"), client=STRANGER
            )
    with pytest.raises(RateLimited):
        await service.update_profile(probe.user.id, ProfileChanges(email="new@example.com"), client=STRANGER)


class CountingHasher(PasswordHasher):
    """Cheap Argon2 that counts how many hashes it verified."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.verified = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:  # type: ignore[override]
        self.verified += 1
        return super().verify(hash, password)


async def test_an_unknown_email_costs_an_argon2_verification_like_a_known_one(
    backend_engine: AsyncEngine, signing_key: SigningKey, clock: Clock
) -> None:
    # Was: a wrong password took 347 ms for a registered email and 81 ms for an unknown one (no hash
    # verified); `bench/login_timing.py` prints the two times.
    hasher = CountingHasher()
    service = UserService(
        async_sessionmaker(backend_engine, expire_on_commit=False), signing_key, clock=clock, hasher=hasher
    )
    await service.register("ada@example.com", "correct horse", "Ada")
    calls: dict[str, Any] = {}
    for email in ("ada@example.com", "nobody@example.com"):
        before = hasher.verified
        await fail_login(service, email, OWNER)
        calls[email] = hasher.verified - before
    assert calls == {"ada@example.com": 1, "nobody@example.com": 1}


async def test_replicas_share_the_counts_through_the_database(
    backend_engine: AsyncEngine, signing_key: SigningKey, clock: Clock
) -> None:
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    replicas = [
        UserService(
            async_sessionmaker(backend_engine, expire_on_commit=False),
            signing_key,
            clock=clock,
            hasher=hasher,
        )
        for _ in range(2)
    ]
    await replicas[0].register("ada@example.com", "correct horse", "Ada", client=OWNER)
    for n in range(MAX_FAILED_LOGINS):
        await fail_login(replicas[n % 2], "ada@example.com", STRANGER)
    for replica in replicas:
        with pytest.raises(RateLimited):
            await replica.login("ada@example.com", "correct horse", client=STRANGER)
