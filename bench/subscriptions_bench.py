"""Live updates over RabbitMQ: mutation acknowledged → event delivered to a subscriber, with many
subscriptions open, and the router's memory per open subscription.

The production topology on loopback: every subgraph its own `jobgraph subgraph` process (embedded SQLite
files, events on a RabbitMQ vhost of its own), the router its own process composing them. The benchmark
opens `--open` graphql-transport-ws subscriptions to `notificationReceived` for as many different people,
then one person changes an application's status `--rounds` times and times each until their
`applicationChanged` (applications → RabbitMQ → live queue → router) and `notificationReceived` (→
notifications consumer → its outbox → RabbitMQ → live queue → router) arrive. The router's RSS is read
before and after the subscriptions open.

Run: `python -m bench.subscriptions_bench [--open 1000] [--rounds 100]` (needs RabbitMQ on 127.0.0.1:5672
and `rabbitmqctl`). Prints p50/p99 in milliseconds and KiB per subscription. Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack, asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect

from bench.router_bench import free_port, wait_until_up
from jobgraph.catalog import available_subgraphs
from subgraphs.kit.auth import AUDIENCE, ISSUER
from subgraphs.kit.keys import SigningKey

RABBITMQ = "amqp://guest:guest@127.0.0.1:5672"
RECEIVED = "subscription { notificationReceived { id kind } }"
CHANGED = "subscription { applicationChanged { id status } }"
MOVE = """mutation($id: ID!, $status: ApplicationStatus!) {
  changeApplicationStatus(id: $id, status: $status) { id } }"""
# The status alternates (a change to the same status is refused); the warm-up moves it to APPLIED first.
STATUSES = ("INTERVIEW", "APPLIED")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.subscriptions_bench", description=__doc__)
    parser.add_argument("--open", type=int, default=1000, help="subscriptions of other people kept open")
    parser.add_argument("--rounds", type=int, default=100, help="status changes timed")
    args = parser.parse_args(argv)
    key = SigningKey.generate()
    with (
        tempfile.TemporaryDirectory() as data_dir,
        rabbitmq_vhost() as broker,
        topology(Path(data_dir), key, broker) as (router_url, router_pid),
    ):
        return asyncio.run(measure(router_url, router_pid, key, args.open, args.rounds))


@contextmanager
def rabbitmq_vhost() -> Iterator[str]:
    """A vhost of the benchmark's own (the consumers' durable queues must not meet anyone else's)."""
    vhost = f"jobgraph-bench-{uuid.uuid4().hex[:8]}"
    subprocess.run(["rabbitmqctl", "add_vhost", vhost], check=True, capture_output=True, timeout=60)
    try:
        subprocess.run(
            ["rabbitmqctl", "set_permissions", "-p", vhost, "guest", ".*", ".*", ".*"],
            check=True,
            capture_output=True,
            timeout=60,
        )
        yield f"{RABBITMQ}/{vhost}"
    finally:
        subprocess.run(["rabbitmqctl", "delete_vhost", vhost], capture_output=True, timeout=60)


