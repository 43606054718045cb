"""Use cases of search: answer a caller's search, apply the changes events announce, rebuild the index.

Writes are serialised in this process (one lock) and merged field by field by version, so the index ends
the same whatever order, and however often, the events arrive. An application's company and position are
copied onto its interviews, and its deletion removes them.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from subgraphs.kit.errors import BadUserInput
from subgraphs.kit.pagination import decode_cursor, encode_cursor, page_size
from subgraphs.search.models import (
    Change,
    Document,
    Hit,
    ParsedQuery,
    SearchPage,
    SearchRequest,
    SearchType,
    apply_change,
    changes_of_document,
    document_key,
    version_of,
)
from subgraphs.search.query import parse_query
from subgraphs.search.store import SearchIndex

# Deeper pages than this are refused: people refine the words instead (and OpenSearch caps from+size).
MAX_OFFSET = 1_000
# Fields of an application that its interviews carry too.
INHERITED_FIELDS = ("company", "position")
# How often a write that lost a race with another replica is merged and tried again.
WRITE_ATTEMPTS = 5
# Changes stamped this long before a reindex began are merged from the served index too (clock skew between
# the producers and this process).
CATCH_UP_MARGIN = 60 * 1_000_000


@dataclass(frozen=True, slots=True)
class ResultPage:
    """One page of search results with the cursor of each hit and whether more follow."""

    # What the words were understood as (the highlights mark them).
    query: ParsedQuery
    hits: list[tuple[str, Hit]]
    has_next_page: bool
    total_count: int
    facets: dict[SearchType, int]


class SearchService:
    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        self._lock = asyncio.Lock()
        # While a reindex runs, live changes go to the generation being built too.
        self._building: SearchIndex | None = None

    async def search(
        self,
        caller_id: str,
        text: str,
        types: Sequence[SearchType] | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> ResultPage:
        """The caller's own items and people's public profiles matching `text`, best first."""
        query = parse_query(text)
        size = page_size(first)
        offset = _offset(after)
        kinds = frozenset(types) if types else frozenset(SearchType)
        page: SearchPage = await self.index.search(SearchRequest(query, caller_id, kinds, size, offset))
        hits = [
            (encode_cursor(str(offset + number + 1), hit.document.key), hit)
            for number, hit in enumerate(page.hits)
        ]
        return ResultPage(
            query=query,
            hits=hits[:size],
            has_next_page=offset + size < page.total_count,
            total_count=page.total_count,
            facets=page.facets,
        )

    async def apply(self, changes: Sequence[Change]) -> None:
        """Merge `changes` into the index (and into a generation being built)."""
        async with self._lock:
            for target in (self.index, self._building):
                if target is not None:
                    await _apply(target, changes)

    async def erase_person(self, user_id: str, version: int) -> int:
        """`user.deleted`: tombstone every item the person owns and their public profile; returns how many.

        Tombstones keep only the key, the owner id and versions (no text): a deletion is final, so a late
        event about one of these items changes nothing, and the profile's tombstone marks the person as
        erased for events about items never indexed (`is_erased`). Finding the items reads the whole index
        (it has no owner lookup): once per deleted account.
        """
        owned: list[Document] = []
        async for documents in self.index.all_documents():
            owned.extend(document for document in documents if document.owner_id == user_id)
        changes = [
            Change(type=SearchType.PERSON, id=user_id, owner_id=user_id, version=version, delete=True),
            *(
                Change(type=document.type, id=document.id, owner_id=user_id, version=version, delete=True)
                for document in owned
                if not document.deleted and document.key != document_key(SearchType.PERSON, user_id)
            ),
        ]
        await self.apply(changes)
        return len(changes) - 1

    async def is_erased(self, user_id: str) -> bool:
        """Whether `user_id` deleted their account (their profile is a tombstone)."""
        key = document_key(SearchType.PERSON, user_id)
        found = (await self.index.get_many([key])).get(key)
        return found is not None and found.deleted

    async def reindex(self, snapshots: Iterable[AsyncIterable[Sequence[Change]]]) -> int:
        """Rebuild the index from `snapshots` (each a stream of change batches, applications before
        interviews) into a new generation, then serve it; returns how many changes were applied.

        Changes this process applies meanwhile go to both generations. Those another process wrote to the
        served index since the rebuild began (a running search service, while `jobgraph search reindex`
        runs) are merged in just before the swap; versions make every order give the same documents.
        """
        began = version_of(datetime.now(UTC)) - CATCH_UP_MARGIN
        async with self._lock:
            building = self._building = await self.index.new_generation()
        applied = 0
        try:
            for snapshot in snapshots:
                async for batch in snapshot:
                    async with self._lock:
                        await _apply(building, batch)
                    applied += len(batch)
            async with self._lock:
                async for documents in self.index.all_documents():
                    recent = [document for document in documents if document.version >= began]
                    await _apply(building, [c for document in recent for c in changes_of_document(document)])
                await self.index.promote(building)
        finally:
            self._building = None
        return applied


async def _apply(index: SearchIndex, changes: Sequence[Change]) -> None:
    for _ in range(WRITE_ATTEMPTS):
        expanded = await _with_related(index, changes)
        stored = await index.get_many(list(dict.fromkeys(change.key for change in expanded)))
        written: dict[str, Document] = {}
        for change in expanded:
            current = written.get(change.key) or stored.get(change.key)
            document = apply_change(current, change)
            if document is not None:
                written[change.key] = document
        conflicts = await index.write(list(written.values()))
        if not conflicts:
            return
        changes = [change for change in changes if change.key in conflicts]
    raise RuntimeError(f"gave up writing {len(changes)} search documents after {WRITE_ATTEMPTS} conflicts")


async def _with_related(index: SearchIndex, changes: Sequence[Change]) -> list[Change]:
    """`changes` plus what they imply: an application's company and position (or its deletion) on its
    interviews, and a new interview's copy of its application's company and position."""
    expanded: list[Change] = []
    for change in changes:
        expanded.append(change)
        if change.type is SearchType.APPLICATION:
            inherited = {name: change.fields[name] for name in INHERITED_FIELDS if name in change.fields}
            if change.delete or inherited:
                for child in await index.children(change.id):
                    expanded.append(
                        replace(
                            change,
                            type=SearchType.INTERVIEW,
                            id=child.id,
                            fields=inherited,
                            parent_id=change.id,
                        )
                    )
        elif change.type is SearchType.INTERVIEW and change.parent_id and not change.delete:
            parent = (await index.get_many([document_key(SearchType.APPLICATION, change.parent_id)])).values()
            for application in parent:
                for name in INHERITED_FIELDS:
                    if name in application.versions:
                        expanded.append(
                            replace(
                                change,
                                version=application.versions[name],
                                fields={name: application.fields.get(name)},
                            )
                        )
    return expanded


def _offset(after: str | None) -> int:
    if after is None:
        return 0
    position, _ = decode_cursor(after)
    if not position.isdigit() or int(position) > MAX_OFFSET:
        raise BadUserInput("is not a cursor from this search", field="after")
    return int(position)
