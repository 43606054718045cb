"""Field sets (@key, @requires, @provides `fields:`): parsing and their normalized printed form."""

from __future__ import annotations

import graphql


def parse_field_set(text: str) -> graphql.SelectionSetNode | None:
    """Parses `id sku { x }` as a selection set; None when it is not valid GraphQL."""
    try:
        document = graphql.parse("{" + text + "}", no_location=True)
    except graphql.GraphQLError:
        return None
    operation = document.definitions[0]
    assert isinstance(operation, graphql.OperationDefinitionNode)
    return operation.selection_set


def _print_selections(selection_set: graphql.SelectionSetNode) -> str:
    parts: list[str] = []
    for selection in selection_set.selections:
        if isinstance(selection, graphql.FieldNode):
            text = (selection.alias.value + ": " if selection.alias else "") + selection.name.value
            if selection.arguments:
                args = ", ".join(f"{a.name.value}: {graphql.print_ast(a.value)}" for a in selection.arguments)
                text += f"({args})"
            if selection.selection_set:
                text += " { " + _print_selections(selection.selection_set) + " }"
            parts.append(text)
        elif isinstance(selection, graphql.InlineFragmentNode):
            condition = f"... on {selection.type_condition.name.value}" if selection.type_condition else "..."
            parts.append(condition + " { " + _print_selections(selection.selection_set) + " }")
    return " ".join(parts)


def normalize_field_set(text: str) -> str:
    """One-line form with single spaces, as composed supergraphs print key/requires/provides."""
    selection_set = parse_field_set(text)
    return _print_selections(selection_set) if selection_set is not None else " ".join(text.split())
