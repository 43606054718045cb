"""Partner API tokens at the router: a `Bearer jgp_...` secret is exchanged at the real users subgraph for a
short-lived access token, which is verified and forwarded instead of the secret; unknown, revoked and
expired tokens are UNAUTHENTICATED (HTTP 401) before any subgraph is called, a revocation within the
exchange's cache lifetime."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest

from router.plugins.api_tokens import ApiTokenExchange
from router.plugins.authentication import AuthenticationPlugin
from router.plugins.keys import FileKeys
from subgraphs.kit.keys import SigningKey
from subgraphs.kit.router_only import RouterOnly
from subgraphs.users.app import UsersSubgraph, build_subgraph
from tests.network import free_port
from tests.router.executor.subgraphs import RecordingClient, recording_clients
from tests.router.plugins.harness import router_http
from tests.subgraphs.harness import started, subgraph_settings

SECRET = "router-secret-for-tests"
QUERY = {"query": "{ me { name } }"}


class Clock:
    """A monotonic clock the test moves by hand (the exchange cache's)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class UsersClock:
    """The users subgraph's wall clock, moved by hand (token expiry)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Partner:
    http: httpx.AsyncClient
    clients: dict[str, RecordingClient]
    users: UsersSubgraph
    person: str
    clock: Clock
    users_clock: UsersClock
    exchanges: list[str]

    async def new_token(
        self, scopes: tuple[str, ...] = ("profile:read",), expires_at: datetime | None = None
    ) -> tuple[str, str]:
        created = await self.users.service.create_api_token(self.person, "coach", scopes, expires_at)
        return created.secret, created.token.id

    async def ask(self, secret: str) -> httpx.Response:
        for client in self.clients.values():
            client.requests.clear()
        return await self.http.post("/graphql", json=QUERY, headers={"authorization": f"Bearer {secret}"})

    def subgraphs_called(self) -> bool:
        return any(client.requests for client in self.clients.values())


def counting(app: Any, calls: list[str]) -> Any:
    """`app` as it is, recording each request path (how many exchanges reached users)."""

    async def asgi(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            calls.append(scope["path"])
        await app(scope, receive, send)

    return asgi


@pytest.fixture
async def partner(tmp_path: Path) -> AsyncIterator[Partner]:
    users_clock = UsersClock()
    users = build_subgraph(subgraph_settings("users", tmp_path), clock=users_clock)
    async with started(users):
        person = (await users.service.register("ada@example.com", "correct horse", "Ada")).user.id
        exchanges: list[str] = []
        served = counting(RouterOnly(users.app, SECRET), exchanges)
        clock = Clock()
        exchange = ApiTokenExchange(
            "http://users/api-tokens/exchange",
            router_secret=SECRET,
            client=httpx.AsyncClient(transport=httpx.ASGITransport(app=served)),
            clock=clock,
        )
        plugin = AuthenticationPlugin(
            FileKeys.of_text(users.signing_key.public_pem),
            issuer="jobgraph-users",
            audience="jobgraph",
            exchange=exchange,
        )
        clients = recording_clients()
        async with router_http(plugin, clients=clients) as http:
            yield Partner(http, clients, users, person, clock, users_clock, exchanges)


async def test_the_secret_is_exchanged_and_the_subgraphs_get_an_access_token(partner: Partner) -> None:
    secret, token_id = await partner.new_token(("profile:read", "applications:read"))
    response = await partner.ask(secret)
    assert response.status_code == 200
    assert response.json() == {"data": {"me": {"name": "Ada"}}}
    [request] = partner.clients["accounts"].requests
    forwarded = request.headers["authorization"].removeprefix("Bearer ")
    assert secret not in str(request.headers)
    claims = jwt.decode(forwarded, options={"verify_signature": False})
    assert claims["sub"] == partner.person
    assert claims["scope"] == "profile:read applications:read"
    assert claims["api_token"] == token_id


async def test_a_burst_of_requests_costs_one_exchange(partner: Partner) -> None:
    secret, _ = await partner.new_token()
    responses = await asyncio.gather(*(partner.ask(secret) for _ in range(5)))
    assert [response.status_code for response in responses] == [200] * 5
    await partner.ask(secret)
    assert partner.exchanges == ["/api-tokens/exchange"]


@pytest.mark.parametrize("secret", ["jgp_not-a-token", "jgp_"])
async def test_an_unknown_token_is_refused_before_any_subgraph(partner: Partner, secret: str) -> None:
    response = await partner.ask(secret)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    assert [error["extensions"] for error in response.json()["errors"]] == [{"code": "UNAUTHENTICATED"}]
    assert not partner.subgraphs_called()


async def test_a_revoked_token_is_refused_once_the_cached_exchange_lapses(partner: Partner) -> None:
    secret, token_id = await partner.new_token()
    assert (await partner.ask(secret)).status_code == 200
    await partner.users.service.revoke_api_token(partner.person, token_id)
    # Within the exchange's lifetime at the router the token still works: that is the documented bound.
    partner.clock.now += 29
    assert (await partner.ask(secret)).status_code == 200
    partner.clock.now += 2
    response = await partner.ask(secret)
    assert response.status_code == 401
    assert not partner.subgraphs_called()


async def test_an_expired_token_is_refused(partner: Partner) -> None:
    secret, _ = await partner.new_token(expires_at=partner.users_clock.now + timedelta(hours=1))
    assert (await partner.ask(secret)).status_code == 200
    partner.users_clock.now += timedelta(hours=1)
    partner.clock.now += 31
    assert (await partner.ask(secret)).status_code == 401
    assert not partner.subgraphs_called()


async def test_last_used_is_recorded_by_the_exchange(partner: Partner) -> None:
    secret, _ = await partner.new_token()
    [before] = await partner.users.service.api_tokens_of(partner.person)
    assert before.last_used_at is None
    await partner.ask(secret)
    [after] = await partner.users.service.api_tokens_of(partner.person)
    assert after.last_used_at == partner.users_clock.now


async def test_the_exchange_needs_the_router_secret(partner: Partner) -> None:
    secret, _ = await partner.new_token()
    transport = httpx.ASGITransport(app=RouterOnly(partner.users.app, SECRET))
    async with httpx.AsyncClient(transport=transport, base_url="http://users") as direct:
        response = await direct.post("/api-tokens/exchange", json={"token": secret})
    assert response.status_code == 403


async def test_users_unreachable_is_503_and_not_remembered() -> None:
    exchange = ApiTokenExchange(f"http://127.0.0.1:{free_port()}/api-tokens/exchange", timeout=1)
    plugin = AuthenticationPlugin(
        FileKeys.of_text(SigningKey.generate().public_pem), issuer=None, audience=None, exchange=exchange
    )
    clients = recording_clients()
    async with router_http(plugin, clients=clients) as http:
        for _ in range(2):
            response = await http.post("/graphql", json=QUERY, headers={"authorization": "Bearer jgp_abc"})
            assert response.status_code == 503
            assert response.json()["errors"][0]["extensions"] == {"code": "API_TOKEN_EXCHANGE_FAILED"}
            assert response.headers["retry-after"] == "5"
    assert not any(client.requests for client in clients.values())


async def test_a_waiter_is_not_stranded_when_the_request_exchanging_goes_away(partner: Partner) -> None:
    secret, _ = await partner.new_token()
    release = asyncio.Event()
    served = RouterOnly(partner.users.app, SECRET)

    async def slow_once(scope: Any, receive: Any, send: Any) -> None:
        if not release.is_set():
            await asyncio.sleep(3600)  # the first exchange never answers: its request is cancelled
        await served(scope, receive, send)

    exchange = ApiTokenExchange(
        "http://users/api-tokens/exchange",
        router_secret=SECRET,
        client=httpx.AsyncClient(transport=httpx.ASGITransport(app=slow_once)),
    )
    first = asyncio.create_task(exchange.access_token(secret))
    await asyncio.sleep(0.05)
    second = asyncio.create_task(exchange.access_token(secret))
    await asyncio.sleep(0.05)
    release.set()
    first.cancel()
    token = await asyncio.wait_for(second, 10)
    assert jwt.decode(token, options={"verify_signature": False})["sub"] == partner.person
    await exchange.aclose()
