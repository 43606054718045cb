"""Fixtures for the search tests: the index on every engine, the service, events as producers send them."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from subgraphs.kit.events import EventEnvelope
from subgraphs.search.events import change_of
from subgraphs.search.opensearch_store import OpenSearchIndex
from subgraphs.search.service import SearchService
from subgraphs.search.store import SearchIndex
from subgraphs.search.tantivy_store import TantivyIndex

# In the past: a reindex treats changes stamped after it began as live ones.
T0 = datetime(2021, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(params=["tantivy", "opensearch"])
def engine(request: pytest.FixtureRequest) -> str:
    """Each engine in turn: "tantivy", or the URL of an OpenSearch server — `OPENSEARCH_URL` (a real one),
    else a fresh clone of the osmem-server the test session started (DESIGN.md, Testing)."""
    if request.param == "tantivy":
        return "tantivy"
    return os.environ.get("OPENSEARCH_URL") or str(request.getfixturevalue("osmem_clone").url)


@pytest.fixture
async def index(engine: str, tmp_path: Path) -> AsyncIterator[SearchIndex]:
    """A started, empty index on each engine in turn (the behaviour suite runs on both)."""
    opened: SearchIndex
    if engine == "tantivy":
        opened = TantivyIndex(tmp_path / "search")
    else:
        # An alias of its own, so a shared real server keeps tests apart.
        opened = OpenSearchIndex(engine, alias=f"jobgraph-search-test-{uuid.uuid4().hex[:10]}")
    await opened.start()
    try:
        yield opened
    finally:
        if isinstance(opened, OpenSearchIndex):
            await opened.client.indices.delete(index=f"{opened.alias}-v*")
        await opened.close()


@pytest.fixture
def service(index: SearchIndex) -> SearchService:
    return SearchService(index)


def event(kind: str, user_id: str, at: int = 0, /, **data: Any) -> EventEnvelope:
    """An event as its producer publishes it, `at` seconds after T0."""
    return EventEnvelope(
        type=kind,
        producer=kind.split(".")[0],
        user_id=user_id,
        data=data,
        occurred_at=(T0 + timedelta(seconds=at)).isoformat(),
    )


async def deliver(service: SearchService, *events: EventEnvelope) -> None:
    """Hand `events` to the service the way the consumer does, one at a time."""
    for envelope in events:
        change = change_of(envelope)
        assert change is not None, envelope.type
        await service.apply([change])


async def found(service: SearchService, caller: str, query: str, **options: Any) -> list[str]:
    """The ids of `caller`'s hits for `query`, best first."""
    page = await service.search(caller, query, **options)
    return [hit.document.id for _, hit in page.hits]
