"""Shared fixtures for the infrastructure tests: the compose file, the env example, the port table."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
INFRA = REPO_ROOT / "infra"

# The binding table: jobgraph process → port (the catalog's, checked against the deployment files).
JOBGRAPH_PORTS = {
    "router": 4000,
    "users": 4001,
    "applications": 4002,
    "interviews": 4003,
    "contacts": 4004,
    "analytics": 4005,
    "search": 4006,
    "files": 4007,
    "notifications": 4008,
}
SUBGRAPHS: tuple[str, ...] = tuple(name for name in JOBGRAPH_PORTS if name != "router")


def load_yaml_documents(path: Path) -> list[Any]:
    """Every document of a (possibly multi-document) YAML file, empty documents dropped."""
    with path.open(encoding="utf-8") as stream:
        return [document for document in yaml.safe_load_all(stream) if document is not None]


def parse_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a dotenv file as compose reads them (comments and blank lines ignored)."""
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$", line)
        if match:
            values[match.group(1)] = match.group(2).strip().strip('"')
    return values


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository checkout the tests run in."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def jobgraph_ports() -> dict[str, int]:
    """The binding port of every jobgraph process (router and subgraphs) built so far."""
    return dict(JOBGRAPH_PORTS)


@pytest.fixture(scope="session")
def yaml_documents() -> Callable[[Path], list[Any]]:
    """The multi-document YAML loader, for tests outside this directory."""
    return load_yaml_documents


@pytest.fixture(scope="session")
def compose() -> dict[str, Any]:
    """docker-compose.yml as compose sees it before interpolation (YAML anchors and merge keys resolved)."""
    documents = load_yaml_documents(REPO_ROOT / "docker-compose.yml")
    assert len(documents) == 1
    document = documents[0]
    assert isinstance(document, dict)
    return document


@pytest.fixture(scope="session")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The `services` mapping of docker-compose.yml."""
    result = compose["services"]
    assert isinstance(result, dict)
    return result


@pytest.fixture(scope="session")
def example_env() -> dict[str, str]:
    """infra/env/example.env parsed as a dotenv file."""
    return parse_env_file(INFRA / "env" / "example.env")
