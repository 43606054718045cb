"""The client response keys a fetch was to fill in: where the error of a fetch that got no answer belongs.

A subgraph that is unreachable, frozen or too slow answers nothing, so its error has no path. Reported at the
fields it left empty (`["me", "recentApplications"]`), the client knows what is missing, and the projection
adds no second "Cannot return null" error there. Matches graphql-js: a resolver's error is reported at the
field it resolves (Spec: https://spec.graphql.org/October2021/#sec-Errors.Error-Result-Format, "path").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import graphql
from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode, SelectionSetNode

from router.executor.paths import TypeMatcher
from router.executor.rewrites import apply_rewrites
from router.planner.plan import Fetch

# (type condition or None for any, response key) of each field a fetch selects at its top level.
Selected = tuple[tuple[str | None, str], ...]


def fetch_fields(fetch: Fetch, obj: dict[str, Any] | None, matches: TypeMatcher) -> list[str]:
    """The client's keys of the fields `fetch` selects on `obj` (an entity fetch's target; None for a root
    fetch): type conditions that do not apply to `obj` are left out, planner aliases are renamed back."""
    typename = obj.get("__typename") if obj is not None else None
    probe: dict[str, Any] = {"__typename": typename} if isinstance(typename, str) else {}
    for condition, key in _selected(fetch.operation):
        if condition is None or (isinstance(typename, str) and matches(typename, condition)):
            probe[key] = None
    # The same renames the fetch's result would have had, so keys are the client's, not the planner's.
    apply_rewrites(probe, fetch.output_rewrites, matches)
    return [key for key in probe if key != "__typename"]


@lru_cache(maxsize=512)
def _selected(operation: str) -> Selected:
    # Parsed only when a fetch failed, and cached: a failing subgraph fails every request that reaches it.
    document = graphql.parse(operation, no_location=True)
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, graphql.FragmentDefinitionNode)
    }
    selection_set = next(
        definition.selection_set
        for definition in document.definitions
        if isinstance(definition, graphql.OperationDefinitionNode)
    )
    only = selection_set.selections[0] if len(selection_set.selections) == 1 else None
    if isinstance(only, FieldNode) and only.name.value == "_entities" and only.selection_set is not None:
        selection_set = only.selection_set
    found: list[tuple[str | None, str]] = []
    _collect(selection_set, None, fragments, found)
    return tuple(dict.fromkeys(found))


def _collect(
    selection_set: SelectionSetNode,
    condition: str | None,
    fragments: dict[str, graphql.FragmentDefinitionNode],
    found: list[tuple[str | None, str]],
) -> None:
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.name.value != "__typename":
                found.append((condition, (selection.alias or selection.name).value))
        elif isinstance(selection, InlineFragmentNode):
            inner = selection.type_condition.name.value if selection.type_condition else condition
            _collect(selection.selection_set, inner, fragments, found)
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value in fragments:
            fragment = fragments[selection.name.value]
            _collect(fragment.selection_set, fragment.type_condition.name.value, fragments, found)
