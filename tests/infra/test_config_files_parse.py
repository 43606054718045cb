"""Every YAML and JSON file of the stack parses, so no service starts on a config it cannot read."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any


def stack_files(repo_root: Path, suffixes: tuple[str, ...]) -> list[Path]:
    # infra/dev belongs to the Makefile's service starter, not to the production stack.
    found = [
        path
        for path in (repo_root / "infra").rglob("*")
        if path.suffix in suffixes and "dev" not in path.relative_to(repo_root / "infra").parts[:1]
    ]
    if ".yml" in suffixes:
        found.append(repo_root / "docker-compose.yml")
    return sorted(found)


def test_every_yaml_file_parses_to_a_mapping(
    repo_root: Path, yaml_documents: Callable[[Path], list[Any]]
) -> None:
    paths = stack_files(repo_root, (".yaml", ".yml"))
    assert len(paths) >= 10
    for path in paths:
        documents = yaml_documents(path)
        assert documents, path
        assert all(isinstance(document, dict) for document in documents), path


def test_every_json_file_parses(repo_root: Path) -> None:
    paths = stack_files(repo_root, (".json",))
    assert {path.name for path in paths} >= {"definitions.json", "jobgraph.json"}
    for path in paths:
        json.loads(path.read_text(encoding="utf-8"))


def test_every_shell_script_is_valid_bash(repo_root: Path) -> None:
    scripts = stack_files(repo_root, (".sh",))
    assert len(scripts) == 3
    for script in scripts:
        assert subprocess.run(["bash", "-n", str(script)], capture_output=True).returncode == 0, script
