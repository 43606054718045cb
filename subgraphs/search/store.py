"""The search index protocol; backends: tantivy on local disk (`tantivy_store`, the embedded default) and
OpenSearch (`opensearch_store`, production). One behaviour suite runs against both.

An index holds live documents and tombstones; the service decides what to write (`models.apply_change`),
the index stores, finds and matches. Generations make a full reindex atomic: a new one is filled while the
served one keeps answering, then `promote` swaps them (OpenSearch: versioned index names behind an alias).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Protocol

from subgraphs.search.models import Document, SearchPage, SearchRequest


class SearchIndex(Protocol):
    """Where search documents live and how they are matched."""

    async def start(self) -> None:
        """Open or create the served generation (mappings and analyzers included); safe to call again."""

    async def close(self) -> None:
        """Release files or connections."""

    async def get_many(self, keys: Sequence[str]) -> dict[str, Document]:
        """The documents (tombstones included) with these keys, by key."""

    async def children(self, parent_id: str) -> list[Document]:
        """The live documents whose `parent_id` is `parent_id` (an application's interviews)."""

    async def write(self, documents: Sequence[Document]) -> list[str]:
        """Store `documents` (replacing those with the same key), searchable when this returns.

        Returns the keys not written because the index already holds a newer version of them (another
        replica wrote first); the caller merges again from what is stored.
        """

    async def search(self, request: SearchRequest) -> SearchPage:
        """One page of the caller's matches, best first, with the total and per-type counts."""

    def all_documents(self) -> AsyncIterator[list[Document]]:
        """Every document, tombstones included, in batches (for a reindex to catch up with)."""

    async def new_generation(self) -> SearchIndex:
        """An empty, started index of the next generation, not served until `promote`."""

    async def promote(self, generation: SearchIndex) -> None:
        """Serve `generation` from now on (atomically) and drop the one served before."""

    async def size_on_disk(self) -> int:
        """Bytes the served generation takes (for the benchmark and operators)."""
