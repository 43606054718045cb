"""Apply a Fetch's input rewrites (to representations) and output rewrites (to results)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from router.executor.paths import TypeMatcher
from router.planner.plan import FetchRewrite, KeyRenamer, ValueSetter


def apply_rewrites(value: Any, rewrites: Iterable[FetchRewrite], matches: TypeMatcher) -> None:
    """Apply each rewrite in place; paths are keys, "@" for list elements and "... on T" type conditions."""
    for rewrite in rewrites:
        _apply(value, rewrite, 0, matches)


def _apply(value: Any, rewrite: FetchRewrite, index: int, matches: TypeMatcher) -> None:
    if isinstance(value, list):
        for item in value:
            _apply(item, rewrite, index, matches)
        return
    if not isinstance(value, dict):
        return
    path = rewrite.path
    segment = path[index]
    if segment.startswith("... on "):
        typename = value.get("__typename")
        if isinstance(typename, str) and matches(typename, segment[7:]) and index + 1 < len(path):
            _apply(value, rewrite, index + 1, matches)
        return
    if segment == "@":
        # Lists were expanded above; on an element the step is already taken.
        if index + 1 < len(path):
            _apply(value, rewrite, index + 1, matches)
        return
    if index == len(path) - 1:
        if isinstance(rewrite, ValueSetter):
            value[segment] = rewrite.set_value_to
        elif isinstance(rewrite, KeyRenamer) and segment in value:
            value[rewrite.rename_key_to] = value.pop(segment)
        return
    if segment in value:
        _apply(value[segment], rewrite, index + 1, matches)
