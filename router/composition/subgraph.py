"""Reads one subgraph's SDL into the composer's model, applying the Fed 1 → Fed 2 upgrade rules."""

from __future__ import annotations

import re
from typing import Any

import graphql

from router.composition.authorization import Access
from router.composition.demand import Demand
from router.composition.fieldset_walk import walk_field_set
from router.composition.links import (
    FEDERATION_DIRECTIVES,
    OVERRIDE_LABEL_SINCE,
    FederationNames,
    resolve_federation_names,
)
from router.composition.model import Argument, EnumValue, Field, Key, Subgraph, TypeDef
from router.composition.result import SubgraphSource

# Types and fields the federation spec adds to every subgraph; they never reach the supergraph.
_FEDERATION_TYPES = {"_Any", "_Entity", "_Service", "_FieldSet", "FieldSet", "link__Import", "link__Purpose"}
_FEDERATION_FIELDS = {"_service", "_entities"}
_DEFAULT_ROOTS = {"query": "Query", "mutation": "Mutation", "subscription": "Subscription"}

_KINDS: dict[type, str] = {
    graphql.ObjectTypeDefinitionNode: "object",
    graphql.ObjectTypeExtensionNode: "object",
    graphql.InterfaceTypeDefinitionNode: "interface",
    graphql.InterfaceTypeExtensionNode: "interface",
    graphql.UnionTypeDefinitionNode: "union",
    graphql.UnionTypeExtensionNode: "union",
    graphql.EnumTypeDefinitionNode: "enum",
    graphql.EnumTypeExtensionNode: "enum",
    graphql.InputObjectTypeDefinitionNode: "input",
    graphql.InputObjectTypeExtensionNode: "input",
    graphql.ScalarTypeDefinitionNode: "scalar",
    graphql.ScalarTypeExtensionNode: "scalar",
}


class SubgraphSyntaxError(Exception):
    """The SDL of a subgraph does not parse (reported as INVALID_GRAPHQL)."""


def graph_enum_name(name: str) -> str:
    """`inventory-v2` -> `INVENTORY_V2`, the join__Graph value Apollo derives from a subgraph name."""
    value = re.sub(r"[^A-Za-z0-9_]", "_", name).upper()
    return "_" + value if value[:1].isdigit() else value


def _args(directive: graphql.DirectiveNode) -> dict[str, Any]:
    return {a.name.value: graphql.value_from_ast_untyped(a.value) for a in directive.arguments or ()}


class _Reader:
    """Walks one document with the subgraph's federation directive names."""

    def __init__(self, names: FederationNames) -> None:
        self.names = names
        self.composed_locals: set[str] = set()

    def marks(self, node: Any) -> dict[str, list[dict[str, Any]]]:
        """Federation directives on a node, keyed by canonical name."""
        found: dict[str, list[dict[str, Any]]] = {}
        for directive in node.directives or ():
            canonical = self.names.canonical(directive.name.value)
            if canonical is not None:
                found.setdefault(canonical, []).append(_args(directive))
        return found

    def composed(self, node: Any) -> list[graphql.DirectiveNode]:
        return [d for d in node.directives or () if d.name.value in self.composed_locals]

    def argument(self, node: graphql.InputValueDefinitionNode) -> Argument:
        marks = self.marks(node)
        return Argument(
            name=node.name.value,
            type=node.type,
            default=graphql.print_ast(node.default_value) if node.default_value else None,
            description=node.description.value if node.description else None,
            inaccessible="inaccessible" in marks,
            tags={str(t.get("name")) for t in marks.get("tag", [])},
            from_context=str(marks["fromContext"][0].get("field", "")) if "fromContext" in marks else None,
        )

    def field(self, node: Any, type_marks: dict[str, list[dict[str, Any]]]) -> Field:
        marks = self.marks(node)
        is_input = isinstance(node, graphql.InputValueDefinitionNode)
        requires = marks.get("requires", [{}])[0].get("fields")
        provides = marks.get("provides", [{}])[0].get("fields")
        override = marks.get("override", [{}])[0]
        override_node = next(
            (d for d in node.directives or () if self.names.canonical(d.name.value) == "override"), None
        )
        # Spec: @override has `label:` from federation v2.7 on; below, the label is refused (rule
        # override_label_unsupported) rather than composed.
        labels = self.names.version is None or self.names.version >= OVERRIDE_LABEL_SINCE
        return Field(
            name=node.name.value,
            type=node.type,
            args={} if is_input else {a.name.value: self.argument(a) for a in node.arguments or ()},
            description=node.description.value if node.description else None,
            shareable="shareable" in marks or "shareable" in type_marks,
            external="external" in marks or "external" in type_marks,
            requires=str(requires).strip() if requires is not None else None,
            provides=str(provides).strip() if provides is not None else None,
            override=override.get("from"),
            override_directive=override_node,
            # Matches Apollo: `label: ""` is no label
            override_label=(override.get("label") or None) if labels else None,
            inaccessible="inaccessible" in marks,
            tags={str(t.get("name")) for t in marks.get("tag", [])},
            default=graphql.print_ast(node.default_value) if is_input and node.default_value else None,
            composed=self.composed(node),
            access=Access.from_marks(marks),
            demand=Demand.from_marks(marks),
        )


