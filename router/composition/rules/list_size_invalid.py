"""LIST_SIZE_*: a `@listSize` must describe a list the field returns (Apollo's demand control errors):
assumed sizes are not negative, slicing arguments are integer arguments of the field, sized fields are list
fields of the returned type, and a field without sized fields returns a list."""

from __future__ import annotations

from collections.abc import Iterator

import graphql

from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def _named(type_node: graphql.TypeNode) -> graphql.NamedTypeNode:
    while not isinstance(type_node, graphql.NamedTypeNode):
        type_node = type_node.type  # type: ignore[attr-defined]
    return type_node


def _is_list(type_node: graphql.TypeNode) -> bool:
    if isinstance(type_node, graphql.NonNullTypeNode):
        type_node = type_node.type
    return isinstance(type_node, graphql.ListTypeNode)


def check(context: RuleContext) -> Iterator[CompositionError]:
    for subgraph, type_def, field_def in context.fields():
        size = field_def.demand.list_size
        if size is None:
            continue
        coordinate = f"{type_def.name}.{field_def.name}"

        def error(
            code: str, message: str, coordinate: str = coordinate, name: str = subgraph.name
        ) -> CompositionError:
            return CompositionError(code, f'"{coordinate}": {message}', (name,), (coordinate,))

        if size.assumed_size is not None and size.assumed_size < 0:
            yield error("LIST_SIZE_INVALID_ASSUMED_SIZE", "@listSize(assumedSize:) cannot be negative.")
        for name in size.slicing_arguments:
            argument = field_def.args.get(name)
            if argument is None or _named(argument.type).name.value != "Int" or _is_list(argument.type):
                yield error(
                    "LIST_SIZE_INVALID_SLICING_ARGUMENT",
                    f'slicing argument "{name}" is not an Int argument of the field.',
                )
        returned = subgraph.types.get(_named(field_def.type).name.value)
        for name in size.sized_fields:
            sized = returned.fields.get(name) if returned is not None else None
            if sized is None or not _is_list(sized.type):
                yield error(
                    "LIST_SIZE_INVALID_SIZED_FIELD",
                    f'sized field "{name}" is not a list field of the type the field returns.',
                )
        if not size.sized_fields and not _is_list(field_def.type):
            yield error("LIST_SIZE_APPLIED_TO_NON_LIST", "@listSize is on a field that returns no list.")
