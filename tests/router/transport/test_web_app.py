"""The web app and GraphiQL as the router serves them from a web build directory (what `vite build` writes).

The directory here is a small stand-in with the same layout (index.html, graphiql.html, assets/); the real
build is served the same way in the browser tests (tests/web/).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from router.app import build_router_app
from router.config import RouterConfig
from tests.router.executor.subgraphs import SUPERGRAPH, recording_clients

HTML = "text/html,application/xhtml+xml"


def write_build(root: Path) -> Path:
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text('<!doctype html><div id="root"></div><script src="/assets/app-1a2b.js">')
    graphiql = '<!doctype html><div id="graphiql"></div><script src="/assets/gq-3c4d.js">'
    (root / "graphiql.html").write_text(graphiql)
    (root / "assets" / "app-1a2b.js").write_text("console.log('app')")
    (root / "assets" / "gq-3c4d.js").write_text("console.log('graphiql')")
    return root


async def serve(web_dir: Path | None) -> httpx.AsyncClient:
    config = RouterConfig(web_dir=str(web_dir) if web_dir else None)
    app = build_router_app(SUPERGRAPH, recording_clients(), config)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://router", timeout=10)


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    async with await serve(write_build(tmp_path / "dist")) as http:
        yield http


async def test_the_app_is_served_at_the_root_and_never_cached(client: httpx.AsyncClient) -> None:
    page = await client.get("/", headers={"accept": HTML})
    assert page.status_code == 200
    assert '<div id="root">' in page.text
    assert page.headers["cache-control"] == "no-cache"


async def test_client_side_routes_fall_back_to_the_app(client: httpx.AsyncClient) -> None:
    for path in ("/applications/42", "/interviews/calendar", "/signin"):
        page = await client.get(path, headers={"accept": HTML})
        assert page.status_code == 200, path
        assert '<div id="root">' in page.text


async def test_hashed_assets_are_cached_for_good_and_missing_ones_are_404(client: httpx.AsyncClient) -> None:
    asset = await client.get("/assets/app-1a2b.js")
    assert asset.status_code == 200
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    # A missing script must not be answered with the HTML page (the browser would fail to run it).
    assert (await client.get("/assets/gone-0000.js")).status_code == 404


async def test_browser_gets_graphiql_from_the_build(client: httpx.AsyncClient) -> None:
    page = await client.get("/graphql", headers={"accept": HTML})
    assert page.status_code == 200
    assert '<div id="graphiql">' in page.text
    assert "https://" not in page.text  # no CDN: works offline
    assert (await client.get("/assets/gq-3c4d.js")).status_code == 200


async def test_the_api_routes_are_not_shadowed_by_the_app(client: httpx.AsyncClient) -> None:
    answer = await client.post("/graphql", json={"query": "{ me { name } }"})
    assert answer.json() == {"data": {"me": {"name": "Ada"}}}
    assert (await client.get("/health")).json()["status"] == "ok"
    assert (await client.get("/metrics")).status_code == 200


async def test_without_a_build_graphiql_says_how_to_build_it_and_the_api_works(tmp_path: Path) -> None:
    async with await serve(tmp_path / "not-built") as http:
        page = await http.get("/graphql", headers={"accept": HTML})
        assert page.status_code == 503
        assert "make web" in page.text
        assert (await http.get("/", headers={"accept": HTML})).status_code == 404
        answer = await http.post("/graphql", json={"query": "{ me { name } }"})
        assert answer.json() == {"data": {"me": {"name": "Ada"}}}
