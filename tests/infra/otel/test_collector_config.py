"""infra/otel/collector.yaml: OTLP in, traces to Jaeger over OTLP, metrics out to Prometheus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="module")
def collector(repo_root: Path, yaml_documents: Callable[[Path], list[Any]]) -> dict[str, Any]:
    (config,) = yaml_documents(repo_root / "infra/otel/collector.yaml")
    assert isinstance(config, dict)
    return config


def test_every_pipeline_component_is_defined(collector: dict[str, Any]) -> None:
    for pipeline in collector["service"]["pipelines"].values():
        for kind in ("receivers", "processors", "exporters"):
            for component in pipeline.get(kind, []):
                assert component in collector[kind], f"{kind[:-1]} {component} is used but not defined"
    for extension in collector["service"]["extensions"]:
        assert extension in collector["extensions"]


def test_receives_otlp_on_the_port_the_services_send_to(
    collector: dict[str, Any], services: dict[str, dict[str, Any]]
) -> None:
    # The services export OTLP over HTTP (router/telemetry.py), which the collector takes on 4318.
    assert collector["receivers"]["otlp"]["protocols"]["http"]["endpoint"] == "0.0.0.0:4318"
    for name in ("router", "users", "applications", "interviews", "contacts"):
        assert services[name]["environment"]["OTEL_EXPORTER_OTLP_ENDPOINT"] == "http://otel-collector:4318"


def test_traces_go_to_jaeger_and_metrics_to_prometheus(
    collector: dict[str, Any], services: dict[str, dict[str, Any]]
) -> None:
    pipelines = collector["service"]["pipelines"]
    (trace_exporter,) = pipelines["traces"]["exporters"]
    assert collector["exporters"][trace_exporter]["endpoint"] == "jaeger:4317"
    assert "jaeger" in services
    assert pipelines["metrics"]["exporters"] == ["prometheus"]
    for pipeline in pipelines.values():
        assert pipeline["processors"][0] == "memory_limiter"


def test_the_health_check_extension_answers_where_compose_probes(
    collector: dict[str, Any], services: dict[str, dict[str, Any]]
) -> None:
    assert collector["extensions"]["health_check"]["endpoint"] == "0.0.0.0:13133"
    assert "http://127.0.0.1:13133/" in services["otel-collector"]["healthcheck"]["test"]
