"""infra/prometheus/prometheus.yml: every jobgraph process and the collector are scraped where they listen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any


def scrape_targets(config: dict[str, Any]) -> dict[str, tuple[str, list[str]]]:
    """job name → (metrics path, static targets)."""
    return {
        job["job_name"]: (
            job.get("metrics_path", "/metrics"),
            [target for static in job.get("static_configs", []) for target in static["targets"]],
        )
        for job in config["scrape_configs"]
    }


def test_every_jobgraph_process_is_scraped_on_its_port(
    repo_root: Path, yaml_documents: Callable[[Path], list[Any]], jobgraph_ports: dict[str, int]
) -> None:
    (config,) = yaml_documents(repo_root / "infra/prometheus/prometheus.yml")
    jobs = scrape_targets(config)
    for service, port in jobgraph_ports.items():
        assert jobs[service] == ("/metrics", [f"{service}:{port}"]), service


def test_every_scrape_target_is_a_compose_service(
    repo_root: Path, yaml_documents: Callable[[Path], list[Any]], services: dict[str, dict[str, Any]]
) -> None:
    (config,) = yaml_documents(repo_root / "infra/prometheus/prometheus.yml")
    for job, (_, targets) in scrape_targets(config).items():
        for target in targets:
            host = target.split(":")[0]
            assert host == "localhost" or host in services, f"{job} scrapes unknown host {host}"


def test_the_collectors_prometheus_exporter_is_scraped(
    repo_root: Path, yaml_documents: Callable[[Path], list[Any]]
) -> None:
    (config,) = yaml_documents(repo_root / "infra/prometheus/prometheus.yml")
    (collector,) = yaml_documents(repo_root / "infra/otel/collector.yaml")
    exporter_port = collector["exporters"]["prometheus"]["endpoint"].rsplit(":", 1)[1]
    assert scrape_targets(config)["otel-collector"][1] == [f"otel-collector:{exporter_port}"]
