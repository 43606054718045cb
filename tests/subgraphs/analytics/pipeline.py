"""Applications and analytics on one bus, as deployed: changes go through the applications service, its
outbox and relay, the bus, and the analytics consumer; `settle()` waits until analytics applied them all."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from subgraphs.analytics.app import AnalyticsSubgraph
from subgraphs.analytics.app import build_subgraph as build_analytics
from subgraphs.applications.app import ApplicationsSubgraph
from subgraphs.applications.app import build_subgraph as build_applications
from subgraphs.kit.events import EventBus
from subgraphs.kit.settings import SubgraphSettings
from tests.subgraphs.harness import PUBLIC_PEM

SETTLE_SECONDS = 30.0
POLL_SECONDS = 0.01


@dataclass
class Pipeline:
    applications: ApplicationsSubgraph
    analytics: AnalyticsSubgraph

    async def settle(self) -> None:
        """Wait (up to SETTLE_SECONDS) until every event in the applications outbox was published and
        applied by analytics."""
        for _ in range(int(SETTLE_SECONDS / POLL_SECONDS)):
            if not await self.pending():
                return
            await asyncio.sleep(POLL_SECONDS)
        raise AssertionError(f"analytics is still {await self.pending()} events behind")

    async def pending(self) -> int:
        """Events written by applications that analytics has not applied yet."""
        published = await _count(self.applications.engine, "SELECT count(*) FROM outbox")
        applied = await _count(self.analytics.engine, "SELECT count(*) FROM processed_events")
        return published - applied


async def _count(engine: AsyncEngine, statement: str) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(sa.text(statement))).scalar_one())


def settings(name: str, data_dir: Path, environ: dict[str, str]) -> SubgraphSettings:
    return SubgraphSettings.from_env(
        name, {"JOBGRAPH_DATA_DIR": str(data_dir), "JOBGRAPH_JWT_PUBLIC_KEY": PUBLIC_PEM, **environ}
    )


@asynccontextmanager
async def pipeline(
    bus: EventBus,
    data_dir: Path,
    *,
    applications_clock: Callable[[], datetime],
    analytics_clock: Callable[[], datetime],
    environ: dict[str, str] | None = None,
    with_analytics: bool = True,
) -> AsyncIterator[Pipeline]:
    """Both subgraphs started on `bus` (databases under `data_dir`, or as `environ` says)."""
    env = environ or {}
    applications = build_applications(
        settings("applications", data_dir, env), bus=bus, clock=applications_clock
    )
    analytics = build_analytics(settings("analytics", data_dir, env), bus=bus, clock=analytics_clock)
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(applications.app.router.lifespan_context(applications.app))
        if with_analytics:
            await stack.enter_async_context(analytics.app.router.lifespan_context(analytics.app))
        yield Pipeline(applications, analytics)
