"""A RabbitMQ outage (the proxy between the subgraphs and the broker cut, then restored) while people keep
writing: every write is acknowledged, every event arrives once the broker is back, none has two effects."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.chaos.cluster import Writer, delivery_probe, running_cluster, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.rabbitmq]


@dataclass(frozen=True)
class Outages:
    count: int
    seconds: float
    writes: int


# CI runs the short one; `make chaos` the one of the hostile test (two 30-second outages).
SHORT = Outages(count=1, seconds=3.0, writes=40)
LONG = Outages(count=2, seconds=30.0, writes=400)


@pytest.mark.parametrize(
    "outages", [SHORT, pytest.param(LONG, marks=pytest.mark.chaos)], ids=["short", "long"]
)
async def test_a_broker_outage_loses_no_event_and_duplicates_no_effect(
    tmp_path: Path, outages: Outages
) -> None:
    async with running_cluster(tmp_path) as cluster, delivery_probe(cluster) as deliveries:
        writer = Writer(cluster)
        # Writes spread over the whole run: before, during and after each outage.
        run_seconds = outages.count * (outages.seconds + 2.0)
        writing = asyncio.create_task(writer.write(outages.writes, pause=run_seconds * 4 / outages.writes))
        connections = cluster.proxy.connections_accepted
        for _ in range(outages.count):
            await asyncio.sleep(1.0)
            cluster.proxy.cut()
            await asyncio.sleep(outages.seconds)
            cluster.proxy.restore()
        back = time.monotonic()
        await writing
        await cluster.wait_until_known(set(writer.acknowledged), seconds=120)
        recovered = time.monotonic() - back
        await wait_for(set(writer.acknowledged), deliveries, seconds=60)
        sent, unsent = await cluster.outbox()
        known = await cluster.known_applications()
        applied, distinct = await cluster.processed_events()
        reconnections = cluster.proxy.connections_accepted - connections

    received = len(set(known) & set(writer.acknowledged))
    redelivered = len(deliveries) - len(set(deliveries))
    print(
        f"\nbroker outage {outages.count}x{outages.seconds:.0f}s: writes acknowledged"
        f" {len(writer.acknowledged)} (refused {writer.unanswered}); events sent {sent}, received {received},"
        f" lost {sent - received}, unsent {unsent}; deliveries {len(deliveries)} (redelivered {redelivered});"
        f" duplicate effects {applied - distinct + len(known) - received}; recovered {recovered:.1f}s after"
        f" the broker came back ({reconnections} broker reconnections)"
    )
    # The outage was real: the subgraphs lost their broker connections and had to open new ones.
    assert reconnections > 0
    # Writes never wait for the broker: the outbox keeps their events.
    assert writer.unanswered == 0
    assert len(writer.acknowledged) == outages.writes == sent
    assert unsent == 0
    # Every event applied exactly once: one projection row per acknowledged write, nothing else.
    assert sorted(known) == sorted(writer.acknowledged)
    assert applied == distinct == sent
    assert set(deliveries) == set(writer.acknowledged)
