"""Search as a person uses it, on embedded defaults: 100,000 indexed documents, search latency through the
router, indexing lag from an acknowledged mutation to a searchable item, and the index size on disk.

Starts `python -m jobgraph dev` on a fresh data directory, signs a person up, stops it, fills the tantivy
index with the synthetic corpus (bench/search_corpus.py) owned by that person, starts it again and sends
searches through the router one at a time over a keep-alive connection. The hits' items are asked for by id
only, so the numbers are the router's and the search subgraph's (opening the items is the owning subgraphs'
`_entities` cost, measured by the dashboard benchmark). Then it creates applications one by one and polls
search until each is found.

Run: `python -m bench.search_bench [--documents 100000] [--requests 300] [--mutations 50]`.
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.dashboard_bench import _call, _percentile
from bench.dev_system import jobgraph_dev
from bench.search_corpus import documents
from subgraphs.search.tantivy_store import TantivyIndex

SEARCH = """query Search($text: String!) {
  search(query: $text, first: 20) {
    totalCount facets { type count }
    edges { cursor node { score highlights { field snippet }
      item { __typename ... on Application { id } ... on Interview { id } ... on Contact { id }
        ... on User { id } } } }
  }
}"""
QUERIES = (
    "initech",
    "initec",
    '"data engineer"',
    "kubernetes zurich",
    "recuiter",
    "platform engineer berlin",
)
REGISTER = """mutation { register(input: {email: "bench@example.com", password: "correct horse battery",
  name: "Bench Person"}) { token user { id } } }"""
LOGIN = (
    """mutation { login(input: {email: "bench@example.com", password: "correct horse battery"}) { token } }"""
)
CREATE = "mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_bench", description=__doc__)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300, help="sequential searches measured")
    parser.add_argument("--mutations", type=int, default=50, help="applications created to time indexing lag")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as data_dir:
        user_id = _run_dev(data_dir, _register)
        began = time.perf_counter()
        asyncio.run(_fill(Path(data_dir) / "search", args.documents, user_id))
        print(f"search benchmark: `jobgraph dev` (embedded tantivy), {args.documents:,} documents")
        print(f"  indexed          {time.perf_counter() - began:.1f} s (bulk, outside the service)")
        return _run_dev(data_dir, lambda url: _measure(url, Path(data_dir) / "search", args))


def _run_dev(data_dir: str, work: Any) -> Any:
    with jobgraph_dev(data_dir=data_dir) as system:
        return asyncio.run(work(system.url))


async def _register(url: str) -> str:
    async with httpx.AsyncClient(timeout=30.0) as client:
        answer = (await client.post(url, json={"query": REGISTER})).json()
    return str(answer["data"]["register"]["user"]["id"])


async def _fill(path: Path, count: int, user_id: str) -> None:
    index = TantivyIndex(path)
    await index.start()
    corpus = list(documents(count, user_id))
    for start in range(0, len(corpus), 10_000):
        await index.write(corpus[start : start + 10_000])
    await index.close()


async def _measure(url: str, index_path: Path, args: argparse.Namespace) -> int:
    async with httpx.AsyncClient(timeout=30.0) as client:
        token = (await _call(client, url, None, LOGIN))["login"]["token"]
        for text in QUERIES * 5:  # warm-up: plan cache, connection pool, the index's pages
            await _call(client, url, token, SEARCH, text=text)
        latencies, hits = [], {}
        for number in range(args.requests):
            text = QUERIES[number % len(QUERIES)]
            began = time.perf_counter()
            data = await _call(client, url, token, SEARCH, text=text)
            latencies.append(time.perf_counter() - began)
            hits[text] = data["search"]["totalCount"]
        lags = []
        for number in range(args.mutations):
            word = f"Lagcheck{number}"
            created = await _call(client, url, token, CREATE, input={"company": word, "position": "Engineer"})
            acknowledged = time.perf_counter()
            # Polling on purpose: a client cannot know when the event reached the index. (Earlier companies
            # match too, one typo away: wait for this one.)
            while created["createApplication"]["id"] not in await _ids(client, url, token, word):  # noqa: ASYNC110
                await asyncio.sleep(0.005)
            lags.append(time.perf_counter() - acknowledged)
    size = _size(index_path)
    print(f"  searches         {args.requests} through the router, one keep-alive connection, 20 hits each")
    print(f"    latency p50    {_percentile(latencies, 50):.2f} ms")
    print(f"    latency p99    {_percentile(latencies, 99):.2f} ms")
    print(f"    mean           {statistics.fmean(latencies) * 1000:.2f} ms")
    print("    hits           " + ", ".join(f"{text} {count:,}" for text, count in hits.items()))
    print(f"  indexing lag     {args.mutations} createApplication, acknowledged → found by search")
    print(f"    p50            {_percentile(lags, 50):.0f} ms")
    print(f"    p99            {_percentile(lags, 99):.0f} ms")
    print(f"  index on disk    {size / 2**20:.1f} MiB ({args.documents + args.mutations + 1:,} documents)")
    return 0


async def _ids(client: httpx.AsyncClient, url: str, token: str, text: str) -> set[str]:
    data = await _call(client, url, token, SEARCH, text=text)
    return {edge["node"]["item"]["id"] for edge in data["search"]["edges"]}


def _size(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


if __name__ == "__main__":
    raise SystemExit(main())
