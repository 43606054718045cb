"""Analytics as a person uses it: `me { analytics }` for a big job search, and how soon a change shows.

1. Latency: starts `python -m jobgraph dev` on a fresh data directory (embedded defaults: SQLite, in-process
   bus), gives one person `--applications` applications (default 5,000; a spread of positions, places,
   sent dates and statuses, many moved on through the funnel) through the router, waits until analytics
   has applied every event, then sends the full analytics query through the router one request at a time
   (repeated views reuse the numbers until the next change), then times `--fresh` first views after a change.
2. Lag: starts `jobgraph dev` again with `JOBGRAPH_RABBITMQ_URL` on a vhost of its own on the local RabbitMQ
   (made and deleted with `rabbitmqctl`) and measures, per change, the time from the acknowledged
   `createApplication` to the first analytics answer that counts it (polled every `--poll-ms`).

Run: `python -m bench.analytics_bench [--applications 5000] [--requests 300] [--changes 100] [--no-rabbitmq]`.
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from bench.dashboard_bench import _call, _percentile
from bench.dev_system import jobgraph_dev
from bench.router_bench import peak_rss_mib

ANALYTICS = """
query Analytics {
  me { analytics(timeZone: "Europe/Lisbon") {
    total perMonth { month count } byStatus { status count } byPosition { category count }
    byLocation { category count } funnel { status count rate } responseRate medianDaysToResponse
    averageDaysInStatus { status averageDays stays } weeklyActivity(weeks: 12) { weekStart count } } }
}
"""
TOTAL = "{ me { analytics { total } } }"
AGREED = "{ me { applicationCounts { byStatus { status count } } analytics { byStatus { status count } } } }"
CREATE = "mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }"
CHANGE = """
mutation($id: ID!, $status: ApplicationStatus!) { changeApplicationStatus(id: $id, status: $status) { id } }
"""
POSITIONS = (
    "Frontend Engineer", "Backend Developer", "Full-stack Engineer", "Data Scientist", "iOS Developer",
    "DevOps Engineer", "Product Designer", "Product Manager", "Engineering Manager", "Software Engineer",
)  # fmt: skip
LOCATIONS = ("Lisbon", " lisbon ", "Porto", "Berlin", "Remote", "remote (EU)", None, "Amsterdam")
# Where an application ends up, and the statuses it passes through on the way.
COURSES = (
    ("SAVED",), ("APPLIED",), ("APPLIED", "REJECTED"), ("APPLIED", "INTERVIEW"),
    ("APPLIED", "INTERVIEW", "OFFER"), ("APPLIED", "WITHDRAWN"),
)  # fmt: skip
RABBITMQ = "amqp://guest:guest@127.0.0.1:5672"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.analytics_bench", description=__doc__)
    parser.add_argument("--applications", type=int, default=5000, help="applications of the person measured")
    parser.add_argument("--requests", type=int, default=300, help="sequential analytics requests measured")
    parser.add_argument("--fresh", type=int, default=50, help="first views after a change measured")
    parser.add_argument("--changes", type=int, default=100, help="changes whose event-to-number lag is timed")
    parser.add_argument("--poll-ms", type=float, default=2.0, help="how often the lag probe asks")
    parser.add_argument("--no-rabbitmq", action="store_true", help="skip the lag over RabbitMQ")
    args = parser.parse_args(argv)
    status = _latency(args)
    if status or args.no_rabbitmq:
        return status
    print()
    with _vhost() as url:
        return _lag(args, url)


def _latency(args: argparse.Namespace) -> int:
    with jobgraph_dev({"JOBGRAPH_LOG_LEVEL": "WARNING"}) as system:
        return asyncio.run(_measure_latency(system.process, system.url, args))


async def _measure_latency(system: subprocess.Popen[bytes], url: str, args: argparse.Namespace) -> int:
    async with httpx.AsyncClient(timeout=60.0) as client:
        token = await _register(client, url)
        began = time.perf_counter()
        changes = await _fill_in(client, url, token, args.applications)
        filled = time.perf_counter() - began
        await _until_agreed(client, url, token)
        caught_up = time.perf_counter() - began
        answer = await _call(client, url, token, ANALYTICS)
        for _ in range(20):  # warm-up: plan cache, connection pools, SQLite page cache
            await _call(client, url, token, ANALYTICS)
        samples = []
        for _ in range(args.requests):
            started = time.perf_counter()
            await _call(client, url, token, ANALYTICS)
            samples.append(time.perf_counter() - started)
        # The first view after a change computes the numbers again (the repeated ones above reuse them).
        fresh = []
        for index in range(args.fresh):
            await _call(client, url, token, CREATE, input={"company": f"Fresh {index}", "position": "Cook"})
            await asyncio.sleep(1.0)  # the event is applied within the lag measured below
            started = time.perf_counter()
            await _call(client, url, token, ANALYTICS)
            fresh.append(time.perf_counter() - started)
    analytics = answer["me"]["analytics"]
    print("analytics benchmark: `jobgraph dev` (embedded defaults), `me { analytics { every field } }`")
    months, rate = len(analytics["perMonth"]), analytics["responseRate"]
    print(f"  job search       {analytics['total']} applications, {changes} status changes,")
    print(f"                   {months} months, response rate {rate:.2f}")
    print(
        f"  fill-in          {filled:.1f} s through the router; analytics caught up after {caught_up:.1f} s"
    )
    print(f"  sequential       {args.requests} requests through the router, one keep-alive connection")
    print(f"    latency p50    {_percentile(samples, 50):.2f} ms")
    print(f"    latency p99    {_percentile(samples, 99):.2f} ms")
    print(f"  after a change   {args.fresh} first views, each 1 s after a createApplication")
    print(f"    latency p50    {_percentile(fresh, 50):.2f} ms")
    print(f"    latency p99    {_percentile(fresh, 99):.2f} ms")
    print(f"  process RSS      {peak_rss_mib(system.pid):.0f} MiB peak (router and every subgraph)")
    return 0


def _lag(args: argparse.Namespace, rabbitmq_url: str) -> int:
    with jobgraph_dev({"JOBGRAPH_LOG_LEVEL": "WARNING", "JOBGRAPH_RABBITMQ_URL": rabbitmq_url}) as system:
        url = system.url
        return asyncio.run(_measure_lag(url, args))


async def _measure_lag(url: str, args: argparse.Namespace) -> int:
    async with httpx.AsyncClient(timeout=60.0) as client:
        token = await _register(client, url)
        lags = []
        for index in range(args.changes):
            variables = {"input": {"company": f"Lag {index}", "position": "Backend Engineer"}}
            await _call(client, url, token, CREATE, **variables)
            acknowledged = time.perf_counter()
            await _until_total(client, url, token, index + 1, args.poll_ms / 1000)
            lags.append(time.perf_counter() - acknowledged)
    print("analytics lag: `jobgraph dev` with events over RabbitMQ, createApplication acknowledged → counted")
    print(f"  changes          {args.changes}, probed every {args.poll_ms:g} ms through the router")
    print(f"    lag p50        {_percentile(lags, 50):.1f} ms")
    print(f"    lag p99        {_percentile(lags, 99):.1f} ms")
    print(f"    lag max        {max(lags) * 1000:.1f} ms")
    return 0


async def _until_agreed(client: httpx.AsyncClient, url: str, token: str) -> None:
    """Return once analytics has applied every event: its statuses agree with the applications subgraph's."""
    while True:
        me = (await _call(client, url, token, AGREED))["me"]
        if me["analytics"]["byStatus"] == me["applicationCounts"]["byStatus"]:
            return
        await asyncio.sleep(0.5)


