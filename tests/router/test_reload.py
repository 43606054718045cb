"""Hot reload: a good new supergraph replaces the old one; a broken one leaves the last good one serving."""

from __future__ import annotations

from pathlib import Path

import pytest

from router.reload import SupergraphUnavailable, SupergraphWatcher, read_supergraph_file
from router.supergraph import Supergraph, load_supergraph
from tests.router.planner.sdl import supergraph


def supergraph_with(fields: str) -> str:
    return supergraph(f"type Query @join__type(graph: A) {{ {fields} }}", "a")


class Holder:
    """Stands in for the router's swappable supergraph slot: `apply` loads first, then swaps."""

    def __init__(self) -> None:
        self.current: Supergraph | None = None

    def apply(self, sdl: str) -> None:
        self.current = load_supergraph(sdl)

    def query_fields(self) -> set[str]:
        assert self.current is not None
        query = self.current.api_schema.query_type
        assert query is not None
        return set(query.fields)


async def test_file_mode_picks_up_a_new_field_and_ignores_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "supergraph.graphql"
    path.write_text(supergraph_with("hello: String"))
    holder = Holder()
    watcher = SupergraphWatcher(read_supergraph_file(path), holder.apply, interval=0.01)
    await watcher.load_initial()
    assert holder.query_fields() == {"hello"}

    assert await watcher.poll_once() is False  # unchanged file: nothing to do

    path.write_text(supergraph_with("hello: String\n  world: Int"))
    assert await watcher.poll_once() is True
    assert holder.query_fields() == {"hello", "world"}

    path.write_text("type Query {")  # a half-written file must not replace the good supergraph
    assert await watcher.poll_once() is False
    assert holder.query_fields() == {"hello", "world"}

    path.unlink()
    assert await watcher.poll_once() is False
    assert holder.query_fields() == {"hello", "world"}


async def test_initial_load_failure_is_fatal(tmp_path: Path) -> None:
    watcher = SupergraphWatcher(read_supergraph_file(tmp_path / "missing.graphql"), Holder().apply)
    with pytest.raises(SupergraphUnavailable):
        await watcher.load_initial()
