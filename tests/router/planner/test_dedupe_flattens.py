"""Optimisation pass: an identical Flatten (same path, same fetch) in one block runs once."""

from __future__ import annotations

from router.planner.dedupe_flattens import dedupe_flattens
from router.planner.plan import Fetch, FieldSelection, Flatten, InlineFragmentSelection, Parallel, Sequence

_REQUIRES = (InlineFragmentSelection("T", (FieldSelection("__typename"), FieldSelection("id"))),)


def _flatten(path: tuple[str, ...], field: str) -> Flatten:
    operation = "query($representations:[_Any!]!){_entities(representations:$representations){...on T{%s}}}"
    return Flatten(path, Fetch("b", operation % field, requires=_REQUIRES))


def test_identical_flattens_in_a_parallel_block_run_once() -> None:
    node = Parallel((_flatten(("x",), "a"), _flatten(("x",), "a"), _flatten(("y",), "a")))
    assert dedupe_flattens(node) == Parallel((_flatten(("x",), "a"), _flatten(("y",), "a")))


def test_a_block_left_with_one_node_collapses_to_it() -> None:
    root = Fetch("a", "{x{__typename id}}")
    node = Sequence((root, Parallel((_flatten(("x",), "a"), _flatten(("x",), "a")))))
    assert dedupe_flattens(node) == Sequence((root, _flatten(("x",), "a")))


def test_different_fetches_at_one_path_are_kept() -> None:
    node = Parallel((_flatten(("x",), "a"), _flatten(("x",), "b")))
    assert dedupe_flattens(node) == node
