"""The kit's erasure pieces on SQLite and PostgreSQL (an applications database: it has an outbox and the
erased-users table): which outbox events go with a person, and handlers skipping erased people."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from subgraphs.applications.migrations import MIGRATIONS_DIR
from subgraphs.kit.erasure import erase_outbox, is_erased, remember_erased, unless_erased
from subgraphs.kit.events import EventEnvelope, record_event
from subgraphs.kit.events.outbox import outbox_rows, stored_events
from tests.subgraphs.databases import Migrations


@pytest.fixture
def migrations() -> Migrations:
    return Migrations("applications", MIGRATIONS_DIR)


def about(user_id: str, **data: object) -> EventEnvelope:
    return EventEnvelope(type="contact.created", producer="contacts", user_id=user_id, data=dict(data))


async def test_the_outbox_loses_the_persons_events_and_sent_ones_naming_them(
    backend_engine: AsyncEngine,
) -> None:
    sessions = async_sessionmaker(backend_engine, expire_on_commit=False)
    theirs, sent_mention, unsent_mention, unrelated = (
        about("alice", id="c1"),
        about("bob", id="c2", linkedUserId="alice"),
        about("bob", id="c3", linkedUserId="alice"),
        about("bob", id="c4"),
    )
    async with sessions.begin() as session:
        for event in (theirs, sent_mention, unsent_mention, unrelated):
            await record_event(session, event)
        await session.execute(
            sa.update(outbox_rows)
            .where(outbox_rows.c.id.in_([theirs.id, sent_mention.id, unrelated.id]))
            .values(sent_at=datetime.now(UTC))
        )
    async with sessions.begin() as session:
        assert await erase_outbox(session, "alice") == 2
    # Bob's unsent event still has to reach its consumers; his sent one naming Alice is a copy of her id.
    assert sorted(event.id for event in await stored_events(sessions)) == sorted(
        [unsent_mention.id, unrelated.id]
    )


async def test_handlers_skip_events_about_erased_people(backend_engine: AsyncEngine) -> None:
    sessions = async_sessionmaker(backend_engine, expire_on_commit=False)
    seen: list[str] = []

    async def handler(session: AsyncSession, event: EventEnvelope) -> None:
        seen.append(event.user_id or "")

    guarded = unless_erased(handler)
    async with sessions.begin() as session:
        await remember_erased(session, "alice")
        await remember_erased(session, "alice")  # twice: a redelivered user.deleted
        assert await is_erased(session, "alice") and not await is_erased(session, "bob")
        await guarded(session, about("alice"))
        await guarded(session, about("bob"))
    assert seen == ["bob"]
