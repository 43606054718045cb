"""Read a Federation 2 (or Fed 1) supergraph SDL into the typed `Supergraph` model."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

import graphql

from router.supergraph.api_schema import build_api_schema
from router.supergraph.field_sets import parse_field_set
from router.supergraph.links import Links, read_links
from router.supergraph.model import (
    ContextArgument,
    FieldInGraph,
    FieldModel,
    Key,
    Supergraph,
    TypeInGraph,
    TypeKind,
    TypeModel,
)

_KINDS: dict[type[graphql.Node], TypeKind] = {
    graphql.ObjectTypeDefinitionNode: "object",
    graphql.InterfaceTypeDefinitionNode: "interface",
    graphql.UnionTypeDefinitionNode: "union",
    graphql.EnumTypeDefinitionNode: "enum",
    graphql.InputObjectTypeDefinitionNode: "input",
    graphql.ScalarTypeDefinitionNode: "scalar",
}


def load_supergraph(sdl: str) -> Supergraph:
    """Parse a supergraph SDL once into the API schema and the planner's model (pure, no I/O)."""
    document = graphql.parse(sdl)
    links = read_links(document)
    schema = graphql.build_ast_schema(document, assume_valid_sdl=True)
    graph_names, urls = _read_graphs(document, links)
    reader = _TypeReader(links, graph_names)
    types: dict[str, TypeModel] = {}
    for definition in document.definitions:
        kind = _KINDS.get(type(definition))
        if kind is None or links.is_machinery(definition.name.value):  # type: ignore[attr-defined]
            continue
        model = reader.read(definition, kind)
        types[model.name] = model
    _fill_possible_types(types)
    _name_context_variables(types, tuple(graph_names.values()))
    return Supergraph(
        sdl=sdl,
        api_schema=build_api_schema(document, links),
        subgraph_urls=urls,
        types=types,
        query_type=schema.query_type.name if schema.query_type else "Query",
        mutation_type=schema.mutation_type.name if schema.mutation_type else None,
        subscription_type=schema.subscription_type.name if schema.subscription_type else None,
        schema=schema,
        override_labels=frozenset(
            info.override_label
            for model in types.values()
            for field in model.fields.values()
            for info in field.graphs.values()
            if info.override_label is not None
        ),
    )


def _args(directive: graphql.DirectiveNode) -> dict[str, Any]:
    return {arg.name.value: graphql.value_from_ast_untyped(arg.value) for arg in directive.arguments or ()}


def _directives(node: Any, name: str) -> list[dict[str, Any]]:
    return [_args(d) for d in getattr(node, "directives", None) or () if d.name.value == name]


def _read_graphs(document: graphql.DocumentNode, links: Links) -> tuple[dict[str, str], dict[str, str]]:
    """`join__Graph` enum value → subgraph name, and subgraph name → url."""
    enum_name = f"{links.prefixes.get('join', 'join')}__Graph"
    graph_directive = links.directive("join", "graph")
    names: dict[str, str] = {}
    urls: dict[str, str] = {}
    for definition in document.definitions:
        if isinstance(definition, graphql.EnumTypeDefinitionNode) and definition.name.value == enum_name:
            for value in definition.values or ():
                for args in _directives(value, graph_directive):
                    name = str(args.get("name") or value.name.value.lower())
                    names[value.name.value] = name
                    urls[name] = str(args.get("url") or "")
    return names, urls


def _type_string(type_node: graphql.TypeNode) -> str:
    return graphql.print_ast(type_node)


def _named(type_node: graphql.TypeNode) -> str:
    while isinstance(type_node, graphql.ListTypeNode | graphql.NonNullTypeNode):
        type_node = type_node.type
    assert isinstance(type_node, graphql.NamedTypeNode)
    return type_node.name.value


