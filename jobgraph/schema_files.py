"""The checked-in schema contracts under `schema/`: compose them from the subgraphs and check them."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path

from graphql import BreakingChange, find_breaking_changes, find_dangerous_changes

from jobgraph.catalog import SubgraphEntry, available_subgraphs
from jobgraph.contributed_fields import ContributedField, new_non_null_contributions
from router.composition import CompositionResult, SubgraphSource, compose
from router.supergraph import load_supergraph

SDL_QUERY = "{ _service { sdl } }"


def subgraph_sdl(entry: SubgraphEntry) -> str:
    """The subgraph's federation SDL exactly as `{ _service { sdl } }` returns it to a composer."""
    module = importlib.import_module(f"{entry.package}.schema")
    result = module.schema.execute_sync(SDL_QUERY)
    if result.errors:
        raise RuntimeError(f"{entry.name}: _service query failed: {result.errors[0].message}")
    assert result.data is not None
    sdl: str = result.data["_service"]["sdl"]
    return sdl.strip() + "\n"


def compose_project(
    entries: tuple[SubgraphEntry, ...] | None = None,
) -> tuple[dict[str, str], CompositionResult]:
    """Every subgraph's SDL and the result of composing them (URLs are the one-machine defaults)."""
    entries = available_subgraphs() if entries is None else entries
    sdls = {entry.name: subgraph_sdl(entry) for entry in entries}
    sources = [SubgraphSource(name=entry.name, url=entry.url, sdl=sdls[entry.name]) for entry in entries]
    return sdls, compose(sources)


def write_schema_files(root: Path, sdls: dict[str, str], supergraph_sdl: str) -> list[Path]:
    """Write `schema/subgraphs/<name>.graphql` and `schema/supergraph.graphql`; returns the paths written."""
    subgraph_dir = root / "schema" / "subgraphs"
    subgraph_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, sdl in sorted(sdls.items()):
        path = subgraph_dir / f"{name}.graphql"
        path.write_text(sdl)
        written.append(path)
    supergraph_path = root / "schema" / "supergraph.graphql"
    supergraph_path.write_text(supergraph_sdl)
    written.append(supergraph_path)
    return written


@dataclass
class CheckReport:
    """What `jobgraph schema check` found; `ok` is False when CI must fail."""

    stale: list[str] = field(default_factory=list)
    composition_errors: list[str] = field(default_factory=list)
    breaking: list[BreakingChange] = field(default_factory=list)
    dangerous: list[str] = field(default_factory=list)
    # New non-null fields that one subgraph adds to another's entity (jobgraph/contributed_fields.py).
    non_null_contributions: list[ContributedField] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.stale or self.composition_errors or self.breaking or self.non_null_contributions)

    def render(self) -> str:
        """A report a person can act on, one finding per line."""
        lines: list[str] = []
        for path in self.stale:
            lines.append(f"stale: {path} differs from what the subgraphs produce — run `jobgraph compose`")
        for error in self.composition_errors:
            lines.append(f"composition error: {error}")
        for change in self.breaking:
            lines.append(f"breaking change ({change.type.name}): {change.description}")
        for contribution in self.non_null_contributions:
            lines.append(f"non-null field from another subgraph: {contribution.describe()}")
        for description in self.dangerous:
            lines.append(f"warning (may affect clients): {description}")
        if not lines:
            lines.append("schema check passed: checked-in schemas are current and no change breaks clients")
        return "\n".join(lines)


def check_project(
    root: Path, entries: tuple[SubgraphEntry, ...] | None = None, baseline_sdl: str | None = None
) -> CheckReport:
    """Compare the checked-in schemas with the subgraphs' current ones.

    Stale files fail the check; so does any change to the client API schema, relative to `baseline_sdl` (by
    default the checked-in supergraph, e.g. the one on the main branch in CI), that breaks existing clients
    (graphql-core's `find_breaking_changes`: removed types, fields, arguments or enum values, stricter input
    nullability, looser output nullability, changed argument types); so does a new non-null field that one
    subgraph adds to an entity another subgraph owns (it must be able to fail alone).
    """
    report = CheckReport()
    sdls, result = compose_project(entries)
    report.composition_errors = [f"[{error.code}] {error.message}" for error in result.errors]
    for name, sdl in sdls.items():
        path = root / "schema" / "subgraphs" / f"{name}.graphql"
        if not path.exists() or path.read_text() != sdl:
            report.stale.append(str(path.relative_to(root)))
    supergraph_path = root / "schema" / "supergraph.graphql"
    if result.supergraph_sdl is None:
        return report
    if not supergraph_path.exists():
        report.stale.append(str(supergraph_path.relative_to(root)))
        return report
    checked_in = supergraph_path.read_text()
    if checked_in != result.supergraph_sdl:
        report.stale.append(str(supergraph_path.relative_to(root)))
    baseline = load_supergraph(baseline_sdl if baseline_sdl is not None else checked_in)
    current = load_supergraph(result.supergraph_sdl)
    old_api, new_api = baseline.api_schema, current.api_schema
    report.non_null_contributions = new_non_null_contributions(baseline, current)
    report.breaking = list(find_breaking_changes(old_api, new_api))
    report.dangerous = [change.description for change in find_dangerous_changes(old_api, new_api)]
    return report
