"""The router's Prometheus metrics (names shared with the subgraphs and infra/METRICS.md)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

# A registry of the router's own: in `jobgraph dev` the subgraphs live in the same process with theirs.
REGISTRY = CollectorRegistry(auto_describe=True)

HTTP_REQUESTS = Counter(
    "jobgraph_http_requests_total",
    "HTTP requests served, by route and status code.",
    ["service", "route", "status"],
    registry=REGISTRY,
)
HTTP_DURATION = Histogram(
    "jobgraph_http_request_duration_seconds",
    "Time to answer an HTTP request.",
    ["service", "route"],
    registry=REGISTRY,
)
SUBGRAPH_REQUESTS = Counter(
    "jobgraph_subgraph_requests_total",
    "Requests the router sent to subgraphs, by outcome (ok, error, failed).",
    ["subgraph", "outcome"],
    registry=REGISTRY,
)
SUBGRAPH_DURATION = Histogram(
    "jobgraph_subgraph_request_duration_seconds",
    "Time a subgraph took to answer the router.",
    ["subgraph"],
    registry=REGISTRY,
)
