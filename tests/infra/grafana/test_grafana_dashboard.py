"""infra/grafana: a provisioned datasource and a dashboard querying exactly infra/METRICS.md's names."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

METRIC = re.compile(r"\bjobgraph_[a-z_]+\b")
HISTOGRAM_SUFFIXES = ("_bucket", "_sum", "_count")


@pytest.fixture(scope="module")
def dashboard(repo_root: Path) -> dict[str, Any]:
    document = json.loads((repo_root / "infra/grafana/dashboards/jobgraph.json").read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


@pytest.fixture(scope="module")
def documented_metrics(repo_root: Path) -> set[str]:
    text = (repo_root / "infra/METRICS.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `(jobgraph_[a-z_]+)`", text, flags=re.MULTILINE))


def expressions(dashboard: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for panel in dashboard["panels"]:
        for target in panel.get("targets", []):
            yield panel["title"], target["expr"]


def base_name(metric: str) -> str:
    for suffix in HISTOGRAM_SUFFIXES:
        if metric.endswith(suffix):
            return metric.removesuffix(suffix)
    return metric


def test_metrics_md_names_the_four_binding_metrics(documented_metrics: set[str]) -> None:
    assert documented_metrics == {
        "jobgraph_http_requests_total",
        "jobgraph_http_request_duration_seconds",
        "jobgraph_subgraph_requests_total",
        "jobgraph_subgraph_request_duration_seconds",
    }


def test_every_queried_metric_is_documented(dashboard: dict[str, Any], documented_metrics: set[str]) -> None:
    for title, expr in expressions(dashboard):
        for metric in METRIC.findall(expr):
            assert base_name(metric) in documented_metrics, f"{title}: {metric}"


def test_every_documented_metric_is_on_the_dashboard(
    dashboard: dict[str, Any], documented_metrics: set[str]
) -> None:
    used = {base_name(metric) for _, expr in expressions(dashboard) for metric in METRIC.findall(expr)}
    assert used == documented_metrics


def test_latency_quantiles_for_services_and_subgraph_calls(dashboard: dict[str, Any]) -> None:
    exprs = [expr for _, expr in expressions(dashboard)]
    for histogram in ("jobgraph_http_request_duration_seconds", "jobgraph_subgraph_request_duration_seconds"):
        for quantile in ("0.5", "0.95", "0.99"):
            assert any(
                expr.startswith(f"histogram_quantile({quantile},") and f"{histogram}_bucket" in expr
                for expr in exprs
            ), f"{histogram} p{quantile}"


def test_router_and_subgraphs_each_have_rate_and_error_panels(dashboard: dict[str, Any]) -> None:
    exprs = [expr for _, expr in expressions(dashboard)]
    for selector in ('service="router"', 'service!="router"'):
        mine = [expr for expr in exprs if selector in expr and "jobgraph_http_requests_total" in expr]
        assert any('status=~"5.."' in expr for expr in mine), selector
        assert any('status=~"5.."' not in expr for expr in mine), selector
    assert any('outcome!="success"' in expr for expr in exprs)


def test_panels_use_the_provisioned_datasource(
    dashboard: dict[str, Any], repo_root: Path, yaml_documents: Callable[[Path], list[Any]]
) -> None:
    (provisioning,) = yaml_documents(repo_root / "infra/grafana/provisioning/datasources/prometheus.yml")
    (datasource,) = provisioning["datasources"]
    assert datasource["url"] == "http://prometheus:9090"
    for panel in dashboard["panels"]:
        if panel["type"] != "row":
            assert panel["datasource"] == {"type": "prometheus", "uid": datasource["uid"]}


def test_panel_ids_are_unique(dashboard: dict[str, Any]) -> None:
    ids = [panel["id"] for panel in dashboard["panels"]]
    assert len(ids) == len(set(ids))
