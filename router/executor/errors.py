"""Subgraph errors in client terms: re-pathed to where the client sees them, tagged with the subgraph."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import graphql

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
    error: dict[str, Any], targets: list[list[tuple[dict[str, Any], ResponsePath]]]
) -> Iterator[dict[str, Any]]:
    """An `_entities.<i>.rest` error once per object that produced representation i, at `<its path>.rest`.

    Errors without such a path (the whole call failed) are reported once, without a path.
    """
    path = error.get("path")
    if isinstance(path, list) and len(path) >= 2 and path[0] == "_entities" and isinstance(path[1], int):
        index, rest = path[1], path[2:]
        if 0 <= index < len(targets):
            for _, obj_path in targets[index]:
                yield {**error, "path": [*obj_path, *rest]}
            return
    yield {key: value for key, value in error.items() if key != "path"}


@lru_cache(maxsize=512)
def root_response_keys(operation: str) -> tuple[str, ...]:
    """The response keys a root fetch's operation selects: what its failure leaves missing. Parsed only when
    a fetch failed as a whole, and remembered (fetch operations come from cached plans)."""
    document = graphql.parse(operation, no_location=True)
    keys: list[str] = []

    def collect(selection_set: graphql.SelectionSetNode) -> None:
        for selection in selection_set.selections:
            if isinstance(selection, graphql.FieldNode):
                keys.append(selection.alias.value if selection.alias else selection.name.value)
            elif isinstance(selection, graphql.InlineFragmentNode):
                collect(selection.selection_set)

    for definition in document.definitions:
        if isinstance(definition, graphql.OperationDefinitionNode):
            collect(definition.selection_set)
    return tuple(keys)
