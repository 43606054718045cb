"""The users store: SQL over one AsyncSession (SQLite by default, PostgreSQL in production).

Every function runs inside the caller's transaction; the service decides when it commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from subgraphs.users.models import (
    ApiToken,
    Link,
    User,
    api_tokens_table,
    auth_attempts_table,
    failed_logins_table,
    idempotency_keys,
    interests_table,
    refresh_tokens_table,
    users_table,
)


@dataclass(frozen=True, slots=True)
class StoredUser:
    """A user row with what only the service may see (the password hash)."""

    user: User
    password_hash: str


@dataclass(frozen=True, slots=True)
class RefreshTokenRow:
    id: str
    user_id: str
    family_id: str
    expires_at: datetime
    revoked_at: datetime | None


def _user(row: Any) -> User:
    return User(
        id=row.id,
        email=row.email,
        name=row.name,
        phone=row.phone,
        headline=row.headline,
        location=row.location,
        skills=tuple(row.skills or ()),
        links=tuple(Link(label=link["label"], url=link["url"]) for link in row.links or ()),
        created_at=row.created_at,
        updated_at=row.updated_at,
        show_email=bool(row.show_email),
        show_phone=bool(row.show_phone),
    )


def user_values(user: User) -> dict[str, Any]:
    """The columns of `user` (everything but the password hash)."""
    return {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "name_lower": user.name.lower(),
        "phone": user.phone,
        "headline": user.headline,
        "location": user.location,
        "skills": list(user.skills),
        "links": [{"label": link.label, "url": link.url} for link in user.links],
        "created_at": user.created_at,
        "updated_at": user.updated_at,
        "show_email": user.show_email,
        "show_phone": user.show_phone,
    }


async def insert_user(session: AsyncSession, user: User, password_hash: str) -> None:
    await session.execute(sa.insert(users_table).values(**user_values(user), password_hash=password_hash))


async def update_user(session: AsyncSession, user: User) -> None:
    values = user_values(user)
    del values["id"], values["created_at"]
    await session.execute(sa.update(users_table).where(users_table.c.id == user.id).values(**values))


async def email_taken(session: AsyncSession, email: str, except_id: str | None = None) -> bool:
    query = sa.select(users_table.c.id).where(users_table.c.email == email)
    if except_id is not None:
        query = query.where(users_table.c.id != except_id)
    return (await session.execute(query.limit(1))).first() is not None


async def find_by_email(session: AsyncSession, email: str) -> StoredUser | None:
    row = (await session.execute(sa.select(users_table).where(users_table.c.email == email))).first()
    return StoredUser(_user(row), row.password_hash) if row else None


async def find_by_id(session: AsyncSession, user_id: str) -> StoredUser | None:
    row = (await session.execute(sa.select(users_table).where(users_table.c.id == user_id))).first()
    return StoredUser(_user(row), row.password_hash) if row else None


async def get_many(session: AsyncSession, ids: Sequence[str]) -> dict[str, User]:
    """Users by id in one query; unknown ids are absent from the result."""
    if not ids:
        return {}
    rows = await session.execute(sa.select(users_table).where(users_table.c.id.in_(set(ids))))
    return {row.id: _user(row) for row in rows}


async def search(
    session: AsyncSession, text: str, *, after: tuple[str, str] | None, limit: int
) -> tuple[list[User], int]:
    """Users whose name contains `text` (case-insensitive), by name then id, after a (name, id) cursor;
    returns up to `limit` users and the total number of matches."""
    condition = users_table.c.name_lower.contains(text.lower(), autoescape=True)
    total = (await session.execute(sa.select(sa.func.count()).where(condition))).scalar_one()
    query = sa.select(users_table).where(condition)
    if after is not None:
        query = query.where(sa.tuple_(users_table.c.name_lower, users_table.c.id) > sa.tuple_(*after))
    query = query.order_by(users_table.c.name_lower, users_table.c.id).limit(limit)
    return [_user(row) for row in await session.execute(query)], int(total)


async def add_interest(session: AsyncSession, user_id: str, target_id: str, at: datetime) -> bool:
    """Record that `user_id` is interested in `target_id`; False when it already was."""
    exists = await session.execute(
        sa.select(interests_table.c.user_id).where(
            interests_table.c.user_id == user_id, interests_table.c.target_id == target_id
        )
    )
    if exists.first() is not None:
        return False
    await session.execute(
        sa.insert(interests_table).values(user_id=user_id, target_id=target_id, created_at=at)
    )
    return True


async def remove_interest(session: AsyncSession, user_id: str, target_id: str) -> None:
    await session.execute(
        sa.delete(interests_table).where(
            interests_table.c.user_id == user_id, interests_table.c.target_id == target_id
        )
    )


async def delete_user(session: AsyncSession, user_id: str, email: str) -> None:
    """Delete the account with everything of it in this database: sessions (refresh tokens), partner API
    tokens, stored answers to their mutations (Idempotency-Key), interests to and from the person, and the
    failed sign-ins recorded for their email.

    The foreign keys cascade too, but the deletion does not rely on SQLite's per-connection switch for them.
    """
    await session.execute(sa.delete(refresh_tokens_table).where(refresh_tokens_table.c.user_id == user_id))
    await session.execute(
        sa.delete(interests_table).where(
            sa.or_(interests_table.c.user_id == user_id, interests_table.c.target_id == user_id)
        )
    )
    await session.execute(sa.delete(failed_logins_table).where(failed_logins_table.c.email == email))
    await session.execute(sa.delete(api_tokens_table).where(api_tokens_table.c.user_id == user_id))
    await session.execute(sa.delete(idempotency_keys).where(idempotency_keys.c.owner == user_id))
    await session.execute(sa.delete(users_table).where(users_table.c.id == user_id))


async def interests_of(session: AsyncSession, user_ids: Sequence[str]) -> dict[str, list[str]]:
    """For each user id, the ids they are interested in, oldest interest first (one query for all)."""
    result: dict[str, list[str]] = {user_id: [] for user_id in user_ids}
    if not user_ids:
        return result
    rows = await session.execute(
        sa.select(interests_table.c.user_id, interests_table.c.target_id)
        .where(interests_table.c.user_id.in_(set(user_ids)))
        .order_by(interests_table.c.created_at, interests_table.c.target_id)
    )
    for row in rows:
        result[row.user_id].append(row.target_id)
    return result


async def insert_refresh_token(
    session: AsyncSession,
    *,
    token_id: str,
    user_id: str,
    token_hash: str,
    family_id: str,
    created_at: datetime,
    expires_at: datetime,
) -> None:
    await session.execute(
        sa.insert(refresh_tokens_table).values(
            id=token_id,
            user_id=user_id,
            token_hash=token_hash,
            family_id=family_id,
            created_at=created_at,
            expires_at=expires_at,
        )
    )


async def find_refresh_token(session: AsyncSession, token_hash: str) -> RefreshTokenRow | None:
    row = (
        await session.execute(
            sa.select(refresh_tokens_table).where(refresh_tokens_table.c.token_hash == token_hash)
        )
    ).first()
    if row is None:
        return None
    return RefreshTokenRow(
        id=row.id,
        user_id=row.user_id,
        family_id=row.family_id,
        expires_at=row.expires_at,
        revoked_at=row.revoked_at,
    )


async def revoke_refresh_token(session: AsyncSession, token_id: str, at: datetime) -> bool:
    """Revoke one token; False if it was already revoked (a concurrent refresh won the race)."""
    result = await session.execute(
        sa.update(refresh_tokens_table)
        .where(refresh_tokens_table.c.id == token_id, refresh_tokens_table.c.revoked_at.is_(None))
        .values(revoked_at=at)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def revoke_family(session: AsyncSession, family_id: str, at: datetime) -> None:
    await session.execute(
        sa.update(refresh_tokens_table)
        .where(refresh_tokens_table.c.family_id == family_id, refresh_tokens_table.c.revoked_at.is_(None))
        .values(revoked_at=at)
    )


async def failed_logins_since(
    session: AsyncSession, since: datetime, *, client: str, email: str | None = None
) -> list[datetime]:
    """When sign-in failed from `client` after `since` (for `email` only, if given), oldest first."""
    columns = failed_logins_table.c
    query = sa.select(columns.failed_at).where(columns.client == client, columns.failed_at > since)
    if email is not None:
        query = query.where(columns.email == email)
    rows = await session.execute(query.order_by(columns.failed_at))
    return list(rows.scalars())


async def record_failed_login(
    session: AsyncSession, email: str, client: str, at: datetime, forget_before: datetime
) -> None:
    """Remember a failed sign-in, dropping the email's failures too old to count any more."""
    columns = failed_logins_table.c
    await session.execute(
        sa.delete(failed_logins_table).where(columns.email == email, columns.failed_at < forget_before)
    )
    await session.execute(sa.insert(failed_logins_table).values(email=email, client=client, failed_at=at))


