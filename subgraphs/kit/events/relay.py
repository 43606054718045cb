"""The outbox relay: publishes a subgraph's unsent outbox rows in order and marks them sent once confirmed.

Restart-safe by construction: a row is marked sent only after the publisher returned (the broker confirmed
it) and in the same transaction that locked it, so a relay killed mid-batch re-publishes only rows whose
"sent" mark never committed — at most one batch; consumers dedupe those by event id (at least once).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.kit.events.bus import Publisher
from subgraphs.kit.events.envelope import PoisonMessage, parse_envelope
from subgraphs.kit.events.outbox import add_commit_listener
from subgraphs.kit.events.source import OutboxSource, SqlOutboxSource

log = logging.getLogger(__name__)


class OutboxRelay:
    """Moves events from one outbox to the bus: polled, and woken by commits that wrote events.

    `outbox` is a SQL session factory (its `outbox` table) or any `OutboxSource` (e.g. `MongoOutbox`).
    """

    def __init__(
        self,
        outbox: async_sessionmaker[AsyncSession] | OutboxSource,
        publisher: Publisher,
        *,
        batch_size: int = 100,
        poll_interval: float = 1.0,
    ) -> None:
        # A session factory means the SQL `outbox` table of that database.
        self._source = SqlOutboxSource(outbox) if isinstance(outbox, async_sessionmaker) else outbox
        self._publisher = publisher
        self._batch_size = batch_size
        self._poll_interval = poll_interval
        self._wakeup = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._remove_listener: Callable[[], None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def publish_pending(self) -> int:
        """Publish unsent rows oldest first until none are left or a publish fails; returns how many."""
        total = 0
        while True:
            sent, complete = await self._publish_batch()
            total += sent
            if not complete or sent < self._batch_size:
                return total

    async def _publish_batch(self) -> tuple[int, bool]:
        """(events published, whether every event of the batch was) for one batch."""
        async with self._source.batch(self._batch_size) as batch:
            sent = 0
            for event_id, payload in batch.rows:
                try:
                    event = parse_envelope(payload)
                except PoisonMessage as error:
                    # Only a bug writes such a row; skipping it keeps the rest of the outbox flowing.
                    log.error("outbox row %s is not an envelope, skipped: %s", event_id, error)
                    await batch.count_attempt(event_id)
                    continue
                try:
                    await self._publisher.publish(event)
                except Exception as error:
                    # Keep order: stop at the first failure and retry from this row on the next pass.
                    log.warning("publishing %s %s failed: %r", event.type, event.id, error)
                    await batch.count_attempt(event_id)
                    return sent, False
                await batch.mark_sent(event_id)
                sent += 1
            return sent, True

    def wake(self) -> None:
        """Ask the running relay to look at the outbox now (safe from any thread)."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._wakeup.set)

    async def start(self) -> None:
        """Run in the background: on every commit that recorded events, and every `poll_interval` seconds."""
        if self._task is not None:
            return
        self._loop = asyncio.get_running_loop()
        self._remove_listener = add_commit_listener(self.wake)
        self._task = asyncio.create_task(self._run(), name="outbox-relay")

    async def stop(self) -> None:
        if self._remove_listener is not None:
            self._remove_listener()
            self._remove_listener = None
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        self._loop = None

    async def _run(self) -> None:
        while True:
            self._wakeup.clear()
            try:
                await self.publish_pending()
            except Exception:
                # The database or broker is away: keep the loop alive and try again at the next poll.
                log.exception("outbox relay pass failed")
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for loses the task's cancellation when the
            # wake-up comes at the same moment, and stop() then waits forever on a loop that goes on.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._poll_interval):
                    await self._wakeup.wait()
