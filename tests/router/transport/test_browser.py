"""What browsers meet: CORS for configured origins (any localhost port by default), credentials, cached
preflights, and the standard security headers on every response."""

from __future__ import annotations

from router.config import RouterConfig
from tests.router.plugins.harness import router_http

PREFLIGHT = {
    "access-control-request-method": "POST",
    "access-control-request-headers": "content-type, authorization",
}


async def test_a_localhost_origin_is_allowed_by_default_with_credentials() -> None:
    async with router_http() as http:
        preflight = await http.options("/graphql", headers={**PREFLIGHT, "origin": "http://localhost:5173"})
        actual = await http.post(
            "/graphql", json={"query": "{ me { name } }"}, headers={"origin": "http://localhost:5173"}
        )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "http://localhost:5173"
    assert preflight.headers["access-control-allow-credentials"] == "true"
    assert preflight.headers["access-control-max-age"] == "600"
    assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
    assert actual.headers["access-control-allow-origin"] == "http://localhost:5173"
    assert "x-request-id" in actual.headers["access-control-expose-headers"]


async def test_another_origin_gets_no_cors_permission() -> None:
    async with router_http() as http:
        preflight = await http.options("/graphql", headers={**PREFLIGHT, "origin": "https://evil.example"})
        actual = await http.post(
            "/graphql", json={"query": "{ me { name } }"}, headers={"origin": "https://evil.example"}
        )
    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in preflight.headers
    assert "access-control-allow-origin" not in actual.headers


async def test_configured_origins_replace_the_localhost_default() -> None:
    config = RouterConfig(cors_origins=("https://app.jobgraph.example",), cors_max_age=3600)
    async with router_http(config=config) as http:
        allowed = await http.options(
            "/graphql", headers={**PREFLIGHT, "origin": "https://app.jobgraph.example"}
        )
        local = await http.options("/graphql", headers={**PREFLIGHT, "origin": "http://localhost:5173"})
    assert allowed.headers["access-control-allow-origin"] == "https://app.jobgraph.example"
    assert allowed.headers["access-control-max-age"] == "3600"
    assert local.status_code == 400


async def test_every_response_carries_the_security_headers() -> None:
    async with router_http() as http:
        for response in (
            await http.post("/graphql", json={"query": "{ me { name } }"}),
            await http.get("/graphql", headers={"accept": "text/html"}),
            await http.get("/health/live"),
        ):
            assert response.headers["x-content-type-options"] == "nosniff"
            assert response.headers["x-frame-options"] == "DENY"
            assert response.headers["content-security-policy"] == "frame-ancestors 'none'"
            assert "strict-transport-security" not in response.headers


async def test_hsts_is_sent_when_configured() -> None:
    async with router_http(config=RouterConfig(hsts=True)) as http:
        response = await http.get("/health/live")
    assert response.headers["strict-transport-security"].startswith("max-age=")
