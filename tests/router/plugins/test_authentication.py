"""Identity at the router: access tokens verified against a JWKS or a key file before any subgraph is called.

Bad input: a wrong key, `alg: none`, HMAC with the public key, expired, another issuer or audience, a JWKS
endpoint that is down or slow. Each is UNAUTHENTICATED with HTTP 401, never a 500.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from router.config import RouterConfig
from router.plugins.authentication import AuthenticationPlugin
from router.plugins.keys import FileKeys, JwksKeys
from subgraphs.kit.keys import SigningKey
from tests.router.executor.subgraphs import RecordingClient, recording_clients
from tests.router.plugins.harness import router_http

ISSUER, AUDIENCE = "jobgraph-users", "jobgraph"
QUERY = {"query": "{ me { name } }"}
GRAPHQL_RESPONSE = "application/graphql-response+json"


@dataclass
class JwksServer:
    """A real HTTP JWKS endpoint (in-process) whose keys, failures and delay a test changes."""

    keys: list[dict[str, Any]] = field(default_factory=list)
    down: bool = False
    delay: float = 0.0
    fetches: int = 0

    def app(self) -> Starlette:
        async def jwks(_: Request) -> Response:
            self.fetches += 1
            if self.delay:
                await asyncio.sleep(self.delay)
            if self.down:
                return Response("unavailable", 503)
            return JSONResponse({"keys": self.keys})

        return Starlette(routes=[Route("/.well-known/jwks.json", jwks)])

    def source(self, *, timeout: float = 1.0, max_age: float = 300.0, min_refresh: float = 0.0) -> JwksKeys:
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app()), base_url="http://users")
        return JwksKeys(
            "http://users/.well-known/jwks.json",
            timeout=timeout,
            max_age=max_age,
            min_refresh=min_refresh,
            client=client,
        )


def claims(**changes: Any) -> dict[str, Any]:
    return {"sub": "u1", "iss": ISSUER, "aud": AUDIENCE, "exp": int(time.time()) + 300, **changes}


def plugin(source: Any, leeway: float = 30.0) -> AuthenticationPlugin:
    return AuthenticationPlugin(source, issuer=ISSUER, audience=AUDIENCE, leeway=leeway)


@pytest.fixture
def users_key() -> SigningKey:
    """The users subgraph's own key type: its JWKS document and tokens are what the router meets."""
    return SigningKey.generate()


@pytest.fixture
def server(users_key: SigningKey) -> JwksServer:
    return JwksServer(keys=list(users_key.jwks()["keys"]))


@pytest.fixture
def clients() -> dict[str, RecordingClient]:
    return recording_clients()


@pytest.fixture
async def http(server: JwksServer, clients: dict[str, RecordingClient]) -> AsyncIterator[httpx.AsyncClient]:
    async with router_http(plugin(server.source()), clients=clients) as client:
        yield client


async def ask(http: httpx.AsyncClient, token: str | None, authorization: str | None = None) -> httpx.Response:
    headers = {"accept": GRAPHQL_RESPONSE}
    if token is not None:
        headers["authorization"] = f"Bearer {token}"
    if authorization is not None:
        headers["authorization"] = authorization
    return await http.post("/graphql", json=QUERY, headers=headers)


def assert_refused(response: httpx.Response, reason: str, clients: dict[str, RecordingClient]) -> None:
    assert response.status_code == 401
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "UNAUTHENTICATED"}
    assert reason in error["message"]
    assert "data" not in response.json()
    assert all(not client.requests for client in clients.values()), "no subgraph is called"


def forget_requests(clients: dict[str, RecordingClient]) -> None:
    for client in clients.values():
        client.requests.clear()


async def test_a_users_token_verifies_and_is_still_forwarded(
    http: httpx.AsyncClient, users_key: SigningKey, clients: dict[str, RecordingClient]
) -> None:
    token = users_key.sign(claims())
    response = await ask(http, token)
    assert response.json() == {"data": {"me": {"name": "Ada"}}}
    assert clients["accounts"].requests[0].headers["authorization"] == f"Bearer {token}"


