"""GraphQL over HTTP: status codes and error bodies for every kind of bad request, health, metrics.

Spec: https://graphql.github.io/graphql-over-http/draft/ (application/graphql-response+json → 400 for request
errors; application/json → 200; mutations over GET → 405).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import orjson
import pytest

from router.app import build_router_app
from router.config import RouterConfig
from router.subgraph_client import SubgraphClient, SubgraphRequest, SubgraphResponse
from tests.router.executor.subgraphs import BEHAVIOUR, SUPERGRAPH, recording_clients

GRAPHQL_RESPONSE = "application/graphql-response+json"


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    app = build_router_app(SUPERGRAPH, recording_clients(), RouterConfig(max_body_bytes=2_000))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://router", timeout=10) as http:
        yield http


async def test_post_json_executes_the_operation(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ me { name } }"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {"data": {"me": {"name": "Ada"}}}


async def test_graphql_response_json_is_used_when_accepted(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": "{ me { name } }"}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(GRAPHQL_RESPONSE)


async def test_get_executes_queries_with_json_variables(client: httpx.AsyncClient) -> None:
    params = {
        "query": "query Top($n: Int!) { topProducts(first: $n) { name } }",
        "variables": orjson.dumps({"n": 1}).decode(),
        "operationName": "Top",
    }
    # A GET must prove it is no cross-site form or image (CSRF prevention, tests/router/plugins/test_csrf.py).
    headers = {"accept": "application/json", "apollo-require-preflight": "true"}
    response = await client.get("/graphql", params=params, headers=headers)
    assert response.status_code == 200
    assert response.json() == {"data": {"topProducts": [{"name": "Table"}]}}


async def test_mutation_over_get_is_405(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/graphql",
        params={"query": 'mutation { addProduct(name: "x") { id } }'},
        headers={"accept": GRAPHQL_RESPONSE, "apollo-require-preflight": "true"},
    )
    assert response.status_code == 405
    assert BEHAVIOUR.created == []  # refused before it ran
    assert response.headers["allow"] == "POST"
    assert "POST" in response.json()["errors"][0]["message"]


async def test_other_methods_are_405(client: httpx.AsyncClient) -> None:
    response = await client.put("/graphql", json={"query": "{ me { name } }"})
    assert response.status_code == 405


async def test_validation_error_is_400_with_graphql_response_json(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": "{ me { nope } }"}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 400
    body = response.json()
    assert "data" not in body
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "nope" in body["errors"][0]["message"]


async def test_validation_error_is_200_with_legacy_application_json(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": "{ me { nope } }"}, headers={"accept": "application/json"}
    )
    assert response.status_code == 200
    assert response.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_parse_error_is_400(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ me { "}, headers={"accept": GRAPHQL_RESPONSE})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"


async def test_variables_of_the_wrong_type_are_a_request_error(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql",
        json={"query": "query($n: Int!) { topProducts(first: $n) { name } }", "variables": {"n": "many"}},
        headers={"accept": GRAPHQL_RESPONSE},
    )
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "$n" in error["message"]


async def test_unknown_operation_name_is_a_request_error(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql",
        json={"query": "query A { me { name } }", "operationName": "B"},
        headers={"accept": GRAPHQL_RESPONSE},
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "OPERATION_RESOLUTION_FAILURE"


async def test_unsupported_content_type_is_415(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", content=b"{ me { name } }", headers={"content-type": "text/plain"}
    )
    assert response.status_code == 415
    assert response.json()["errors"][0]["message"] == "Send GraphQL requests as application/json."


async def test_oversized_body_is_413(client: httpx.AsyncClient) -> None:
    query = "{ me { name } }" + " " * 3_000
    response = await client.post("/graphql", json={"query": query})
    assert response.status_code == 413


async def test_malformed_json_is_400_with_a_clear_message(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", content=b'{"query": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"].startswith("The request body is not valid JSON")


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ([1, 2], "The request body must be a JSON object."),
        ({"query": 3}, "The request has no GraphQL query"),
        ({"query": "{ me { name } }", "variables": [1]}, "'variables' must be a JSON object."),
        ({"query": "{ me { name } }", "operationName": 7}, "'operationName' must be a string."),
    ],
)
async def test_malformed_requests_are_400(client: httpx.AsyncClient, payload: object, message: str) -> None:
    response = await client.post(
        "/graphql", content=orjson.dumps(payload), headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"].startswith(message)


async def test_unacceptable_accept_header_is_406(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": "{ me { name } }"}, headers={"accept": "image/png"}
    )
    assert response.status_code == 406


async def test_plan_header_returns_the_printed_plan(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": "{ me { name } }"}, headers={"x-jobgraph-plan": "true"}
    )
    plan = response.json()["extensions"]["queryPlan"]
    assert plan.startswith("QueryPlan {")
    assert 'Fetch(service: "accounts")' in plan


async def test_health(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")
    assert response.json() == {"status": "ok", "subgraphs": ["accounts", "products", "reviews"]}


async def test_metrics_count_requests_and_subgraph_calls(client: httpx.AsyncClient) -> None:
    await client.post("/graphql", json={"query": "{ me { name } }"})
    text = (await client.get("/metrics")).text
    assert 'jobgraph_http_requests_total{route="/graphql",service="router",status="200"}' in text
    assert "jobgraph_http_request_duration_seconds_bucket" in text
    assert 'jobgraph_subgraph_requests_total{outcome="success",subgraph="accounts"}' in text
    assert 'jobgraph_subgraph_request_duration_seconds_count{subgraph="accounts"}' in text


class BrokenSubgraphClient:
    """Breaks the client contract (raises) to stand for a bug anywhere below the transport."""

    async def execute(self, request: SubgraphRequest) -> SubgraphResponse:
        raise RuntimeError("secret internal detail")

    async def subscribe(self, request: SubgraphRequest) -> AsyncIterator[SubgraphResponse]:
        raise RuntimeError("secret internal detail")
        yield  # an async generator that fails on first use

    async def aclose(self) -> None:
        return None


async def test_unexpected_exception_is_a_500_without_a_stack_trace(caplog: pytest.LogCaptureFixture) -> None:
    clients: dict[str, SubgraphClient] = {**recording_clients(), "accounts": BrokenSubgraphClient()}
    app = build_router_app(SUPERGRAPH, clients, RouterConfig(dedupe_queries=False))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://router", timeout=10) as http:
        response = await http.post("/graphql", json={"query": "{ me { name } }"})
    assert response.status_code == 500
    assert response.json() == {
        "errors": [{"message": "Internal server error", "extensions": {"code": "INTERNAL_SERVER_ERROR"}}]
    }
    assert "secret internal detail" not in response.text
    assert any("unexpected error" in record.message for record in caplog.records)
