"""Live updates in the production topology: every subgraph its own process on PostgreSQL, events over
RabbitMQ, the router composing them. Over each protocol a person's subscription receives a notification after
an interview is scheduled; killing the notifications process ends the stream with an error, not a hang, and
after a restart a new subscription works again."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from jobgraph.catalog import available_subgraphs
from subgraphs.kit.keys import SigningKey
from tests.e2e.client import Person, RouterClient
from tests.e2e.conftest import production_environ
from tests.e2e.live import PROTOCOLS, Subscription, subscribe
from tests.e2e.test_job_search import SCHEDULE, apply, eventually
from tests.e2e.test_separate_processes import running
from tests.network import free_port, wait_until_up

pytestmark = [pytest.mark.postgres, pytest.mark.rabbitmq]

RECEIVED = "subscription { notificationReceived { kind interview { application { company } } } }"


@dataclass
class Topology:
    client: RouterClient
    url: str
    # The notifications subgraph's command, environment and health URL: the test kills and restarts it.
    command: list[str]
    environ: dict[str, str]
    health: str
    # The notifications process the system started with.
    first: subprocess.Popen[bytes] | None = None

    @contextmanager
    def notifications(self) -> Iterator[subprocess.Popen[bytes]]:
        """The notifications subgraph as its own process, killed (not stopped) at the end of the block."""
        process = subprocess.Popen(
            self.command, env=self.environ, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            wait_until_up(self.health, process)
            yield process
        finally:
            process.kill()
            process.wait(timeout=15)


@pytest.fixture
async def topology(tmp_path: Path) -> AsyncIterator[Topology]:
    key = SigningKey.generate()
    jobgraph = [sys.executable, "-m", "jobgraph"]
    async with production_environ() as production:
        shared = {
            **os.environ,
            **production,
            "JOBGRAPH_JWT_PUBLIC_KEY": key.public_pem,
            "JOBGRAPH_LOG_LEVEL": "ERROR",
        }
        ports = {entry.name: free_port() for entry in available_subgraphs()}
        commands = []
        for name, port in ports.items():
            environ = {**shared, "JOBGRAPH_DATA_DIR": str(tmp_path / name), "JOBGRAPH_PORT": str(port)}
            if name == "users":
                environ["JOBGRAPH_JWT_PRIVATE_KEY"] = key.private_pem
            commands.append(([*jobgraph, "subgraph", name, "--host", "127.0.0.1"], environ, name))
        router_port = free_port()
        compose = [f"--subgraph={name}=http://127.0.0.1:{port}/graphql" for name, port in ports.items()]
        router = [*jobgraph, "router", *compose, "--host", "127.0.0.1", "--port", str(router_port)]
        others = [
            (command, environ, f"http://127.0.0.1:{ports[name]}/health")
            for command, environ, name in commands
            if name != "notifications"
        ]
        ((command, environ, _),) = [item for item in commands if item[2] == "notifications"]
        health = f"http://127.0.0.1:{ports['notifications']}/health"
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{router_port}", timeout=30) as http:
            topology = Topology(
                RouterClient(http), f"http://127.0.0.1:{router_port}/graphql", command, environ, health
            )
            with running(others), topology.notifications() as first:
                topology.first = first
                with running([(router, shared, f"http://127.0.0.1:{router_port}/health")]):
                    yield topology


async def first_notification(
    client: RouterClient, person: Person, notes: Subscription, application: str
) -> Any:
    """Schedule interviews until the subscription shows one (it is live at the subgraph only a moment after
    the request went out, and the router offers no acknowledgement to wait for)."""
    for hour in range(10, 20):
        interview = {"applicationId": application, "startsAt": f"2099-05-04T{hour}:00:00Z",
                     "durationMinutes": 30, "type": "PHONE"}  # fmt: skip
        await eventually(client, SCHEDULE, person.token, input=interview)
        try:
            return (await asyncio.wait_for(notes.next(), 5))["data"]["notificationReceived"]
        except TimeoutError:
            continue
    raise AssertionError("no notification reached the subscription")


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_a_notification_arrives_and_a_dead_subgraph_ends_the_stream(
    protocol: str, topology: Topology
) -> None:
    client = topology.client
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    application = await apply(client, ada, "Initech", "Data engineer")
    async with subscribe(protocol, topology.url, RECEIVED, ada.token) as notes:
        first = await first_notification(client, ada, notes, application)
        assert first == {"kind": "INTERVIEW_SCHEDULED", "interview": {"application": {"company": "Initech"}}}
        assert topology.first is not None
        topology.first.kill()
        ending = await notes.next()
        assert ending.get("data") is None
        assert ending["errors"]
    with topology.notifications():
        async with subscribe(protocol, topology.url, RECEIVED, ada.token) as notes:
            again = await first_notification(client, ada, notes, application)
            assert again["interview"]["application"] == {"company": "Initech"}