@contextmanager
def topology(data_dir: Path, key: SigningKey, broker: str) -> Iterator[tuple[str, int]]:
    """Every subgraph and the router as processes; yields the router's /graphql URL and pid."""
    jobgraph = [sys.executable, "-m", "jobgraph"]
    shared = {
        **os.environ,
        "JOBGRAPH_RABBITMQ_URL": broker,
        "JOBGRAPH_JWT_PUBLIC_KEY": key.public_pem,
        "JOBGRAPH_LOG_LEVEL": "WARNING",
    }
    started: list[subprocess.Popen[bytes]] = []
    try:
        ports = {entry.name: free_port() for entry in available_subgraphs()}
        for name, port in ports.items():
            environ = {**shared, "JOBGRAPH_DATA_DIR": str(data_dir / name), "JOBGRAPH_PORT": str(port)}
            if name == "users":
                environ["JOBGRAPH_JWT_PRIVATE_KEY"] = key.private_pem
            command = [*jobgraph, "subgraph", name, "--host", "127.0.0.1"]
            started.append(subprocess.Popen(command, env=environ, stdout=subprocess.DEVNULL))
            wait_until_up(f"http://127.0.0.1:{port}/health", 60)
        router_port = free_port()
        compose = [f"--subgraph={name}=http://127.0.0.1:{port}/graphql" for name, port in ports.items()]
        router = [*jobgraph, "router", *compose, "--host", "127.0.0.1", "--port", str(router_port)]
        started.append(subprocess.Popen(router, env=shared, stdout=subprocess.DEVNULL))
        wait_until_up(f"http://127.0.0.1:{router_port}/health", 60)
        yield f"http://127.0.0.1:{router_port}/graphql", started[-1].pid
    finally:
        for process in reversed(started):
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def rss_kib(pid: int) -> int:
    """VmRSS: the process's resident set size now (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def token_for(key: SigningKey, user_id: str) -> str:
    now = int(time.time())
    return key.sign({"sub": user_id, "iss": ISSUER, "aud": AUDIENCE, "iat": now, "exp": now + 3600})


@asynccontextmanager
async def subscription(url: str, token: str, query: str) -> AsyncIterator[ClientConnection]:
    """A graphql-transport-ws connection running `query` as operation "1"."""
    async with connect(url.replace("http://", "ws://"), subprotocols=["graphql-transport-ws"]) as websocket:  # type: ignore[list-item]
        await websocket.send(
            json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}})
        )
        assert json.loads(await websocket.recv())["type"] == "connection_ack"
        await websocket.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
        yield websocket


async def next_result(websocket: ClientConnection) -> dict[str, Any]:
    while True:
        message = json.loads(await asyncio.wait_for(websocket.recv(), 30))
        if message["type"] == "next":
            payload: dict[str, Any] = message["payload"]
            return payload
        if message["type"] == "ping":
            await websocket.send(json.dumps({"type": "pong"}))


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def measure(url: str, router_pid: int, key: SigningKey, open_count: int, rounds: int) -> int:
    me = token_for(key, f"bench-{uuid.uuid4().hex[:8]}")
    async with httpx.AsyncClient(timeout=30) as http, AsyncExitStack() as stack:
        created = await http.post(
            url,
            json={
                "query": 'mutation { createApplication(input: {company: "Initech", position: "Dev"}) { id } }'
            },
            headers={"authorization": f"Bearer {me}"},
        )
        application = created.json()["data"]["createApplication"]["id"]
        before = rss_kib(router_pid)
        for number in range(open_count):
            other = token_for(key, f"other-{number}")
            await stack.enter_async_context(subscription(url, other, RECEIVED))
        received = await stack.enter_async_context(subscription(url, me, RECEIVED))
        changed = await stack.enter_async_context(subscription(url, me, CHANGED))
        # The protocol has no "subscribed" acknowledgement: one warm-up change proves both are live.
        await _change(http, url, me, application, "APPLIED")
        await next_result(changed)
        await next_result(received)
        await asyncio.sleep(1.0)
        after = rss_kib(router_pid)
        to_changed: list[float] = []
        to_received: list[float] = []
        for round_number in range(rounds):
            await _change(http, url, me, application, STATUSES[round_number % 2])
            acknowledged = time.perf_counter()
            await next_result(changed)
            to_changed.append((time.perf_counter() - acknowledged) * 1000)
            await next_result(received)
            to_received.append((time.perf_counter() - acknowledged) * 1000)
    print(f"subscriptions over RabbitMQ: {open_count} other people's open, {rounds} status changes")
    for name, samples in (("applicationChanged", to_changed), ("notificationReceived", to_received)):
        print(
            f"  mutation acknowledged → {name:20s} p50 {statistics.median(samples):7.1f} ms"
            f"   p99 {percentile(samples, 0.99):7.1f} ms"
        )
    opened = open_count + 2
    print(f"  router RSS {before / 1024:.1f} MiB → {after / 1024:.1f} MiB with {opened} subscriptions open:"
          f" {(after - before) / opened:.1f} KiB per subscription")  # fmt: skip
    return 0


async def _change(http: httpx.AsyncClient, url: str, token: str, application: str, status: str) -> None:
    response = await http.post(
        url,
        json={"query": MOVE, "variables": {"id": application, "status": status}},
        headers={"authorization": f"Bearer {token}"},
    )
    body = response.json()
    if body.get("errors"):
        raise RuntimeError(body["errors"])


if __name__ == "__main__":
    raise SystemExit(main())
