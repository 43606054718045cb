"""Walk merged response data along a Flatten path, remembering each object's response path."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from router.planner.plan import PathSegment, TypeCondition

ResponsePath = tuple[str | int, ...]
# Where a value is, as (parent, key or position) pairs from the root (None): a pair per step is cheap, and
# the flat ResponsePath is made only when an error needs it (`flat`); copying a growing tuple per field was
# not.
At = tuple[Any, str | int] | None
# Is `typename` the type named by a condition, or one of its possible types? (the supergraph answers)
TypeMatcher = Callable[[str, str], bool]
_Found = list[tuple[Any, ResponsePath]]


def flat(at: At) -> ResponsePath:
    """The response path `at` stands for."""
    steps: list[str | int] = []
    while at is not None:
        at, step = at
        steps.append(step)
    return tuple(reversed(steps))


def objects_at(
    data: Any, path: tuple[PathSegment, ...], matches: TypeMatcher, start: ResponsePath = ()
) -> list[tuple[dict[str, Any], ResponsePath]]:
    """Every object found at `path` (keys, "@" = each list element, type conditions filter `__typename`),
    in document order.

    One segment at a time over the whole frontier, not a recursive generator per element: the nested
    answers of entity fetches have thousands of objects, and a generator chain costs a frame per level for
    every one of them.
    """
    frontier: _Found = [(data, start)]
    for segment in path:
        following: _Found = []
        if segment == "@":
            for value, at in frontier:
                if isinstance(value, list):
                    # Concatenation, not `(*at, position)`, which goes through a list (twice as slow here).
                    following.extend([(item, at + (position,)) for position, item in enumerate(value)])  # noqa: RUF005
        elif isinstance(segment, TypeCondition):
            for value, at in _unlisted(frontier):
                typename = value.get("__typename")
                if isinstance(typename, str) and any(matches(typename, name) for name in segment.types):
                    following.append((value, at))
        elif segment.startswith("... on "):
            condition = segment[7:]
            for value, at in _unlisted(frontier):
                typename = value.get("__typename")
                if isinstance(typename, str) and matches(typename, condition):
                    following.append((value, at))
        else:
            # `at + step` makes one tuple; `(*at, segment)` goes through a list (three times slower).
            step = (segment,)
            following = [(value[segment], at + step) for value, at in _unlisted(frontier) if segment in value]
        frontier = following
    return _unlisted(frontier)


def _unlisted(found: _Found) -> _Found:
    """The objects among `found`, with lists not spelled out by "@" walked element by element (a path may
    omit a trailing "@", and nested lists are flattened); anything else (null, scalars) dropped."""
    for value, _ in found:
        if type(value) is not dict:
            break
    else:
        # The usual frontier: objects only, already in order.
        return found
    objects: _Found = []
    pending = list(reversed(found))
    while pending:
        value, at = pending.pop()
        if isinstance(value, dict):
            objects.append((value, at))
        elif isinstance(value, list):
            pending.extend(reversed([(item, (*at, position)) for position, item in enumerate(value)]))
    return objects
