"""Restart durability: the consuming subgraph killed mid-stream finds its durable queue waiting when it comes
back and applies every event once; then both subgraphs restarted keep every write and every effect."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from tests.chaos.cluster import LONG, SHORT, Rounds, Writer, running_cluster

pytestmark = [pytest.mark.postgres, pytest.mark.rabbitmq]


@pytest.mark.parametrize(
    "restarts", [SHORT, pytest.param(LONG, marks=pytest.mark.chaos)], ids=["short", "long"]
)
async def test_a_consumer_killed_mid_stream_applies_every_event_once_after_restarts(
    tmp_path: Path, restarts: Rounds
) -> None:
    async with running_cluster(tmp_path) as cluster:
        writer = Writer(cluster)
        backlog: list[int] = []
        for _ in range(restarts.cycles):
            acknowledged = len(writer.acknowledged)
            writing = asyncio.create_task(writer.write(restarts.writes, concurrency=4))
            # Killed while deliveries are in flight: unacknowledged ones come again, and are deduplicated.
            await writer.until_acknowledged(acknowledged + restarts.writes // 3)
            await cluster.interviews.kill()
            await writing
            # The consumer is away: what was written meanwhile waits in its durable queue.
            backlog.append(len(set(writer.acknowledged) - set(await cluster.known_applications())))
            await cluster.interviews.start()
        back = time.monotonic()
        await cluster.wait_until_known(set(writer.acknowledged), seconds=120)
        recovered = time.monotonic() - back
        before = (await cluster.known_applications(), await cluster.processed_events())

        # Both restarted (a deploy): nothing is lost, nothing is applied again.
        for process in (cluster.interviews, cluster.applications):
            await process.stop()
        for process in (cluster.interviews, cluster.applications):
            await process.start()
        survived = await writer.readable(writer.acknowledged)
        await asyncio.sleep(2.0)  # time enough for a wrongly replayed event to show
        after = (await cluster.known_applications(), await cluster.processed_events())
        sent, unsent = await cluster.outbox()

    known, (applied, distinct) = after
    print(
        f"\nconsumer kill -9 mid-stream x{restarts.cycles}: writes acknowledged {len(writer.acknowledged)},"
        f" events waiting in the queue at each restart {backlog}; events sent {sent}, received {len(known)},"
        f" lost {sent - len(known)}, duplicate effects {applied - distinct}; all applied {recovered:.1f}s"
        f" after the last restart; after restarting both: writes survived {len(survived)}, effects unchanged"
        f" {sorted(before[0]) == sorted(known) and before[1] == after[1]}"
    )
    assert writer.unanswered == 0
    assert all(waiting > 0 for waiting in backlog)
    assert sorted(known) == sorted(writer.acknowledged)
    assert sent == applied == distinct == len(known) and unsent == 0
    assert survived == set(writer.acknowledged)
    assert before[1] == after[1] and sorted(before[0]) == sorted(known)
