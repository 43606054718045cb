"""The interviews ASGI app end to end: HTTP, token verification, migrations at start-up, event handlers."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from subgraphs.interviews.app import InterviewsSubgraph, build_subgraph
from subgraphs.interviews.events import MalformedEvent
from subgraphs.kit.settings import SubgraphSettings

SIGNING_KEY = Ed25519PrivateKey.generate()
PUBLIC_PEM = (
    SIGNING_KEY.public_key()
    .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    .decode()
)


def token(user_id: str, *, key: Ed25519PrivateKey = SIGNING_KEY, expires_in: int = 900, **claims: Any) -> str:
    now = int(time.time())
    payload = {
        "sub": user_id,
        "iss": "jobgraph-users",
        "aud": "jobgraph",
        "iat": now,
        "exp": now + expires_in,
    }
    return jwt.encode({**payload, **claims}, key, algorithm="EdDSA")


@pytest.fixture
async def subgraph(tmp_path: Path) -> AsyncIterator[InterviewsSubgraph]:
    settings = SubgraphSettings.from_env(
        "interviews", {"JOBGRAPH_DATA_DIR": str(tmp_path), "JOBGRAPH_JWT_PUBLIC_KEY": PUBLIC_PEM}
    )
    built = build_subgraph(settings)
    async with built.app.router.lifespan_context(built.app):
        yield built


@pytest.fixture
async def http(subgraph: InterviewsSubgraph) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=subgraph.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://interviews", timeout=10) as client:
        yield client


async def post(client: httpx.AsyncClient, query: str, bearer: str | None, **variables: Any) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {bearer}"} if bearer is not None else {}
    response = await client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


SCHEDULE = """mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id type } }"""


def created(application_id: str, owner: str) -> dict[str, object]:
    return {
        "id": f"event-{application_id}",
        "type": "application.created",
        "version": 1,
        "occurred_at": "2031-01-01T00:00:00+00:00",
        "producer": "applications",
        "user_id": owner,
        "data": {"id": application_id, "company": "Acme", "position": "Engineer"},
    }


async def test_health(http: httpx.AsyncClient) -> None:
    response = await http.get("/health")
    assert response.json() == {"status": "ok", "service": "interviews"}


async def test_embedded_default_migrates_a_sqlite_file_in_the_data_dir(
    subgraph: InterviewsSubgraph, tmp_path: Path
) -> None:
    assert (tmp_path / "interviews.sqlite3").exists()


async def test_a_signed_in_person_schedules_after_the_application_event(
    http: httpx.AsyncClient, subgraph: InterviewsSubgraph
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

    await subgraph.handlers["application.created"](created("app-1", "alice"))
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
    assert "upcomingInterviews(first: Int! = 5): [Interview!]!" in sdl


async def test_malformed_application_events_are_poison(subgraph: InterviewsSubgraph) -> None:
    broken = created("app-1", "alice")
    broken["data"] = {}
    with pytest.raises(MalformedEvent):
        await subgraph.handlers["application.created"](broken)
    with pytest.raises(MalformedEvent):
        await subgraph.handlers["application.deleted"]({**created("app-1", "alice"), "user_id": None})


async def test_no_cdn_backed_ide_page_is_served(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", headers={"Accept": "text/html"})
    assert not response.headers.get("content-type", "").startswith("text/html")
