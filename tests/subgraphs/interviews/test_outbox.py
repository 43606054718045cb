"""Interview events land in the outbox in the same transaction as the change, on every backend."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import orjson
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from subgraphs.interviews.events import InterviewEvent, record_interview_event
from subgraphs.interviews.models import InterviewType, ScheduleInterview, outbox_table
from subgraphs.interviews.service import InterviewService
from subgraphs.kit.errors import NotFound

STARTS = datetime(2031, 3, 10, 9, 0, tzinfo=UTC)


async def outbox_rows(engine: AsyncEngine) -> list[dict[str, Any]]:
    async with engine.connect() as connection:
        rows = await connection.execute(sa.select(outbox_table).order_by(outbox_table.c.created_at))
        return [dict(row) for row in rows.mappings()]


def command(application_id: str) -> ScheduleInterview:
    return ScheduleInterview(
        application_id=application_id, starts_at=STARTS, duration_minutes=60, type=InterviewType.PHONE
    )


async def test_a_change_and_its_event_commit_together(backend_engine: AsyncEngine) -> None:
    service = InterviewService(async_sessionmaker(backend_engine), record_interview_event)
    await service.application_created("app-1", "alice")
    interview = await service.schedule("alice", command("app-1"))
    await service.cancel("alice", interview.id)

    rows = await outbox_rows(backend_engine)
    assert [row["type"] for row in rows] == ["interview.scheduled", "interview.cancelled"]
    assert all(row["sent_at"] is None and row["attempts"] == 0 for row in rows)
    envelope = orjson.loads(rows[0]["payload"])
    assert envelope["id"] == rows[0]["id"]
    assert {key: envelope[key] for key in ("type", "version", "producer", "user_id")} == {
        "type": "interview.scheduled",
        "version": 1,
        "producer": "interviews",
        "user_id": "alice",
    }
    assert envelope["data"]["id"] == interview.id
    assert envelope["data"]["applicationId"] == "app-1"
    assert envelope["data"]["startsAt"] == "2031-03-10T09:00:00Z"
    assert envelope["data"]["type"] == "PHONE"


async def test_a_refused_change_records_no_event(backend_engine: AsyncEngine) -> None:
    service = InterviewService(async_sessionmaker(backend_engine), record_interview_event)
    with pytest.raises(NotFound):
        await service.schedule("alice", command("unknown-app"))
    assert await outbox_rows(backend_engine) == []


class BrokenStoreAfterEvent(Exception):
    """Stands for any failure between writing the event and committing."""


async def test_rolled_back_transaction_loses_change_and_event_alike(backend_engine: AsyncEngine) -> None:
    sessions = async_sessionmaker(backend_engine)

    async def record_then_fail(session: AsyncSession, event: InterviewEvent) -> None:
        await record_interview_event(session, event)
        raise BrokenStoreAfterEvent

    service = InterviewService(sessions, record_then_fail)
    await service.application_created("app-1", "alice")
    with pytest.raises(BrokenStoreAfterEvent):
        await service.schedule("alice", command("app-1"))
    assert await outbox_rows(backend_engine) == []
    probe = InterviewService(sessions, record_interview_event)
    assert (await probe.upcoming("alice", 10)) == []