async def test_no_token_is_anonymous_not_refused(http: httpx.AsyncClient) -> None:
    assert (await ask(http, None)).json() == {"data": {"me": {"name": "Ada"}}}


def _rsa() -> Any:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.mark.parametrize(
    ("algorithm", "make_key", "jwk_algorithm"),
    [
        ("RS256", _rsa, jwt.algorithms.RSAAlgorithm),
        ("ES256", lambda: ec.generate_private_key(ec.SECP256R1()), jwt.algorithms.ECAlgorithm),
        ("EdDSA", ed25519.Ed25519PrivateKey.generate, jwt.algorithms.OKPAlgorithm),
    ],
)
async def test_each_accepted_algorithm_verifies(
    algorithm: str, make_key: Any, jwk_algorithm: Any, clients: dict[str, RecordingClient]
) -> None:
    private = make_key()
    jwk = jwk_algorithm.to_jwk(private.public_key(), as_dict=True)
    server = JwksServer(keys=[{**jwk, "kid": "k1", "alg": algorithm, "use": "sig"}])
    async with router_http(plugin(server.source()), clients=clients) as http:
        token = jwt.encode(claims(), private, algorithm=algorithm, headers={"kid": "k1"})
        assert (await ask(http, token)).json() == {"data": {"me": {"name": "Ada"}}}


async def test_a_token_signed_with_another_key_is_refused(
    http: httpx.AsyncClient, users_key: SigningKey, clients: dict[str, RecordingClient]
) -> None:
    forger = SigningKey.generate()
    token = jwt.encode(claims(), forger.private_key, algorithm="EdDSA", headers={"kid": users_key.kid})
    assert_refused(await ask(http, token), "Signature verification failed", clients)


async def test_alg_none_is_refused(
    http: httpx.AsyncClient, users_key: SigningKey, clients: dict[str, RecordingClient]
) -> None:
    token = jwt.encode(claims(), None, algorithm="none", headers={"kid": users_key.kid})  # type: ignore[arg-type]
    assert_refused(await ask(http, token), "algorithm 'none' is not accepted", clients)


async def test_hmac_with_the_public_key_as_secret_is_refused(
    http: httpx.AsyncClient, users_key: SigningKey, clients: dict[str, RecordingClient]
) -> None:
    # The classic algorithm confusion: the published public key used as an HMAC secret.
    raw = users_key.public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    token = jwt.encode(claims(), raw, algorithm="HS256", headers={"kid": users_key.kid})
    assert_refused(await ask(http, token), "algorithm 'HS256' is not accepted", clients)


async def test_an_expired_token_is_refused(
    http: httpx.AsyncClient, users_key: SigningKey, clients: dict[str, RecordingClient]
) -> None:
    token = users_key.sign(claims(exp=int(time.time()) - 120))
    assert_refused(await ask(http, token), "expired", clients)


async def test_a_token_just_expired_within_the_clock_skew_allowance_passes(
    http: httpx.AsyncClient, users_key: SigningKey
) -> None:
    token = users_key.sign(claims(exp=int(time.time()) - 5))
    assert (await ask(http, token)).json() == {"data": {"me": {"name": "Ada"}}}


@pytest.mark.parametrize(
    ("changed", "reason"), [({"iss": "someone-else"}, "issuer"), ({"aud": "another-api"}, "audience")]
)
async def test_another_issuer_or_audience_is_refused(
    http: httpx.AsyncClient,
    users_key: SigningKey,
    clients: dict[str, RecordingClient],
    changed: dict[str, str],
    reason: str,
) -> None:
    response = await ask(http, users_key.sign(claims(**changed)))
    assert_refused(response, "invalid", clients)
    assert reason in response.json()["errors"][0]["message"].lower()


