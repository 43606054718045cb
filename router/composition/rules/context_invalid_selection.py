"""CONTEXT_INVALID_SELECTION: the selection of a `@fromContext` picks exactly one value, of the argument's
type, on every type that sets the context (one field, or one `... on T` per possible type)."""

from __future__ import annotations

from collections.abc import Iterator

import graphql

from router.composition.contexts import FromContextUse, context_locations, from_context_uses
from router.composition.model import Subgraph, TypeDef
from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


class _Invalid(Exception):
    """The selection does not fit a location; the message is Apollo's reason."""


def check(context: RuleContext) -> Iterator[CompositionError]:
    for use in from_context_uses(context.subgraphs):
        if use.parsed is None or use.type_def.kind != "object":
            continue
        locations = context_locations(use.subgraph, use.parsed[0])
        if not locations:
            continue
        for reason in _reasons(use, locations):
            yield CompositionError(
                "CONTEXT_INVALID_SELECTION",
                f'[{use.subgraph.name}] Context "{use.parsed[0]}" is used in "{use.coordinate}" but the '
                f"selection is invalid{reason}",
                (use.subgraph.name,),
            )


def _reasons(use: FromContextUse, locations: list[TypeDef]) -> list[str]:
    """Why the selection is invalid (empty when it is valid); follows Apollo's `validateFieldValue`."""
    assert use.parsed is not None
    selection = use.parsed[1]
    try:
        source = selection if selection.strip().startswith("{") else "{" + selection + "}"
        selections = graphql.parse(source, no_location=True).definitions[0].selection_set.selections  # type: ignore[attr-defined]
    except graphql.GraphQLError as error:
        return [f": {error.message}"]
    fields = [s for s in selections if isinstance(s, graphql.FieldNode)]
    fragments = [s for s in selections if isinstance(s, graphql.InlineFragmentNode)]
    if any(isinstance(s, graphql.FragmentSpreadNode) for s in selections):
        return [": fragment spread is not allowed"]
    if fields and len(selections) > 1:
        return [": multiple selections are made" if not fragments else ": multiple fields could be selected"]
    conditions = [f.type_condition.name.value for f in fragments if f.type_condition is not None]
    if len(set(conditions)) != len(fragments):
        return [": type conditions have same name"]
    marked = [
        f": {kind} are not allowed in the selection"
        for kind, present in (
            ("directives", _has(selections, "directives")),
            ("aliases", _has(selections, "alias")),
        )
        if present
    ]
    if marked:
        return marked
    expected = use.argument.type
    used: set[str] = set()
    for location in locations:
        if location.interface_object:
            # Matches Apollo: an @interfaceObject does not know the runtime type the value would come from.
            return [f': One of the types in the selection is an interfaceObject: "{location.name}"']
        try:
            if fields:
                resolved = _resolved(use.subgraph, location.name, selections)
                if resolved is None or not _fits(resolved, expected):
                    shown = _printed(resolved) if resolved is not None else "undefined"
                    return [
                        f': the type of the selection "{shown}" does not match the expected type '
                        f'"{_printed(expected)}"'
                    ]
                continue
            possible = _possible_types(use.subgraph, location)
            matching = [f for f in fragments if f.type_condition and f.type_condition.name.value in possible]
            if not matching:
                return [f': no type condition matches the location "{location.name}"']
            for fragment in matching:
                assert fragment.type_condition is not None
                name = fragment.type_condition.name.value
                used.add(name)
                resolved = _resolved(use.subgraph, name, fragment.selection_set.selections)
                if isinstance(resolved, graphql.NonNullTypeNode):
                    # Matches Apollo: another subgraph may add members no condition matches (then null).
                    resolved = resolved.type
                if resolved is None:
                    return [
                        f': the type of the selection does not match the expected type "{_printed(expected)}"'
                    ]
                if not _fits(resolved, expected):
                    return [
                        f': the type of the selection "{_printed(resolved)}" does not match the expected '
                        f'type "{_printed(expected)}"'
                    ]
        except _Invalid as invalid:
            return [f" for type {location.name}. Error: {invalid}"]
    return [f': type condition "{name}" is never used.' for name in conditions if name not in used]


def _printed(type_node: graphql.TypeNode) -> str:
    return graphql.print_ast(type_node)


def _has(selections: tuple[graphql.SelectionNode, ...], kind: str) -> bool:
    """Whether any selection, at any depth, has an alias (`kind` "alias") or directives."""
    for selection in selections:
        if getattr(selection, kind, None):
            return True
        inner = getattr(selection, "selection_set", None)
        if inner is not None and _has(inner.selections, kind):
            return True
    return False


def _possible_types(subgraph: Subgraph, type_def: TypeDef) -> set[str]:
    if type_def.kind == "object":
        return {type_def.name}
    if type_def.kind == "union":
        return set(type_def.members)
    return {t.name for t in subgraph.types.values() if type_def.name in t.interfaces}


def _resolved(
    subgraph: Subgraph, type_name: str, selections: tuple[graphql.SelectionNode, ...]
) -> graphql.TypeNode | None:
    """The type the selection yields (lists kept, non-null dropped, as Apollo's `wrapResolvedType`), or
    None when its fields yield different types."""
    results: list[graphql.TypeNode | None] = []
    for selection in selections:
        if not isinstance(selection, graphql.FieldNode):
            results.append(None)
            continue
        field_def = subgraph.field(type_name, selection.name.value)
        if field_def is None:
            raise _Invalid(f'Cannot query field "{selection.name.value}" on type "{type_name}".')
        inner = _named(field_def.type)
        if selection.selection_set is not None:
            leaf = _resolved(subgraph, inner, selection.selection_set.selections)
        else:
            leaf = graphql.NamedTypeNode(name=graphql.NameNode(value=inner))
        results.append(None if leaf is None else _lists_of(field_def.type, leaf))
    first = results[0] if results else None
    if first is None or any(r is None or graphql.print_ast(r) != graphql.print_ast(first) for r in results):
        return None
    return first


def _named(type_node: graphql.TypeNode) -> str:
    while isinstance(type_node, graphql.NonNullTypeNode | graphql.ListTypeNode):
        type_node = type_node.type
    assert isinstance(type_node, graphql.NamedTypeNode)
    return type_node.name.value


def _lists_of(original: graphql.TypeNode, leaf: graphql.TypeNode) -> graphql.TypeNode:
    if isinstance(original, graphql.NonNullTypeNode):
        return _lists_of(original.type, leaf)
    if isinstance(original, graphql.ListTypeNode):
        return graphql.ListTypeNode(type=_lists_of(original.type, leaf))
    return leaf


def _fits(resolved: graphql.TypeNode, expected: graphql.TypeNode) -> bool:
    """Spec: IsValidImplementationFieldType (https://spec.graphql.org/draft/#IsValidImplementationFieldType())."""
    if isinstance(resolved, graphql.NonNullTypeNode):
        inner = expected.type if isinstance(expected, graphql.NonNullTypeNode) else expected
        return _fits(resolved.type, inner)
    if isinstance(resolved, graphql.ListTypeNode) and isinstance(expected, graphql.ListTypeNode):
        return _fits(resolved.type, expected.type)
    return (
        isinstance(resolved, graphql.NamedTypeNode)
        and isinstance(expected, graphql.NamedTypeNode)
        and resolved.name.value == expected.name.value
    )
