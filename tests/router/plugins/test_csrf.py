"""CSRF prevention as Apollo's: a request a browser could send cross-site without a preflight is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from router.config import RouterConfig
from tests.router.plugins.harness import router_http

QUERY = "{ me { name } }"
BLOCKED = "CSRF_PREVENTED"


async def test_json_posts_pass_because_a_browser_preflights_them() -> None:
    async with router_http() as http:
        response = await http.post("/graphql", json={"query": QUERY})
    assert response.json() == {"data": {"me": {"name": "Ada"}}}


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]
)
async def test_a_cross_site_form_post_is_refused_before_it_runs(content_type: str) -> None:
    async with router_http() as http:
        response = await http.post(
            "/graphql", content=b'{"query": "{ me { name } }"}', headers={"content-type": content_type}
        )
    # The transport reads only JSON bodies (415 for the rest); what it would read is refused as CSRF.
    assert response.status_code in (400, 415)
    assert response.json()["errors"][0]["extensions"]["code"] in (BLOCKED, "BAD_REQUEST")


async def test_a_get_without_a_preflight_header_is_refused() -> None:
    async with router_http() as http:
        response = await http.get("/graphql", params={"query": QUERY}, headers={"accept": "application/json"})
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == BLOCKED
    assert "apollo-require-preflight" in error["message"]


@pytest.mark.parametrize("header", ["apollo-require-preflight", "x-apollo-operation-name"])
async def test_a_get_with_a_required_header_runs(header: str) -> None:
    async with router_http() as http:
        response = await http.get(
            "/graphql", params={"query": QUERY}, headers={"accept": "application/json", header: "1"}
        )
    assert response.json() == {"data": {"me": {"name": "Ada"}}}


async def test_an_empty_required_header_does_not_count() -> None:
    async with router_http() as http:
        response = await http.get(
            "/graphql", params={"query": QUERY}, headers={"apollo-require-preflight": ""}
        )
    assert response.json()["errors"][0]["extensions"]["code"] == BLOCKED


async def test_graphiql_page_is_served_to_a_browser_get(tmp_path: Path) -> None:
    (tmp_path / "graphiql.html").write_text("<!doctype html><title>GraphiQL</title>")
    async with router_http(config=RouterConfig(web_dir=str(tmp_path))) as http:
        response = await http.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")


async def test_it_can_be_turned_off() -> None:
    async with router_http(config=RouterConfig(csrf_prevention=False)) as http:
        response = await http.get("/graphql", params={"query": QUERY})
    assert response.json() == {"data": {"me": {"name": "Ada"}}}
