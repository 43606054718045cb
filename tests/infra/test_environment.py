"""The environment table (jobgraph/environment.py) against the code and the production files.

Every name in the table appears in the module said to read it, every name compose and Kubernetes set is in
the table for that service, and the settings the code builds from compose's environment are the ones compose
means — so the names cannot drift apart again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from jobgraph.environment import DOCUMENTS, VARIABLES, names_read_by, names_required_in_production
from router.config import load_config
from subgraphs.kit.events.settings import EventSettings
from subgraphs.kit.keys import pem_text
from subgraphs.kit.settings import SubgraphSettings
from subgraphs.search.app import build_index
from subgraphs.search.opensearch_store import OpenSearchIndex
from tests.infra.conftest import JOBGRAPH_PORTS, SUBGRAPHS
from tests.infra.environment_reads import (
    DYNAMIC_READERS,
    code_files,
    environment_reads,
    in_the_table,
    variable_literals,
)
from tests.infra.test_compose_file import interpolate


def test_every_variable_the_code_reads_is_in_the_table(repo_root: Path) -> None:
    unknown, computed = [], []
    for path in code_files(repo_root):
        relative = path.relative_to(repo_root).as_posix()
        source = path.read_text(encoding="utf-8")
        for line, name in environment_reads(source):
            if name is None:
                if relative not in DYNAMIC_READERS:
                    computed.append(f"{relative}:{line}")
            elif not in_the_table(name):
                unknown.append(f"{relative}:{line} {name}")
        for line, text in variable_literals(source):
            if not in_the_table(text):
                unknown.append(f"{relative}:{line} {text}")
    assert not unknown, f"read by the code but missing from jobgraph/environment.py: {unknown}"
    assert not computed, f"environment reads with computed names (spell them, or list the module): {computed}"


def test_the_scan_finds_every_way_of_reading_the_environment() -> None:
    source = """
import os
a = os.environ.get("JOBGRAPH_NEW")
b = env.get(f"{name.upper()}_QUEUE_URL", "x")
c = os.getenv("PLAIN")
d = environ["JOBGRAPH_DATA_DIR"] if "OTEL_SERVICE_NAME" in environ else None
e = [value for key, value in environ.items()]
f = os.environ[key]
g = settings.get("NOT_AN_ENVIRONMENT_READ")
"""
    assert sorted(environment_reads(source), key=lambda read: (read[0], read[1] or "")) == [
        (3, "JOBGRAPH_NEW"),
        (4, "<NAME>_QUEUE_URL"),
        (5, "PLAIN"),
        (6, "JOBGRAPH_DATA_DIR"),
        (6, "OTEL_SERVICE_NAME"),
        (7, None),
        (8, None),
    ]
    assert [name for _, name in environment_reads(source) if name and not in_the_table(name)] == [
        "JOBGRAPH_NEW",
        "<NAME>_QUEUE_URL",
        "PLAIN",
    ]
    assert in_the_table("USERS_DATABASE_URL") and in_the_table("<NAME>_DATABASE_URL")
    assert in_the_table("JOBGRAPH_SUBGRAPH_") and not in_the_table("JOBGRAPH_NOTHING_")


def test_every_variable_in_the_table_is_read_where_it_says(repo_root: Path) -> None:
    for variable in VARIABLES:
        source = (repo_root / variable.source).read_text(encoding="utf-8")
        # `<NAME>_DATABASE_URL` is read as f"{name.upper()}_DATABASE_URL": the fixed part is in the source.
        literal = variable.name.split("<NAME>")[-1] if "<NAME>" in variable.name else variable.name
        assert literal in source, f"{variable.name} is not read in {variable.source}"


def test_compose_sets_only_variables_each_service_reads(services: dict[str, dict[str, Any]]) -> None:
    for name in ("router", *SUBGRAPHS):
        unknown = set(services[name]["environment"]) - names_read_by(name)
        assert not unknown, f"{name} sets variables no code reads: {sorted(unknown)}"


def test_compose_gives_each_service_every_variable_production_needs(
    services: dict[str, dict[str, Any]],
) -> None:
    for name in ("router", *SUBGRAPHS):
        missing = names_required_in_production(name) - set(services[name]["environment"])
        assert not missing, f"{name} lacks {sorted(missing)}"


def test_production_needs_each_store_broker_and_token_key() -> None:
    # The table's `production` marks, spelt out: a service missing one of these falls back to an embedded
    # default (SQLite, the in-process bus, a fresh key) and starts, but is wrong in a stack.
    assert names_required_in_production("users") >= {
        "USERS_DATABASE_URL",
        "JOBGRAPH_RABBITMQ_URL",
        "JOBGRAPH_JWT_PRIVATE_KEY",
        "JOBGRAPH_JWT_PUBLIC_KEY",
    }
    assert names_required_in_production("contacts") >= {"CONTACTS_MONGODB_URL", "JOBGRAPH_RABBITMQ_URL"}
    assert "CONTACTS_DATABASE_URL" not in names_required_in_production("contacts")
    assert "JOBGRAPH_JWT_PRIVATE_KEY" not in names_required_in_production("applications")
    assert {f"JOBGRAPH_SUBGRAPH_{name.upper()}_URL" for name in SUBGRAPHS} <= names_required_in_production(
        "router"
    )
    for service in ("router", *SUBGRAPHS):
        assert names_required_in_production(service) <= names_read_by(service)


def test_the_code_reads_compose_settings_as_compose_means_them(
    repo_root: Path, example_env: dict[str, str]
) -> None:
    text = interpolate((repo_root / "docker-compose.yml").read_text(encoding="utf-8"), example_env)
    services = yaml.safe_load(text)["services"]
    for name in SUBGRAPHS:
        environment = services[name]["environment"]
        settings = SubgraphSettings.from_env(name, environment)
        if name in DOCUMENTS:
            assert settings.mongodb_url == environment[f"{name.upper()}_MONGODB_URL"]
        elif name == "search":
            index = build_index(settings, environment)
            assert isinstance(index, OpenSearchIndex) and index.url == environment["SEARCH_OPENSEARCH_URL"]
        else:
            assert settings.database_url == environment[f"{name.upper()}_DATABASE_URL"]
        assert settings.jwt_public_key == pem_text(environment["JOBGRAPH_JWT_PUBLIC_KEY"])
        assert str(settings.data_dir) == environment["JOBGRAPH_DATA_DIR"]
        assert EventSettings.from_env(environment).rabbitmq_url == environment["JOBGRAPH_RABBITMQ_URL"]
    router = load_config(None, services["router"]["environment"])
    assert (router.host, router.port) == ("0.0.0.0", 4000)
    assert router.supergraph_path == "/app/schema/supergraph.graphql"
    assert {name: router.subgraph(name).url for name in SUBGRAPHS} == {
        name: f"http://{name}:{JOBGRAPH_PORTS[name]}/graphql" for name in SUBGRAPHS
    }
