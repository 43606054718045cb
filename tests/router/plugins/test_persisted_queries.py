"""Automatic persisted queries: a hash alone runs a registered query; unknown is PERSISTED_QUERY_NOT_FOUND;
the store is bounded."""

from __future__ import annotations

import hashlib

import orjson

from router.config import RouterConfig
from router.plugins.persisted_queries import AutomaticPersistedQueriesPlugin
from tests.router.executor.subgraphs import recording_clients
from tests.router.plugins.harness import router_http

QUERY = "{ me { name } }"
HASH = hashlib.sha256(QUERY.encode()).hexdigest()
PERSISTED = {"persistedQuery": {"version": 1, "sha256Hash": HASH}}


async def test_the_apollo_round_trip_registers_then_runs_by_hash() -> None:
    clients = recording_clients()
    async with router_http(clients=clients) as http:
        unknown = await http.post("/graphql", json={"extensions": PERSISTED})
        registered = await http.post("/graphql", json={"query": QUERY, "extensions": PERSISTED})
        by_hash = await http.post("/graphql", json={"extensions": PERSISTED})
        over_get = await http.get(
            "/graphql",
            params={"extensions": orjson.dumps(PERSISTED).decode()},
            headers={"apollo-require-preflight": "true"},
        )
    assert unknown.json() == {
        "errors": [{"message": "PersistedQueryNotFound", "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}]
    }
    assert registered.json() == by_hash.json() == over_get.json() == {"data": {"me": {"name": "Ada"}}}
    assert len(clients["accounts"].requests) == 3  # the unknown hash called no subgraph


async def test_a_hash_that_does_not_match_its_query_is_refused() -> None:
    async with router_http() as http:
        response = await http.post(
            "/graphql",
            json={"query": "{ topProducts { name } }", "extensions": PERSISTED},
            headers={"accept": "application/graphql-response+json"},
        )
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_PERSISTED_QUERY"


async def test_other_versions_and_malformed_hashes_are_request_errors() -> None:
    async with router_http() as http:
        version = await http.post(
            "/graphql", json={"extensions": {"persistedQuery": {"version": 2, "sha256Hash": HASH}}}
        )
        malformed = await http.post("/graphql", json={"extensions": {"persistedQuery": {"version": 1}}})
    assert version.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_SUPPORTED"
    assert malformed.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_the_store_is_bounded() -> None:
    plugin = AutomaticPersistedQueriesPlugin(max_entries=2)
    queries = ["{ me { name } }", "{ topProducts { name } }", "{ topProducts { price } }"]
    async with router_http(plugin, config=RouterConfig(apq=False)) as http:
        for query in queries:
            digest = hashlib.sha256(query.encode()).hexdigest()
            extensions = {"persistedQuery": {"version": 1, "sha256Hash": digest}}
            await http.post("/graphql", json={"query": query, "extensions": extensions})
        first = hashlib.sha256(queries[0].encode()).hexdigest()
        forgotten = await http.post(
            "/graphql", json={"extensions": {"persistedQuery": {"version": 1, "sha256Hash": first}}}
        )
    assert len(plugin.store) == 2
    assert forgotten.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


async def test_a_request_with_neither_query_nor_persisted_hash_is_still_400() -> None:
    async with router_http() as http:
        response = await http.post("/graphql", json={"extensions": {}})
    assert response.status_code == 400
