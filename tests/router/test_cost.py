"""Demand control (router/cost.py) over the router's HTTP transport: the estimate from @cost/@listSize, the
actual cost of the response, the refusal before any subgraph call, and the measure-only mode."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from graphql import OperationDefinitionNode, parse

from router.config import DemandControlSettings, RouterConfig
from router.cost import CostModel, DemandControl
from router.supergraph import load_supergraph
from tests.router.executor.subgraphs import SUPERGRAPH, recording_clients
from tests.router.plugins.harness import router_http

ROOT = Path(__file__).resolve().parents[2]
COSTED = (
    SUPERGRAPH.replace(
        '@link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)\n',
        '@link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)\n'
        '  @link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@cost", "@listSize"])\n',
    )
    .replace(
        "topProducts(first: Int! = 5): [Product!]! @join__field(graph: PRODUCTS)",
        "topProducts(first: Int! = 5): [Product!]! @join__field(graph: PRODUCTS)"
        ' @listSize(assumedSize: 5, slicingArguments: ["first"], requireOneSlicingArgument: false)',
    )
    .replace(
        "reviews: [Review!]! @join__field(graph: REVIEWS)",
        "reviews: [Review!]! @join__field(graph: REVIEWS) @listSize(assumedSize: 2)",
    )
    .replace(
        "name: String @join__field(graph: ACCOUNTS)",
        "name: String @join__field(graph: ACCOUNTS) @cost(weight: 3)",
    )
    + "\ndirective @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION"
    " | INPUT_FIELD_DEFINITION | OBJECT | SCALAR\n"
    "directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!],"
    " requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION\n"
)
# 2 products x (1 + 2 reviews x (1 + author (1 + name 3))) = 22; the response holds the Table's two reviews
# and the Chair's one: (1 + 5 + 5) + (1 + 5) = 17.
NESTED = "{ topProducts(first: 2) { name reviews { body author { name } } } }"


async def ask(
    config: RouterConfig,
    query: str,
    variables: dict[str, Any] | None = None,
    accept: str = "application/graphql-response+json",
) -> tuple[httpx.Response, int]:
    """The router's answer and how many subgraph calls it made."""
    clients = recording_clients()
    async with router_http(config=config, clients=clients, supergraph=COSTED) as http:
        response = await http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers={"accept": accept}
        )
    return response, sum(len(client.requests) for client in clients.values())


def demand(**settings: Any) -> RouterConfig:
    return RouterConfig(demand_control=DemandControlSettings(**settings))


async def test_measure_mode_reports_the_estimate_and_the_actual_cost_and_never_refuses() -> None:
    response, calls = await ask(demand(mode="measure", max_cost=5), NESTED)
    assert response.status_code == 200 and calls > 0
    body = response.json()
    assert body["data"]["topProducts"][0]["reviews"][0]["author"] == {"name": "Ada"}
    assert body["extensions"]["cost"] == {"estimated": 22, "actual": 17, "max": 5}
    assert '"cost":{"estimated":22,"actual":17,"max":5}' in response.text


async def test_an_operation_estimated_above_the_maximum_is_refused_before_any_subgraph_call() -> None:
    response, calls = await ask(demand(max_cost=21), NESTED)
    assert response.status_code == 400 and calls == 0
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "COST_ESTIMATED_TOO_EXPENSIVE", "limit": "max_cost"}
    assert "estimated cost is 22, more than the limit of 21 (max_cost)" in error["message"]


async def test_a_deferred_fragment_costs_what_it_would_cost_undeferred() -> None:
    deferred = "{ topProducts(first: 2) { name ... @defer { reviews { body author { name } } } } }"
    incremental = "multipart/mixed;deferSpec=20220824"
    response, calls = await ask(demand(max_cost=21), deferred, accept=incremental)
    assert calls == 0 and response.headers["content-type"].startswith("application/json")
    assert response.json()["errors"][0]["extensions"]["code"] == "COST_ESTIMATED_TOO_EXPENSIVE"
    response, _ = await ask(demand(mode="measure", max_cost=5), deferred, accept=incremental)
    assert response.headers["content-type"].startswith("multipart/mixed")
    # The initial payload reports the estimate; the actual cost counts what that payload holds.
    assert b'"cost":{"estimated":22,"actual":2,"max":5}' in response.content


async def test_an_operation_at_the_maximum_is_answered_without_a_report_unless_asked() -> None:
    response, _ = await ask(demand(max_cost=22), NESTED)
    assert response.status_code == 200 and "extensions" not in response.json()
    reported, _ = await ask(demand(max_cost=22, report=True), NESTED)
    assert reported.json()["extensions"]["cost"]["estimated"] == 22


async def test_a_slicing_argument_from_a_variable_sizes_the_list() -> None:
    query = "query Top($n: Int!) { topProducts(first: $n) { name } }"
    response, _ = await ask(demand(mode="measure"), query, {"n": 3})
    assert response.json()["extensions"]["cost"] == {"estimated": 3, "actual": 3, "max": 10_000}


async def test_a_mutation_costs_ten_more() -> None:
    response, _ = await ask(demand(mode="measure"), 'mutation { addProduct(name: "Desk") { id } }')
    assert response.json()["extensions"]["cost"] == {"estimated": 11, "actual": 11, "max": 10_000}


async def test_demand_control_can_be_turned_off() -> None:
    response, calls = await ask(demand(enabled=False, max_cost=1), NESTED)
    assert response.status_code == 200 and calls > 0


def estimate(query: str, variables: dict[str, Any] | None = None) -> float:
    supergraph = load_supergraph((ROOT / "schema" / "supergraph.graphql").read_text(encoding="utf-8"))
    document = parse(query)
    [operation] = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    return CostModel(supergraph.schema or supergraph.api_schema).estimate(operation, {}, variables or {})


def test_our_connections_are_sized_by_first_else_by_the_default_page() -> None:
    # The connection is 1; each of `first` edges is 1 and its node 1.
    assert estimate("{ applications(first: 50) { edges { node { id } } } }") == 1 + 50 * 2
    assert estimate("{ notifications { edges { node { id } } totalCount } }") == 1 + 20 * 2
    # search weighs 5 (an index query) instead of its connection's 1.
    assert estimate('{ search(query: "acme", first: 10) { edges { node { __typename } } } }') == 5 + 10 * 2


def test_an_estimate_sized_by_a_variable_is_not_reused_for_other_values() -> None:
    supergraph = load_supergraph(COSTED)
    model = CostModel(supergraph.schema or supergraph.api_schema)
    [operation] = parse("query Top($n: Int!) { topProducts(first: $n) { name } }").definitions
    assert isinstance(operation, OperationDefinitionNode)
    assert [model.estimate(operation, {}, {"n": n}) for n in (1, 4, 2)] == [1, 4, 2]
    [fixed] = parse("{ topProducts(first: 3) { name } }").definitions
    assert isinstance(fixed, OperationDefinitionNode)
    assert model.estimate(fixed, {}, {}) == model.estimate(fixed, {}, {}) == 3


def test_a_full_page_of_applications_with_their_whole_timelines_is_within_the_default_maximum() -> None:
    # Was 11,201 (refused): every timeline entry's changedFields counted as the default list of 10.
    page = """{ applications(first: 100) { edges { node { id company timeline {
        id at kind summary status note changedFields { field old new } } } } } }"""
    cost = estimate(page)
    assert cost == 1 + 100 * (2 + 10 * (1 + 3))
    assert cost <= DemandControl().max_cost
