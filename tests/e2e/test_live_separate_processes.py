"""Live updates in the production topology: every subgraph its own process on PostgreSQL, events over
RabbitMQ, the router composing them. Over each protocol a person's subscription receives a notification after
an interview is scheduled; killing the notifications process ends the stream with an error, not a hang, and
after a restart a new subscription works again."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.client import Person, RouterClient
from tests.e2e.conftest import production_environ
from tests.e2e.live import PROTOCOLS, Subscription, subscribe
from tests.e2e.test_job_search import SCHEDULE, apply, eventually
from tests.e2e.test_separate_processes import production_processes, running
from tests.network import wait_until_up

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
    async with production_environ() as production:
        processes = production_processes(tmp_path, production)
        command, environ, health = processes.subgraphs.pop("notifications")
        url = f"http://127.0.0.1:{processes.router_port}"
        async with httpx.AsyncClient(base_url=url, timeout=30) as http:
            topology = Topology(RouterClient(http), f"{url}/graphql", command, environ, health)
            with running(list(processes.subgraphs.values())), topology.notifications() as first:
                topology.first = first
                with running([processes.router]):
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
        # Notifications of earlier attempts may still be on their way; then the stream must end in an error.
        ending = await notes.next()
        while ending.get("data") is not None:
            ending = await notes.next()
        assert ending["errors"]
    with topology.notifications():
        async with subscribe(protocol, topology.url, RECEIVED, ada.token) as notes:
            again = await first_notification(client, ada, notes, application)
            assert again["interview"]["application"] == {"company": "Initech"}
