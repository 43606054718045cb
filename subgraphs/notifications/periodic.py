"""A background loop that runs one piece of work every `interval` seconds or at once when woken."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


class Periodic:
    """Runs `work` in a task until stopped; an exception is logged and the loop goes on (the next round
    retries), so one broken database call never ends reminders or email delivery for good."""

    def __init__(self, name: str, work: Callable[[], Awaitable[object]], interval: float) -> None:
        self.name = name
        self._work = work
        self._interval = interval
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name=self.name)

    def wake(self) -> None:
        """Run the work now instead of at the end of the current wait."""
        self._wake.set()

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self) -> None:
        while True:
            try:
                await self._work()
            except Exception:
                log.exception("%s failed; retrying in %.1fs", self.name, self._interval)
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for loses the task's cancellation when a
            # wake() comes at the same moment, and stop() then waits forever (as the outbox relay did).
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._interval):
                    await self._wake.wait()
            self._wake.clear()