class _TypeReader:
    """Reads the join directives of one type definition at a time."""

    def __init__(self, links: Links, graph_names: dict[str, str]) -> None:
        self.graph_names = graph_names
        self.all_graphs = tuple(graph_names.values())
        self.type_directive = links.directive("join", "type")
        self.field_directive = links.directive("join", "field")
        self.owner_directive = links.directive("join", "owner")
        self.implements_directive = links.directive("join", "implements")
        self.member_directive = links.directive("join", "unionMember")
        self.enum_value_directive = links.directive("join", "enumValue")
        self.context_directive = links.directive("context")

    def _graph(self, args: dict[str, Any]) -> str | None:
        value = args.get("graph")
        return None if value is None else self.graph_names.get(str(value), str(value).lower())

    def read(self, definition: Any, kind: TypeKind) -> TypeModel:
        name = definition.name.value
        graphs = self._type_graphs(definition)
        owners = [g for g in (self._graph(a) for a in _directives(definition, self.owner_directive)) if g]
        fields: dict[str, FieldModel] = {}
        if kind in ("object", "interface"):
            # Fed 1: a field without @join__field belongs to the owner; Fed 2: to every graph of the type.
            default_graphs = tuple(owners) or tuple(graphs)
            for field_node in definition.fields or ():
                fields[field_node.name.value] = self._field(field_node, default_graphs)
        interfaces = self._per_graph(
            definition,
            self.implements_directive,
            "interface",
            graphs,
            [n.name.value for n in getattr(definition, "interfaces", None) or ()],
        )
        members = self._per_graph(
            definition,
            self.member_directive,
            "member",
            graphs,
            [n.name.value for n in getattr(definition, "types", None) or ()],
        )
        enum_values: dict[str, frozenset[str]] = {}
        if kind == "enum":
            per_graph: dict[str, set[str]] = {graph: set() for graph in graphs}
            for value in definition.values or ():
                value_graphs = [self._graph(a) for a in _directives(value, self.enum_value_directive)]
                for graph in [g for g in value_graphs if g] or list(graphs):
                    per_graph.setdefault(graph, set()).add(value.name.value)
            enum_values = {graph: frozenset(values) for graph, values in per_graph.items()}
        return TypeModel(
            name=name,
            kind=kind,
            graphs=graphs,
            fields=fields,
            possible_types=members if kind == "union" else {},
            interfaces=interfaces if kind in ("object", "interface") else {},
            enum_values=enum_values,
            contexts=frozenset(str(a.get("name")) for a in _directives(definition, self.context_directive)),
        )

    def _type_graphs(self, definition: Any) -> dict[str, TypeInGraph]:
        keys: dict[str, list[Key]] = defaultdict(list)
        flags: dict[str, dict[str, bool]] = {}
        for args in _directives(definition, self.type_directive):
            graph = self._graph(args)
            if graph is None:
                continue
            graph_flags = flags.setdefault(graph, {"extension": False, "interface_object": False})
            graph_flags["extension"] |= bool(args.get("extension"))
            graph_flags["interface_object"] |= bool(args.get("isInterfaceObject"))
            if args.get("key"):
                fields = str(args["key"])
                resolvable = args.get("resolvable", True) is not False
                keys[graph].append(Key(graph, fields, parse_field_set(fields), resolvable))
        if not flags:
            # Fed 1 value types (and root types) carry no @join__type: every subgraph may return them.
            return {graph: TypeInGraph(graph) for graph in self.all_graphs}
        return {
            graph: TypeInGraph(graph, tuple(keys[graph]), f["extension"], f["interface_object"])
            for graph, f in flags.items()
        }

    def _field(self, node: graphql.FieldDefinitionNode, default_graphs: tuple[str, ...]) -> FieldModel:
        type_string = _type_string(node.type)
        graphs: dict[str, FieldInGraph] = {}
        directives = _directives(node, self.field_directive)
        for args in directives:
            graph = self._graph(args)
            if graph is None:
                # A bare `@join__field` (e.g. on implementations of an `@interfaceObject` field): no subgraph
                # resolves the field on this type directly.
                continue
            graphs[graph] = FieldInGraph(
                graph=graph,
                type=str(args.get("type") or type_string),
                requires=args.get("requires"),
                provides=args.get("provides"),
                external=bool(args.get("external")),
                override=args.get("override"),
                used_overridden=bool(args.get("usedOverridden")),
                override_label=args.get("overrideLabel"),
                context_arguments=tuple(_context_argument(a) for a in args.get("contextArguments") or ()),
            )
        if not directives:
            graphs = {graph: FieldInGraph(graph, type_string) for graph in default_graphs}
        return FieldModel(node.name.value, type_string, _named(node.type), graphs)

    def _per_graph(
        self,
        definition: Any,
        directive: str,
        argument: str,
        graphs: dict[str, TypeInGraph],
        declared: list[str],
    ) -> dict[str, frozenset[str]]:
        """`@join__implements` / `@join__unionMember` per graph; without them every graph has all of them."""
        result: dict[str, set[str]] = defaultdict(set)
        found = False
        for args in _directives(definition, directive):
            graph = self._graph(args)
            if graph is not None:
                found = True
                result[graph].add(str(args[argument]))
        if not found:
            return {graph: frozenset(declared) for graph in graphs}
        return {graph: frozenset(values) for graph, values in result.items()}


def _context_argument(args: dict[str, Any]) -> ContextArgument:
    selection = str(args.get("selection", "")).strip()
    # Matches Apollo: the selection is a field set (`prop`, `{ prop }` or `... on A { x }`), braces optional.
    fields = selection[1:-1] if selection.startswith("{") and selection.endswith("}") else selection
    selection_set = parse_field_set(fields)
    return ContextArgument(str(args["context"]), str(args["name"]), str(args["type"]), selection_set)


def _name_context_variables(types: dict[str, TypeModel], graphs: tuple[str, ...]) -> None:
    """Give every contextual argument its fetch variable name (see `ContextArgument.variable`)."""
    coordinates: dict[str, list[str]] = {}
    for model in types.values():
        for field_model in model.fields.values():
            for graph, info in field_model.graphs.items():
                for argument in info.context_arguments:
                    coordinate = f"{model.name}.{field_model.name}({argument.name}:)"
                    coordinates.setdefault(graph, []).append(coordinate)
    for model in types.values():
        for field_model in model.fields.values():
            for graph, info in list(field_model.graphs.items()):
                if not info.context_arguments:
                    continue
                ranked = sorted(coordinates[graph])
                named = tuple(
                    replace(
                        argument,
                        variable=f"contextualArgument_{graphs.index(graph) + 1}_"
                        f"{ranked.index(f'{model.name}.{field_model.name}({argument.name}:)')}",
                    )
                    for argument in info.context_arguments
                )
                field_model.graphs[graph] = replace(info, context_arguments=named)


def _fill_possible_types(types: dict[str, TypeModel]) -> None:
    """Interfaces: their implementing object types per graph, from the objects' `@join__implements`."""
    for model in list(types.values()):
        if model.kind != "interface":
            continue
        per_graph: dict[str, set[str]] = {}
        for other in types.values():
            if other.kind != "object":
                continue
            for graph, interfaces in other.interfaces.items():
                if model.name in interfaces:
                    per_graph.setdefault(graph, set()).add(other.name)
        model.possible_types.update({graph: frozenset(names) for graph, names in per_graph.items()})
