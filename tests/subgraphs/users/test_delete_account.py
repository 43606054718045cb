"""deleteMyAccount in the users subgraph (SQLite and PostgreSQL): the password confirms it and wrong ones
count against the sign-in limits; the account, its sessions, its interests both ways and its earlier events
go in one transaction with `user.deleted`; other people are untouched."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.kit.errors import RateLimited, Unauthenticated
from subgraphs.kit.events.outbox import stored_events
from subgraphs.users.models import failed_logins_table, interests_table, refresh_tokens_table, users_table
from subgraphs.users.service import MAX_FAILED_LOGINS, UserService
from tests.subgraphs.users.conftest import run_as

PASSWORD = "correct horse"
HERE = "198.51.100.7"


async def rows(engine: AsyncEngine, table: sa.Table, column: sa.Column[str], value: str) -> int:
    async with engine.connect() as connection:
        query = sa.select(sa.func.count()).select_from(table).where(column == value)
        return int((await connection.execute(query)).scalar_one())


async def test_the_account_and_everything_of_it_goes_with_one_event(
    service: UserService, backend_engine: AsyncEngine
) -> None:
    ada = await service.register("ada@example.com", PASSWORD, "Ada", client=HERE)
    bob = await service.register("bob@example.com", PASSWORD, "Bob", client=HERE)
    await service.add_interest(ada.user.id, bob.user.id)
    await service.add_interest(bob.user.id, ada.user.id)
    await service.login("ada@example.com", PASSWORD, client=HERE)

    await service.delete_account(ada.user.id, PASSWORD, client=HERE)

    assert await service.get_many([ada.user.id, bob.user.id]) == [None, bob.user]
    assert await service.interests_of([bob.user.id]) == [[]]
    for table, column in (
        (users_table, users_table.c.id),
        (refresh_tokens_table, refresh_tokens_table.c.user_id),
        (interests_table, interests_table.c.user_id),
        (interests_table, interests_table.c.target_id),
    ):
        assert await rows(backend_engine, table, column, ada.user.id) == 0, table.name
    assert await rows(backend_engine, refresh_tokens_table, refresh_tokens_table.c.user_id, bob.user.id) == 1
    # Her earlier events left the outbox; the one left about her says only who.
    events = [(event.type, event.user_id, event.data) for event in await stored_events(service.sessions)]
    assert events == [
        ("user.registered", bob.user.id, events[0][2]),
        ("user.deleted", ada.user.id, {"id": ada.user.id}),
    ]
    with pytest.raises(Unauthenticated):
        await service.refresh(ada.refresh_token)
    with pytest.raises(Unauthenticated):
        await service.login("ada@example.com", PASSWORD, client=HERE)
    # The email is free again.
    await service.register("ada@example.com", "another horse", "Ada again", client=HERE)


async def test_a_wrong_password_deletes_nothing_and_counts_as_a_failed_sign_in(
    service: UserService, backend_engine: AsyncEngine
) -> None:
    ada = await service.register("ada@example.com", PASSWORD, "Ada", client=HERE)
    with pytest.raises(Unauthenticated) as wrong:
        await service.delete_account(ada.user.id, "wrong horse", client=HERE)
    assert wrong.value.extensions == {"code": "UNAUTHENTICATED", "field": "password"}
    assert await service.get_many([ada.user.id]) == [ada.user]
    failures = failed_logins_table.c.email
    assert await rows(backend_engine, failed_logins_table, failures, "ada@example.com") == 1
    for _ in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(Unauthenticated):
            await service.delete_account(ada.user.id, "another guess", client=HERE)
    # Guessing through deleteMyAccount runs into the sign-in limit, for this mutation and for sign-in.
    with pytest.raises(RateLimited) as limited:
        await service.delete_account(ada.user.id, PASSWORD, client=HERE)
    assert limited.value.extensions["field"] == "password"
    with pytest.raises(RateLimited):
        await service.login("ada@example.com", PASSWORD, client=HERE)
    assert await service.get_many([ada.user.id]) == [ada.user]


async def test_deleting_twice_is_unauthenticated_the_second_time(service: UserService) -> None:
    ada = await service.register("ada@example.com", PASSWORD, "Ada", client=HERE)
    await service.delete_account(ada.user.id, PASSWORD, client=HERE)
    with pytest.raises(Unauthenticated):
        await service.delete_account(ada.user.id, PASSWORD, client=HERE)
    assert [event.type for event in await stored_events(service.sessions)] == ["user.deleted"]


async def test_the_mutation_needs_a_signed_in_caller_and_answers_true(service: UserService) -> None:
    ada = await service.register("ada@example.com", PASSWORD, "Ada", client=HERE)
    mutation = "mutation($password: String!) { deleteMyAccount(password: $password) }"
    data, errors = await run_as(service, None, mutation, password=PASSWORD)
    assert data is None and [error["extensions"]["code"] for error in errors] == ["UNAUTHENTICATED"]
    data, errors = await run_as(service, ada.user.id, mutation, password=PASSWORD)
    assert (data, errors) == ({"deleteMyAccount": True}, [])
