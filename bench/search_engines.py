"""Which embedded engine for search: tantivy or SQLite FTS5, at 100,000 documents.

Indexes the same synthetic corpus (bench/search_corpus.py) into a tantivy index (the search subgraph's own
`TantivyIndex`, our analyzer and queries) and into an SQLite FTS5 table (`unicode61 remove_diacritics 2` with
the `porter` stemmer, the closest FTS5 gets to our analysis), then times the queries people type: a word, a
prefix while typing, a phrase, two words, a typo. FTS5 has no fuzzy matching (it would need a spellfix
vocabulary and a second query); that row says so.

Run: `python -m bench.search_engines [--documents 100000] [--queries 200]`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.search_corpus import documents
from subgraphs.search.models import SearchRequest, SearchType
from subgraphs.search.query import parse_query
from subgraphs.search.tantivy_store import TantivyIndex

OWNER = "bench-user"
# (label, what a person types, the FTS5 MATCH expression for the same intent or None when FTS5 cannot)
QUERIES = (
    ("word", "initech", "initech"),
    ("prefix", "initec", "initec*"),
    ("phrase", '"data engineer"', '"data engineer"'),
    ("two words", "kubernetes zurich", "kubernetes zurich"),
    ("typo", "recuiter", None),
)
BATCH = 5_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_engines", description=__doc__)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200, help="repetitions of each query")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        print(f"search engines: {args.documents:,} documents, {args.queries} runs of each query")
        asyncio.run(_tantivy(root / "tantivy", args))
        _fts5(root / "fts5.sqlite3", args)
    return 0


async def _tantivy(path: Path, args: argparse.Namespace) -> None:
    index = TantivyIndex(path)
    await index.start()
    corpus = list(documents(args.documents, OWNER))
    began = time.perf_counter()
    for start in range(0, len(corpus), BATCH):
        await index.write(corpus[start : start + BATCH])
    indexed = time.perf_counter() - began
    rate = len(corpus) / indexed
    print(f"  tantivy  indexing {indexed:.1f} s ({rate:,.0f} documents/s, batches of {BATCH:,})")
    print(f"           on disk {await index.size_on_disk() / 2**20:.1f} MiB")
    for label, text, _ in QUERIES:
        request = SearchRequest(parse_query(text), OWNER, frozenset(SearchType), 20)
        samples, total = [], 0
        for _ in range(args.queries):
            began = time.perf_counter()
            page = await index.search(request)
            samples.append(time.perf_counter() - began)
            total = page.total_count
        print(f"           {label:<10} {_line(samples)}  ({total:,} hits, with facets)")
    await index.close()


def _fts5(path: Path, args: argparse.Namespace) -> None:
    database = sqlite3.connect(path)
    database.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(key UNINDEXED, owner UNINDEXED, kind UNINDEXED, primary_text,"
        " secondary_text, tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    corpus = list(documents(args.documents, OWNER))
    began = time.perf_counter()
    for start in range(0, len(corpus), BATCH):
        rows = [
            (
                document.key,
                document.owner_id,
                document.type.value,
                document.primary_text,
                document.secondary_text,
            )
            for document in corpus[start : start + BATCH]
        ]
        with database:
            database.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", rows)
    indexed = time.perf_counter() - began
    rate = len(corpus) / indexed
    print(f"  FTS5     indexing {indexed:.1f} s ({rate:,.0f} documents/s, batches of {BATCH:,})")
    database.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    database.commit()
    print(f"           on disk {path.stat().st_size / 2**20:.1f} MiB")
    # The same shape as ours: the caller's or people's, ranked (company/position weighted 3), 20 hits + count.
    visible = "docs MATCH ? AND (owner = ? OR kind = 'PERSON')"
    search = (
        f"SELECT key, bm25(docs, 0, 0, 0, 3.0, 1.0) AS rank FROM docs WHERE {visible} ORDER BY rank LIMIT 20"
    )
    count = f"SELECT count(*) FROM docs WHERE {visible}"
    for label, _, expression in QUERIES:
        if expression is None:
            print(f"           {label:<10} not supported (no fuzzy matching in FTS5)")
            continue
        samples, total = [], 0
        for _ in range(args.queries):
            began = time.perf_counter()
            database.execute(search, (expression, OWNER)).fetchall()
            total = database.execute(count, (expression, OWNER)).fetchone()[0]
            samples.append(time.perf_counter() - began)
        print(f"           {label:<10} {_line(samples)}  ({total:,} hits, count only)")
    database.close()


def _line(samples: list[float]) -> str:
    ordered = sorted(samples)
    p50 = ordered[len(ordered) // 2] * 1000
    p99 = ordered[min(len(ordered) - 1, len(ordered) * 99 // 100)] * 1000
    return f"p50 {p50:7.2f} ms  p99 {p99:7.2f} ms"


if __name__ == "__main__":
    raise SystemExit(main())
