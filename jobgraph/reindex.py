"""`jobgraph search reindex`: rebuild the search index from the producers' snapshots.

The composition root is the one place that may read every subgraph's store: each producer publishes its
state as snapshot events (its `snapshot.py`, a public contract like `events.py`) and search takes them as it
takes live events. The new index generation is swapped in atomically; on OpenSearch the running search
service keeps serving and indexing meanwhile. The embedded tantivy index has one writer: stop the search
subgraph (or `jobgraph dev`) first.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import AsyncExitStack

from router.logs import configure_logging
from subgraphs.kit.db import create_engine, upgrade_to_head
from subgraphs.kit.events import EventEnvelope
from subgraphs.kit.settings import SubgraphSettings
from subgraphs.search.events import change_of
from subgraphs.search.models import Change

logger = logging.getLogger("jobgraph")


async def _changes(events: AsyncIterator[list[EventEnvelope]]) -> AsyncIterator[list[Change]]:
    async for batch in events:
        yield [change for change in map(change_of, batch) if change is not None]


async def reindex_search(environ: Mapping[str, str]) -> int:
    """Rebuild the search index configured by `environ` from every producer; the number of items indexed."""
    from subgraphs.applications import snapshot as applications
    from subgraphs.contacts import snapshot as contacts
    from subgraphs.contacts.app import build_store as build_contact_store
    from subgraphs.files import snapshot as files
    from subgraphs.files.app import build_store as build_file_store
    from subgraphs.interviews import snapshot as interviews
    from subgraphs.search.app import build_index
    from subgraphs.search.service import SearchService
    from subgraphs.users import snapshot as users

    async with AsyncExitStack() as stack:
        engines = {}
        for name in ("users", "applications", "interviews"):
            settings = SubgraphSettings.from_env(name, environ)
            settings.data_dir.mkdir(parents=True, exist_ok=True)
            engines[name] = create_engine(settings.database_url)
            stack.push_async_callback(engines[name].dispose)
            # As at the subgraph's start-up: a database that was never used gets its (empty) tables.
            migrations = importlib.import_module(f"subgraphs.{name}.migrations")
            await upgrade_to_head(engines[name], migrations.MIGRATIONS_DIR)
        contact_store = build_contact_store(SubgraphSettings.from_env("contacts", environ))
        await contact_store.start()
        stack.push_async_callback(contact_store.close)
        file_store = build_file_store(SubgraphSettings.from_env("files", environ))
        await file_store.start()
        stack.push_async_callback(file_store.close)
        index = build_index(SubgraphSettings.from_env("search", environ), environ)
        await index.start()
        stack.push_async_callback(index.close)
        # Applications before interviews: an interview copies its application's company and position.
        snapshots = [
            _changes(users.snapshot(engines["users"])),
            _changes(applications.snapshot(engines["applications"])),
            _changes(contacts.snapshot(contact_store)),
            _changes(interviews.snapshot(engines["interviews"])),
            _changes(files.snapshot(file_store)),
        ]
        return await SearchService(index).reindex(snapshots)


def run_reindex(environ: Mapping[str, str]) -> int:
    """The command: rebuild, report, exit code."""
    configure_logging()
    count = asyncio.run(reindex_search(environ))
    logger.info("search: reindexed %d items into a new index generation", count)
    return 0
