"""Header rules (router/headers.py), met over the router's HTTP transport: which client headers reach which
subgraph, and which subgraph response headers reach the client."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from router.config import HeaderRules, RouterConfig
from router.headers import merged_cache_control
from router.subgraph_client.asgi import asgi_client
from subgraphs.kit.keys import SigningKey
from tests.router.executor.subgraphs import (
    RecordingClient,
    accounts_app,
    products_app,
    recording_clients,
    reviews_app,
)
from tests.router.plugins.harness import router_http

# `topProducts` is the products subgraph's, `reviews` the reviews', `author { name }` the accounts'.
QUERY = "{ topProducts { name reviews { body author { name } } } }"
CLIENT_HEADERS = {
    "authorization": "Bearer not-verified-here",
    "x-tenant": "acme",
    "x-feature-a": "on",
    "x-feature-b": "off",
    "x-other": "kept-back",
}


def rules(**given: Any) -> RouterConfig:
    return RouterConfig(header_rules=HeaderRules.model_validate(given))


async def sent(config: RouterConfig, headers: dict[str, str] | None = None) -> dict[str, dict[str, str]]:
    """The headers each subgraph got for QUERY (minus the router's own), by subgraph."""
    clients = recording_clients()
    async with router_http(config=config, clients=clients) as http:
        response = await http.post(
            "/graphql", json={"query": QUERY}, headers=CLIENT_HEADERS if headers is None else headers
        )
    assert response.status_code == 200, response.text
    assert "errors" not in response.json()
    return {
        name: {key: value for key, value in client.requests[0].headers.items() if key != "x-request-id"}
        for name, client in clients.items()
    }


async def test_by_default_only_the_token_and_the_address_are_forwarded() -> None:
    got = await sent(RouterConfig())
    for headers in got.values():
        assert headers == {"authorization": "Bearer not-verified-here", "x-forwarded-for": "127.0.0.1"}


async def test_propagate_by_name_with_a_rename_and_a_default() -> None:
    config = rules(
        all=[
            {"propagate": {"named": "x-tenant", "rename": "x-jobgraph-tenant"}},
            {"propagate": {"named": "x-region", "default": "eu"}},
        ]
    )
    for headers in (await sent(config)).values():
        assert (headers["x-jobgraph-tenant"], headers["x-region"]) == ("acme", "eu")
        assert "x-tenant" not in headers


async def test_propagate_by_regular_expression_matches_whole_names() -> None:
    config = rules(all=[{"propagate": {"matching": "x-feature-.*"}}, {"propagate": {"matching": "other"}}])
    for headers in (await sent(config)).values():
        assert (headers["x-feature-a"], headers["x-feature-b"]) == ("on", "off")
        assert "x-other" not in headers


async def test_insert_a_static_value_or_a_client_header() -> None:
    config = rules(
        all=[
            {"insert": {"name": "x-source", "value": "router"}},
            {"insert": {"name": "x-copied-tenant", "from_header": "X-Tenant"}},
            {"insert": {"name": "x-absent", "from_header": "x-not-sent"}},
        ]
    )
    for headers in (await sent(config)).values():
        assert (headers["x-source"], headers["x-copied-tenant"]) == ("router", "acme")
        assert "x-absent" not in headers


async def test_remove_by_name_or_pattern_even_a_default_header() -> None:
    config = rules(
        all=[{"propagate": {"matching": "x-.*"}}, {"remove": {"named": "x-forwarded-for"}}],
        subgraphs={"reviews": [{"remove": {"matching": "x-feature-.*|authorization"}}]},
    )
    got = await sent(config)
    assert "x-forwarded-for" not in got["products"] and got["products"]["x-feature-a"] == "on"
    assert got["reviews"] == {"x-tenant": "acme", "x-other": "kept-back"}


async def test_rules_per_subgraph_apply_after_the_rules_for_all() -> None:
    config = rules(
        all=[{"insert": {"name": "x-source", "value": "router"}}],
        subgraphs={"accounts": [{"insert": {"name": "x-source", "value": "router-for-accounts"}}]},
    )
    got = await sent(config)
    assert got["accounts"]["x-source"] == "router-for-accounts"
    assert got["products"]["x-source"] == got["reviews"]["x-source"] == "router"


async def test_insert_from_a_verified_token_claim(tmp_path: Path) -> None:
    key = SigningKey.generate()
    path = tmp_path / "public.pem"
    path.write_text(key.public_pem)
    config = RouterConfig(
        jwt_key_file=str(path),
        jwt_issuer=None,
        jwt_audience=None,
        header_rules=HeaderRules.model_validate(
            {
                "all": [
                    {"insert": {"name": "x-user-id", "from_claim": "sub"}},
                    {"insert": {"name": "x-scopes", "from_claim": "scopes"}},
                ]
            }
        ),
    )
    token = key.sign({"sub": "u7", "scopes": ["profile:read", "contacts:read"], "exp": int(time.time()) + 60})
    got = await sent(config, {"authorization": f"Bearer {token}"})
    assert got["products"]["x-user-id"] == "u7"
    assert got["products"]["x-scopes"] == "profile:read contacts:read"
    anonymous = await sent(config, {})
    assert "x-user-id" not in anonymous["products"]


async def test_propagated_headers_keep_identical_queries_apart_in_the_dedupe() -> None:
    clients = recording_clients()
    config = rules(all=[{"propagate": {"named": "x-tenant"}}])
    async with router_http(config=config, clients=clients) as http:
        await asyncio.gather(
            *(
                http.post(
                    "/graphql", json={"query": "{ topProducts { name } }"}, headers={"x-tenant": tenant}
                )
                for tenant in ("acme", "globex")
            )
        )
    assert sorted(request.headers["x-tenant"] for request in clients["products"].requests) == [
        "acme",
        "globex",
    ]


def answering_with(app: Any, headers: Iterable[tuple[str, str]]) -> Any:
    """`app` with `headers` added to each of its HTTP responses."""
    extra = [(name.encode(), value.encode()) for name, value in headers]

    async def wrapped(scope: dict[str, Any], receive: Any, send: Any) -> None:
        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await app(scope, receive, sending)

    return wrapped


async def test_every_subgraph_cookie_and_the_most_restrictive_cache_control_reach_the_client() -> None:
    clients = {
        "products": RecordingClient(
            asgi_client(
                "products",
                answering_with(
                    products_app(),
                    [("set-cookie", "p=1; Path=/"), ("set-cookie", "q=2"), ("cache-control", "max-age=60")],
                ),
            )
        ),
        "reviews": RecordingClient(
            asgi_client(
                "reviews",
                answering_with(
                    reviews_app(), [("set-cookie", "r=3"), ("cache-control", "private, max-age=30")]
                ),
            )
        ),
        "accounts": RecordingClient(
            asgi_client(
                "accounts", answering_with(accounts_app(), [("cache-control", "public, max-age=300")])
            )
        ),
    }
    async with router_http(clients=clients) as http:
        response = await http.post("/graphql", json={"query": QUERY})
    assert response.status_code == 200
    assert sorted(response.headers.get_list("set-cookie")) == ["p=1; Path=/", "q=2", "r=3"]
    assert response.headers["cache-control"] == "private, max-age=30"


@pytest.mark.parametrize(
    ("given", "merged"),
    [
        ([], None),
        (["max-age=60", "max-age=10"], "max-age=10"),
        (["public, max-age=60", "private, max-age=100"], "private, max-age=60"),
        (["max-age=60", "no-store"], "no-store"),
        (["private, max-age=60", "no-cache"], "private, no-cache"),
        (["max-age=soon"], "no-cache"),
    ],
)
def test_cache_control_merges_to_the_most_restrictive(given: list[str], merged: str | None) -> None:
    assert merged_cache_control(given) == merged
