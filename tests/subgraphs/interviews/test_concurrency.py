"""Scheduling and a concurrent `application.deleted` never leave an interview behind, on every backend."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from subgraphs.interviews.events import record_interview_event
from subgraphs.interviews.models import Interview, InterviewType
from subgraphs.interviews.service import InterviewService
from subgraphs.interviews.store import SqlInterviewStore

T0 = datetime(2031, 3, 10, 9, 0, tzinfo=UTC)


async def test_delete_waits_for_a_scheduling_transaction_and_then_removes_its_interview(
    backend_engine: AsyncEngine,
) -> None:
    service = InterviewService(async_sessionmaker(backend_engine), record_interview_event)
    await service.application_created("app-1", "alice")

    # What `schedule` does, held open: the application row is locked and the interview inserted.
    async with AsyncSession(backend_engine) as session, session.begin():
        store = SqlInterviewStore(session)
        assert await store.lock_application("app-1") is not None
        await store.add(
            Interview(
                id="in-flight",
                owner_id="alice",
                application_id="app-1",
                starts_at=T0,
                duration_minutes=30,
                type=InterviewType.PHONE,
                location=None,
                meeting_url=None,
                details=None,
                created_at=T0,
                updated_at=T0,
            )
        )
        deleting = asyncio.create_task(service.application_deleted("app-1", "alice"))
        # Give the delete the chance to run ahead of this commit; without the lock it would then miss the
        # uncommitted interview and leave it orphaned. (Ordering only: no duration is asserted.)
        await asyncio.sleep(0.3)

    deleted = await asyncio.wait_for(deleting, timeout=30)
    assert [interview.id for interview in deleted] == ["in-flight"]
    assert await service.get("alice", "in-flight") is None
