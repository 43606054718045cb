"""Tracing: off without a collector; with one, a request is one trace across the services it reaches."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from router.subgraph_client import asgi_client
from router.subgraph_client.protocol import SubgraphRequest
from router.telemetry import client_span, configure_tracing, reset_tracing, traced


@pytest.fixture(autouse=True)
def untraced() -> Iterator[None]:
    yield
    reset_tracing()


def test_without_a_collector_nothing_is_instrumented() -> None:
    app = Starlette()
    assert configure_tracing("router", {}) is None
    assert traced(app, None) is app
    headers: dict[str, str] = {}
    with client_span("users", "http://users/graphql", headers):
        pass
    assert headers == {}


async def test_a_request_is_one_trace_across_the_router_and_the_subgraph() -> None:
    exporter = InMemorySpanExporter()
    provider = configure_tracing("router", {}, exporter=exporter, install=False)
    assert provider is not None
    seen: dict[str, str] = {}

    async def subgraph(request: Request) -> JSONResponse:
        seen["traceparent"] = request.headers.get("traceparent", "")
        return JSONResponse({"data": {"ok": True}})

    subgraph_app = Starlette(routes=[Route("/graphql", subgraph, methods=["POST"])])

    # Made after tracing was configured, as the router makes its subgraph clients.
    users = asgi_client("users", subgraph_app)

    async def router(request: Request) -> JSONResponse:
        answer = await users.execute(SubgraphRequest(query="{ ok }"))
        return JSONResponse({"data": answer.data})

    router_app = traced(Starlette(routes=[Route("/graphql", router, methods=["POST"])]), provider)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=router_app), base_url="http://router"
    ) as client:
        response = await client.post("/graphql", json={"query": "{ ok }"})
    assert response.json() == {"data": {"ok": True}}
    provider.force_flush()
    spans = exporter.get_finished_spans()
    server = [span for span in spans if span.kind is SpanKind.SERVER]
    clients = [span for span in spans if span.kind is SpanKind.CLIENT]
    assert len(server) == 1 and len(clients) == 1
    trace_id = server[0].context.trace_id
    assert clients[0].context.trace_id == trace_id
    # The subgraph received the trace context: its own spans would join the same trace.
    assert seen["traceparent"].split("-")[1] == f"{trace_id:032x}"
    assert server[0].resource.attributes["service.name"] == "router"


class _Collector(BaseHTTPRequestHandler):
    """An OTLP/HTTP collector stand-in: keeps every export request it receives."""

    received: list[tuple[str, str, bytes]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["content-length"]))
        self.received.append((self.path, self.headers["content-type"], body))
        self.send_response(200)
        self.send_header("content-type", "application/x-protobuf")
        self.end_headers()

    def log_message(self, *_: object) -> None:  # keep the test output quiet
        pass


def test_spans_are_exported_to_the_configured_collector_over_otlp_http() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        environ = {
            "OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{server.server_port}",
            "OTEL_SERVICE_NAME": "applications",
        }
        provider = configure_tracing("jobgraph", environ, install=False)
        assert provider is not None
        with provider.get_tracer("test").start_as_current_span("createApplication"):
            pass
        assert provider.force_flush(timeout_millis=10_000)
    finally:
        server.shutdown()
        thread.join(timeout=10)
    [(path, content_type, body)] = _Collector.received
    assert (path, content_type) == ("/v1/traces", "application/x-protobuf")
    export = ExportTraceServiceRequest.FromString(body)
    [resource_spans] = export.resource_spans
    names = {attribute.key: attribute.value.string_value for attribute in resource_spans.resource.attributes}
    assert names["service.name"] == "applications"
    assert [span.name for span in resource_spans.scope_spans[0].spans] == ["createApplication"]
