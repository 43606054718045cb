"""`@fromContext` values: read per entity from the objects enclosing it, and sent as fetch variables."""

from __future__ import annotations

import dataclasses
from typing import Any

import graphql
import orjson

from router.executor.paths import ResponsePath, TypeMatcher
from router.planner.compact import print_operation
from router.planner.plan import Fetch, KeyRenamer
from router.subgraph_client import SubgraphResponse

_MISSING = object()


def context_values(
    data: dict[str, Any], at: ResponsePath, rewrites: tuple[KeyRenamer, ...], matches: TypeMatcher
) -> dict[str, Any]:
    """The contextual variables of the entity at `at`: for each variable, the value the first of its
    rewrites finds (Matches Apollo Router's `SubgraphContext::execute_on_path`); None when none finds one."""
    values: dict[str, Any] = {}
    for rewrite in rewrites:
        if values.get(rewrite.rename_key_to) is not None:
            continue
        value = _read(data, at, rewrite.path, matches)
        if value is not _MISSING:
            values[rewrite.rename_key_to] = value
        else:
            values.setdefault(rewrite.rename_key_to, None)
    return values


def _read(data: Any, at: ResponsePath, path: tuple[str, ...], matches: TypeMatcher) -> Any:
    ups = 0
    while ups < len(path) and path[ups] == "..":
        ups += 1
    # Each ".." leaves one response key (and the list positions after it): Apollo's `merge_context_path`.
    end = len(at)
    for _ in range(ups):
        while end > 0 and not isinstance(at[end - 1], str):
            end -= 1
        if end == 0:
            return _MISSING
        end -= 1
    value: Any = data
    for step in at[:end]:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return _follow(value, path[ups:], matches)


def _follow(value: Any, steps: tuple[str, ...], matches: TypeMatcher) -> Any:
    if not steps:
        return value
    if isinstance(value, list):
        items = [_follow(item, steps, matches) for item in value]
        return _MISSING if any(item is _MISSING for item in items) else items
    if not isinstance(value, dict):
        return _MISSING
    step = steps[0]
    if step.startswith("... on "):
        typename = value.get("__typename")
        if not isinstance(typename, str) or not matches(typename, step[7:]):
            return _MISSING
        return _follow(value, steps[1:], matches)
    if step not in value:
        return _MISSING
    return _follow(value[step], steps[1:], matches)


def batches(values: list[dict[str, Any]]) -> list[list[int]]:
    """Representation positions grouped by their contextual values, groups in first-seen order."""
    groups: dict[bytes, list[int]] = {}
    for position, entity_values in enumerate(values):
        key = orjson.dumps(entity_values, option=orjson.OPT_SORT_KEYS)
        groups.setdefault(key, []).append(position)
    return list(groups.values())


def aliased_fetch(fetch: Fetch, count: int) -> Fetch:
    """The fetch with `_entities` repeated `count` times as `_0`, `_1`, …, each with its own
    `$representations_i` and `$contextualArgument_…_i` (Matches Apollo Router's
    `build_operation_with_aliasing`, which aliases per entity; here per distinct set of values, so each
    entity is sent once)."""
    document = fetch.document
    if document is None:
        parsed = graphql.parse(fetch.operation).definitions[0]
        assert isinstance(parsed, graphql.OperationDefinitionNode)
        document = parsed
    renamed = {"representations", *(r.rename_key_to for r in fetch.context_rewrites)}
    definitions: list[graphql.VariableDefinitionNode] = []
    for definition in document.variable_definitions or ():
        name = definition.variable.name.value
        if name not in renamed:
            definitions.append(definition)
            continue
        for index in range(count):
            variable = graphql.VariableNode(name=graphql.NameNode(value=f"{name}_{index}"))
            definitions.append(dataclasses.replace(definition, variable=variable))
    entities = document.selection_set.selections[0]
    assert isinstance(entities, graphql.FieldNode)
    copies = tuple(_aliased_copy(entities, renamed, index) for index in range(count))
    operation = dataclasses.replace(
        document,
        variable_definitions=tuple(definitions),
        selection_set=graphql.SelectionSetNode(selections=copies),
    )
    return dataclasses.replace(fetch, operation=print_operation(operation), document=operation)


def _aliased_copy(entities: graphql.FieldNode, names: set[str], index: int) -> graphql.FieldNode:
    visited = graphql.visit(entities, _Suffixed(names, index))
    assert isinstance(visited, graphql.FieldNode)
    return dataclasses.replace(visited, alias=graphql.NameNode(value=f"_{index}"))


class _Suffixed(graphql.Visitor):
    """Renames the variables of one aliased copy (`$x` → `$x_i`)."""

    def __init__(self, names: set[str], index: int) -> None:
        super().__init__()
        self.names = names
        self.index = index

    def enter_variable(self, node: graphql.VariableNode, *_: Any) -> graphql.VariableNode | None:
        if node.name.value in self.names:
            return graphql.VariableNode(name=graphql.NameNode(value=f"{node.name.value}_{self.index}"))
        return None


def aliased_variables(
    variables: dict[str, Any],
    representations: list[dict[str, Any]],
    values: list[dict[str, Any]],
    groups: list[list[int]],
) -> dict[str, Any]:
    """The variables of `aliased_fetch`: each alias's representations and contextual values."""
    result = dict(variables)
    for index, group in enumerate(groups):
        result[f"representations_{index}"] = [representations[position] for position in group]
        for name, value in values[group[0]].items():
            result[f"{name}_{index}"] = value
    return result


def unaliased(response: SubgraphResponse, groups: list[list[int]]) -> SubgraphResponse:
    """The aliased answer as if it were one `_entities` call over every representation in order (entities
    and error paths moved back to their positions)."""
    data = response.data
    entities: list[Any] | None = None
    if data is not None:
        entities = [None] * sum(len(group) for group in groups)
        for index, group in enumerate(groups):
            answered = data.get(f"_{index}")
            for offset, position in enumerate(group):
                if isinstance(answered, list) and offset < len(answered):
                    entities[position] = answered[offset]
    errors = []
    for error in response.errors:
        path = error.get("path")
        if isinstance(path, list) and len(path) >= 2 and isinstance(path[0], str) and path[0][:1] == "_":
            alias = path[0][1:]
            if alias.isdigit() and int(alias) < len(groups) and isinstance(path[1], int):
                group = groups[int(alias)]
                if path[1] < len(group):
                    error = {**error, "path": ["_entities", group[path[1]], *path[2:]]}
        errors.append(error)
    unaliased_data = None if data is None else {"_entities": entities}
    return dataclasses.replace(response, data=unaliased_data, errors=tuple(errors))
