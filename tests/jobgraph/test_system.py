"""The whole system in one process, as `jobgraph dev` runs it: one router in front of every subgraph."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.client import system_client

LOGIN = """
mutation { login(input: {email: "ada@example.com", password: "correct horse battery"}) { user { name } } }
"""


async def test_a_person_signs_up_and_reads_their_profile_through_the_router(tmp_path: Path) -> None:
    async with system_client(tmp_path) as client:
        ada = await client.sign_up("ada@example.com", "Ada")
        data = await client.data("{ me { id name } }", ada.token)
        assert data == {"me": {"id": ada.id, "name": "Ada"}}
        health = await client.http.get("/health")
        assert health.status_code == 200


async def test_data_survives_a_restart(tmp_path: Path) -> None:
    async with system_client(tmp_path) as client:
        await client.sign_up("ada@example.com", "Ada")
    async with system_client(tmp_path) as client:
        assert await client.data(LOGIN) == {"login": {"user": {"name": "Ada"}}}


async def test_the_mounted_subgraphs_answer_only_the_router(tmp_path: Path) -> None:
    # `jobgraph dev` serves each subgraph under /subgraphs/<name> too; a fresh secret per process guards
    # them with nothing to configure, while the router's own clients carry it.
    async with system_client(tmp_path) as client:
        direct = await client.http.post("/subgraphs/users/graphql", json={"query": "{ _service { sdl } }"})
        assert direct.status_code == 403
        assert direct.json()["errors"][0]["extensions"] == {"code": "FORBIDDEN"}
        assert (await client.http.get("/subgraphs/users/health")).status_code == 200
        assert await client.data("{ __typename }") == {"__typename": "Query"}
