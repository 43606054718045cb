"""The environment table (jobgraph/environment.py) against the code and the production files.

Every name in the table appears in the module said to read it, every name compose and Kubernetes set is in
the table for that service, and the settings the code builds from compose's environment are the ones compose
means — so the names cannot drift apart again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from jobgraph.environment import VARIABLES, names_read_by
from router.config import load_config
from subgraphs.kit.events.settings import EventSettings
from subgraphs.kit.keys import pem_text
from subgraphs.kit.settings import SubgraphSettings
from tests.infra.conftest import SUBGRAPHS
from tests.infra.test_compose_file import interpolate


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


def test_the_code_reads_compose_settings_as_compose_means_them(
    repo_root: Path, example_env: dict[str, str]
) -> None:
    text = interpolate((repo_root / "docker-compose.yml").read_text(encoding="utf-8"), example_env)
    services = yaml.safe_load(text)["services"]
    for name in SUBGRAPHS:
        environment = services[name]["environment"]
        settings = SubgraphSettings.from_env(name, environment)
        if name == "contacts":
            assert settings.mongodb_url == environment["CONTACTS_MONGODB_URL"]
        else:
            assert settings.database_url == environment[f"{name.upper()}_DATABASE_URL"]
        assert settings.jwt_public_key == pem_text(environment["JOBGRAPH_JWT_PUBLIC_KEY"])
        assert str(settings.data_dir) == environment["JOBGRAPH_DATA_DIR"]
        assert EventSettings.from_env(environment).rabbitmq_url == environment["JOBGRAPH_RABBITMQ_URL"]
    router = load_config(None, services["router"]["environment"])
    assert (router.host, router.port) == ("0.0.0.0", 4000)
    assert router.supergraph_path == "/app/schema/supergraph.graphql"
    assert {name: router.subgraph(name).url for name in SUBGRAPHS} == {
        name: f"http://{name}:{port}/graphql"
        for name, port in zip(SUBGRAPHS, (4001, 4002, 4003, 4004), strict=True)
    }
