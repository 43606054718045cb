"""Application timelines as a person reads them: a page of applications with their timelines, via the router.

Starts `python -m jobgraph dev` on a fresh data directory (embedded defaults: SQLite, in-process bus), gives
one person `--applications` applications (default 300), each with `--entries` timeline entries besides CREATED
(status changes with notes, updates and notes, in turn), through the router, then sends
`applications(first: 100) { ... timeline { ... } }` one request at a time (the DataLoader reads every timeline
of the page in one query) and, for comparison, one application's timeline.

Run: `python -m bench.timeline_bench [--applications 300] [--entries 9] [--requests 200]`.
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import time

import httpx

from bench.dashboard_bench import _call, _percentile
from bench.dev_system import jobgraph_dev
from bench.router_bench import peak_rss_mib

PAGE = """
query Page { applications(first: 100) { edges { node { id company status
  timeline { id at kind summary status previousStatus note changedFields { field old new } } } } } }
"""
ONE = """
query One($id: ID!) { application(id: $id) { timeline { id at kind summary note } } }
"""
CREATE = "mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }"
CHANGE = """mutation($id: ID!, $status: ApplicationStatus!, $note: String) {
  changeApplicationStatus(id: $id, status: $status, note: $note) { id } }"""
UPDATE = """mutation($id: ID!, $input: UpdateApplicationInput!) {
  updateApplication(id: $id, input: $input) { id } }"""
NOTE = """mutation($id: ID!, $note: String!) { addTimelineNote(applicationId: $id, note: $note) { id } }"""
# The statuses an application moves through, in turn (a move to the current status is refused).
STATUSES = ("APPLIED", "INTERVIEW", "OFFER", "WITHDRAWN", "SAVED")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.timeline_bench", description=__doc__)
    parser.add_argument("--applications", type=int, default=300, help="applications of the person measured")
    parser.add_argument(
        "--entries", type=int, default=9, help="timeline entries per application after CREATED"
    )
    parser.add_argument("--requests", type=int, default=200, help="sequential page requests measured")
    args = parser.parse_args(argv)
    with jobgraph_dev({"JOBGRAPH_LOG_LEVEL": "WARNING"}) as system:
        return asyncio.run(_measure(system.process, system.url, args))


async def _measure(system: subprocess.Popen[bytes], url: str, args: argparse.Namespace) -> int:
    async with httpx.AsyncClient(timeout=60.0) as client:
        registered = await _call(
            client, url, None,
            'mutation { register(input: {email: "timeline@example.com", password: "correct horse battery",'
            ' name: "Timeline Person"}) { token } }',
        )  # fmt: skip
        token: str = registered["register"]["token"]
        began = time.perf_counter()
        ids = [await _fill_in(client, url, token, index, args.entries) for index in range(args.applications)]
        filled = time.perf_counter() - began
        page = await _call(client, url, token, PAGE)
        for _ in range(20):  # warm-up: plan cache, connection pools, SQLite page cache
            await _call(client, url, token, PAGE)
        pages = []
        for _ in range(args.requests):
            started = time.perf_counter()
            await _call(client, url, token, PAGE)
            pages.append(time.perf_counter() - started)
        singles = []
        for index in range(args.requests):
            started = time.perf_counter()
            await _call(client, url, token, ONE, id=ids[index % len(ids)])
            singles.append(time.perf_counter() - started)
    nodes = page["applications"]["edges"]
    entries = sum(len(edge["node"]["timeline"]) for edge in nodes)
    print("timeline benchmark: `jobgraph dev` (embedded defaults), through the router")
    print(f"  job search       {args.applications} applications, {args.entries + 1} timeline entries each")
    print(f"  fill-in          {filled:.1f} s through the router, one request at a time")
    print(f"  page of {len(nodes)}      {entries} entries per response, {args.requests} sequential requests")
    print(f"    latency p50    {_percentile(pages, 50):.2f} ms")
    print(f"    latency p99    {_percentile(pages, 99):.2f} ms")
    print(f"  one timeline     {args.requests} sequential requests")
    print(f"    latency p50    {_percentile(singles, 50):.2f} ms")
    print(f"    latency p99    {_percentile(singles, 99):.2f} ms")
    print(f"  process RSS      {peak_rss_mib(system.pid):.0f} MiB peak (router and every subgraph)")
    return 0


async def _fill_in(client: httpx.AsyncClient, url: str, token: str, index: int, entries: int) -> str:
    """One application with `entries` entries after CREATED: a status change, an update, a note, in turn."""
    created = await _call(
        client, url, token, CREATE, input={"company": f"Company {index}", "position": "Engineer"}
    )
    application_id: str = created["createApplication"]["id"]
    moves = 0
    for entry in range(entries):
        match entry % 3:
            case 0:
                status = STATUSES[moves % len(STATUSES)]
                moves += 1
                await _call(
                    client, url, token, CHANGE, id=application_id, status=status, note=f"step {entry}"
                )
            case 1:
                await _call(
                    client, url, token, UPDATE, id=application_id, input={"location": f"City {entry}"}
                )
            case _:
                await _call(
                    client, url, token, NOTE, id=application_id, note=f"Note {entry} about the process"
                )
    return application_id


if __name__ == "__main__":
    raise SystemExit(main())
