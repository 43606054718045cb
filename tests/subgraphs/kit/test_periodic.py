"""`every` runs a job right away and then periodically, surviving failures, and stops with its block."""

from __future__ import annotations

import asyncio

from subgraphs.kit.periodic import every


async def test_runs_repeatedly_survives_failures_and_stops() -> None:
    runs: list[int] = []
    third = asyncio.Event()

    async def job() -> None:
        runs.append(len(runs))
        if len(runs) == 1:
            raise RuntimeError("database away")
        if len(runs) == 3:
            third.set()

    async with every(0.01, job, name="test-job"):
        await asyncio.wait_for(third.wait(), 5)
    stopped_at = len(runs)
    await asyncio.sleep(0.05)
    assert len(runs) == stopped_at >= 3