async def clear_failed_logins(session: AsyncSession, email: str, client: str) -> None:
    """Forget the failures of `email` from `client` (a success there); other clients' still count."""
    columns = failed_logins_table.c
    await session.execute(
        sa.delete(failed_logins_table).where(columns.email == email, columns.client == client)
    )


async def record_attempt(
    session: AsyncSession, client: str, action: str, at: datetime, forget_before: datetime
) -> int:
    """Remember one sign-up or sign-in attempt by `client`, dropping its attempts too old to count; returns
    the attempt's id (ids grow, so they order concurrent attempts)."""
    columns = auth_attempts_table.c
    await session.execute(
        sa.delete(auth_attempts_table).where(
            columns.client == client, columns.action == action, columns.at < forget_before
        )
    )
    result = await session.execute(
        sa.insert(auth_attempts_table).values(client=client, action=action, at=at).returning(columns.id)
    )
    return int(result.scalar_one())


async def attempts_since(
    session: AsyncSession, client: str, action: str, since: datetime, *, up_to: int
) -> list[datetime]:
    """When `client` attempted `action` after `since`, up to and including attempt `up_to`, oldest first."""
    columns = auth_attempts_table.c
    rows = await session.execute(
        sa.select(columns.at)
        .where(columns.client == client, columns.action == action, columns.at > since, columns.id <= up_to)
        .order_by(columns.at)
    )
    return list(rows.scalars())


