"""Subgraph errors in client terms: re-pathed to where the client sees them, tagged with the subgraph."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from router.executor.paths import ResponsePath


def with_service(error: dict[str, Any], service_name: str) -> dict[str, Any]:
    """A copy of `error` with `extensions.serviceName` (its `extensions.code` and other keys kept)."""
    extensions = dict(error.get("extensions") or {})
    extensions.setdefault("serviceName", service_name)
    result = {key: value for key, value in error.items() if key not in ("extensions", "locations")}
    result.setdefault("message", "subgraph error")
    result["extensions"] = extensions
    return result


def entity_error_paths(
    error: dict[str, Any],
    targets: list[list[tuple[dict[str, Any], ResponsePath]]],
    fields: Callable[[dict[str, Any]], Iterable[str]],
) -> Iterator[dict[str, Any]]:
    """An `_entities.<i>.rest` error once per object that produced representation i, at `<its path>.rest`.

    An error without such a path (the whole call failed: unreachable, timed out) is reported at each field
    the call was to fill in (`fields(obj)`) of each object, so the client sees what is missing; with no such
    field, once without a path.
    """
    path = error.get("path")
    if isinstance(path, list) and len(path) >= 2 and path[0] == "_entities" and isinstance(path[1], int):
        index, rest = path[1], path[2:]
        if 0 <= index < len(targets):
            for _, obj_path in targets[index]:
                yield {**error, "path": [*obj_path, *rest]}
            return
    pathless = {key: value for key, value in error.items() if key != "path"}
    repathed = [
        {**pathless, "path": [*obj_path, key]}
        for objects in targets
        for obj, obj_path in objects
        for key in fields(obj)
    ]
    yield from repathed or [pathless]


def root_error_paths(error: dict[str, Any], fields: Iterable[str]) -> Iterator[dict[str, Any]]:
    """A root fetch's error as is if it has a path; else once at each root field the fetch was to answer."""
    if isinstance(error.get("path"), list):
        yield error
        return
    keys = list(fields)
    yield from ({**error, "path": [key]} for key in keys) if keys else [error]
