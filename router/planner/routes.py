"""Which subgraph can resolve a field, and how to reach it from another subgraph through `@key`s."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import graphql

from router.supergraph import Key, Supergraph

# The cost of a selection that cannot be planned from a given subgraph.
INFEASIBLE = 1 << 20


@dataclass(frozen=True, slots=True)
class Hop:
    """One entity jump: send `key` (read in the previous subgraph) to `key.graph` as `... on entity_type`."""

    key: Key
    # The type named in `_entities`: the object type itself, or the interface for an `@interfaceObject`.
    entity_type: str
    # The key's fields are not all in the previous subgraph: they are planned like `@requires` fields.
    planned: bool = False


def provided_fields(
    provided: graphql.SelectionSetNode | None, type_name: str
) -> dict[str, graphql.FieldNode]:
    """Fields a `@provides` selection makes available on `type_name` (top level and matching fragments)."""
    found: dict[str, graphql.FieldNode] = {}
    for selection in provided.selections if provided else ():
        if isinstance(selection, graphql.FieldNode):
            found[selection.name.value] = selection
        elif isinstance(selection, graphql.InlineFragmentNode) and (
            selection.type_condition is None or selection.type_condition.name.value == type_name
        ):
            found.update(provided_fields(selection.selection_set, type_name))
    return found


def key_field_names(supergraph: Supergraph, graph: str, type_name: str) -> set[str]:
    model = supergraph.types.get(type_name)
    names: set[str] = set()
    for key in model.keys_in(graph) if model else ():
        names |= {s.name.value for s in key.selection.selections if isinstance(s, graphql.FieldNode)}
    return names


def resolvable(
    supergraph: Supergraph,
    graph: str,
    type_name: str,
    field_name: str,
    provided: graphql.SelectionSetNode | None = None,
) -> bool:
    """Whether `graph` can return `type_name.field_name` in place (it may still need `@requires`)."""
    if field_name == "__typename":
        return True
    model = supergraph.types.get(type_name)
    if model is None or graph not in model.graphs or field_name not in model.fields:
        return False
    info = model.fields[field_name].graphs.get(graph)
    if info is not None and info.resolvable:
        return True
    if field_name in provided_fields(provided, type_name):
        return True
    if info is not None and info.external and not model.graphs[graph].extension:
        # A real `@external`, even on a key field: the subgraph cannot return it, so it cannot answer it nor
        # send that key anywhere (Matches Apollo and Hive on the audit's corrupted-supergraph-node-id:
        # `node { id }` with `id` external on one implementation in every subgraph does not plan).
        return False
    # Fed 1 key fields: `@external` on an `extend type` is legacy syntax, and a Fed 1 supergraph may name only
    # the owner in `@join__field`; every subgraph returns the keys it declares.
    return field_name in key_field_names(supergraph, graph, type_name)


def can_select(
    supergraph: Supergraph,
    graph: str,
    type_name: str,
    selection: graphql.SelectionSetNode,
    provided: graphql.SelectionSetNode | None = None,
) -> bool:
    """Whether `graph` can return a whole field set (a key) on `type_name` without another jump."""
    model = supergraph.types.get(type_name)
    for node in selection.selections:
        if not isinstance(node, graphql.FieldNode):
            return False
        name = node.name.value
        if not resolvable(supergraph, graph, type_name, name, provided):
            return False
        if model is not None and name in model.fields and node.selection_set is not None:
            child_provided = provided_fields(provided, type_name).get(name)
            child_type = model.fields[name].type_name
            sub_provided = child_provided.selection_set if child_provided else None
            if not can_select(supergraph, graph, child_type, node.selection_set, sub_provided):
                return False
    return True


def entity_targets(supergraph: Supergraph, type_name: str, field_name: str) -> list[tuple[str, str]]:
    """(graph, entity type) pairs that resolve the field: on the type itself, or on an `@interfaceObject`."""
    model = supergraph.types[type_name]
    targets = [(graph, type_name) for graph in model.fields[field_name].resolving_graphs()]
    for interfaces in model.interfaces.values():
        for interface in sorted(interfaces):
            interface_model = supergraph.types.get(interface)
            if interface_model is None or field_name not in interface_model.fields:
                continue
            for graph in interface_model.fields[field_name].resolving_graphs():
                if interface_model.is_interface_object_in(graph) and (graph, interface) not in targets:
                    targets.append((graph, interface))
    return targets


def find_route(
    supergraph: Supergraph,
    type_name: str,
    source: str,
    target: str,
    target_type: str,
    provided: graphql.SelectionSetNode | None = None,
) -> list[Hop] | None:
    """The shortest chain of key jumps from `source` to `target` for an object of `type_name`."""
    queue: deque[tuple[str, list[Hop]]] = deque([(source, [])])
    seen = {source}
    while queue:
        graph, hops = queue.popleft()
        first_provided = provided if not hops else None
        for hop in _hops_from(supergraph, type_name, graph, target, target_type, first_provided):
            if hop.key.graph == target and hop.entity_type == target_type:
                return [*hops, hop]
            if hop.key.graph not in seen and hop.entity_type == type_name:
                seen.add(hop.key.graph)
                queue.append((hop.key.graph, [*hops, hop]))
    return None


def _hops_from(
    supergraph: Supergraph,
    type_name: str,
    graph: str,
    target: str,
    target_type: str,
    provided: graphql.SelectionSetNode | None,
) -> list[Hop]:
    hops: list[Hop] = []
    entity_types = [type_name] if target_type == type_name else [type_name, target_type]
    for entity_type in entity_types:
        model = supergraph.types[entity_type]
        for other, info in model.graphs.items():
            if other == graph and entity_type == type_name:
                continue
            for key in info.resolvable_keys:
                if can_select(supergraph, graph, type_name, key.selection, provided):
                    hops.append(Hop(key, entity_type))
                    break
    # Prefer jumping straight to the target.
    hops.sort(key=lambda hop: hop.key.graph != target)
    return hops
