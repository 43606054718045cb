"""The product as a person uses it: cold start of `jobgraph dev`, then the dashboard query's latency.

Starts `python -m jobgraph dev` on a fresh data directory (embedded defaults, as `make run` does), times how
long until the router answers, signs a person up, fills in a job search (applications in every status,
interviews, contacts), and sends DESIGN.md's dashboard query — answered by the users, applications and
interviews subgraphs together — one request at a time over a keep-alive connection, then from several
concurrent clients.

Run: `python -m bench.dashboard_bench [--requests 500] [--applications 40] [--concurrency 8]`.
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from typing import Any

import httpx

from bench.dev_system import jobgraph_dev
from bench.router_bench import peak_rss_mib

DASHBOARD = """
query Dashboard {
  me { name applicationCounts { total inProgress byStatus { status count } }
       recentApplications(first: 5) { id company position status appliedAt }
       upcomingInterviews(first: 5) { id startsAt type application { company position } } }
}
"""
SCHEDULE = "mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id } }"
STATUSES = ("SAVED", "APPLIED", "INTERVIEW", "OFFER", "REJECTED", "WITHDRAWN")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dashboard_bench", description=__doc__)
    parser.add_argument("--requests", type=int, default=500, help="sequential dashboard requests measured")
    parser.add_argument("--applications", type=int, default=40, help="applications in the job search")
    parser.add_argument("--concurrency", type=int, default=8, help="clients in the concurrent round")
    args = parser.parse_args(argv)
    with jobgraph_dev() as system:
        return asyncio.run(_measure(system.process, system.url, system.cold_start, args))


async def _measure(
    system: subprocess.Popen[bytes], url: str, cold_start: float, args: argparse.Namespace
) -> int:
    async with httpx.AsyncClient(timeout=30.0) as client:
        token = await _fill_in(client, url, args.applications)
        headers = {"authorization": f"Bearer {token}"}
        body = {"query": DASHBOARD}
        answer = (await client.post(url, json=body, headers=headers)).json()
        if answer.get("errors"):
            print(f"the dashboard query failed: {answer['errors']}", file=sys.stderr)
            return 1
        for _ in range(20):  # warm-up: plan cache, connection pools, SQLite page cache
            await client.post(url, json=body, headers=headers)
        sequential = []
        for _ in range(args.requests):
            began = time.perf_counter()
            response = await client.post(url, json=body, headers=headers)
            sequential.append(time.perf_counter() - began)
            response.raise_for_status()

        concurrent: list[float] = []

        async def worker(count: int) -> None:
            for _ in range(count):
                began = time.perf_counter()
                response = await client.post(url, json=body, headers=headers)
                concurrent.append(time.perf_counter() - began)
                response.raise_for_status()

        began = time.perf_counter()
        per_worker = max(1, args.requests // args.concurrency)
        await asyncio.gather(*(worker(per_worker) for _ in range(args.concurrency)))
        elapsed = time.perf_counter() - began

    counts = answer["data"]["me"]["applicationCounts"]
    print("dashboard benchmark: `jobgraph dev` (embedded defaults), DESIGN.md's dashboard query")
    print(f"  cold start       {cold_start:.2f} s until the router answered /health")
    upcoming = len(answer["data"]["me"]["upcomingInterviews"])
    print(f"  job search       {counts['total']} applications, {upcoming} upcoming interviews shown")
    print("                   (users + applications + interviews answer each request)")
    print(f"  sequential       {args.requests} requests, one keep-alive connection")
    print(f"    latency p50    {_percentile(sequential, 50):.2f} ms")
    print(f"    latency p99    {_percentile(sequential, 99):.2f} ms")
    print(f"    mean           {statistics.fmean(sequential) * 1000:.2f} ms")
    print(f"  concurrent       {args.concurrency} clients: {len(concurrent) / elapsed:,.0f} requests/s,")
    p50, p99 = _percentile(concurrent, 50), _percentile(concurrent, 99)
    print(f"                   p50 {p50:.2f} ms, p99 {p99:.2f} ms")
    print(f"  process RSS      {peak_rss_mib(system.pid):.0f} MiB peak (router and every subgraph)")
    return 0


async def _fill_in(client: httpx.AsyncClient, url: str, applications: int) -> str:
    """Sign a person up and give them a job search; returns their access token."""
    registered = await _call(
        client,
        url,
        None,
        'mutation { register(input: {email: "bench@example.com", password: "correct horse battery",'
        ' name: "Bench Person"}) { token } }',
    )
    token: str = registered["register"]["token"]
    ids = []
    for index in range(applications):
        created = await _call(
            client,
            url,
            token,
            "mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id } }",
            input={"company": f"Company {index}", "position": "Engineer", "status": STATUSES[index % 6]},
        )
        ids.append(created["createApplication"]["id"])
    for index, application_id in enumerate(ids[:8]):
        variables = {
            "applicationId": application_id,
            "startsAt": f"2099-06-{index + 1:02d}T10:00:00Z",
            "durationMinutes": 45,
            "type": "ONLINE",
        }
        # Interviews learns of new applications from their events: retry briefly until it has.
        for _ in range(200):
            response = await client.post(
                url,
                json={"query": SCHEDULE, "variables": {"input": variables}},
                headers={"authorization": f"Bearer {token}"},
            )
            if not response.json().get("errors"):
                break
            await asyncio.sleep(0.02)
    return token


async def _call(client: httpx.AsyncClient, url: str, token: str | None, query: str, **variables: Any) -> Any:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    answer = (await client.post(url, json={"query": query, "variables": variables}, headers=headers)).json()
    if answer.get("errors"):
        raise SystemExit(f"setting up the job search failed: {answer['errors']}")
    return answer["data"]


def _percentile(samples: list[float], percentile: int) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, len(ordered) * percentile // 100)] * 1000


if __name__ == "__main__":
    raise SystemExit(main())
