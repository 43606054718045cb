"""Test helper: rebuild each subgraph's schema from a supergraph so planned operations can be validated."""

from __future__ import annotations

import re
from collections.abc import Iterator

import graphql

from router.planner.plan import (
    Condition,
    Defer,
    Fetch,
    Flatten,
    Parallel,
    PlanNode,
    QueryPlan,
    Sequence,
    Subscription,
)
from router.planner.routes import key_field_names
from router.supergraph import Supergraph

_DIRECTIVE = re.compile(r"@\w+(\([^)]*\))?")


def subgraph_schema(supergraph: Supergraph, graph: str) -> graphql.GraphQLSchema:
    """The schema `graph` serves as the supergraph describes it, plus `_entities` (Federation spec)."""
    parts: list[str] = []
    entity_types: list[str] = []
    provided_names = {
        word
        for model in supergraph.types.values()
        for field in model.fields.values()
        if (info := field.graphs.get(graph)) is not None and info.provides
        for word in re.findall(r"\w+", info.provides)
    }
    for definition in graphql.parse(supergraph.sdl).definitions:
        name_node = getattr(definition, "name", None)
        model = supergraph.types.get(name_node.value) if name_node is not None else None
        if model is None or graph not in model.graphs:
            continue
        if model.kind in ("object", "interface"):
            external_names = key_field_names(supergraph, graph, model.name) | provided_names
            as_object = model.kind == "object" or model.is_interface_object_in(graph)
            interfaces = sorted(model.interfaces.get(graph, ()))
            header = f"{'type' if as_object else 'interface'} {model.name}"
            if interfaces:
                header += " implements " + " & ".join(interfaces)
            fields = []
            for node in definition.fields or ():  # type: ignore[attr-defined]
                owners = model.fields[node.name.value].graphs
                info = owners.get(graph)
                if info is None and node.name.value in external_names and owners:
                    # Fed 1 supergraphs list only the owner; the extending subgraph declares its keys and
                    # provided fields `@external`.
                    info = next(iter(owners.values()))
                if info is None:
                    continue
                arguments = ", ".join(
                    [f"{a.name.value}: {graphql.print_ast(a.type)}" for a in node.arguments or ()]
                    # `@fromContext` arguments are the subgraph's, left out of the supergraph's field.
                    + [f"{a.name}: {a.type}" for a in info.context_arguments]
                )
                fields.append(f"  {node.name.value}{f'({arguments})' if arguments else ''}: {info.type}")
            if model.name == supergraph.query_type:
                fields.append("  _entities(representations: [_Any!]!): [_Entity]!")
            parts.append(header + " {\n" + "\n".join(fields or ["  _unused: Int"]) + "\n}")
            if as_object and model.graphs[graph].keys:
                entity_types.append(model.name)
        elif model.kind == "union" and model.possible_types.get(graph):
            parts.append(f"union {model.name} = " + " | ".join(sorted(model.possible_types[graph])))
        elif model.kind == "enum" and model.enum_values.get(graph):
            parts.append(f"enum {model.name} {{ {' '.join(sorted(model.enum_values[graph]))} }}")
        elif model.kind == "input":
            parts.append(_DIRECTIVE.sub("", graphql.print_ast(definition)))
        elif model.kind == "scalar":
            parts.append(f"scalar {model.name}")
    parts.append("scalar _Any")
    parts.append("union _Entity = " + " | ".join(entity_types or ["_NoEntity"]))
    if not entity_types:
        parts.append("type _NoEntity { _unused: Int }")
    roots = [f"query: {supergraph.query_type}"]
    other_roots = (("mutation", supergraph.mutation_type), ("subscription", supergraph.subscription_type))
    for kind, root in other_roots:
        if root is not None and graph in supergraph.types[root].graphs:
            roots.append(f"{kind}: {root}")
    if graph not in supergraph.types[supergraph.query_type].graphs:
        parts.append(f"type {supergraph.query_type} {{ _entities(representations: [_Any!]!): [_Entity]! }}")
    return graphql.build_schema("schema { " + " ".join(roots) + " }\n" + "\n".join(parts))


def fetches(node: PlanNode | None) -> Iterator[Fetch]:
    if isinstance(node, Fetch):
        yield node
    elif isinstance(node, Flatten):
        yield from fetches(node.node)
    elif isinstance(node, Sequence | Parallel):
        for child in node.nodes:
            yield from fetches(child)
    elif isinstance(node, Condition):
        yield from fetches(node.if_clause)
        yield from fetches(node.else_clause)
    elif isinstance(node, Subscription):
        yield node.primary
        yield from fetches(node.rest)
    elif isinstance(node, Defer):
        yield from fetches(node.merged)
        yield from fetches(node.primary)
        for part in node.deferred:
            yield from fetches(part.node)


def invalid_operations(supergraph: Supergraph, plan: QueryPlan) -> list[tuple[str, str, list[str]]]:
    """(subgraph, operation, errors) for every fetch the subgraph would reject."""
    problems = []
    for fetch in fetches(plan.node):
        schema = subgraph_schema(supergraph, fetch.service_name)
        errors = graphql.validate(schema, graphql.parse(fetch.operation))
        if errors:
            problems.append((fetch.service_name, fetch.operation, [error.message for error in errors]))
    return problems
