"""Background housekeeping of a subgraph: a job run every few seconds while the app is up."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def every(interval: float, job: Callable[[], Awaitable[object]], *, name: str) -> AsyncIterator[None]:
    """Run `job` every `interval` seconds (the first time right away) until the block exits.

    A failing run is logged and the next one still happens: the database may be away for a moment.
    """

    async def loop() -> None:
        while True:
            try:
                await job()
            except Exception:
                log.exception("%s failed; trying again in %.0fs", name, interval)
            await asyncio.sleep(interval)

    task = asyncio.create_task(loop(), name=name)
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
