"""Walk merged response data along a Flatten path, remembering each object's response path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from router.planner.plan import PathSegment, TypeCondition

ResponsePath = tuple[str | int, ...]
# Is `typename` the type named by a condition, or one of its possible types? (the supergraph answers)
TypeMatcher = Callable[[str, str], bool]


def objects_at(
    data: Any, path: tuple[PathSegment, ...], matches: TypeMatcher, start: ResponsePath = ()
) -> Iterator[tuple[dict[str, Any], ResponsePath]]:
    """Every object found at `path` (keys, "@" = each list element, type conditions filter `__typename`)."""
    yield from _walk(data, path, 0, start, matches)


def _walk(
    value: Any, path: tuple[PathSegment, ...], index: int, at: ResponsePath, matches: TypeMatcher
) -> Iterator[tuple[dict[str, Any], ResponsePath]]:
    if value is None:
        return
    if index == len(path):
        if isinstance(value, dict):
            yield value, at
        elif isinstance(value, list):
            # A path that ends on a list (the planner may omit a trailing "@"): every element.
            for position, item in enumerate(value):
                yield from _walk(item, path, index, (*at, position), matches)
        return
    segment = path[index]
    if segment == "@":
        if isinstance(value, list):
            for position, item in enumerate(value):
                yield from _walk(item, path, index + 1, (*at, position), matches)
        return
    if isinstance(value, list):
        # Lists not spelled out with "@" are still walked element by element.
        for position, item in enumerate(value):
            yield from _walk(item, path, index, (*at, position), matches)
        return
    if not isinstance(value, dict):
        return
    if isinstance(segment, TypeCondition):
        typename = value.get("__typename")
        if isinstance(typename, str) and any(matches(typename, name) for name in segment.types):
            yield from _walk(value, path, index + 1, at, matches)
        return
    if segment.startswith("... on "):
        typename = value.get("__typename")
        if isinstance(typename, str) and matches(typename, segment[7:]):
            yield from _walk(value, path, index + 1, at, matches)
        return
    if segment in value:
        yield from _walk(value[segment], path, index + 1, (*at, segment), matches)
