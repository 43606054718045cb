"""Prometheus metrics of a subgraph's HTTP app: infra/METRICS.md's request count and duration, and /metrics.

Each app has a registry of its own (in `jobgraph dev` every subgraph shares one process), labelled with the
subgraph's name as `service`; the process collectors are in it too, as in a subgraph's own process.
"""

from __future__ import annotations

import time
from collections.abc import Collection

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    GCCollector,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# infra/METRICS.md's buckets (seconds): the dashboard's p50/p95/p99 need the millisecond ones.
BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class HttpMetrics:
    """The two HTTP metrics of one service, in a registry of their own."""

    def __init__(self, service: str) -> None:
        self.service = service
        self.registry = CollectorRegistry(auto_describe=True)
        for collector in (ProcessCollector, PlatformCollector, GCCollector):
            collector(registry=self.registry)
        self.requests = Counter(
            "jobgraph_http_requests_total",
            "HTTP requests served, by route and status code.",
            ["service", "route", "status"],
            registry=self.registry,
        )
        self.duration = Histogram(
            "jobgraph_http_request_duration_seconds",
            "Time from request received to response finished.",
            ["service", "route"],
            buckets=BUCKETS,
            registry=self.registry,
        )

    def route(self) -> Route:
        """`GET /metrics`: the registry in Prometheus text format."""

        async def metrics(_: Request) -> Response:
            return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)

        return Route("/metrics", metrics, methods=["GET"])


class RequestMetrics:
    """ASGI middleware counting and timing every HTTP request by route template (bounded cardinality)."""

    def __init__(self, app: ASGIApp, metrics: HttpMetrics, routes: Collection[str]) -> None:
        self.app = app
        self.metrics = metrics
        self.routes = frozenset(routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        root: str = scope.get("root_path", "")
        if root and path.startswith(root):
            path = path[len(root) :]  # mounted (e.g. /subgraphs/<name> in `jobgraph dev`)
        route = path if path in self.routes else "other"
        started = time.perf_counter()
        status: str | None = None

        async def counted(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                # Counted when the response starts (infra/METRICS.md).
                status = str(message["status"])
                self.metrics.requests.labels(self.metrics.service, route, status).inc()
            await send(message)

        try:
            await self.app(scope, receive, counted)
        finally:
            if status is None:
                # The app failed before answering: the server answers 500.
                self.metrics.requests.labels(self.metrics.service, route, "500").inc()
            self.metrics.duration.labels(self.metrics.service, route).observe(time.perf_counter() - started)
