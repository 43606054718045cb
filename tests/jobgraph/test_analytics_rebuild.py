"""`jobgraph analytics rebuild`: analytics deployed late, or its projection wiped or wrong, catches up with
the applications people already have, through snapshots the applications outbox publishes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from jobgraph.analytics_rebuild import rebuild_analytics
from jobgraph.cli import main
from jobgraph.serve import migrate
from subgraphs.applications.models import ApplicationStatus, CreateApplication
from subgraphs.kit.events import InProcessBus
from tests.subgraphs.analytics.events import created, deliver
from tests.subgraphs.analytics.pipeline import Pipeline, pipeline
from tests.subgraphs.analytics.recount import applications_of, recount, same_numbers, summary
from tests.subgraphs.analytics.test_property import LATER
from tests.subgraphs.harness import TickingClock

START = datetime(2030, 1, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
async def bus() -> AsyncIterator[InProcessBus]:
    started = InProcessBus()
    await started.start()
    yield started
    await started.stop()


async def history(flow: Pipeline) -> None:
    """Applications of two people, some moved on, one deleted."""
    service = flow.applications.service
    kept = await service.create(
        "alice", CreateApplication(company="Acme", position="Frontend Dev", location="Porto")
    )
    await service.change_status("alice", kept.id, ApplicationStatus.APPLIED, None)
    await service.change_status("alice", kept.id, ApplicationStatus.INTERVIEW, None)
    gone = await service.create("alice", CreateApplication(company="Initech", position="Data Analyst"))
    await service.delete("alice", gone.id)
    await service.create(
        "bob", CreateApplication(company="Globex", position="Cook", status=ApplicationStatus.OFFER)
    )


async def caught_up(flow: Pipeline, owner: str) -> bool:
    service = flow.analytics.service
    got = summary(await service.analytics(owner, service.period(None, None, "UTC")))
    return same_numbers(got, recount(await applications_of(flow.applications, owner), LATER))


async def wait_caught_up(flow: Pipeline, *owners: str) -> None:
    # The relay of the running applications subgraph polls its outbox every second.
    for _ in range(500):
        if all([await caught_up(flow, owner) for owner in owners]):
            return
        await asyncio.sleep(0.02)
    raise AssertionError("analytics never caught up with the applications")


async def test_analytics_deployed_late_catches_up_after_a_rebuild(tmp_path: Path, bus: InProcessBus) -> None:
    clock = TickingClock(START)
    # The deployment before analytics existed had a bus of its own (applications consumes events too, so
    # it subscribes anew when it starts again); what that bus carried reached no analytics.
    earlier = InProcessBus()
    await earlier.start()
    try:
        async with pipeline(
            earlier, tmp_path, applications_clock=clock, analytics_clock=lambda: LATER, with_analytics=False
        ) as before:
            await history(before)
    finally:
        await earlier.stop()
    async with pipeline(bus, tmp_path, applications_clock=clock, analytics_clock=lambda: LATER) as flow:
        assert not await caught_up(flow, "alice")
        report = await rebuild_analytics({"JOBGRAPH_DATA_DIR": str(tmp_path)})
        assert (report.forgotten, report.snapshots) == (0, 2)
        await wait_caught_up(flow, "alice", "bob")


async def test_a_rebuild_replaces_a_wrong_projection_and_changes_made_meanwhile_win(
    tmp_path: Path, bus: InProcessBus
) -> None:
    clock = TickingClock(START)
    async with pipeline(bus, tmp_path, applications_clock=clock, analytics_clock=lambda: LATER) as flow:
        await history(flow)
        await flow.settle()
        # A projection gone wrong (here: an application applications never had).
        sessions = flow.analytics.service._sessions
        await deliver(flow.analytics.service, sessions, created("phantom", "alice", START))
        assert not await caught_up(flow, "alice")
        report = await rebuild_analytics({"JOBGRAPH_DATA_DIR": str(tmp_path)}, "alice")
        assert (report.forgotten, report.snapshots) == (2, 1)
        # A change right after the rebuild: its event is newer than the snapshot, whatever arrives first.
        (application,) = [item for item, _ in await applications_of(flow.applications, "alice")]
        await flow.applications.service.change_status("alice", application.id, ApplicationStatus.OFFER, None)
        await wait_caught_up(flow, "alice", "bob")


def test_the_command_rebuilds_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JOBGRAPH_DATA_DIR", str(tmp_path))
    for name in ("ANALYTICS_DATABASE_URL", "APPLICATIONS_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    # An applications database with nothing in it yet: nothing to forget, nothing to queue.
    assert migrate(["applications"]) == 0
    assert main(["analytics", "rebuild", "--user", "alice"]) == 0
    assert "forgot 0 applications; queued 0 snapshots" in capsys.readouterr().out
