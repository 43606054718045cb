"""The bus backends the contract suite runs against: in-process, and the real RabbitMQ on 127.0.0.1."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, cast

from subgraphs.kit.events import EventBus, InProcessBus

RABBITMQ_URL = "amqp://guest:guest@127.0.0.1:5672/"


class Backend:
    """Makes buses that share one broker, so a test can "restart the process" with a new bus."""

    name = "abstract"

    def make_bus(self) -> EventBus:
        raise NotImplementedError

    async def settle(self, bus: EventBus) -> None:
        """Wait until deliveries in flight are done (the in-process bus knows; the broker is polled)."""

    async def close(self) -> None:
        """Remove whatever the tests created on the broker."""


class InProcessBackend(Backend):
    name = "inprocess"

    def __init__(self) -> None:
        self.broker = InProcessBus()
        self._users = 0

    def make_bus(self) -> EventBus:
        # The in-process "broker" is the bus itself: every bus made here is a handle on it, which starts it
        # with the first user and stops it with the last (a "restarted" publisher must not stop consumers).
        return cast(EventBus, _Handle(self))

    async def settle(self, bus: EventBus) -> None:
        async with asyncio.timeout(20):
            await self.broker.wait_idle()


class _Handle:
    def __init__(self, backend: InProcessBackend) -> None:
        self._backend = backend
        self._started = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._backend.broker, name)

    async def start(self) -> None:
        if not self._started:
            self._started = True
            self._backend._users += 1
            await self._backend.broker.start()

    async def stop(self) -> None:
        if self._started:
            self._started = False
            self._backend._users -= 1
            if self._backend._users == 0:
                await self._backend.broker.stop()


@asynccontextmanager
async def open_backend(name: str) -> AsyncIterator[Backend]:
    backend: Backend
    if name == "inprocess":
        backend = InProcessBackend()
    else:
        from tests.subgraphs.kit.events.rabbit_backend import RabbitBackend

        backend = await RabbitBackend.create(RABBITMQ_URL)
    try:
        yield backend
    finally:
        await backend.close()


def unique_consumer() -> str:
    return f"test{uuid.uuid4().hex[:10]}"


async def eventually(check: Callable[[], Awaitable[bool]], what: str, limit: float = 20.0) -> None:
    """Poll `check` until it holds; fail with `what` after `limit` seconds (never asserts a duration)."""
    try:
        async with asyncio.timeout(limit):
            # Polling on purpose: the RabbitMQ side has no in-process event to wait on.
            while not await check():  # noqa: ASYNC110
                await asyncio.sleep(0.02)
    except TimeoutError:
        raise AssertionError(f"never happened: {what}") from None
