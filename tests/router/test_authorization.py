"""Authorization directives at planning time: forbidden fields leave the plan, answer null with
UNAUTHORIZED_FIELD_OR_TYPE at their path, and the rest of the operation runs (Apollo Router's behaviour)."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import connect

from router.app import build_router_app
from router.config import RouterConfig
from router.plugins import Plugin
from subgraphs.kit.keys import SigningKey
from tests.router.executor.subgraphs import SUPERGRAPH, RecordingClient, recording_clients
from tests.router.plugins.harness import router_http
from tests.router.transport.test_websocket import PROTOCOL, receive, send, served, start

DIRECTIVES = """
directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!)
  on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
directive @policy(policies: [[policy__Policy!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
scalar requiresScopes__Scope
scalar policy__Policy
"""

# The test supergraph with: `me` for signed-in callers, prices for the `products:price` scope (or admins),
# review bodies for callers the `moderated` policy admits.
SECURED = (
    SUPERGRAPH.replace(
        '@link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)',
        '@link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)\n'
        '  @link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)\n'
        '  @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)\n'
        '  @link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)',
    )
    .replace(
        "me: User! @join__field(graph: ACCOUNTS)", "me: User! @join__field(graph: ACCOUNTS) @authenticated"
    )
    .replace(
        "price: Int @join__field(graph: PRODUCTS)",
        'price: Int @join__field(graph: PRODUCTS) @requiresScopes(scopes: [["products:price"], ["admin"]])',
    )
    .replace("  body: String!\n", '  body: String! @policy(policies: [["moderated"]])\n')
    + DIRECTIVES
)
assert SECURED.count("@authenticated") == 2 and "@requiresScopes(scopes" in SECURED

QUERY = "query Shop($first: Int!) { me { name } topProducts(first: $first) { name price } }"


class Moderation(Plugin):
    """Registers the `moderated` policy: callers whose token says `moderated: true`."""

    policies: Mapping[str, Any] = {"moderated": lambda claims: bool(claims and claims.get("moderated"))}


@pytest.fixture
def key() -> SigningKey:
    return SigningKey.generate()


@pytest.fixture
def clients() -> dict[str, RecordingClient]:
    return recording_clients()


@pytest.fixture
async def http(
    key: SigningKey, tmp_path: Path, clients: dict[str, RecordingClient]
) -> AsyncIterator[httpx.AsyncClient]:
    path = tmp_path / "public.pem"
    path.write_text(key.public_pem)
    config = RouterConfig(jwt_key_file=str(path), jwt_issuer=None, jwt_audience=None)
    async with router_http(Moderation(), config=config, clients=clients, supergraph=SECURED) as client:
        yield client


def bearer(key: SigningKey, **claims: Any) -> dict[str, str]:
    token = key.sign({"sub": "u1", "exp": int(time.time()) + 60, **claims})
    return {"authorization": f"Bearer {token}"}


async def ask(http: httpx.AsyncClient, headers: dict[str, str], query: str = QUERY) -> dict[str, Any]:
    response = await http.post("/graphql", json={"query": query, "variables": {"first": 1}}, headers=headers)
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def unauthorized(*path: str | int) -> dict[str, Any]:
    return {
        "message": "Unauthorized field or type",
        "path": list(path),
        "extensions": {"code": "UNAUTHORIZED_FIELD_OR_TYPE"},
    }


async def test_an_authorized_caller_gets_everything(http: httpx.AsyncClient, key: SigningKey) -> None:
    body = await ask(http, bearer(key, scope="products:price other"))
    assert body == {"data": {"me": {"name": "Ada"}, "topProducts": [{"name": "Table", "price": 100}]}}


async def test_any_one_scope_set_suffices(http: httpx.AsyncClient, key: SigningKey) -> None:
    body = await ask(http, bearer(key, scopes=["admin"]))
    assert body["data"]["topProducts"] == [{"name": "Table", "price": 100}]


async def test_a_half_authorized_operation_answers_the_rest(
    http: httpx.AsyncClient, key: SigningKey, clients: dict[str, RecordingClient]
) -> None:
    body = await ask(http, bearer(key))
    assert body == {
        "errors": [unauthorized("topProducts", 0, "price")],
        "data": {"me": {"name": "Ada"}, "topProducts": [{"name": "Table", "price": None}]},
    }
    # The field left the plan: the products subgraph was never asked for a price.
    assert all("price" not in request.query for request in clients["products"].requests)


async def test_an_anonymous_caller_loses_the_authenticated_fields(
    http: httpx.AsyncClient, clients: dict[str, RecordingClient]
) -> None:
    body = await ask(http, {}, "{ me { name } topProducts(first: 1) { name } }")
    # `me` is non-null: its null reaches the root, as the spec's null propagation says (Apollo does the same).
    assert body == {"errors": [unauthorized("me")], "data": None}
    assert not clients["accounts"].requests
    body = await ask(http, {}, "{ topProducts(first: 1) { name price } }")
    assert body == {
        "errors": [unauthorized("topProducts", 0, "price")],
        "data": {"topProducts": [{"name": "Table", "price": None}]},
    }


async def test_policies_come_from_plugins(http: httpx.AsyncClient, key: SigningKey) -> None:
    query = "{ topProducts(first: 1) { reviews { body } } }"
    moderated = await ask(http, bearer(key, moderated=True), query)
    assert moderated == {"data": {"topProducts": [{"reviews": [{"body": "Sturdy"}, {"body": "Heavy"}]}]}}
    other = await ask(http, bearer(key), query)
    # `body` is non-null: each review's null propagates to the (non-null) list, then to the nullable root.
    assert other["errors"] == [unauthorized("topProducts", 0, "reviews", 0, "body")]
    assert other["data"] is None


async def test_fragments_and_variables_only_removed_fields_used(http: httpx.AsyncClient) -> None:
    query = """
    query Shop($first: Int!, $unused: Boolean = true) {
      topProducts(first: $first) { ...Card }
      me @include(if: $unused) { name }
    }
    fragment Card on Product { name price }
    """
    body = await ask(http, {}, query)
    # The fragment's `price` is removed where it is spread; `$unused` only served `me`, which is removed too.
    assert body["errors"] == [unauthorized("topProducts", 0, "price"), unauthorized("me")]
    assert body["data"] is None


async def test_a_fragment_and_variable_used_only_under_a_removed_field_go_too(
    http: httpx.AsyncClient,
) -> None:
    query = """
    query Shop($first: Int!, $fields: Boolean!) {
      topProducts(first: $first) { name }
      me { ...Profile }
    }
    fragment Profile on User { name @include(if: $fields) }
    """
    response = await http.post("/graphql", json={"query": query, "variables": {"first": 1, "fields": True}})
    assert response.json() == {"errors": [unauthorized("me")], "data": None}


async def test_a_supergraph_without_directives_costs_nothing() -> None:
    async with router_http() as http:
        body = await ask(http, {})
    assert body == {"data": {"me": {"name": "Ada"}, "topProducts": [{"name": "Table", "price": 100}]}}


async def test_over_websocket_tokens_are_verified_and_fields_authorized(
    key: SigningKey, tmp_path: Path
) -> None:
    path = tmp_path / "public.pem"
    path.write_text(key.public_pem)
    config = RouterConfig(jwt_key_file=str(path), jwt_issuer=None, jwt_audience=None)
    app = build_router_app(SECURED, recording_clients(), config, plugins=(Moderation(),))
    query = "subscription { reviewAdded(count: 1) { body author { name } } }"
    async with served(app) as url:
        async with connect(url, subprotocols=[PROTOCOL]) as websocket:  # type: ignore[list-item]
            await start(websocket, {"authorization": "Bearer forged.token.value"})
            await send(websocket, {"id": "1", "type": "subscribe", "payload": {"query": query}})
            refused = await receive(websocket)
        async with connect(url, subprotocols=[PROTOCOL]) as websocket:  # type: ignore[list-item]
            await start(websocket, bearer(key))
            await send(websocket, {"id": "1", "type": "subscribe", "payload": {"query": query}})
            event = await receive(websocket)
    assert refused["type"] == "error"
    assert refused["payload"][0]["extensions"] == {"code": "UNAUTHENTICATED"}
    # Signed in but not `moderated`: the body is removed (non-null, so the event's data is null).
    assert event["type"] == "next"
    assert event["payload"]["errors"] == [unauthorized("reviewAdded", "body")]


async def test_a_doubling_fragment_chain_is_filtered_in_linear_time(
    http: httpx.AsyncClient, key: SigningKey
) -> None:
    # Each fragment spreads the next twice: 2^30 paths if every spread were walked again (a denial of
    # service); each fragment's denied paths are found once and reused wherever it is spread.
    fragments = [f"fragment F{i} on Product {{ ...F{i + 1} ...F{i + 1} }}" for i in range(30)]
    query = "query Shop($first: Int!) { topProducts(first: $first) { ...F0 } } " + " ".join(
        [*fragments, "fragment F30 on Product { name price }"]
    )
    body = await ask(http, bearer(key), query)
    assert body == {
        "errors": [unauthorized("topProducts", 0, "price")],
        "data": {"topProducts": [{"name": "Table", "price": None}]},
    }


async def test_a_removed_field_in_a_deferred_fragment_errs_in_that_fragments_payload(
    http: httpx.AsyncClient, key: SigningKey, clients: dict[str, RecordingClient]
) -> None:
    query = '{ topProducts(first: 1) { name ... @defer(label: "price") { price } } }'
    headers = {**bearer(key), "accept": "multipart/mixed;deferSpec=20220824"}
    response = await http.post("/graphql", json={"query": query}, headers=headers)
    framed = response.content.split(b"\r\n--graphql")[1:-1]
    parts = [json.loads(part.split(b"\r\n\r\n", 1)[1]) for part in framed]
    assert parts == [
        {"data": {"topProducts": [{"name": "Table"}]}, "hasNext": True},
        {
            "incremental": [
                {
                    "data": {"price": None},
                    "path": ["topProducts", 0],
                    "label": "price",
                    "errors": [unauthorized("topProducts", 0, "price")],
                }
            ],
            "hasNext": False,
        },
    ]
    assert all("price" not in request.query for request in clients["products"].requests)
