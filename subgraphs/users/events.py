"""The events the users subgraph publishes (its public contract): `user.registered`, `user.updated` and
`user.deleted`.

`data`: id, email, name, showEmail and showPhone (whether the person shows them to others: consumers must
not show or link by a private email — contacts links a contact to a person only when showEmail is true), and
the public profile fields headline, location, skills (a list) that search indexes; `user.updated` adds
`changed` (the names of the fields that changed). Phone is never published.

`user.deleted` (`deleteMyAccount`): `data` is only `{"id"}`, the envelope's `user_id` the same id. The
account, its sessions, its interests (both ways) and the person's earlier events in this outbox are gone
when it is published. Every subgraph that holds anything about the person consumes it and erases all of it
(subgraphs/kit/erasure.py, README "Your data"); handlers must be idempotent (a re-delivery finds nothing
left) and it is final: ids are never reused, so no later event brings the person back.

Consumed (queue `users.events`): `export.requested` (files' contract, subgraphs/kit/exports.py) — users
answers with the `profile` part: the profile (never the password hash), the people the person is
interested in and who is interested in them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.kit.events import EventConsumer, RetryPolicy
from subgraphs.kit.exports import EXPORT_REQUESTED, rows_where, sql_export_handler
from subgraphs.users.models import User, interests_table, users_table

PRODUCER = "users"
CONSUMER = "users"
USER_REGISTERED = "user.registered"
USER_UPDATED = "user.updated"
USER_DELETED = "user.deleted"
_API_NAMES = {"show_email": "showEmail", "show_phone": "showPhone"}


def user_data(user: User, changed: tuple[str, ...] = ()) -> dict[str, Any]:
    """The event payload: who, with the email other subgraphs link contacts by and whether it is shown."""
    data: dict[str, Any] = {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "showEmail": user.show_email,
        "showPhone": user.show_phone,
        "headline": user.headline,
        "location": user.location,
        "skills": list(user.skills),
    }
    if changed:
        # API names (camelCase), like the other producers' `changed`.
        data["changed"] = [_API_NAMES.get(name, name) for name in changed]
    return data


def deleted_data(user_id: str) -> dict[str, Any]:
    """`user.deleted`'s payload: the id and nothing else (the person's data must not travel once more)."""
    return {"id": user_id}


async def profile_part(session: AsyncSession, user_id: str) -> dict[str, Any]:
    """The person's `profile` part of a data export."""
    return {
        "profile": await rows_where(
            session, users_table.c.id, [user_id], leave_out=("password_hash", "name_lower")
        ),
        "interestedIn": await rows_where(session, interests_table.c.user_id, [user_id]),
        "interestedInYou": await rows_where(session, interests_table.c.target_id, [user_id]),
    }


def export_consumer(
    sessions: async_sessionmaker[AsyncSession], *, retry: RetryPolicy | None = None
) -> EventConsumer:
    """The consumer of `users.events`: answers data export requests with the `profile` part."""
    handler = sql_export_handler(sessions, PRODUCER, "profile", profile_part)
    return EventConsumer(CONSUMER, {EXPORT_REQUESTED: handler}, retry=retry)
