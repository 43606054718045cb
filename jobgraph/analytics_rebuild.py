"""`jobgraph analytics rebuild`: the backfill of the analytics projection from the applications' own data.

For analytics deployed after people already had applications, or a projection wiped or suspected wrong:
1. the analytics projection (of one person, or everyone) is forgotten — tombstones of deleted applications
   stay, so a late event cannot bring one back;
2. the applications database gets an `application.snapshot` event per application (its fields and whole
   timeline) in its outbox, in batches (`ApplicationService.publish_snapshots`).
The running applications subgraph's outbox relay publishes them (within its poll interval) and the running
analytics consumer applies them like any event, so this works the same with RabbitMQ in production
(run it where `ANALYTICS_DATABASE_URL` and `APPLICATIONS_DATABASE_URL` are set, e.g. `kubectl exec` into
analytics) and on the embedded SQLite files of `jobgraph dev`. Changes made meanwhile are safe: their
events carry a newer `updatedAt` than the snapshot and win, whatever the order of arrival.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import async_sessionmaker

from subgraphs.analytics.migrations import MIGRATIONS_DIR
from subgraphs.analytics.service import AnalyticsService
from subgraphs.applications.events import record_application_event
from subgraphs.applications.service import ApplicationService
from subgraphs.kit.db import create_engine, upgrade_to_head
from subgraphs.kit.settings import SubgraphSettings

logger = logging.getLogger("jobgraph")


@dataclass(frozen=True, slots=True)
class RebuildReport:
    """What a rebuild did: applications forgotten by analytics, snapshots queued by applications."""

    forgotten: int
    snapshots: int


async def rebuild_analytics(environ: Mapping[str, str], owner_id: str | None = None) -> RebuildReport:
    """Forget the analytics projection and queue a snapshot of every application (of `owner_id`, or all).

    Reads `ANALYTICS_DATABASE_URL` and `APPLICATIONS_DATABASE_URL` (else the embedded files under
    `JOBGRAPH_DATA_DIR`) through each subgraph's settings.
    """
    analytics = SubgraphSettings.from_env("analytics", environ)
    applications = SubgraphSettings.from_env("applications", environ)
    analytics_engine = create_engine(analytics.database_url)
    applications_engine = create_engine(applications.database_url)
    try:
        await upgrade_to_head(analytics_engine, MIGRATIONS_DIR)
        forgotten = await AnalyticsService(async_sessionmaker(analytics_engine)).wipe(owner_id)
        producer = ApplicationService(
            async_sessionmaker(applications_engine, expire_on_commit=False), record_application_event
        )
        snapshots = await producer.publish_snapshots(owner_id)
    finally:
        await analytics_engine.dispose()
        await applications_engine.dispose()
    logger.info("analytics rebuild: forgot %d applications, queued %d snapshots", forgotten, snapshots)
    return RebuildReport(forgotten=forgotten, snapshots=snapshots)
