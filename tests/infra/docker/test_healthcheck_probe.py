"""infra/docker/healthcheck.py: the container probe is healthy only when /health answers 2xx."""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import pytest

from tests.network import free_port


@pytest.fixture(scope="module")
def healthcheck(repo_root: Path) -> ModuleType:
    # The probe is a script copied into the image, not an importable package module: load it by path.
    spec = importlib.util.spec_from_file_location(
        "jobgraph_healthcheck", repo_root / "infra/docker/healthcheck.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class StatusHandler(BaseHTTPRequestHandler):
    """Answers /health with 200 and /broken with 503."""

    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/health" else 503)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def server_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), StatusHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_2xx_health_answer_is_healthy(healthcheck: ModuleType, server_url: str) -> None:
    assert healthcheck.probe(f"{server_url}/health") is None
    assert healthcheck.main(["jobgraph-healthcheck", f"{server_url}/health"]) == 0


def test_an_error_status_is_unhealthy_with_the_status_in_the_reason(
    healthcheck: ModuleType, server_url: str
) -> None:
    assert "503" in healthcheck.probe(f"{server_url}/broken")
    assert healthcheck.main(["jobgraph-healthcheck", f"{server_url}/broken"]) == 1


def test_a_closed_port_is_unhealthy(healthcheck: ModuleType) -> None:
    reason = healthcheck.probe(f"http://127.0.0.1:{free_port()}/health", timeout=1.0)
    assert reason is not None and "unreachable" in reason


def test_the_router_and_a_subgraph_are_probed_on_the_port_they_listen_on(healthcheck: ModuleType) -> None:
    ports = {"JOBGRAPH_ROUTER_PORT": "4000", "JOBGRAPH_PORT": "9"}
    assert healthcheck.health_url(ports) == "http://127.0.0.1:4000/health"
    assert healthcheck.health_url({"JOBGRAPH_PORT": "4003"}) == "http://127.0.0.1:4003/health"
