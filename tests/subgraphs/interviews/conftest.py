"""Fixtures for the interviews tests: its migrations, and a service on the embedded SQLite default."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.interviews.app import InterviewsSubgraph, build_subgraph
from subgraphs.interviews.context import InterviewsContext
from subgraphs.interviews.events import InterviewEvent
from subgraphs.interviews.migrations import MIGRATIONS_DIR
from subgraphs.interviews.schema import schema
from subgraphs.interviews.service import InterviewService
from subgraphs.kit.events import EventEnvelope, InProcessBus
from tests.subgraphs.databases import Migrations
from tests.subgraphs.harness import (
    FAST_RETRY,
    NOW,
    CallerFor,
    Recorded,
    StatementCounter,
    callers,
    started,
    subgraph_settings,
)

__all__ = ["NOW", "RecordedEvents"]

RecordedEvents = Recorded[InterviewEvent]


@pytest.fixture
def migrations() -> Migrations:
    return Migrations("interviews", MIGRATIONS_DIR)


@pytest.fixture
def recorded() -> RecordedEvents:
    return RecordedEvents()


@pytest.fixture
def service(sqlite_engine: AsyncEngine, recorded: RecordedEvents) -> InterviewService:
    return InterviewService(async_sessionmaker(sqlite_engine), recorded, clock=lambda: NOW)


@pytest.fixture
def as_user(service: InterviewService) -> CallerFor:
    return callers(schema, InterviewsContext, service)


@pytest.fixture
def statements(sqlite_engine: AsyncEngine) -> StatementCounter:
    return StatementCounter(sqlite_engine)


@pytest.fixture
async def subgraph(tmp_path: Path, bus: InProcessBus) -> AsyncIterator[InterviewsSubgraph]:
    built = build_subgraph(subgraph_settings("interviews", tmp_path), bus=bus, retry=FAST_RETRY)
    async with started(built):
        yield built


def application_event(event_type: str, application_id: str, owner: str | None) -> EventEnvelope:
    data = {"id": application_id, "company": "Acme", "position": "Engineer"}
    return EventEnvelope(type=event_type, producer="applications", user_id=owner, data=data)
