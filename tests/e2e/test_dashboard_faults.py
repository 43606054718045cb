"""The dashboard keeps what healthy subgraphs answered when one subgraph is unreachable, frozen or too slow.

Fields another subgraph contributes to `User` (and the `Application` behind an interview) are nullable, so a
failing subgraph nulls only its own fields, with an error naming it (`path`, `extensions.code`,
`extensions.serviceName`), instead of erasing `me`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from jobgraph.system import System, running_system
from router.app import build_router_app
from router.config import RouterConfig, SubgraphSettings
from router.subgraph_client import SubgraphClient, asgi_client
from tests.e2e.client import Person, RouterClient
from tests.network import free_port

DASHBOARD = """{ me { name applicationCounts { total inProgress byStatus { status count } }
  recentApplications(first: 5) { id company position status appliedAt }
  upcomingInterviews(first: 5) { id startsAt type application { company position } } } }"""

# Short enough to keep the tests quick, long enough for a healthy in-process subgraph on a busy machine.
TIMEOUT = 1.0


@dataclass
class Dashboard:
    """A running system with one person who has an application and an upcoming interview for it."""

    system: System
    person: Person
    application_id: str
    interview_id: str


@pytest.fixture
async def dashboard(tmp_path: Path) -> AsyncIterator[Dashboard]:
    async with running_system(tmp_path, {}) as system, _client(system.app) as client:
        ada = await client.sign_up("ada@example.com", "Ada Lovelace")
        created = await client.data(
            'mutation { createApplication(input: {company: "Initech", position: "Data engineer", '
            "status: APPLIED}) { id } }",
            ada.token,
        )
        application_id = created["createApplication"]["id"]
        scheduled = await _schedule_when_known(client, ada, application_id)
        yield Dashboard(system, ada, application_id, scheduled)


async def _schedule_when_known(client: RouterClient, person: Person, application_id: str) -> str:
    # Interviews learns of the application from an event; in process that takes a moment, not a broker.
    for _ in range(100):
        body = await client.raw(
            """mutation($id: ID!) { scheduleInterview(input: {applicationId: $id,
                 startsAt: "2031-03-10T09:00:00Z", durationMinutes: 45, type: ONLINE}) { id } }""",
            person.token,
            id=application_id,
        )
        if not body.get("errors"):
            interview_id: str = body["data"]["scheduleInterview"]["id"]
            return interview_id
        await asyncio.sleep(0.05)
    raise AssertionError(f"interviews never learnt of application {application_id}: {body}")


@asynccontextmanager
async def _client(app: Any) -> AsyncIterator[RouterClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://jobgraph", timeout=30) as http:
        yield RouterClient(http)


# The three ways a subgraph fails, and the code the router answers each with.
FAULTS = {
    # Nothing listens on the port: what the router meets when the process was killed.
    "unreachable": "SUBGRAPH_REQUEST_FAILED",
    # Accepts the connection, never answers: the router's timeout ends the wait.
    "frozen": "SUBGRAPH_TIMEOUT",
    # Answers, but later than the router's timeout.
    "slow": "SUBGRAPH_TIMEOUT",
}


@asynccontextmanager
async def frozen_server() -> AsyncIterator[str]:
    """A TCP server that accepts connections and reads requests but never answers: its URL."""
    held: list[asyncio.StreamWriter] = []

    async def swallow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)
        while await reader.read(65536):
            pass

    server = await asyncio.start_server(swallow, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/graphql"
    finally:
        for writer in held:
            writer.close()
        server.close()
        await server.wait_closed()


def slow(app: Any, delay: float) -> Any:
    """The subgraph's ASGI app, answering every GraphQL request `delay` seconds late."""

    async def delayed(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            await asyncio.sleep(delay)
        await app(scope, receive, send)

    return delayed


def healthy_clients(system: System, failing: str) -> dict[str, SubgraphClient]:
    return {
        name: asgi_client(name, built.app, timeout=TIMEOUT)
        for name, built in system.subgraphs.items()
        if name != failing
    }


def routed_to(failing: str, url: str) -> RouterConfig:
    """The router reaching `failing` over HTTP at `url`, with a short timeout."""
    return RouterConfig(subgraphs={failing: SubgraphSettings(url=url, timeout=TIMEOUT)})


@asynccontextmanager
async def router_with_fault(dashboard: Dashboard, failing: str, fault: str) -> AsyncIterator[RouterClient]:
    """A router over the dashboard's system whose subgraph `failing` fails in the way named by `fault`."""
    clients = healthy_clients(dashboard.system, failing)
    config = RouterConfig()
    async with frozen_server() as frozen_url:
        if fault == "unreachable":
            config = routed_to(failing, f"http://127.0.0.1:{free_port()}/graphql")
        elif fault == "frozen":
            config = routed_to(failing, frozen_url)
        else:
            app = slow(dashboard.system.subgraphs[failing].app, delay=TIMEOUT * 5)
            clients[failing] = asgi_client(failing, app, timeout=TIMEOUT)
        identity = dashboard.system.identity_for(config)
        router_app = build_router_app(dashboard.system.supergraph_sdl, clients, config, plugins=identity)
        async with router_app.router.lifespan_context(router_app), _client(router_app) as client:
            yield client


def errors_by_path(body: dict[str, Any]) -> dict[tuple[Any, ...], dict[str, Any]]:
    return {tuple(error.get("path") or ()): error for error in body.get("errors", [])}


@pytest.mark.parametrize("fault", FAULTS)
async def test_with_applications_down_the_dashboard_keeps_the_name_and_the_interviews(
    dashboard: Dashboard, fault: str
) -> None:
    async with router_with_fault(dashboard, "applications", fault) as client:
        body = await client.raw(DASHBOARD, dashboard.person.token)

    me = body["data"]["me"]
    assert me["name"] == "Ada Lovelace"
    assert me["applicationCounts"] is None
    assert me["recentApplications"] is None
    # Interviews answered; only the application behind the interview is missing.
    assert me["upcomingInterviews"] == [
        {
            "id": dashboard.interview_id,
            "startsAt": "2031-03-10T09:00:00+00:00",
            "type": "ONLINE",
            "application": None,
        }
    ]
    errors = errors_by_path(body)
    assert set(errors) == {
        ("me", "applicationCounts"),
        ("me", "recentApplications"),
        # Errors are at the fields the subgraph was to answer; the nullable `application` takes the null.
        ("me", "upcomingInterviews", 0, "application", "company"),
        ("me", "upcomingInterviews", 0, "application", "position"),
    }
    for error in errors.values():
        assert error["extensions"]["code"] == FAULTS[fault]
        assert error["extensions"]["serviceName"] == "applications"


@pytest.mark.parametrize("fault", FAULTS)
async def test_with_interviews_down_the_dashboard_keeps_the_name_and_the_applications(
    dashboard: Dashboard, fault: str
) -> None:
    async with router_with_fault(dashboard, "interviews", fault) as client:
        body = await client.raw(DASHBOARD, dashboard.person.token)

    me = body["data"]["me"]
    assert me["name"] == "Ada Lovelace"
    assert me["applicationCounts"]["total"] == 1
    assert [application["id"] for application in me["recentApplications"]] == [dashboard.application_id]
    assert me["upcomingInterviews"] is None
    assert [(error["path"], error["extensions"]["code"]) for error in body["errors"]] == [
        (["me", "upcomingInterviews"], FAULTS[fault])
    ]
    assert body["errors"][0]["extensions"]["serviceName"] == "interviews"


@pytest.mark.parametrize("fault", FAULTS)
async def test_with_users_down_there_is_no_one_to_show(dashboard: Dashboard, fault: str) -> None:
    # `me` is the users subgraph's root field: without it there is no User for the others to extend.
    async with router_with_fault(dashboard, "users", fault) as client:
        body = await client.raw(DASHBOARD, dashboard.person.token)

    assert body["data"] == {"me": None}
    assert [(error["path"], error["extensions"]["code"]) for error in body["errors"]] == [
        (["me"], FAULTS[fault])
    ]
    assert body["errors"][0]["extensions"]["serviceName"] == "users"
