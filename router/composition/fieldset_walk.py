"""Resolves a field set against one subgraph's types, for the @key/@requires/@provides rules."""

from __future__ import annotations

from dataclasses import dataclass

import graphql

from router.composition.fieldsets import parse_field_set
from router.composition.model import Field, Subgraph
from router.composition.typerefs import named_type


@dataclass(frozen=True)
class SelectedField:
    """One field a field set selects: the type it is selected on, its definition (None if unknown), depth."""

    parent: str
    name: str
    definition: Field | None
    depth: int
    has_arguments: bool
    leaf: bool  # selected without a sub-selection
    under_external: bool  # some enclosing selected field is @external


@dataclass(frozen=True)
class FieldSetWalk:
    parsed: bool
    fields: tuple[SelectedField, ...]

    @property
    def unknown(self) -> list[SelectedField]:
        return [f for f in self.fields if f.definition is None]


def walk_field_set(subgraph: Subgraph, type_name: str, text: str) -> FieldSetWalk:
    """Every field the set selects, resolved in `subgraph` starting at `type_name`."""
    selection_set = parse_field_set(text)
    if selection_set is None:
        return FieldSetWalk(False, ())
    found: list[SelectedField] = []

    def walk(parent: str, selections: graphql.SelectionSetNode, depth: int, external: bool) -> None:
        for selection in selections.selections:
            if isinstance(selection, graphql.InlineFragmentNode):
                condition = selection.type_condition.name.value if selection.type_condition else parent
                walk(condition, selection.selection_set, depth, external)
            elif isinstance(selection, graphql.FieldNode):
                definition = subgraph.field(parent, selection.name.value)
                leaf = selection.selection_set is None
                found.append(
                    SelectedField(
                        parent,
                        selection.name.value,
                        definition,
                        depth,
                        bool(selection.arguments),
                        leaf,
                        external,
                    )
                )
                if definition is not None and selection.selection_set is not None:
                    walk(
                        named_type(definition.type),
                        selection.selection_set,
                        depth + 1,
                        external or definition.external,
                    )

    walk(type_name, selection_set, 0, False)
    return FieldSetWalk(True, tuple(found))
