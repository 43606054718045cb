"""The users app over HTTP: health, the JWKS other services verify tokens with, and tokens that verify."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import jwt
import pytest

from subgraphs.kit.auth import AUDIENCE, ISSUER
from subgraphs.kit.settings import SubgraphSettings
from subgraphs.users.app import UsersSubgraph, build_subgraph
from tests.subgraphs.harness import post

REGISTER = """mutation { register(input: {email: "ada@example.com", password: "correct horse", name: "Ada"}) {
  token user { id } } }"""


@pytest.fixture
async def users(tmp_path: Path) -> AsyncIterator[UsersSubgraph]:
    built = build_subgraph(SubgraphSettings.from_env("users", {"JOBGRAPH_DATA_DIR": str(tmp_path)}))
    async with built.app.router.lifespan_context(built.app):
        yield built


@pytest.fixture
async def http(users: UsersSubgraph) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=users.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://users", timeout=10) as client:
        yield client


async def test_health(http: httpx.AsyncClient) -> None:
    assert (await http.get("/health")).json() == {"status": "ok", "service": "users"}


async def test_tokens_verify_with_the_published_jwks(http: httpx.AsyncClient) -> None:
    registered = (await post(http, REGISTER, None))["data"]["register"]
    response = await http.get("/.well-known/jwks.json")
    assert response.headers["cache-control"].startswith("public")
    [key] = response.json()["keys"]
    assert (key["kty"], key["crv"], key["use"]) == ("OKP", "Ed25519", "sig")
    assert jwt.get_unverified_header(registered["token"])["kid"] == key["kid"]
    claims = jwt.decode(
        registered["token"], jwt.PyJWK(key).key, algorithms=["EdDSA"], audience=AUDIENCE, issuer=ISSUER
    )
    assert claims["sub"] == registered["user"]["id"]


async def test_the_token_signs_the_caller_in(http: httpx.AsyncClient) -> None:
    registered = (await post(http, REGISTER, None))["data"]["register"]
    me = await post(http, "{ me { id name } }", registered["token"])
    assert me == {"data": {"me": {"id": registered["user"]["id"], "name": "Ada"}}}
    refused = await post(http, "{ me { id } }", "not-a-token")
    assert refused["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


CREATE_TOKEN = """mutation { createApiToken(input: {name: "coach", scopes: ["profile:read"]}) { token } }"""


async def test_an_api_token_is_exchanged_for_an_access_token_a_partner_uses(http: httpx.AsyncClient) -> None:
    registered = (await post(http, REGISTER, None))["data"]["register"]
    secret = (await post(http, CREATE_TOKEN, registered["token"]))["data"]["createApiToken"]["token"]
    response = await http.post("/api-tokens/exchange", json={"token": secret})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    exchanged = response.json()
    assert exchanged["expiresIn"] == 300
    me = await post(http, "{ me { id } }", exchanged["accessToken"])
    assert me == {"data": {"me": {"id": registered["user"]["id"]}}}
    # A partner's token is not the person's session: it cannot manage tokens.
    tokens = await post(http, "{ apiTokens { id } }", exchanged["accessToken"])
    assert [error["extensions"]["code"] for error in tokens["errors"]] == ["FORBIDDEN"]


@pytest.mark.parametrize(
    ("body", "status"),
    [(b"not json", 400), (b'{"token": 42}', 400), (b"[]", 400), (b'{"token": "jgp_unknown"}', 401)],
)
async def test_a_bad_exchange_is_refused_plainly(http: httpx.AsyncClient, body: bytes, status: int) -> None:
    response = await http.post("/api-tokens/exchange", content=body)
    assert response.status_code == status
    assert "error" in response.json()
