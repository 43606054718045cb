"""`python -m router`: refuses bad input with a message, and serves a supergraph file over HTTP."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from router.__main__ import main
from tests.network import free_port
from tests.router.executor.subgraphs import SUPERGRAPH


def test_no_supergraph_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "--supergraph FILE" in capsys.readouterr().err


def test_invalid_config_is_reported_not_raised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "router.yaml"
    config.write_text("colour: blue\n")
    assert main(["--supergraph", "x.graphql", "--config", str(config)]) == 2
    assert "unknown router config key 'colour'" in capsys.readouterr().err


def test_a_supergraph_that_does_not_load_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "supergraph.graphql"
    broken.write_text("type Query {")
    assert main(["--supergraph", str(broken)]) == 1
    assert "router:" in capsys.readouterr().err


def test_serves_the_supergraph_over_http(tmp_path: Path) -> None:
    supergraph = tmp_path / "supergraph.graphql"
    # Subgraph URLs on loopback where nothing listens (port 9, discard): no lookups beyond this machine.
    sdl = SUPERGRAPH
    for name in ("accounts", "products", "reviews"):
        sdl = sdl.replace(f"http://{name}/graphql", "http://127.0.0.1:9/graphql")
    supergraph.write_text(sdl)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "router", "--supergraph", str(supergraph), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        health = None
        for _ in range(300):
            try:
                health = httpx.get(f"{base}/health", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.05)
        assert health is not None and health.json()["status"] == "ok"
        answer = httpx.post(f"{base}/graphql", json={"query": "{ __typename }"}, timeout=5)
        assert answer.json() == {"data": {"__typename": "Query"}}
        # Nothing listens at the subgraphs' URLs: a planned field yields an error, not a crash.
        failed = httpx.post(f"{base}/graphql", json={"query": "{ reviewCount }"}, timeout=20).json()
        assert failed["data"] is None
        assert failed["errors"][0]["extensions"]["serviceName"] == "reviews"
    finally:
        process.terminate()
        process.wait(timeout=10)