def _add_definition(reader: _Reader, types: dict[str, TypeDef], node: Any, kind: str) -> None:
    name = node.name.value
    is_extension = "Extension" in type(node).__name__
    type_def = types.get(name)
    if type_def is None:
        type_def = types[name] = TypeDef(name=name, kind=kind, syntax_extension=is_extension)
    elif not is_extension:
        type_def.syntax_extension = False
    marks = reader.marks(node)
    if getattr(node, "description", None) and type_def.description is None:
        type_def.description = node.description.value
    for key in marks.get("key", []):
        type_def.keys.append(Key(str(key.get("fields", "")).strip(), key.get("resolvable")))
    type_def.extension |= "extends" in marks
    type_def.interface_object |= "interfaceObject" in marks
    type_def.inaccessible |= "inaccessible" in marks
    type_def.shareable |= "shareable" in marks
    type_def.tags |= {str(t.get("name")) for t in marks.get("tag", [])}
    type_def.composed.extend(reader.composed(node))
    type_def.access = type_def.access.merge(Access.from_marks(marks))
    type_def.contexts.extend(str(c.get("name", "")) for c in marks.get("context", []))
    if type_def.interface_object:
        type_def.kind = "object"
    for interface in getattr(node, "interfaces", None) or ():
        if interface.name.value not in type_def.interfaces:
            type_def.interfaces.append(interface.name.value)
    for member in getattr(node, "types", None) or ():
        if member.name.value not in type_def.members:
            type_def.members.append(member.name.value)
    for value in getattr(node, "values", None) or ():
        value_marks = reader.marks(value)
        type_def.values[value.name.value] = EnumValue(
            name=value.name.value,
            description=value.description.value if value.description else None,
            inaccessible="inaccessible" in value_marks,
            tags={str(t.get("name")) for t in value_marks.get("tag", [])},
        )
    for field_node in getattr(node, "fields", None) or ():
        if field_node.name.value not in _FEDERATION_FIELDS:
            type_def.fields[field_node.name.value] = reader.field(field_node, marks)


def _upgrade(subgraph: Subgraph) -> None:
    """Fed 1 → Fed 2 rules, and @external key fields of extended entities (they are resolvable here).

    Matches Apollo's schema upgrader: in a Fed 1 subgraph every object field may be resolved elsewhere too
    (implicitly @shareable), and `@external` on a key field of an `extend type`/`@extends` entity is legacy
    syntax, not an external field.
    """
    for type_def in list(subgraph.types.values()):
        extended = type_def.extension or type_def.syntax_extension or not subgraph.fed2
        # Matches the reference supergraphs: a Fed 2 `extend type` entity is printed `extension: true`.
        type_def.extension |= subgraph.fed2 and type_def.syntax_extension and bool(type_def.keys)
        for key in type_def.keys:
            for selected in walk_field_set(subgraph, type_def.name, key.fields).fields:
                if selected.definition is None:
                    continue
                # Spec: fields selected by a @key (at any depth) are implicitly @shareable.
                selected.definition.shareable = True
                if extended and selected.depth == 0:
                    selected.definition.external = False
        if not subgraph.fed2 and type_def.kind == "object":
            for field_def in type_def.fields.values():
                field_def.shareable = True


def read_subgraph(source: SubgraphSource) -> Subgraph:
    """Parses a subgraph SDL (Fed 1 or Fed 2) into a Subgraph; raises SubgraphSyntaxError on bad SDL."""
    try:
        document = graphql.parse(source.sdl, no_location=True)
    except graphql.GraphQLError as error:
        raise SubgraphSyntaxError(error.message) from error
    names = resolve_federation_names(document)
    reader = _Reader(names)
    subgraph = Subgraph(
        name=source.name,
        url=source.url,
        graph=graph_enum_name(source.name),
        fed2=names.fed2,
        federation_version=names.version,
        directive_names={name: names.local(name) for name in FEDERATION_DIRECTIVES},
    )
    directive_definitions = {
        d.name.value: d for d in document.definitions if isinstance(d, graphql.DirectiveDefinitionNode)
    }
    roots = dict(_DEFAULT_ROOTS)
    for definition in document.definitions:
        if isinstance(definition, graphql.SchemaDefinitionNode | graphql.SchemaExtensionNode):
            for operation_type in definition.operation_types or ():
                roots[operation_type.operation.value] = operation_type.type.name.value
            for directive in definition.directives or ():
                if names.canonical(directive.name.value) == "composeDirective":
                    local = str(_args(directive).get("name", "")).lstrip("@")
                    url = next((link.url for link in names.other_links if local in link.imports), "")
                    subgraph.composed_directives[local] = (url, directive_definitions.get(local))
    reader.composed_locals = set(subgraph.composed_directives)
    for definition in document.definitions:
        kind = _KINDS.get(type(definition))
        if kind is None:
            continue
        name = definition.name.value  # type: ignore[attr-defined]
        if name in _FEDERATION_TYPES or name.startswith(("federation__", "link__", "join__")):
            continue
        _add_definition(reader, subgraph.types, definition, kind)
    subgraph.root_types = {op: name for op, name in roots.items() if name in subgraph.types}
    _rename_roots(subgraph)
    # Every federated subgraph has a Query type (it serves `_service`), so Query is joined to all of them.
    subgraph.types.setdefault("Query", TypeDef(name="Query", kind="object"))
    subgraph.root_types["query"] = "Query"
    _upgrade(subgraph)
    return subgraph


def _rename_roots(subgraph: Subgraph) -> None:
    """Root types compose under their default names (`schema { query: RootQuery }` → Query)."""
    for operation, local in list(subgraph.root_types.items()):
        default = _DEFAULT_ROOTS[operation]
        if local != default:
            type_def = subgraph.types.pop(local)
            type_def.name = default
            subgraph.types[default] = type_def
            subgraph.root_types[operation] = default
