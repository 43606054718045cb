"""The production topology, on this machine: every subgraph its own `jobgraph subgraph` process on PostgreSQL,
events between them over RabbitMQ, and `jobgraph router` composing them from their running schemas — then a
person's job search through the router, as with docker-compose.yml."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from jobgraph.catalog import available_subgraphs
from subgraphs.kit.keys import SigningKey
from tests.e2e.client import RouterClient
from tests.e2e.conftest import production_environ
from tests.network import free_port, wait_until_up

pytestmark = [pytest.mark.postgres, pytest.mark.rabbitmq]


@contextmanager
def running(commands: list[tuple[list[str], dict[str, str], str]]) -> Iterator[None]:
    """Start each (command, environment, health URL) in order, waiting for each; stop them all after."""
    started: list[subprocess.Popen[bytes]] = []
    try:
        for command, environ, health in commands:
            process = subprocess.Popen(
                command, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            started.append(process)
            wait_until_up(health, process)
        yield
    finally:
        for process in reversed(started):
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


Command = tuple[list[str], dict[str, str], str]


@dataclass
class Processes:
    """The commands of the production topology: (command, environment, health URL) per subgraph, then the
    router's, and where the router listens."""

    subgraphs: dict[str, Command]
    router: Command
    router_port: int


def production_processes(tmp_path: Path, production: dict[str, str]) -> Processes:
    """Every subgraph as `jobgraph subgraph` on its own port and data dir, the router composing them."""
    key = SigningKey.generate()
    jobgraph = [sys.executable, "-m", "jobgraph"]
    shared = {
        **os.environ,
        **production,
        "JOBGRAPH_JWT_PUBLIC_KEY": key.public_pem,
        "JOBGRAPH_LOG_LEVEL": "WARNING",
    }
    ports = {entry.name: free_port() for entry in available_subgraphs()}
    subgraphs: dict[str, Command] = {}
    for name, port in ports.items():
        environ = {**shared, "JOBGRAPH_DATA_DIR": str(tmp_path / name), "JOBGRAPH_PORT": str(port)}
        if name == "users":
            environ["JOBGRAPH_JWT_PRIVATE_KEY"] = key.private_pem
        health = f"http://127.0.0.1:{port}/health"
        subgraphs[name] = ([*jobgraph, "subgraph", name, "--host", "127.0.0.1"], environ, health)
    router_port = free_port()
    compose = [f"--subgraph={name}=http://127.0.0.1:{port}/graphql" for name, port in ports.items()]
    router = [*jobgraph, "router", *compose, "--host", "127.0.0.1", "--port", str(router_port)]
    users = f"http://127.0.0.1:{ports['users']}"
    # As in production (docker-compose.yml): tokens verified at the router, partner tokens exchanged at users.
    identity = {
        "JOBGRAPH_ROUTER_JWKS_URL": f"{users}/.well-known/jwks.json",
        "JOBGRAPH_ROUTER_API_TOKEN_EXCHANGE_URL": f"{users}/api-tokens/exchange",
    }
    router_command = (router, {**shared, **identity}, f"http://127.0.0.1:{router_port}/health")
    return Processes(subgraphs, router_command, router_port)


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[RouterClient]:
    async with production_environ() as production:
        processes = production_processes(tmp_path, production)
        router_port = processes.router_port
        with running([*processes.subgraphs.values(), processes.router]):
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{router_port}", timeout=30) as http:
                yield RouterClient(http)


async def test_a_job_search_through_separate_processes(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    created = await client.data(
        'mutation { createApplication(input: {company: "Initech", position: "Data engineer", '
        "status: APPLIED}) { id } }",
        ada.token,
    )
    application = created["createApplication"]["id"]
    schedule = """mutation($id: ID!) { scheduleInterview(input: {applicationId: $id,
      startsAt: "2099-05-04T10:00:00+01:00", durationMinutes: 45, type: PHONE}) { id } }"""
    # The interviews process learns of the application from RabbitMQ: retry briefly, as a client would.
    for _ in range(200):
        body = await client.raw(schedule, ada.token, id=application)
        if not body.get("errors"):
            break
        assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND", body
        await asyncio.sleep(0.05)
    else:
        raise AssertionError("interviews never learned of the application")
    dashboard = await client.data(
        "{ me { name applicationCounts { total inProgress } "
        "upcomingInterviews { type application { company } } } }",
        ada.token,
    )
    assert dashboard == {
        "me": {
            "name": "Ada Lovelace",
            "applicationCounts": {"total": 1, "inProgress": 1},
            "upcomingInterviews": [{"type": "PHONE", "application": {"company": "Initech"}}],
        }
    }
    # A contact saved with the email of a person who registers later (and shows their email) links up
    # through the user events.
    contact = await client.data(
        'mutation { createContact(input: {name: "Bob", email: "bob@example.com"}) { id } }', ada.token
    )
    bob = await client.sign_up("bob@example.com", "Bob Babbage")
    # Emails are private unless shown; contacts link only to people who show theirs.
    await client.data("mutation { updateProfile(input: {showEmail: true}) { id } }", bob.token)
    query = "query($id: ID!) { contact(id: $id) { linkedUser { id name } } }"
    for _ in range(200):
        linked = await client.data(query, ada.token, id=contact["createContact"]["id"])
        if linked["contact"]["linkedUser"] is not None:
            break
        await asyncio.sleep(0.05)
    assert linked["contact"]["linkedUser"] == {"id": bob.id, "name": "Bob Babbage"}


async def test_a_partner_token_is_exchanged_over_http(client: RouterClient) -> None:
    # The router process trades the API token at the users process (JOBGRAPH_ROUTER_API_TOKEN_EXCHANGE_URL).
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    created = await client.data(
        'mutation { createApiToken(input: {name: "coach", scopes: ["profile:read"]}) { token } }', ada.token
    )
    partner = created["createApiToken"]["token"]
    assert await client.data("{ me { name } }", partner) == {"me": {"name": "Ada Lovelace"}}
    body = await client.raw("{ applications { totalCount } }", partner)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHORIZED_FIELD_OR_TYPE"