async def _until_total(client: httpx.AsyncClient, url: str, token: str, total: int, interval: float) -> None:
    """Return once analytics counts `total` applications, asking every `interval` seconds."""
    while True:
        if (await _call(client, url, token, TOTAL))["me"]["analytics"]["total"] >= total:
            return
        await asyncio.sleep(interval)


async def _register(client: httpx.AsyncClient, url: str) -> str:
    registered = await _call(
        client, url, None,
        'mutation { register(input: {email: "analytics@example.com", password: "correct horse battery",'
        ' name: "Analytics Person"}) { token } }',
    )  # fmt: skip
    token: str = registered["register"]["token"]
    return token


async def _fill_in(client: httpx.AsyncClient, url: str, token: str, applications: int) -> int:
    """`applications` applications sent over the last two years, each moved along its course; returns how
    many status changes that took. Two requests at a time: more only queue up on the embedded SQLite
    files' single writer (and time out at the router) without filling in faster."""
    chance = random.Random(10)
    now = datetime.now(UTC)
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(applications):
        queue.put_nowait(index)
    changes = 0

    async def worker() -> None:
        nonlocal changes
        while not queue.empty():
            index = queue.get_nowait()
            course = COURSES[index % len(COURSES)]
            applied_at = now - timedelta(days=chance.uniform(0, 730))
            fields: dict[str, Any] = {
                "company": f"Company {index}", "position": POSITIONS[index % len(POSITIONS)],
                "location": LOCATIONS[index % len(LOCATIONS)], "status": course[0],
            }  # fmt: skip
            if course[0] != "SAVED":
                fields["appliedAt"] = applied_at.isoformat()
            created = await _call(client, url, token, CREATE, input=fields)
            for status in course[1:]:
                await _call(client, url, token, CHANGE, id=created["createApplication"]["id"], status=status)
                changes += 1

    await asyncio.gather(*(worker() for _ in range(2)))
    return changes


@contextmanager
def _vhost() -> Iterator[str]:
    """A vhost of the local RabbitMQ that guest may use (its AMQP URL), deleted afterwards."""
    vhost = f"jobgraph-bench-{uuid.uuid4().hex[:10]}"
    subprocess.run(["rabbitmqctl", "add_vhost", vhost], check=True, capture_output=True, timeout=60)
    try:
        subprocess.run(
            ["rabbitmqctl", "set_permissions", "-p", vhost, "guest", ".*", ".*", ".*"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        yield f"{RABBITMQ}/{vhost}"
    finally:
        subprocess.run(["rabbitmqctl", "delete_vhost", vhost], check=False, capture_output=True, timeout=60)


if __name__ == "__main__":
    raise SystemExit(main())
