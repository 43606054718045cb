"""Real subgraph processes for chaos tests: applications (producer) and interviews (consumer) on PostgreSQL,
their events on a vhost of their own of the real RabbitMQ, reached through a TcpProxy the test can cut.

Also what the tests measure with: a writer that streams `createApplication` and keeps the acknowledged ids,
and counts read straight from the two databases (the outbox, and what interviews applied).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from subgraphs.kit.events import EventConsumer, EventEnvelope, RabbitBus
from tests.chaos.proxy import TcpProxy, tcp_proxy
from tests.e2e.conftest import rabbitmq_vhost
from tests.network import free_port
from tests.subgraphs.databases import postgres_database
from tests.subgraphs.harness import PUBLIC_PEM, token

CREATE = """mutation($company: String!) {
  createApplication(input: {company: $company, position: "Engineer", status: APPLIED}) { id } }"""


@dataclass(frozen=True)
class Rounds:
    """How hard a chaos test pushes: `cycles` faults (kill, restart), `writes` streamed around each one."""

    cycles: int
    writes: int


# CI runs the short rounds; `make chaos` the long ones too.
SHORT = Rounds(cycles=1, writes=60)
LONG = Rounds(cycles=3, writes=600)


@dataclass
class SubgraphProcess:
    """One `jobgraph subgraph NAME` process; `start()` again after `kill()` resumes on the same database."""

    name: str
    environ: dict[str, str]
    port: int = field(default_factory=free_port)
    process: asyncio.subprocess.Process | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/graphql"

    async def start(self, seconds: float = 60.0) -> float:
        """Start it and wait until /health answers; returns how long that took."""
        started = time.monotonic()
        command = [sys.executable, "-m", "jobgraph", "subgraph", self.name, "--host", "127.0.0.1"]
        environ = {**self.environ, "JOBGRAPH_PORT": str(self.port)}
        self.process = await asyncio.create_subprocess_exec(
            *command, env=environ, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL
        )
        async with httpx.AsyncClient(timeout=1.0) as http:
            while time.monotonic() - started < seconds:
                if self.process.returncode is not None:
                    raise AssertionError(f"{self.name} exited with {self.process.returncode}")
                try:
                    if (await http.get(f"http://127.0.0.1:{self.port}/health")).status_code == 200:
                        return time.monotonic() - started
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.1)
        raise AssertionError(f"{self.name} did not answer within {seconds:.0f}s")

    async def kill(self) -> None:
        """kill -9: no shutdown code runs, whatever was in flight is cut off."""
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGKILL)
            await asyncio.wait_for(self.process.wait(), timeout=15)

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), timeout=15)
            except TimeoutError:
                await self.kill()


@dataclass
class Cluster:
    """applications and interviews, their databases (asyncpg DSNs) and the broker proxy."""

    applications: SubgraphProcess
    interviews: SubgraphProcess
    proxy: TcpProxy
    databases: dict[str, str]
    # The vhost's AMQP URL through the proxy.
    broker_url: str
    owner: str = field(default_factory=lambda: str(uuid.uuid4()))

    async def rows(self, database: str, query: str) -> list[Any]:
        connection = await asyncpg.connect(self.databases[database], timeout=10)
        try:
            return list(await connection.fetch(query))
        finally:
            await connection.close()

    async def known_applications(self) -> list[str]:
        """The application ids interviews learnt of from `application.created` (one row per id)."""
        return [row["id"] for row in await self.rows("interviews", "SELECT id FROM known_applications")]

    async def processed_events(self) -> tuple[int, int]:
        """(events interviews applied, distinct event ids among them)."""
        [row] = await self.rows(
            "interviews", "SELECT count(*) AS n, count(DISTINCT event_id) AS d FROM processed_events"
        )
        return int(row["n"]), int(row["d"])

    async def outbox(self) -> tuple[int, int]:
        """(events applications recorded, of which not yet confirmed by the broker)."""
        [row] = await self.rows(
            "applications", "SELECT count(*) AS n, count(*) FILTER (WHERE sent_at IS NULL) AS u FROM outbox"
        )
        return int(row["n"]), int(row["u"])

    async def wait_until_known(self, ids: set[str], seconds: float) -> float:
        """Wait until interviews knows every id in `ids`; returns how long it took (fails after `seconds`)."""
        started = time.monotonic()
        missing = set(ids)
        while time.monotonic() - started < seconds:
            missing = ids - set(await self.known_applications())
            if not missing:
                return time.monotonic() - started
            await asyncio.sleep(0.2)
        lost = f"{len(missing)} of {len(ids)} events"
        raise AssertionError(f"{lost} never reached interviews within {seconds}s")


async def wait_for(ids: set[str], seen: list[str], seconds: float) -> None:
    """Wait until every id in `ids` is in `seen` (a probe's deliveries)."""
    async with asyncio.timeout(seconds):
        while not ids <= set(seen):  # noqa: ASYNC110 (a list filled by a consumer callback)
            await asyncio.sleep(0.1)


@dataclass
class Writer:
    """Streams `createApplication` to the applications process; keeps what was acknowledged."""

    cluster: Cluster
    acknowledged: list[str] = field(default_factory=list)
    # Requests that got no answer or an error: the write may or may not have happened.
    unanswered: int = 0

    async def write(self, count: int, concurrency: int = 4, pause: float = 0.0) -> None:
        headers = {"authorization": f"Bearer {token(self.cluster.owner)}"}
        queue: asyncio.Queue[int] = asyncio.Queue()
        for number in range(count):
            queue.put_nowait(number)
        async with httpx.AsyncClient(timeout=10.0, headers=headers) as http:

            async def worker() -> None:
                while not queue.empty():
                    number = queue.get_nowait()
                    await self._create(http, number)
                    if pause:
                        await asyncio.sleep(pause)

            await asyncio.gather(*(worker() for _ in range(concurrency)))

    async def until_acknowledged(self, count: int, seconds: float = 60.0) -> None:
        """Wait (while `write` runs) until `count` writes in all were acknowledged."""
        async with asyncio.timeout(seconds):
            while len(self.acknowledged) < count:  # noqa: ASYNC110 (a list `write` fills)
                await asyncio.sleep(0.02)

    async def _create(self, http: httpx.AsyncClient, number: int) -> None:
        body = {"query": CREATE, "variables": {"company": f"Company {number}"}}
        try:
            response = await http.post(self.cluster.applications.url, json=body)
            answer = response.json()
        except (httpx.HTTPError, ValueError):
            self.unanswered += 1
            return
        created = (answer.get("data") or {}).get("createApplication")
        if answer.get("errors") or not created:
            self.unanswered += 1
            return
        self.acknowledged.append(created["id"])

    async def readable(self, ids: list[str]) -> set[str]:
        """Those of `ids` the applications process answers now (acknowledged writes that survived)."""
        query = "query($id: ID!) { application(id: $id) { id } }"
        headers = {"authorization": f"Bearer {token(self.cluster.owner)}"}
        found: set[str] = set()
        async with httpx.AsyncClient(timeout=10.0, headers=headers) as http:
            for application_id in ids:
                body = {"query": query, "variables": {"id": application_id}}
                answer = (await http.post(self.cluster.applications.url, json=body)).json()
                if (answer.get("data") or {}).get("application"):
                    found.add(application_id)
        return found


@asynccontextmanager
async def running_cluster(tmp_path: Path, rabbitmq_timeout: float = 2.0) -> AsyncIterator[Cluster]:
    """applications and interviews as processes, on fresh databases and a fresh vhost behind a proxy."""
    async with AsyncExitStack() as stack:
        vhost_url = await stack.enter_async_context(rabbitmq_vhost())
        proxy = stack.enter_context(tcp_proxy("127.0.0.1", 5672))
        # The same vhost and credentials, through the proxy's port.
        through_proxy = vhost_url.replace("127.0.0.1:5672", f"127.0.0.1:{proxy.port}")
        databases: dict[str, str] = {}
        processes: dict[str, SubgraphProcess] = {}
        for name in ("applications", "interviews"):
            url = await stack.enter_async_context(postgres_database(name))
            databases[name] = url.replace("postgresql+asyncpg://", "postgresql://")
            environ = {
                **os.environ,
                f"{name.upper()}_DATABASE_URL": url,
                "JOBGRAPH_RABBITMQ_URL": through_proxy,
                # Short broker timeouts: during an outage a publish fails fast and the relay retries.
                "JOBGRAPH_RABBITMQ_TIMEOUT": str(rabbitmq_timeout),
                "JOBGRAPH_JWT_PUBLIC_KEY": PUBLIC_PEM,
                "JOBGRAPH_DATA_DIR": str(tmp_path / name),
                "JOBGRAPH_LOG_LEVEL": "WARNING",
            }
            processes[name] = SubgraphProcess(name, environ)
            stack.push_async_callback(processes[name].stop)
        # Interviews first: its queue must exist before applications publishes (the vhost starts empty).
        await processes["interviews"].start()
        await processes["applications"].start()
        yield Cluster(processes["applications"], processes["interviews"], proxy, databases, through_proxy)


@asynccontextmanager
async def delivery_probe(cluster: Cluster) -> AsyncIterator[list[str]]:
    """The application id of every `application.created` delivery to a queue of our own, through the same
    proxy: at least once means redeliveries may show up here, which the subgraphs' handlers must absorb."""
    deliveries: list[str] = []

    async def record(event: EventEnvelope) -> None:
        deliveries.append(str(event.data["id"]))

    bus = RabbitBus(cluster.broker_url, timeout=2.0)
    await bus.subscribe(EventConsumer("chaosprobe", {"application.created": record}))
    await bus.start()
    try:
        yield deliveries
    finally:
        await bus.stop()
