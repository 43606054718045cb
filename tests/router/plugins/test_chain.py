"""The plugin API: every hook runs at its stage, can add errors, headers and context, or stop the request."""

from __future__ import annotations

from typing import Any

from router.app import build_router
from router.config import RouterConfig
from router.operation import PreparedOperation
from router.pipeline import GraphQLRequest
from router.planner.plan import QueryPlan
from router.plugins import Plugin, RequestContext, StopRequest
from router.subgraph_client import SubgraphRequest, SubgraphResponse
from tests.router.executor.subgraphs import SUPERGRAPH, recording_clients
from tests.router.plugins.harness import router_http


class RequireOperationName(Plugin):
    """The README's example plugin: anonymous operations are refused; named ones are tagged for subgraphs."""

    async def request_received(self, context: RequestContext) -> None:
        if not context.request.operation_name:
            raise StopRequest("Name your operation.", "OPERATION_NAME_REQUIRED", status=400)
        context.subgraph_headers["x-client-operation"] = context.request.operation_name


class Recorder(Plugin):
    """Records the stages it saw, in order, and leaves a mark at each."""

    def __init__(self) -> None:
        self.stages: list[str] = []

    async def request_received(self, context: RequestContext) -> None:
        self.stages.append("request_received")
        context.values["seen"] = True

    async def operation_prepared(self, context: RequestContext, prepared: PreparedOperation) -> None:
        self.stages.append(f"operation_prepared {prepared.operation.operation.value}")

    async def plan_ready(self, context: RequestContext, plan: QueryPlan) -> None:
        self.stages.append("plan_ready")

    async def subgraph_request(
        self, context: RequestContext, subgraph: str, request: SubgraphRequest
    ) -> SubgraphRequest:
        self.stages.append(f"subgraph_request {subgraph}")
        return SubgraphRequest(
            query=request.query,
            variables=request.variables,
            operation_name=request.operation_name,
            headers={**request.headers, "x-seen": str(context.values["seen"])},
            is_mutation=request.is_mutation,
        )

    async def subgraph_response(
        self, context: RequestContext, subgraph: str, response: SubgraphResponse
    ) -> SubgraphResponse:
        self.stages.append(f"subgraph_response {subgraph}")
        return response

    async def response(self, context: RequestContext, body: dict[str, Any]) -> None:
        self.stages.append("response")
        body.setdefault("extensions", {})["recorded"] = len(self.stages)
        context.response_headers["x-recorded"] = "yes"


async def test_hooks_run_in_pipeline_order_around_each_subgraph_call() -> None:
    recorder = Recorder()
    clients = recording_clients()
    async with router_http(recorder, clients=clients) as http:
        response = await http.post("/graphql", json={"query": "{ me { name } }"})
    assert response.status_code == 200
    assert recorder.stages == [
        "request_received",
        "operation_prepared query",
        "plan_ready",
        "subgraph_request accounts",
        "subgraph_response accounts",
        "response",
    ]
    assert response.json() == {"data": {"me": {"name": "Ada"}}, "extensions": {"recorded": 6}}
    assert response.headers["x-recorded"] == "yes"
    assert clients["accounts"].requests[0].headers["x-seen"] == "True"


async def test_a_stopped_request_calls_no_subgraph_and_answers_the_plugins_error() -> None:
    clients = recording_clients()
    async with router_http(RequireOperationName(), clients=clients) as http:
        response = await http.post(
            "/graphql",
            json={"query": "{ me { name } }"},
            headers={"accept": "application/graphql-response+json"},
        )
    assert response.status_code == 400
    assert response.json() == {
        "errors": [{"message": "Name your operation.", "extensions": {"code": "OPERATION_NAME_REQUIRED"}}]
    }
    assert all(not client.requests for client in clients.values())


async def test_headers_a_plugin_adds_reach_every_subgraph() -> None:
    clients = recording_clients()
    async with router_http(RequireOperationName(), clients=clients) as http:
        response = await http.post(
            "/graphql",
            json={"query": "query Me { me { name } }", "operationName": "Me"},
        )
    assert response.json() == {"data": {"me": {"name": "Ada"}}}
    assert clients["accounts"].requests[0].headers["x-client-operation"] == "Me"


class AddsAnError(Plugin):
    async def plan_ready(self, context: RequestContext, plan: QueryPlan) -> None:
        context.errors.append({"message": "deprecated operation", "extensions": {"code": "DEPRECATED"}})


async def test_errors_a_plugin_adds_before_the_response_are_answered_with_the_data() -> None:
    async with router_http(AddsAnError()) as http:
        response = await http.post("/graphql", json={"query": "{ me { name } }"})
    assert response.json() == {
        "errors": [{"message": "deprecated operation", "extensions": {"code": "DEPRECATED"}}],
        "data": {"me": {"name": "Ada"}},
    }


class StopsWithStatus(Plugin):
    async def operation_prepared(self, context: RequestContext, prepared: PreparedOperation) -> None:
        raise StopRequest("Slow down.", "RATE_LIMITED", status=429, headers={"retry-after": "3"})


async def test_a_refusal_keeps_its_status_and_headers_under_either_media_type() -> None:
    async with router_http(StopsWithStatus()) as http:
        plain = await http.post("/graphql", json={"query": "{ me { name } }"})
    assert plain.status_code == 429
    assert plain.headers["retry-after"] == "3"
    assert plain.json()["errors"][0]["extensions"] == {"code": "RATE_LIMITED"}


class NumbersEvents(Plugin):
    """Numbers every subscription event and ends the stream after the second."""

    async def subscription_event(self, context: RequestContext, body: dict[str, Any]) -> None:
        seen = context.values["events"] = context.values.get("events", 0) + 1
        if seen > 2:
            raise StopRequest("Enough.", "SUBSCRIPTION_LIMIT", status=429)
        body["extensions"] = {"event": seen}


async def test_the_subscription_event_hook_sees_and_can_end_every_event() -> None:
    router = build_router(SUPERGRAPH, RouterConfig(), recording_clients(), (NumbersEvents(),))
    request = GraphQLRequest("subscription { reviewAdded(count: 3) { body author { name } } }")
    results = [result async for result in router.subscribe(request)]
    assert [result.body for result in results] == [
        {"data": {"reviewAdded": {"body": "Sturdy", "author": {"name": "Ada"}}}, "extensions": {"event": 1}},
        {"data": {"reviewAdded": {"body": "Heavy", "author": {"name": "Grace"}}}, "extensions": {"event": 2}},
        {"errors": [{"message": "Enough.", "extensions": {"code": "SUBSCRIPTION_LIMIT"}}]},
    ]
