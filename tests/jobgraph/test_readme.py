"""The README tells the truth: its commands exist, its tour's operations are valid, its settings are real."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import parse, validate

from jobgraph.cli import build_parser
from jobgraph.environment import VARIABLES
from router.config import load_config
from router.supergraph.loader import load_supergraph

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def graphql_blocks() -> list[str]:
    """Every operation in the README's ```graphql blocks (one per line that starts an operation)."""
    operations = []
    for block in re.findall(r"```graphql\n(.*?)```", README, re.DOTALL):
        current: list[str] = []
        for line in block.splitlines():
            if re.match(r"\s*(mutation|query|\{)", line) and current:
                operations.append("\n".join(current))
                current = []
            current.append(line)
        if current:
            operations.append("\n".join(current))
    return operations


def test_the_two_set_up_commands_are_make_targets() -> None:
    assert "make run" in README and "make test" in README
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:", makefile, re.MULTILINE) and re.search(r"^test:", makefile, re.MULTILINE)


def test_every_jobgraph_command_it_names_exists() -> None:
    [commands_action] = [action for action in build_parser()._actions if action.dest == "command"]
    assert isinstance(commands_action.choices, dict)
    commands = set(commands_action.choices)
    named = set(re.findall(r"`jobgraph (\w+)", README)) | set(re.findall(r"bin/jobgraph (\w+)", README))
    assert named and named <= commands, named - commands


def test_every_setting_in_the_code_is_documented() -> None:
    for variable in VARIABLES:
        assert f"`{variable.name}`" in README, variable.name


@pytest.mark.parametrize("operation", graphql_blocks())
def test_the_tour_operations_are_valid_against_the_supergraph(operation: str) -> None:
    supergraph = load_supergraph((ROOT / "schema" / "supergraph.graphql").read_text(encoding="utf-8"))
    assert validate(supergraph.api_schema, parse(operation)) == []


def test_the_router_config_example_loads(tmp_path: Path) -> None:
    [example] = re.findall(r"```yaml\n(.*?)```", README, re.DOTALL)
    path = tmp_path / "router.yaml"
    path.write_text(example, encoding="utf-8")
    config = load_config(path, {})
    assert config.port == 4000 and config.subgraph("users").url == "http://users:4001/graphql"
