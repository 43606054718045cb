"""The embedded search index: tantivy on local disk under `<data_dir>/search/` (the default everywhere).

Each generation is a directory `generation-<n>`; the file `CURRENT` names the served one and is replaced
atomically by `promote`. tantivy has one writer per directory, so this process must be the only one writing
(the embedded default runs one search process; production uses OpenSearch).
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import orjson
import tantivy

from subgraphs.search.analysis import ANALYZER_NAME, fold, stem, stemming_analyzer
from subgraphs.search.models import (
    PRIMARY_BOOST,
    Document,
    Hit,
    ParsedQuery,
    SearchPage,
    SearchRequest,
    SearchType,
)
from subgraphs.search.query import FUZZY_MIN_LENGTH
from subgraphs.search.store import SearchIndex

CURRENT = "CURRENT"
WRITER_HEAP_BYTES = 64_000_000
# Documents read per batch when all of them are read.
PAGE = 1_000
_TEXT_FIELDS = (("primary", PRIMARY_BOOST), ("secondary", 1.0))
Occur = tantivy.Occur


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name in ("key", "owner", "parent", "live"):
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    # A fast field: facets are one terms aggregation over it.
    builder.add_text_field("type", tokenizer_name="raw", index_option="basic", fast=True)
    for name, _ in _TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name=ANALYZER_NAME, index_option="position")
    builder.add_bytes_field("source", stored=True, indexed=False)
    return builder.build()


def _tantivy_document(document: Document) -> tantivy.Document:
    return tantivy.Document(
        key=document.key,
        type=document.type.value,
        owner=document.owner_id,
        parent=document.parent_id or "",
        live="0" if document.deleted else "1",
        primary=document.primary_text,
        secondary=document.secondary_text,
        source=orjson.dumps(document.to_source()),
    )


class TantivyIndex:
    """`SearchIndex` on a tantivy index in `root` (a directory per generation)."""

    def __init__(self, root: Path, generation: str | None = None) -> None:
        self.root = root
        self._generation = generation
        self._schema = _schema()
        self._index: tantivy.Index | None = None
        self._writer: tantivy.IndexWriter | None = None
        # The writer is used from worker threads, one commit at a time; a commit whose caller was cancelled
        # still runs to its end, and `close` waits for it.
        self._writing = asyncio.Lock()
        self._commit: asyncio.Future[None] | None = None

    @property
    def path(self) -> Path:
        assert self._generation is not None, "start() first"
        return self.root / self._generation

    async def start(self) -> None:
        if self._index is not None:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        if self._generation is None:
            current = self.root / CURRENT
            self._generation = current.read_text().strip() if current.exists() else "generation-1"
            if not current.exists():
                _replace_text(current, self._generation)
        self.path.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(self._schema, path=str(self.path), reuse=True)
        index.register_tokenizer(ANALYZER_NAME, stemming_analyzer())
        self._index = index
        self._writer = index.writer(heap_size=WRITER_HEAP_BYTES, num_threads=1)

    async def close(self) -> None:
        if self._commit is not None:
            await asyncio.wait([self._commit])
        async with self._writing:
            if self._writer is not None:
                await asyncio.to_thread(self._writer.wait_merging_threads)
            self._writer = None
            self._index = None

    @property
    def _searcher(self) -> tantivy.Searcher:
        assert self._index is not None, "start() first"
        return self._index.searcher()

    def _documents(self, query: tantivy.Query, limit: int) -> list[tuple[float, Document]]:
        searcher = self._searcher
        result = searcher.search(query, limit=limit, count=False)
        return [
            (score, Document.from_source(orjson.loads(searcher.doc(address)["source"][0])))
            for score, address in result.hits
        ]

    async def get_many(self, keys: Sequence[str]) -> dict[str, Document]:
        if not keys:
            return {}
        query = tantivy.Query.term_set_query(self._schema, "key", list(keys))
        return {document.key: document for _, document in self._documents(query, len(keys))}

    async def children(self, parent_id: str) -> list[Document]:
        query = tantivy.Query.boolean_query(
            [
                (Occur.Must, tantivy.Query.term_query(self._schema, "parent", parent_id)),
                (Occur.Must, tantivy.Query.term_query(self._schema, "live", "1")),
            ]
        )
        searcher = self._searcher
        total = _count(searcher, query)
        return [document for _, document in self._documents(query, max(total, 1))]

    async def write(self, documents: Sequence[Document]) -> list[str]:
        if documents:
            # A commit fsyncs: off the event loop.
            async with self._writing:
                if self._commit is not None:
                    await asyncio.wait([self._commit])
                self._commit = asyncio.ensure_future(asyncio.to_thread(self._write, documents))
                await asyncio.shield(self._commit)
                # On the event loop's thread: the Index object must not be borrowed by two threads at once
                # (searches use it here).
                assert self._index is not None
                self._index.reload()
        return []

    def _write(self, documents: Sequence[Document]) -> None:
        assert self._writer is not None and self._index is not None, "start() first"
        for document in documents:
            self._writer.delete_documents_by_term("key", document.key)
            self._writer.add_document(_tantivy_document(document))
        self._writer.commit()

    async def search(self, request: SearchRequest) -> SearchPage:
        matches = self._matches(request.query)
        if matches is None:
            return SearchPage(hits=[], total_count=0, facets={kind: 0 for kind in SearchType})
        visible = tantivy.Query.boolean_query([(Occur.Must, matches), *self._access(request.caller_id)])
        searcher = self._searcher
        # Two passes over the matches: per-type counts (facets and the total), then the page's hits.
        counted = searcher.aggregate(
            visible, {"types": {"terms": {"field": "type", "size": len(SearchType)}}}
        )
        counts = {bucket["key"]: int(bucket["doc_count"]) for bucket in counted["types"]["buckets"]}
        facets = {kind: counts.get(kind.value, 0) for kind in SearchType}
        query = visible if request.types >= set(SearchType) else self._of_types(visible, request.types)
        result = searcher.search(query, limit=request.offset + request.limit, count=False)
        hits = [
            Hit(Document.from_source(orjson.loads(searcher.doc(address)["source"][0])), score)
            for score, address in result.hits[request.offset :]
        ]
        total = sum(facets[kind] for kind in request.types)
        return SearchPage(hits=hits, total_count=total, facets=facets)

    def _access(self, caller_id: str) -> list[tuple[tantivy.Occur, tantivy.Query]]:
        """Live documents the caller owns, and people's public profiles (every signed-in caller finds them).

        Excluding the few tombstones costs less than requiring every live document (measured: 12.6 vs
        14.6 ms for a typo query at 100k documents), and the owner filter adds nothing to the score.
        """
        mine_or_people = tantivy.Query.boolean_query(
            [
                (Occur.Should, tantivy.Query.term_query(self._schema, "owner", caller_id)),
                (Occur.Should, tantivy.Query.term_query(self._schema, "type", SearchType.PERSON.value)),
            ]
        )
        return [
            (Occur.MustNot, tantivy.Query.term_query(self._schema, "live", "0")),
            (Occur.Must, tantivy.Query.const_score_query(mine_or_people, 0.0)),
        ]

    def _of_types(self, visible: tantivy.Query, types: frozenset[SearchType]) -> tantivy.Query:
        kinds = tantivy.Query.term_set_query(self._schema, "type", [kind.value for kind in types])
        return tantivy.Query.boolean_query([(Occur.Must, visible), (Occur.Must, kinds)])

    def _matches(self, query: ParsedQuery) -> tantivy.Query | None:
        """Every word (exactly, as a prefix, or with one typo) and every phrase, in some field."""
        clauses = [
            (Occur.Must, clause)
            for clause in (*map(self._word, query.words), *map(self._phrase, query.phrases))
        ]
        usable = [(occur, clause) for occur, clause in clauses if clause is not None]
        if not usable:
            return None
        return tantivy.Query.boolean_query(usable)

    def _word(self, word: str) -> tantivy.Query | None:
        stemmed, folded = stem(word), fold(word)
        if not stemmed:
            return None
        per_field = []
        for name, boost in _TEXT_FIELDS:
            alternatives = [
                (Occur.Should, tantivy.Query.term_query(self._schema, name, stemmed)),
                (Occur.Should, tantivy.Query.fuzzy_term_query(self._schema, name, folded, 0, True, True)),
            ]
            if len(folded) >= FUZZY_MIN_LENGTH:
                alternatives.append(
                    (
                        Occur.Should,
                        tantivy.Query.fuzzy_term_query(self._schema, name, stemmed, 1, True, False),
                    )
                )
            per_field.append(tantivy.Query.boost_query(tantivy.Query.boolean_query(alternatives), boost))
        return tantivy.Query.disjunction_max_query(per_field)

    def _phrase(self, phrase: tuple[str, ...]) -> tantivy.Query | None:
        stems: list[str | tuple[int, str]] = [stemmed for stemmed in map(stem, phrase) if stemmed]
        if len(stems) < 2:
            return self._word(phrase[0]) if stems else None
        return tantivy.Query.disjunction_max_query(
            [
                tantivy.Query.boost_query(tantivy.Query.phrase_query(self._schema, name, stems), boost)
                for name, boost in _TEXT_FIELDS
            ]
        )

    async def all_documents(self) -> AsyncIterator[list[Document]]:
        searcher = self._searcher
        everything = tantivy.Query.all_query()
        for offset in range(0, searcher.num_docs, PAGE):
            hits = searcher.search(everything, limit=PAGE, offset=offset, count=False).hits
            yield [
                Document.from_source(orjson.loads(searcher.doc(address)["source"][0])) for _, address in hits
            ]

    async def new_generation(self) -> TantivyIndex:
        number = 1 + max(
            (int(path.name.rsplit("-", 1)[1]) for path in self.root.glob("generation-*")), default=0
        )
        generation = TantivyIndex(self.root, f"generation-{number}")
        await generation.start()
        return generation

    async def promote(self, generation: SearchIndex) -> None:
        assert isinstance(generation, TantivyIndex) and generation._generation is not None
        previous = self._generation
        await self.close()
        _replace_text(self.root / CURRENT, generation._generation)
        self._generation, self._index, self._writer = (
            generation._generation,
            generation._index,
            generation._writer,
        )
        if previous is not None and previous != self._generation:
            await asyncio.to_thread(shutil.rmtree, self.root / previous, True)

    async def size_on_disk(self) -> int:
        return sum(path.stat().st_size for path in self.path.rglob("*") if path.is_file())


def _count(searcher: tantivy.Searcher, query: tantivy.Query) -> int:
    # The stub omits SearchResult.count (present when `count=True`).
    count: int | None = searcher.search(query, limit=1, count=True).count  # type: ignore[attr-defined]
    return count or 0


def _replace_text(path: Path, text: str) -> None:
    """Write `path` atomically (a reader sees the old or the new name, never half of one)."""
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text)
    os.replace(temporary, path)
