"""Property: after any sequence of creates, updates, status changes and deletes through the applications
subgraph, every analytics number equals a recount from the applications subgraph's own data — on the
in-process bus and on the real RabbitMQ."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from subgraphs.applications.models import ApplicationStatus, CreateApplication, UpdateApplication
from subgraphs.kit.events import EventBus, InProcessBus
from subgraphs.kit.events.settings import EventSettings, create_event_bus
from tests.e2e.conftest import rabbitmq_vhost
from tests.subgraphs.analytics.pipeline import Pipeline, pipeline
from tests.subgraphs.analytics.recount import applications_of, recount, same_numbers, summary
from tests.subgraphs.harness import TickingClock

START = datetime(2030, 1, 1, 9, 0, tzinfo=UTC)
# Analytics measures ongoing stays up to this "now", later than any history below.
LATER = datetime(2034, 1, 1, tzinfo=UTC)
POSITIONS = ("Frontend Developer", "Backend Engineer", "Data Analyst", "Product Manager", "Cook")
LOCATIONS = (None, "Lisbon", " lisbon ", "LISBON", "Remote", "Porto")
OWNERS = ("alice", "bob")
statuses = st.sampled_from(list(ApplicationStatus))
positions = st.sampled_from(POSITIONS)
locations = st.sampled_from(LOCATIONS)

operations = st.lists(
    st.one_of(
        st.tuples(
            st.just("create"), st.sampled_from(OWNERS), positions, locations, statuses,
            st.none() | st.integers(0, 40),
        ),
        st.tuples(st.just("update"), st.integers(0, 50), positions, locations),
        st.tuples(st.just("status"), st.integers(0, 50), statuses),
        st.tuples(st.just("delete"), st.integers(0, 50)),
        st.tuples(st.just("wait"), st.integers(0, 20)),
    ),
    max_size=25,
)  # fmt: skip


@dataclass
class Owned:
    owner: str
    id: str
    status: ApplicationStatus


async def run(operations: list[tuple[Any, ...]], flow: Pipeline, clock: TickingClock) -> list[str]:
    """Apply `operations` through the applications service; returns the owners involved."""
    service = flow.applications.service
    live: list[Owned] = []
    for operation in operations:
        kind, *arguments = operation
        if kind == "create":
            owner, position, location, status, applied_days_ago = arguments
            applied_at = None if applied_days_ago is None else clock.now - timedelta(days=applied_days_ago)
            command = CreateApplication(
                company="Acme", position=position, location=location, status=status, applied_at=applied_at
            )
            created = await service.create(owner, command)
            live.append(Owned(owner, created.id, created.status))
        elif kind == "wait":
            clock.now += timedelta(days=arguments[0])
        elif live:
            target = live[arguments[0] % len(live)]
            if kind == "update":
                await service.update(
                    target.owner, target.id, UpdateApplication(position=arguments[1], location=arguments[2])
                )
            elif kind == "status" and arguments[1] is not target.status:
                await service.change_status(target.owner, target.id, arguments[1], None)
                target.status = arguments[1]
            elif kind == "delete":
                await service.delete(target.owner, target.id)
                live.remove(target)
    return list(OWNERS)


async def check(operations: list[tuple[Any, ...]], bus: EventBus, data_dir: Path) -> None:
    clock = TickingClock(START)
    async with pipeline(bus, data_dir, applications_clock=clock, analytics_clock=lambda: LATER) as flow:
        owners = await run(operations, flow, clock)
        await flow.settle()
        for owner in owners:
            service = flow.analytics.service
            got = summary(await service.analytics(owner, service.period(None, None, "UTC")))
            expected = recount(await applications_of(flow.applications, owner), LATER)
            assert same_numbers(got, expected), (owner, got, expected)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=operations)
async def test_numbers_equal_a_recount_on_the_in_process_bus(
    tmp_path: Path, operations: list[tuple[Any, ...]]
) -> None:
    bus = InProcessBus()
    await bus.start()
    try:
        await check(operations, bus, tmp_path / uuid.uuid4().hex)
    finally:
        await bus.stop()


@pytest.fixture
async def rabbitmq_url() -> AsyncIterator[str]:
    """A vhost of the real RabbitMQ for this test; each example uses fresh databases and owners on it."""
    async with rabbitmq_vhost() as url:
        yield url


@pytest.mark.rabbitmq
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=operations)
async def test_numbers_equal_a_recount_over_rabbitmq(
    tmp_path: Path, rabbitmq_url: str, operations: list[tuple[Any, ...]]
) -> None:
    bus = create_event_bus(EventSettings.from_env({"JOBGRAPH_RABBITMQ_URL": rabbitmq_url}))
    await bus.start()
    try:
        await check(operations, bus, tmp_path / uuid.uuid4().hex)
    finally:
        await bus.stop()
