"""Derive the client API schema from a supergraph: join/link machinery out, `@inaccessible` hidden."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

import graphql

from router.supergraph.links import Links

# Spec: https://specs.apollo.dev/inaccessible/v0.2 — inaccessible elements are removed from the API schema.
# Directives the API schema keeps on its elements (the rest are type-system annotations of the supergraph).
_KEPT_DIRECTIVES = frozenset({"deprecated", "specifiedBy", "oneOf"})
_EXECUTABLE_LOCATIONS = frozenset(
    {
        "QUERY",
        "MUTATION",
        "SUBSCRIPTION",
        "FIELD",
        "FRAGMENT_DEFINITION",
        "FRAGMENT_SPREAD",
        "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION",
    }
)

_Node = TypeVar("_Node", bound=graphql.Node)

# The released specification's `@deprecated` (October 2021 and September 2025 editions): graphql-core 3.3
# follows the working draft and adds DIRECTIVE_DEFINITION, a location clients on graphql-core 3.2 (and
# other released implementations) cannot read back from introspection (`build_client_schema` fails).
_RELEASED_DEPRECATED = graphql.GraphQLDirective(
    name="deprecated",
    locations=(
        graphql.DirectiveLocation.FIELD_DEFINITION,
        graphql.DirectiveLocation.ARGUMENT_DEFINITION,
        graphql.DirectiveLocation.INPUT_FIELD_DEFINITION,
        graphql.DirectiveLocation.ENUM_VALUE,
    ),
    args=graphql.GraphQLDeprecatedDirective.args,
    description=graphql.GraphQLDeprecatedDirective.description,
)

_INCREMENTAL_DIRECTIVES = (graphql.GraphQLDeferDirective, graphql.GraphQLStreamDirective)


def build_api_schema(document: graphql.DocumentNode, links: Links) -> graphql.GraphQLSchema:
    """The schema clients see. Built from a filtered copy of the document, so nothing hidden leaks."""
    inaccessible = links.directive("inaccessible")
    hidden_types = {
        definition.name.value
        for definition in document.definitions
        if isinstance(definition, graphql.TypeDefinitionNode | graphql.TypeExtensionNode)
        and (_has(definition, inaccessible) or links.is_machinery(definition.name.value))
    }
    definitions: list[graphql.DefinitionNode] = []
    for definition in document.definitions:
        if isinstance(definition, graphql.DirectiveDefinitionNode):
            name = definition.name.value
            locations = {location.value for location in definition.locations}
            if not links.is_machinery(name) and locations & _EXECUTABLE_LOCATIONS:
                definitions.append(definition)
        elif isinstance(definition, graphql.SchemaDefinitionNode | graphql.SchemaExtensionNode) or (
            isinstance(definition, graphql.TypeDefinitionNode | graphql.TypeExtensionNode)
            and definition.name.value not in hidden_types
        ):
            definitions.append(_strip(definition, hidden_types, inaccessible))
    api_document = graphql.DocumentNode(definitions=tuple(definitions))
    schema = graphql.build_ast_schema(api_document, assume_valid_sdl=True)
    directives = [
        _RELEASED_DEPRECATED if directive is graphql.GraphQLDeprecatedDirective else directive
        for directive in schema.directives
    ]
    # The router delivers `@defer` / `@stream` results incrementally (router/executor/incremental.py):
    # clients see them in introspection, and validation applies the RFC's rules to them.
    names = {directive.name for directive in directives}
    directives.extend(d for d in _INCREMENTAL_DIRECTIVES if d.name not in names)
    # A new schema, not a new `directives` attribute: the schema collects the types their arguments use.
    kwargs: dict[str, Any] = {**schema.to_kwargs(), "directives": tuple(directives)}
    return graphql.GraphQLSchema(**kwargs)


def _has(node: Any, directive: str) -> bool:
    return any(d.name.value == directive for d in getattr(node, "directives", None) or ())


def _kept_directives(node: Any) -> tuple[graphql.DirectiveNode, ...]:
    return tuple(d for d in node.directives or () if d.name.value in _KEPT_DIRECTIVES)


def _named(type_node: graphql.TypeNode) -> str:
    while isinstance(type_node, graphql.ListTypeNode | graphql.NonNullTypeNode):
        type_node = type_node.type
    assert isinstance(type_node, graphql.NamedTypeNode)
    return type_node.name.value


def _visible(node: Any, hidden_types: set[str], inaccessible: str) -> bool:
    if _has(node, inaccessible):
        return False
    type_node = getattr(node, "type", None)
    return type_node is None or _named(type_node) not in hidden_types


def _strip(node: _Node, hidden_types: set[str], inaccessible: str) -> _Node:
    """Copy of a schema/type node without hidden members and with only client-relevant directives."""
    changes: dict[str, Any] = {}
    if getattr(node, "directives", None) is not None:
        changes["directives"] = _kept_directives(node)
    for attr in ("fields", "values"):
        members = getattr(node, attr, None)
        if members is None:
            continue
        kept = []
        for member in members:
            if not _visible(member, hidden_types, inaccessible):
                continue
            member_changes: dict[str, Any] = {"directives": _kept_directives(member)}
            arguments = getattr(member, "arguments", None)
            if arguments is not None:
                member_changes["arguments"] = tuple(
                    replace_node(arg, directives=_kept_directives(arg))
                    for arg in arguments
                    if _visible(arg, hidden_types, inaccessible)
                )
            kept.append(replace_node(member, **member_changes))
        changes[attr] = tuple(kept)
    for attr in ("interfaces", "types"):
        named = getattr(node, attr, None)
        if named is not None:
            changes[attr] = tuple(n for n in named if n.name.value not in hidden_types)
    if isinstance(node, graphql.SchemaDefinitionNode | graphql.SchemaExtensionNode):
        changes["operation_types"] = tuple(
            op for op in node.operation_types or () if op.type.name.value not in hidden_types
        )
    return replace_node(node, **changes)


def replace_node(node: _Node, **changes: Any) -> _Node:
    """A copy of a (frozen dataclass) graphql-core AST node with some attributes replaced."""
    return replace(node, **changes)
