"""The checked-in contracts under schema/: current with the code, and guarded against breaking changes."""

from __future__ import annotations

from pathlib import Path

from jobgraph.cli import main
from jobgraph.schema_files import check_project, compose_project

ROOT = Path(__file__).resolve().parents[2]


def test_the_checked_in_schemas_are_current_and_compose() -> None:
    # Fails when a subgraph changed without `jobgraph compose`: the report says which file is stale.
    report = check_project(ROOT)
    assert report.ok, report.render()


def with_extra_query_field(supergraph_sdl: str) -> str:
    """The supergraph as it would have been with one more `Query` field (which today's code lacks)."""
    start = supergraph_sdl.index("type Query")
    brace = supergraph_sdl.index("{\n", start) + 2
    extra = "  legacyInbox: String @join__field(graph: USERS)\n"
    return supergraph_sdl[:brace] + extra + supergraph_sdl[brace:]


def test_a_removed_field_is_reported_as_breaking() -> None:
    _, result = compose_project()
    assert result.supergraph_sdl is not None
    # A baseline in which `Query` had one more field: today's schema has removed it.
    baseline = with_extra_query_field(result.supergraph_sdl)
    report = check_project(ROOT, baseline_sdl=baseline)
    assert not report.ok
    assert any("Query.legacyInbox was removed" in change.description for change in report.breaking)
    assert "breaking change (FIELD_REMOVED): Field Query.legacyInbox was removed." in report.render()


def test_schema_check_exits_non_zero_on_a_breaking_change(tmp_path: Path) -> None:
    _, result = compose_project()
    assert result.supergraph_sdl is not None
    baseline = tmp_path / "old.graphql"
    baseline.write_text(with_extra_query_field(result.supergraph_sdl))
    assert main(["--root", str(ROOT), "schema", "check", "--against", str(baseline)]) == 1
    assert main(["--root", str(ROOT), "schema", "check"]) == 0
