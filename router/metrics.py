"""The router's Prometheus metrics (names shared with the subgraphs and infra/METRICS.md)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

# A registry of the router's own: in `jobgraph dev` the subgraphs live in the same process with theirs.
REGISTRY = CollectorRegistry(auto_describe=True)
# infra/METRICS.md's buckets: the dashboard's p50/p95/p99 need the millisecond ones.
BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

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
    buckets=BUCKETS,
    registry=REGISTRY,
)
SUBGRAPH_REQUESTS = Counter(
    "jobgraph_subgraph_requests_total",
    "Requests the router sent to subgraphs, by outcome (success, graphql_error, http_error, timeout, "
    "network_error).",
    ["subgraph", "outcome"],
    registry=REGISTRY,
)
SUBGRAPH_DURATION = Histogram(
    "jobgraph_subgraph_request_duration_seconds",
    "Time a subgraph took to answer the router.",
    ["subgraph"],
    buckets=BUCKETS,
    registry=REGISTRY,
)
