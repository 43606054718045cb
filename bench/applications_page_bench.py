"""A filtered, ordered page of one person's 5,000 applications through the router (issue #18).

Starts `python -m jobgraph dev` on a fresh data directory (embedded defaults: SQLite, in-process bus, as
`make run` does), signs a person up, creates their applications through the router (work modes, tags,
priorities and deadlines spread over them), then asks for remote Python jobs by priority, 50 at a time —
the first page and then the page after its cursor — one request at a time over a keep-alive connection.
The target is p99 ≤ 20 ms for either page.

Run: `python -m bench.applications_page_bench [--applications 5000] [--requests 300]`.
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any

import httpx

from bench.dashboard_bench import _call, _percentile
from bench.dev_system import DevSystem, jobgraph_dev
from bench.router_bench import peak_rss_mib

CREATE = "mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }"
PAGE = """query($after: String) {
  applications(filter: {workModes: [REMOTE], tags: ["python"]}, orderBy: PRIORITY, first: 50, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id company position status priority workMode deadline tags } }
  }
}"""
WORK_MODES = ("REMOTE", "HYBRID", "ONSITE")
TAGS = (("python",), ("python", "backend"), ("go",), ("python", "data", "remote"), ())
# Parallel creations while filling in: the fill-in is set-up, not what is measured.
FILL_CONCURRENCY = 8


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.applications_page_bench", description=__doc__)
    parser.add_argument("--applications", type=int, default=5000, help="applications of the one person")
    parser.add_argument("--requests", type=int, default=300, help="measured requests of each page")
    args = parser.parse_args(argv)
    with jobgraph_dev() as system:
        status = asyncio.run(_measure(system, args))
        peak = peak_rss_mib(system.process.pid)
        print(f"  process RSS      {peak:.0f} MiB peak (router and every subgraph)")
        return status


def application(index: int) -> dict[str, Any]:
    """The index-th application: every field of issue #18 varies, some left out."""
    fields: dict[str, Any] = {
        "company": f"Company {index:05d}",
        "position": "Engineer",
        "workMode": WORK_MODES[index % 3],
        "tags": list(TAGS[index % 5]),
    }
    if index % 6:
        fields["priority"] = index % 5 + 1
    if index % 4 == 0:
        fields["deadline"] = f"2031-{index % 12 + 1:02d}-{index % 28 + 1:02d}T12:00:00Z"
    return fields


async def _measure(system: DevSystem, args: argparse.Namespace) -> int:
    url = system.url
    async with httpx.AsyncClient(timeout=60.0) as client:
        registered = await _call(
            client,
            url,
            None,
            'mutation { register(input: {email: "bench@example.com", password: "correct horse battery",'
            ' name: "Bench Person"}) { token } }',
        )
        token = registered["register"]["token"]
        began = time.perf_counter()
        pending = iter(range(args.applications))

        async def creator() -> None:
            for index in pending:
                await _call(client, url, token, CREATE, input=application(index))

        await asyncio.gather(*(creator() for _ in range(FILL_CONCURRENCY)))
        filled = time.perf_counter() - began
        settled = await asyncio.to_thread(system.wait_until_idle)
        headers = {"authorization": f"Bearer {token}"}

        async def page(after: str | None) -> tuple[float, dict[str, Any]]:
            start = time.perf_counter()
            response = await client.post(
                url, json={"query": PAGE, "variables": {"after": after}}, headers=headers
            )
            elapsed = time.perf_counter() - start
            answer = response.json()
            if answer.get("errors"):
                raise SystemExit(f"the page query failed: {answer['errors']}")
            return elapsed, answer["data"]["applications"]

        _, first = await page(None)
        cursor = first["pageInfo"]["endCursor"]
        for _ in range(20):  # warm-up: plan cache, connection pools, SQLite page cache
            await page(None)
            await page(cursor)
        first_times, next_times = [], []
        for _ in range(args.requests):
            first_times.append((await page(None))[0])
            next_times.append((await page(cursor))[0])
        _, second = await page(cursor)

    print("applications page benchmark: `jobgraph dev` (embedded defaults), one person's applications")
    print(f"  filled in        {args.applications} applications in {filled:.1f} s through the router")
    print(f"  settled          {settled:.1f} s until the event consumers had caught up (process idle)")
    print("  query            workModes [REMOTE], tags [python], orderBy PRIORITY, first 50")
    print(
        f"  matching         {first['totalCount']} applications; pages of {len(first['edges'])} and "
        f"{len(second['edges'])}"
    )
    for name, samples in (("first page", first_times), ("next page", next_times)):
        print(f"  {name:<16} {len(samples)} requests, one keep-alive connection")
        print(f"    latency p50    {_percentile(samples, 50):.2f} ms")
        print(f"    latency p99    {_percentile(samples, 99):.2f} ms (target ≤ 20 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