@pytest.mark.parametrize("authorization", ["Bearer", "Basic dXNlcjpwYXNz", "Bearer not.a.jwt"])
async def test_a_malformed_authorization_header_is_refused(
    http: httpx.AsyncClient, clients: dict[str, RecordingClient], authorization: str
) -> None:
    assert_refused(await ask(http, None, authorization), "", clients)


async def test_a_rotated_key_is_fetched_when_a_token_names_it(
    http: httpx.AsyncClient, server: JwksServer, users_key: SigningKey
) -> None:
    assert (await ask(http, users_key.sign(claims()))).status_code == 200
    rotated = SigningKey.generate()
    server.keys = [*server.keys, *rotated.jwks()["keys"]]
    assert (await ask(http, rotated.sign(claims()))).json() == {"data": {"me": {"name": "Ada"}}}
    assert server.fetches == 2


async def test_an_unknown_kid_does_not_refetch_more_than_once_per_interval(
    server: JwksServer, users_key: SigningKey, clients: dict[str, RecordingClient]
) -> None:
    stranger = SigningKey.generate()
    async with router_http(plugin(server.source(min_refresh=60)), clients=clients) as http:
        for _ in range(5):
            assert_refused(await ask(http, stranger.sign(claims())), "signing key is unknown", clients)
    assert server.fetches == 1


async def test_cached_keys_keep_working_while_the_jwks_endpoint_is_down(
    server: JwksServer, users_key: SigningKey, clients: dict[str, RecordingClient]
) -> None:
    # max_age 0: every use finds the set stale and refreshes it in the background, which fails.
    async with router_http(plugin(server.source(max_age=0)), clients=clients) as http:
        assert (await ask(http, users_key.sign(claims()))).status_code == 200
        server.down = True
        for _ in range(3):
            response = await ask(http, users_key.sign(claims(sub="u2")))
            assert response.json() == {"data": {"me": {"name": "Ada"}}}
            await asyncio.sleep(0)
    assert server.fetches >= 2


async def test_a_jwks_endpoint_down_from_the_start_is_unauthenticated_not_500(
    server: JwksServer, users_key: SigningKey, clients: dict[str, RecordingClient]
) -> None:
    server.down = True
    async with router_http(plugin(server.source()), clients=clients) as http:
        assert_refused(await ask(http, users_key.sign(claims())), "signing key is unknown", clients)


async def test_a_slow_jwks_endpoint_holds_no_request_past_the_timeout(
    server: JwksServer, users_key: SigningKey, clients: dict[str, RecordingClient]
) -> None:
    server.delay = 30
    async with router_http(plugin(server.source(timeout=0.2)), clients=clients) as http:
        # Far below the endpoint's 30 s: the request is answered once the 0.2 s timeout passes.
        response = await asyncio.wait_for(ask(http, users_key.sign(claims())), 5)
    assert_refused(response, "signing key is unknown", clients)


async def test_a_pem_key_file_verifies_tokens(
    tmp_path: Path, users_key: SigningKey, clients: dict[str, RecordingClient]
) -> None:
    path = tmp_path / "public.pem"
    path.write_text(users_key.public_pem)
    async with router_http(plugin(FileKeys(path)), clients=clients) as http:
        assert (await ask(http, users_key.sign(claims()))).status_code == 200
        forget_requests(clients)
        assert_refused(await ask(http, SigningKey.generate().sign(claims())), "Signature", clients)


async def test_the_configuration_turns_verification_on(
    tmp_path: Path, users_key: SigningKey, clients: dict[str, RecordingClient]
) -> None:
    path = tmp_path / "jwks.json"
    path.write_text(httpx.Response(200, json=users_key.jwks()).text)
    config = RouterConfig(jwt_key_file=str(path))
    async with router_http(config=config, clients=clients) as http:
        assert (await ask(http, users_key.sign(claims()))).status_code == 200
        forget_requests(clients)
        assert_refused(await ask(http, users_key.sign(claims(aud="x"))), "Audience", clients)
