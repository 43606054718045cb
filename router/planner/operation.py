"""Normalise a client operation: pick the operation, expand named fragments into typed selection items."""

from __future__ import annotations

from dataclasses import dataclass

import graphql

from router.planner.plan import OperationKind


class PlanningError(Exception):
    """The operation cannot be planned against this supergraph (a bug in validation or in composition)."""


@dataclass(frozen=True, slots=True)
class FieldItem:
    """A client field: `alias: name(args) @directives { selections }`."""

    name: str
    alias: str | None
    arguments: tuple[graphql.ArgumentNode, ...]
    directives: tuple[graphql.DirectiveNode, ...]
    selections: tuple[Item, ...]

    @property
    def response_key(self) -> str:
        return self.alias or self.name


@dataclass(frozen=True, slots=True)
class FragmentItem:
    """An inline fragment (or an expanded named fragment spread) with its type condition resolved."""

    # "" for `... @include(if: $v) { }` without a type condition: the enclosing type.
    type_condition: str
    directives: tuple[graphql.DirectiveNode, ...]
    selections: tuple[Item, ...]


Item = FieldItem | FragmentItem


@dataclass(frozen=True, slots=True)
class Operation:
    """The operation to plan: kind, variable definitions, and its root selection as items."""

    kind: OperationKind
    variables: dict[str, graphql.VariableDefinitionNode]
    items: tuple[Item, ...]
    name: str | None = None


def read_operation(document: graphql.DocumentNode, operation_name: str | None) -> Operation:
    """Select the operation (spec: GetOperation) and expand its fragment spreads."""
    operations = [d for d in document.definitions if isinstance(d, graphql.OperationDefinitionNode)]
    if operation_name is not None:
        operations = [op for op in operations if op.name and op.name.value == operation_name]
    if len(operations) != 1:
        raise PlanningError(f"expected exactly one operation named {operation_name!r}, got {len(operations)}")
    operation = operations[0]
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, graphql.FragmentDefinitionNode)
    }
    kind: OperationKind = operation.operation.value
    variables = {v.variable.name.value: v for v in operation.variable_definitions or ()}
    name = operation.name.value if operation.name else None
    return Operation(kind, variables, _items(operation.selection_set, fragments), name)


def _items(
    selection_set: graphql.SelectionSetNode | None,
    fragments: dict[str, graphql.FragmentDefinitionNode],
) -> tuple[Item, ...]:
    if selection_set is None:
        return ()
    items: list[Item] = []
    for selection in selection_set.selections:
        if isinstance(selection, graphql.FieldNode):
            items.append(
                FieldItem(
                    name=selection.name.value,
                    alias=selection.alias.value if selection.alias else None,
                    arguments=tuple(selection.arguments or ()),
                    directives=tuple(selection.directives or ()),
                    selections=_items(selection.selection_set, fragments),
                )
            )
            continue
        if isinstance(selection, graphql.FragmentSpreadNode):
            fragment = fragments[selection.name.value]
            condition: str | None = fragment.type_condition.name.value
            inner = fragment.selection_set
        else:
            assert isinstance(selection, graphql.InlineFragmentNode)
            condition = selection.type_condition.name.value if selection.type_condition else None
            inner = selection.selection_set
        directives = tuple(selection.directives or ())
        sub = _items(inner, fragments)
        if condition is None and not directives:
            # `... { a }` without a type condition or directives is just its fields (spec: CollectFields).
            items.extend(sub)
        else:
            items.append(FragmentItem(condition or "", directives, sub))
    return tuple(items)
