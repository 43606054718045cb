"""`jobgraph applications sync-contacts`: teach the applications subgraph every existing contact.

Applications learns who owns which contact from the contacts events, which start with the deployment that
added contact links; contacts saved before it were never announced to it, so they could not be linked. The
composition root reads the contacts snapshot (`subgraphs/contacts/snapshot.py`, `contact.created` events
dated at each contact's last change) and hands it to the applications consumer's own handler, exactly as if
the events had come over the bus: idempotent, and an older snapshot never overrides a newer change or revives
a deleted contact. Safe to run at any time, also while everything runs.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping

from sqlalchemy.ext.asyncio import async_sessionmaker

from router.logs import configure_logging
from subgraphs.kit.db import create_engine, upgrade_to_head
from subgraphs.kit.settings import SubgraphSettings

logger = logging.getLogger("jobgraph")


async def sync_contacts(environ: Mapping[str, str]) -> int:
    """Apply every contact of the contacts store configured by `environ` to the applications database's
    contacts projection; the number of contacts applied."""
    from subgraphs.applications.events import CONTACT_SAVED, applications_consumer, record_application_event
    from subgraphs.applications.migrations import MIGRATIONS_DIR
    from subgraphs.applications.service import ApplicationService, utc_now
    from subgraphs.contacts.app import build_store
    from subgraphs.contacts.snapshot import snapshot

    settings = SubgraphSettings.from_env("applications", environ)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(settings.database_url)
    contacts = build_store(SubgraphSettings.from_env("contacts", environ))
    try:
        await upgrade_to_head(engine, MIGRATIONS_DIR)
        await contacts.start()
        sessions = async_sessionmaker(engine, expire_on_commit=False)
        service = ApplicationService(sessions, record_application_event, clock=utc_now)
        handle = applications_consumer(service, sessions).handlers[CONTACT_SAVED[0]]
        applied = 0
        async for batch in snapshot(contacts):
            for event in batch:
                await handle(event)
            applied += len(batch)
        return applied
    finally:
        await contacts.close()
        await engine.dispose()


def run_sync_contacts(environ: Mapping[str, str]) -> int:
    """The command: sync, report, exit code."""
    configure_logging()
    count = asyncio.run(sync_contacts(environ))
    logger.info("applications: applied %d contacts to the contacts projection", count)
    return 0
