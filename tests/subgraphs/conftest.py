"""Fixtures every subgraph's tests share: the in-process event bus, and HTTP into the package's `subgraph`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from subgraphs.kit.events import InProcessBus


@pytest.fixture
async def bus() -> AsyncIterator[InProcessBus]:
    started = InProcessBus()
    await started.start()
    yield started
    await started.stop()


@pytest.fixture
async def http(subgraph: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the built, started subgraph that the test package's `subgraph` fixture provides."""
    transport = httpx.ASGITransport(app=subgraph.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://subgraph", timeout=10) as client:
        yield client
