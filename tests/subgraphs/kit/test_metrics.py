"""The kit's request metrics where a request does not end in a normal response: the app fails before
answering, or the connection is a WebSocket (never counted as an HTTP request)."""

from __future__ import annotations

import httpx
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from subgraphs.kit.metrics import HttpMetrics, RequestMetrics


async def broken(_: Request) -> Response:
    raise RuntimeError("a bug")


def metered_app(metrics: HttpMetrics) -> Starlette:
    routes = [metrics.route(), Route("/broken", broken)]
    paths = [route.path for route in routes]
    return Starlette(routes=routes, middleware=[Middleware(RequestMetrics, metrics=metrics, routes=paths)])


def samples(metrics: HttpMetrics, name: str) -> dict[tuple[str, ...], float]:
    """`name`'s samples in the registry's Prometheus text, by (service, route[, status])."""
    found = {}
    for family in text_string_to_metric_families(generate_latest(metrics.registry).decode()):
        for sample in family.samples:
            if sample.name == name:
                labels = sample.labels
                found[tuple(labels[key] for key in ("service", "route", "status") if key in labels)] = (
                    sample.value
                )
    return found


async def test_a_request_the_app_fails_on_counts_as_a_500_and_is_timed() -> None:
    metrics = HttpMetrics("demo")
    transport = httpx.ASGITransport(app=metered_app(metrics), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://demo") as client:
        assert (await client.get("/broken")).status_code == 500
    assert samples(metrics, "jobgraph_http_requests_total") == {("demo", "/broken", "500"): 1}
    assert samples(metrics, "jobgraph_http_request_duration_seconds_count") == {("demo", "/broken"): 1}


async def test_a_websocket_session_passes_through_uncounted() -> None:
    metrics = HttpMetrics("demo")
    seen: list[str] = []

    async def inner(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(scope["type"])
        await send({"type": "websocket.accept"})

    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "websocket.connect"}

    async def send(message: Message) -> None:
        sent.append(message)

    middleware = RequestMetrics(inner, metrics=metrics, routes=["/graphql"])
    await middleware({"type": "websocket", "path": "/graphql"}, receive, send)
    assert seen == ["websocket"] and sent == [{"type": "websocket.accept"}]
    assert samples(metrics, "jobgraph_http_requests_total") == {}
