"""Coerce a request's variables against the API schema; each BAD_USER_INPUT error names its `field`."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from graphql import (
    GraphQLError,
    GraphQLSchema,
    Undefined,
    VariableDefinitionNode,
    is_input_type,
    type_from_ast,
    validate_input_value,
)
from graphql.execution.values import get_variable_values

# Past this many errors graphql-core adds one "Too many errors" error and stops.
MAX_ERRORS = 50


def coerce_variables(
    schema: GraphQLSchema, definitions: Collection[VariableDefinitionNode], inputs: Mapping[str, Any]
) -> dict[str, Any] | list[GraphQLError]:
    """The coerced variables, or graphql-core's errors (same messages, same count) with `extensions` holding
    `code` BAD_USER_INPUT and, where one value is at fault, `field`: the variable's name and the dotted path
    inside its value (`input.links.0.url`; `id` when the whole value is wrong or missing) — what a subgraph
    names for the same mistake when the variable is named after its argument, as clients name them."""
    coerced = get_variable_values(schema, definitions, dict(inputs), max_errors=MAX_ERRORS)
    if not isinstance(coerced, list):
        return dict(coerced.coerced)
    fields = _ErrorFields(schema, inputs)
    return [_with_extensions(error, fields.field_of(error)) for error in coerced]


class _ErrorFields:
    """The fields of graphql-core's variable errors, found again with their paths.

    graphql-core builds each "Variable '$x' has invalid value…" message inside `validate_input_value`'s
    callback, where the path is structured, and then keeps only the text. Validating that variable's value
    again with the same public function reports the same errors in the same order, paths included, so the
    n-th such error of a variable definition gets the n-th path.
    """

    def __init__(self, schema: GraphQLSchema, inputs: Mapping[str, Any]) -> None:
        self.schema = schema
        self.inputs = inputs
        self.pending: dict[str, list[str]] = {}  # by variable name (unique: the operation validated)

    def field_of(self, error: GraphQLError) -> str | None:
        # Only value errors wrap the validator's error; invalid defaults, the error limit and too deep input
        # do not belong to one input field.
        node = error.nodes[0] if error.nodes else None
        if not isinstance(error.original_error, GraphQLError) or not isinstance(node, VariableDefinitionNode):
            return None
        name = node.variable.name.value
        if name not in self.pending:
            self.pending[name] = self._fields(name, node)
        remaining = self.pending[name]
        return remaining.pop(0) if remaining else None

    def _fields(self, name: str, node: VariableDefinitionNode) -> list[str]:
        type_ = type_from_ast(self.schema, node.type)
        if type_ is None or not is_input_type(type_):
            return []
        fields: list[str] = []
        validate_input_value(
            self.inputs.get(name, Undefined),
            type_,
            lambda _error, path: fields.append(".".join([name, *map(str, path)])),
        )
        return fields


def _with_extensions(error: GraphQLError, field: str | None) -> GraphQLError:
    # A code or field the error already carries (a custom scalar's own) wins, as it did before.
    extensions: dict[str, Any] = {"code": "BAD_USER_INPUT", **(error.extensions or {})}
    if field is not None:
        extensions.setdefault("field", field)
    return GraphQLError(
        error.message,
        error.nodes,
        error.source,
        error.positions,
        error.path,
        error.original_error,
        extensions,
    )
