"""The interviews ASGI app end to end: HTTP, token verification, migrations at start-up, event handlers."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from subgraphs.interviews.app import InterviewsSubgraph
from subgraphs.kit.events import EventEnvelope, InProcessBus
from tests.subgraphs.harness import post, token
from tests.subgraphs.interviews.conftest import application_event

SCHEDULE = """mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id type } }"""


async def test_health(http: httpx.AsyncClient) -> None:
    response = await http.get("/health")
    assert response.json() == {"status": "ok", "service": "interviews"}


async def test_embedded_default_migrates_a_sqlite_file_in_the_data_dir(
    subgraph: InterviewsSubgraph, tmp_path: Path
) -> None:
    assert (tmp_path / "interviews.sqlite3").exists()


async def test_a_signed_in_person_schedules_after_the_application_event(
    http: httpx.AsyncClient, bus: InProcessBus
) -> None:
    variables = {
        "input": {
            "applicationId": "app-1",
            "startsAt": "2031-03-10T09:00:00Z",
            "durationMinutes": 30,
            "type": "PHONE",
        }
    }
    before = await post(http, SCHEDULE, token("alice"), **variables)
    assert before["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "applicationId"}

    await bus.publish(application_event("application.created", "app-1", "alice"))
    await asyncio.wait_for(bus.wait_idle(), timeout=10)
    after = await post(http, SCHEDULE, token("alice"), **variables)
    assert after["data"]["scheduleInterview"]["type"] == "PHONE"


@pytest.mark.parametrize(
    "bearer",
    [
        pytest.param(token("alice", expires_in=-60), id="expired"),
        pytest.param(token("alice", key=Ed25519PrivateKey.generate()), id="forged"),
        pytest.param(token("alice", aud="someone-else"), id="wrong-audience"),
        pytest.param(token("alice", iss="someone-else"), id="wrong-issuer"),
        pytest.param("not-a-jwt", id="garbage"),
        pytest.param(None, id="missing"),
    ],
)
async def test_without_a_valid_token_it_is_unauthenticated(
    http: httpx.AsyncClient, bearer: str | None
) -> None:
    body = await post(http, "{ interviews { totalCount } }", bearer)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_sdl_is_served_for_composition(http: httpx.AsyncClient) -> None:
    body = await post(http, "{ _service { sdl } }", None)
    sdl = body["data"]["_service"]["sdl"]
    assert 'type Interview @key(fields: "id")' in sdl
    assert 'type Application @key(fields: "id")' in sdl
    # Nullable: a field interviews adds to the users subgraph's User must be able to fail alone; partners
    # reach it with interviews:read.
    assert (
        'upcomingInterviews(first: Int = 5): [Interview!] @requiresScopes(scopes: [["session"], '
        '["interviews:read"]])\n'
    ) in sdl


async def test_application_events_without_owner_or_id_are_dead_lettered(
    bus: InProcessBus, subgraph: InterviewsSubgraph
) -> None:
    await bus.publish(application_event("application.created", "app-1", None))
    await bus.publish(
        EventEnvelope(type="application.deleted", producer="applications", user_id="alice", data={})
    )
    await asyncio.wait_for(bus.wait_idle(), timeout=10)
    letters = await bus.dead_letters("interviews")
    assert len(letters) == 2
    assert all("MalformedEvent" in letter.error for letter in letters)


async def test_no_cdn_backed_ide_page_is_served(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", headers={"Accept": "text/html"})
    assert not response.headers.get("content-type", "").startswith("text/html")
