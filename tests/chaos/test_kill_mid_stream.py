"""kill -9 of the producing subgraph mid-stream, with events still in its outbox: every acknowledged write
survives the restart, and the restarted process relays the outbox, so every event still arrives, once."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from tests.chaos.cluster import LONG, SHORT, Rounds, Writer, delivery_probe, running_cluster, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.rabbitmq]


@pytest.mark.parametrize("kills", [SHORT, pytest.param(LONG, marks=pytest.mark.chaos)], ids=["short", "long"])
async def test_kill_9_mid_stream_loses_no_acknowledged_write_and_relays_the_outbox(
    tmp_path: Path, kills: Rounds
) -> None:
    async with running_cluster(tmp_path) as cluster, delivery_probe(cluster) as deliveries:
        writer = Writer(cluster)
        pending_at_kill: list[int] = []
        restart_seconds: list[float] = []
        for _ in range(kills.cycles):
            acknowledged = len(writer.acknowledged)
            writing = asyncio.create_task(writer.write(kills.writes, concurrency=4))
            await writer.until_acknowledged(acknowledged + kills.writes // 3)
            # The broker away for a moment, so events wait in the outbox when the process dies.
            cluster.proxy.cut()
            await writer.until_acknowledged(acknowledged + 2 * kills.writes // 3)
            await cluster.applications.kill()
            await writing
            pending_at_kill.append((await cluster.outbox())[1])
            cluster.proxy.restore()
            started = time.monotonic()
            await cluster.applications.start()
            restart_seconds.append(time.monotonic() - started)
        back = time.monotonic()
        await cluster.wait_until_known(set(writer.acknowledged), seconds=120)
        recovered = time.monotonic() - back
        await wait_for(set(writer.acknowledged), deliveries, seconds=60)
        survived = await writer.readable(writer.acknowledged)
        sent, unsent = await cluster.outbox()
        known = await cluster.known_applications()
        applied, distinct = await cluster.processed_events()

    acknowledged_ids = set(writer.acknowledged)
    print(
        f"\nkill -9 mid-stream x{kills.cycles}: writes acknowledged {len(acknowledged_ids)}, survived"
        f" {len(survived)}, lost {len(acknowledged_ids - survived)}, unanswered {writer.unanswered};"
        f" outbox rows pending at each kill {pending_at_kill}, unsent now {unsent}; events sent {sent},"
        f" received {len(known)}, duplicate effects {applied - distinct};"
        f" restarts took {', '.join(f'{seconds:.1f}s' for seconds in restart_seconds)}; all events in"
        f" {recovered:.1f}s after the last restart"
    )
    assert survived == acknowledged_ids
    # The kill came with events still in the outbox, and the restarted process relayed them.
    assert all(pending > 0 for pending in pending_at_kill)
    assert unsent == 0
    # Writes that were cut off may still have committed: they are events too, but nothing beyond the outbox.
    assert acknowledged_ids <= set(known)
    assert len(known) == sent == applied == distinct
