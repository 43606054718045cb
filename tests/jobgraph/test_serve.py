"""`jobgraph subgraph NAME` as the image runs it: migrates its database at start-up, consumes its events from
RabbitMQ, serves /health and /metrics; and refuses to start with token keys that cannot work."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import aio_pika
import asyncpg
import httpx
import pytest
from alembic.script import ScriptDirectory
from prometheus_client.parser import text_string_to_metric_families

from jobgraph.cli import main
from subgraphs.interviews.migrations import MIGRATIONS_DIR
from subgraphs.kit.keys import SigningKey
from subgraphs.users.tokens import access_token
from tests.e2e.conftest import rabbitmq_vhost
from tests.network import TcpProxy, free_port
from tests.subgraphs.databases import postgres_database

JOBGRAPH = [sys.executable, "-m", "jobgraph"]


async def wait_until_up(url: str, process: asyncio.subprocess.Process, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(timeout=1.0) as http:
        while time.monotonic() < deadline:
            if process.returncode is not None:
                raise AssertionError(f"the subgraph exited with {process.returncode}")
            try:
                if (await http.get(url)).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError(f"{url} did not answer within {seconds:.0f}s")


def request_counts(metrics_text: str) -> dict[tuple[str, str, str], float]:
    """`jobgraph_http_requests_total` by (service, route, status), parsed as Prometheus parses it."""
    counts = {}
    for family in text_string_to_metric_families(metrics_text):
        for sample in family.samples:
            if sample.name == "jobgraph_http_requests_total":
                labels = sample.labels
                counts[(labels["service"], labels["route"], labels["status"])] = sample.value
    return counts


@pytest.mark.postgres
@pytest.mark.rabbitmq
async def test_a_subgraph_process_migrates_consumes_and_serves_health_and_metrics(tmp_path: Path) -> None:
    port = free_port()
    async with postgres_database("interviews") as database_url, rabbitmq_vhost() as rabbitmq_url:
        environ = {
            **os.environ,
            "INTERVIEWS_DATABASE_URL": database_url,
            "JOBGRAPH_RABBITMQ_URL": rabbitmq_url,
            "JOBGRAPH_JWT_PUBLIC_KEY": SigningKey.generate().public_pem,
            "JOBGRAPH_DATA_DIR": str(tmp_path),
            "JOBGRAPH_PORT": str(port),  # as compose and k8s give it (no --port)
            "JOBGRAPH_LOG_LEVEL": "WARNING",
        }
        command = [*JOBGRAPH, "subgraph", "interviews", "--host", "127.0.0.1"]
        process = await asyncio.create_subprocess_exec(
            *command, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        try:
            await wait_until_up(f"http://127.0.0.1:{port}/health", process)
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
                assert (await http.get("/health")).json() == {"status": "ok", "service": "interviews"}
                metrics = await http.get("/metrics")
            assert metrics.headers["content-type"].startswith("text/plain")
            assert request_counts(metrics.text)[("interviews", "/health", "200")] >= 1
            # Start-up migrated the PostgreSQL database to the newest revision.
            connection = await asyncpg.connect(database_url.replace("postgresql+asyncpg", "postgresql"))
            try:
                revision = await connection.fetchval("SELECT version_num FROM alembic_version")
            finally:
                await connection.close()
            assert revision == ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
            # ...and subscribed its consumer on the broker: its durable queue exists (passive declare fails
            # on a queue nobody declared).
            broker = await aio_pika.connect(rabbitmq_url, timeout=10)
            try:
                channel = await broker.channel()
                queue = await channel.declare_queue("interviews.events", passive=True)
                assert queue.name == "interviews.events"
            finally:
                await broker.close()
        finally:
            process.terminate()
            _, errors = await asyncio.wait_for(process.communicate(), timeout=30)
    stderr = errors.decode(errors="replace")
    # Uvicorn shuts down cleanly on SIGTERM, then exits by the same signal (as the container runtime expects).
    assert process.returncode == -signal.SIGTERM, stderr
    assert "Traceback" not in stderr, stderr
    # JOBGRAPH_LOG_LEVEL=WARNING quiets uvicorn's start-up and access lines too.
    assert "Uvicorn running" not in stderr and "GET /health" not in stderr, stderr


def test_users_refuses_to_start_with_a_public_key_of_another_pair(tmp_path: Path) -> None:
    environ = {
        **os.environ,
        "JOBGRAPH_DATA_DIR": str(tmp_path),
        "JOBGRAPH_JWT_PRIVATE_KEY": SigningKey.generate().private_pem,
        "JOBGRAPH_JWT_PUBLIC_KEY": SigningKey.generate().public_pem,
        "JOBGRAPH_PORT": str(free_port()),
    }
    finished = subprocess.run(
        [*JOBGRAPH, "subgraph", "users", "--host", "127.0.0.1"],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 2
    assert "users: JOBGRAPH_JWT_PUBLIC_KEY is not the public half of the users signing key" in finished.stderr
    assert not list(tmp_path.iterdir())  # refused before creating any database or key


def test_migrate_leaves_a_subgraph_on_mongodb_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBGRAPH_DATA_DIR", str(tmp_path))
    # Never contacted: a subgraph whose store is MongoDB has no SQL schema to migrate.
    monkeypatch.setenv("CONTACTS_MONGODB_URL", "mongodb://127.0.0.1:1/contacts")
    assert main(["migrate", "contacts", "users"]) == 0
    assert sorted(path.name for path in tmp_path.glob("*.sqlite3")) == ["users.sqlite3"]


SCHEDULE = """mutation($app: ID!) {
  scheduleInterview(input: {applicationId: $app, startsAt: "2099-01-01T10:00:00Z", durationMinutes: 30,
                            type: PHONE}) { id }
}"""


@pytest.mark.rabbitmq
async def test_a_subgraph_started_during_a_broker_outage_serves_and_publishes_when_it_returns(
    tmp_path: Path,
) -> None:
    # Was: AMQPConnectionError at start-up, the process exited, and nothing was served until the broker
    # returned. The outage is a loopback proxy to the real broker, closed while the subgraph starts.
    port = free_port()
    key = SigningKey.generate()
    async with rabbitmq_vhost() as rabbitmq_url:
        vhost = rabbitmq_url.rsplit("/", 1)[1]
        proxy = TcpProxy(5672)
        environ = {
            **os.environ,
            "JOBGRAPH_RABBITMQ_URL": f"amqp://guest:guest@127.0.0.1:{proxy.port}/{vhost}",
            "JOBGRAPH_RABBITMQ_TIMEOUT": "2",
            "JOBGRAPH_JWT_PUBLIC_KEY": key.public_pem,
            "JOBGRAPH_DATA_DIR": str(tmp_path),
            "JOBGRAPH_PORT": str(port),
            "JOBGRAPH_LOG_LEVEL": "WARNING",
        }
        broker = await aio_pika.connect(rabbitmq_url, timeout=10)
        process = await asyncio.create_subprocess_exec(
            *JOBGRAPH, "subgraph", "interviews", "--host", "127.0.0.1",
            env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            channel = await broker.channel()
            topic = aio_pika.ExchangeType.TOPIC
            exchange = await channel.declare_exchange("jobgraph.events", topic, durable=True)
            scheduled = await channel.declare_queue(exclusive=True)
            await scheduled.bind(exchange, routing_key="interview.scheduled")
            await wait_until_up(f"http://127.0.0.1:{port}/health/live", process)
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
                ready = (await http.get("/health/ready")).json()
                assert ready == {"status": "degraded", "service": "interviews", "broker": "disconnected"}
                # An application created during the outage: interviews has not heard of it, and says yes.
                application_id = str(uuid.uuid4())
                token = access_token(key, "alice", datetime.now(UTC))
                answer = await http.post(
                    "/graphql",
                    json={"query": SCHEDULE, "variables": {"app": application_id}},
                    headers={"Authorization": f"Bearer {token}"},
                )
                interview_id = answer.json()["data"]["scheduleInterview"]["id"]

                await proxy.open()
                deadline = time.monotonic() + 60
                while (await http.get("/health/ready")).json()["broker"] != "connected":
                    assert time.monotonic() < deadline, "never reattached"
                    await asyncio.sleep(0.2)
            message = None
            while message is None and time.monotonic() < deadline:
                message = await scheduled.get(fail=False, timeout=10)
                await asyncio.sleep(0.1)
            assert message is not None, "the outbox kept the event and published it once the broker was back"
            assert json.loads(message.body)["data"]["id"] == interview_id
        finally:
            process.terminate()
            _, errors = await asyncio.wait_for(process.communicate(), timeout=30)
            await broker.close()
            await proxy.close()
    assert "Traceback" not in errors.decode(errors="replace")
