"""Fixtures for the users tests: its migrations, the service on each backend, and a way to run the schema
as someone."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.kit.auth import Identity
from subgraphs.kit.keys import SigningKey, load_or_create_signing_key
from subgraphs.users.context import UsersContext
from subgraphs.users.migrations import MIGRATIONS_DIR
from subgraphs.users.schema import schema
from subgraphs.users.service import UserService
from tests.subgraphs.databases import Migrations
from tests.subgraphs.harness import NOW


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def migrations() -> Migrations:
    return Migrations("users", MIGRATIONS_DIR)


@pytest.fixture
def signing_key(tmp_path: Path) -> SigningKey:
    return load_or_create_signing_key(tmp_path / "keys")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def service(backend_engine: AsyncEngine, signing_key: SigningKey, clock: Clock) -> UserService:
    # Cheap Argon2 parameters: the tests check behaviour, not hashing cost.
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    return UserService(
        async_sessionmaker(backend_engine, expire_on_commit=False), signing_key, clock=clock, hasher=hasher
    )


async def run_as(
    service: UserService,
    user_id: str | None,
    query: str,
    *,
    scopes: frozenset[str] | None = None,
    **variables: Any,
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """Execute `query` against the users schema as `user_id` (None: anonymous) with their own session, or
    through a partner's token of `scopes`; (data, formatted errors)."""
    identity = None
    if user_id:
        identity = Identity.person(user_id) if scopes is None else Identity(user_id, scopes)
    context = UsersContext(service=service, identity=identity)
    result = await schema.execute(query, variable_values=variables or None, context_value=context)
    return result.data, [error.formatted for error in result.errors or ()]  # type: ignore[misc]