def user_from_row(row: Any) -> User:
    """The profile in a `users` row (for the users snapshot)."""
    return _user(row)


@dataclass(frozen=True, slots=True)
class StoredApiToken:
    """An API token row with what only the service may see (the secret's hash)."""

    token: ApiToken
    token_hash: str


def _api_token(row: Any) -> ApiToken:
    return ApiToken(
        id=row.id,
        user_id=row.user_id,
        name=row.name,
        scopes=tuple(row.scopes or ()),
        created_at=row.created_at,
        expires_at=row.expires_at,
        last_used_at=row.last_used_at,
    )


async def insert_api_token(session: AsyncSession, token: ApiToken, token_hash: str) -> None:
    await session.execute(
        sa.insert(api_tokens_table).values(
            id=token.id,
            user_id=token.user_id,
            name=token.name,
            token_hash=token_hash,
            scopes=list(token.scopes),
            created_at=token.created_at,
            expires_at=token.expires_at,
        )
    )


async def api_tokens_of(session: AsyncSession, user_id: str) -> list[ApiToken]:
    """A person's API tokens, newest first."""
    table = api_tokens_table
    rows = await session.execute(
        sa.select(table).where(table.c.user_id == user_id).order_by(table.c.created_at.desc(), table.c.id)
    )
    return [_api_token(row) for row in rows]


async def count_live_api_tokens(session: AsyncSession, user_id: str, now: datetime) -> int:
    table = api_tokens_table
    count = await session.scalar(
        sa.select(sa.func.count()).where(table.c.user_id == user_id, table.c.expires_at > now)
    )
    return int(count or 0)


async def find_api_token(session: AsyncSession, token_hash: str) -> StoredApiToken | None:
    row = (
        await session.execute(sa.select(api_tokens_table).where(api_tokens_table.c.token_hash == token_hash))
    ).first()
    return None if row is None else StoredApiToken(_api_token(row), row.token_hash)


async def delete_api_token(session: AsyncSession, user_id: str, token_id: str) -> bool:
    """Delete one of `user_id`'s tokens; False when they have none with that id."""
    table = api_tokens_table
    result = await session.execute(sa.delete(table).where(table.c.id == token_id, table.c.user_id == user_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def touch_api_token(session: AsyncSession, token_id: str, at: datetime, unless_after: datetime) -> None:
    """Record a use at `at`, unless one was already recorded after `unless_after` (coalescing writes)."""
    table = api_tokens_table
    await session.execute(
        sa.update(table)
        .where(
            table.c.id == token_id,
            sa.or_(table.c.last_used_at.is_(None), table.c.last_used_at <= unless_after),
        )
        .values(last_used_at=at)
    )
