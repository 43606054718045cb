"""Idempotency keys on the applications subgraph with the real PostgreSQL: twenty identical createApplication
requests sent at once under one key create exactly one application and all get its answer."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from subgraphs.applications.app import build_subgraph
from subgraphs.kit.settings import SubgraphSettings
from tests.subgraphs.databases import postgres_database
from tests.subgraphs.harness import PUBLIC_PEM, started, token

pytestmark = pytest.mark.postgres

CREATE = """mutation Create($company: String!) {
  createApplication(input: {company: $company, position: "Engineer"}) { id company status }
}"""
COUNT = "{ applications { totalCount } }"


@pytest.fixture
async def http(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    async with postgres_database("applications") as url:
        settings = SubgraphSettings.from_env(
            "applications",
            {
                "JOBGRAPH_DATA_DIR": str(tmp_path),
                "JOBGRAPH_JWT_PUBLIC_KEY": PUBLIC_PEM,
                "APPLICATIONS_DATABASE_URL": url,
            },
        )
        async with started(build_subgraph(settings)) as built:
            transport = httpx.ASGITransport(app=built.app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://subgraph", timeout=60
            ) as client:
                yield client


async def _post(
    http: httpx.AsyncClient, query: str, user: str, key: str | None, **variables: Any
) -> dict[str, Any]:
    headers = {"authorization": f"Bearer {token(user)}"}
    if key is not None:
        headers["idempotency-key"] = key
    response = await http.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    body: dict[str, Any] = response.json()
    return body


async def test_twenty_concurrent_retries_create_one_application(http: httpx.AsyncClient) -> None:
    bodies = await asyncio.gather(
        *(_post(http, CREATE, "ada", "create-acme", company="Acme") for _ in range(20))
    )
    assert {str(body["data"]) for body in bodies} == {str(bodies[0]["data"])}
    assert bodies[0]["data"]["createApplication"]["company"] == "Acme"
    assert sum(body.get("extensions") == {"idempotentReplay": True} for body in bodies) == 19
    assert (await _post(http, COUNT, "ada", None))["data"] == {"applications": {"totalCount": 1}}


async def test_the_same_key_for_another_application_is_conflict(http: httpx.AsyncClient) -> None:
    await _post(http, CREATE, "ada", "create-1", company="Acme")
    body = await _post(http, CREATE, "ada", "create-1", company="Globex")
    assert body["errors"][0]["extensions"] == {"code": "CONFLICT", "field": "Idempotency-Key"}
    assert (await _post(http, COUNT, "ada", None))["data"] == {"applications": {"totalCount": 1}}


async def test_another_person_may_use_the_same_key(http: httpx.AsyncClient) -> None:
    ada = await _post(http, CREATE, "ada", "create-1", company="Acme")
    grace = await _post(http, CREATE, "grace", "create-1", company="Acme")
    assert ada["data"]["createApplication"]["id"] != grace["data"]["createApplication"]["id"]
    assert "extensions" not in grace
    assert (await _post(http, COUNT, "grace", None))["data"] == {"applications": {"totalCount": 1}}
