"""Finds the environment variables Python code reads, by walking its syntax tree (for the drift tests)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from jobgraph.environment import VARIABLES

# Where the processes' code lives: the packages and the image's health probe.
CODE = ("router", "subgraphs", "jobgraph", "infra/docker/healthcheck.py")
# A whole mapping of the process environment, as the code names it (`os.environ`, or passed in as `environ`).
ENVIRONMENT_NAMES = frozenset({"env", "environ"})
# The one module that reads names it does not spell at the read: router/config.py loops over `_ENVIRONMENT`
# (literal names) and the `JOBGRAPH_SUBGRAPH_` prefix, so its literals are checked instead (below).
DYNAMIC_READERS = frozenset({"router/config.py"})
# A literal that can only be an environment variable's name (or a prefix of such names).
VARIABLE_LITERAL = re.compile(r"(JOBGRAPH|OTEL)_[A-Z0-9_]*")


def _is_environment(node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        return node.id in ENVIRONMENT_NAMES
    return isinstance(node, ast.Attribute) and node.attr == "environ"


def _read_key(node: ast.AST) -> ast.expr | None:
    """The key expression of an environment read: `env.get(K)`, `os.getenv(K)`, `env[K]`, `K in env`."""
    match node:
        case ast.Call(func=ast.Attribute(attr="getenv"), args=[key, *_]):
            return key
        case ast.Call(func=ast.Attribute(attr="get", value=mapping), args=[key, *_]) if _is_environment(
            mapping
        ):
            return key
        case ast.Subscript(value=mapping, slice=key) if _is_environment(mapping):
            return key
        case ast.Compare(left=key, ops=[ast.In() | ast.NotIn()], comparators=[mapping]) if _is_environment(
            mapping
        ):
            return key
    return None


def _iterates_environment(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("items", "keys")
        and _is_environment(node.func.value)
    )


def _spelt(key: ast.expr) -> str | None:
    """The name a read key spells: a literal, or an f-string with `<NAME>` for each interpolation (as the
    table writes `f"{name.upper()}_DATABASE_URL"`); None for a name computed at run time."""
    if isinstance(key, ast.Constant) and isinstance(key.value, str):
        return key.value
    if isinstance(key, ast.JoinedStr):
        parts = [value.value if isinstance(value, ast.Constant) else "<NAME>" for value in key.values]
        return "".join(str(part) for part in parts)
    return None


def environment_reads(source: str) -> Iterator[tuple[int, str | None]]:
    """(line, name) of every environment read in Python `source`; name None where it is computed."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.expr):
            continue  # every read is an expression
        key = _read_key(node)
        if key is not None:
            yield node.lineno, _spelt(key)
        elif _iterates_environment(node):
            yield node.lineno, None


def variable_literals(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of every string literal in `source` that is exactly a JOBGRAPH_/OTEL_ variable name."""
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and VARIABLE_LITERAL.fullmatch(node.value)
        ):
            yield node.lineno, node.value


def in_the_table(name: str) -> bool:
    """Whether `name` is a table entry, one subgraph's instance of a `<NAME>` entry, or a prefix ending in
    `_` of entries (the router matches `JOBGRAPH_SUBGRAPH_` then the subgraph's name)."""
    for variable in VARIABLES:
        if name == variable.name:
            return True
        pattern = re.escape(variable.name).replace(re.escape("<NAME>"), "[A-Z][A-Z0-9]*")
        if re.fullmatch(pattern, name) or (name.endswith("_") and variable.name.startswith(name)):
            return True
    return False


def code_files(repo_root: Path) -> list[Path]:
    files: list[Path] = []
    for entry in CODE:
        path = repo_root / entry
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return files
