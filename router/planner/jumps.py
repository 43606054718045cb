"""Entity jumps: reach a field another subgraph resolves by sending keys (and requirements) to `_entities`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import graphql

from router.planner.fieldsets import add_key, parse_field_set
from router.planner.groups import FetchGroup
from router.planner.operation import FieldItem, Item, PlanningError
from router.planner.plan import PathSegment, ValueSetter
from router.planner.routes import INFEASIBLE, Hop, can_select, entity_targets, find_route
from router.planner.selection import FieldNode, SelectionTree

if TYPE_CHECKING:
    from router.planner.walker import Walker


def jump(
    walker: Walker,
    group: FetchGroup,
    graph: str,
    type_name: str,
    item: FieldItem,
    path: tuple[PathSegment, ...],
    tree: SelectionTree,
    provided: graphql.SelectionSetNode | None,
    avoid: str | None = None,
    alias_conflicts: bool = False,
) -> FieldNode | None:
    """Fetch `item` from another subgraph (or the same one, for `@requires`) and return where it landed;
    `avoid` names a subgraph that must not answer it (it was just found unable to finish the subtree)."""
    options = jump_options(walker, graph, type_name, item, provided, avoid)
    if not options:
        raise PlanningError(f"no subgraph can resolve {type_name}.{item.name} from {graph!r}")
    route = options[0][3]
    # A field jumping out of `... @include(if: $v) { }` keeps the condition in the fetch it lands in.
    conditions = tree.conditions if tree.key_home is not None else ()
    current_group, current_graph, current_tree = group, graph, tree.key_home or tree
    for position, hop in enumerate(route):
        last = position == len(route) - 1
        requires = walker.requires_of(hop.entity_type, item.name, hop.key.graph) if last else None
        required_sets = [hop.key.selection] if hop.planned else []
        if requires:
            required_sets.append(parse_field_set(requires))
        waits: set[FetchGroup] = set()
        required_nodes: list[tuple[graphql.SelectionNode, FieldNode | None]] = []
        if required_sets:
            # The required fields are selected like client fields here (they may need jumps of their own);
            # the fetch that uses them waits for every group that brings them.
            recorded: list[FetchGroup] = []
            walker.registry.recording.append(recorded)
            walker.in_requirement += 1
            for required in required_sets:
                for node, required_item in zip(required.selections, walker.items_of(required), strict=True):
                    landed = _walk_required(
                        walker,
                        current_group,
                        current_graph,
                        type_name,
                        required_item,
                        path,
                        current_tree,
                        provided,
                    )
                    required_nodes.append((node, landed))
            walker.in_requirement -= 1
            walker.registry.recording.pop()
            waits = {g for g in recorded if g is not current_group}
        representation = SelectionTree()
        current_tree.typename()
        representation.typename()
        if not hop.planned:
            add_key(current_tree, representation, hop.key.selection)
        for node, landed in required_nodes:
            _mirror_required(representation, node, landed)
        fit = (type_name, representation)
        next_group = walker.registry.entity(hop.key.graph, path, current_group, waits, fit)
        next_group.requires.fragment(type_name).merge(representation)
        as_interface = walker.supergraph.types[type_name].is_interface_object_in(hop.key.graph)
        if hop.entity_type != type_name or as_interface:
            # `@interfaceObject`: the subgraph knows only the interface, so the representation says so.
            rewrite = ValueSetter((f"... on {type_name}", "__typename"), hop.entity_type)
            if rewrite not in next_group.input_rewrites:
                next_group.input_rewrites.append(rewrite)
        current_group, current_graph = next_group, hop.key.graph
        current_tree = next_group.selection.fragment(hop.entity_type)
    entity_type = route[-1].entity_type
    if conditions:
        current_tree = current_tree.fragment(entity_type, conditions)
        current_tree.key_home = next_group.selection.fragment(entity_type)
    # The key the entity arrived with counts as provided there: `_entities` echoes the representation's key
    # even when the subgraph has those fields `@external` (a key field it cannot answer on objects it
    # returns itself), so the key can be sent on to further subgraphs from here.
    entry_key = route[-1].key.selection
    return walker.walk_field(
        current_group, current_graph, entity_type, item, path, current_tree, entry_key, True, alias_conflicts
    )


def jump_options(
    walker: Walker,
    graph: str,
    type_name: str,
    item: FieldItem,
    provided: graphql.SelectionSetNode | None,
    avoid: str | None = None,
) -> list[tuple[int, int, int, list[Hop]]]:
    """Ways to fetch `item` elsewhere, cheapest first: (new fetches, hops, declaration order, route)."""
    options: list[tuple[int, int, int, list[Hop]]] = []
    for index, (target, entity_type) in enumerate(entity_targets(walker.supergraph, type_name, item.name)):
        if target == avoid:
            continue
        route = _route(walker, type_name, graph, target, entity_type, provided)
        if route is not None:
            # Intermediate hops plus the target fetch and whatever its subtree needs.
            cost = len(route) - 1 + walker.estimate(target, entity_type, item)
            options.append((cost, len(route), index, route))
    if not options:
        options = _planned_key_options(walker, type_name, graph, item, provided, avoid)
    return sorted(options, key=lambda option: option[:3])


def _planned_key_options(
    walker: Walker,
    type_name: str,
    graph: str,
    item: FieldItem,
    provided: graphql.SelectionSetNode | None,
    avoid: str | None,
) -> list[tuple[int, int, int, list[Hop]]]:
    """Jumps whose key fields must themselves be gathered from other subgraphs first."""
    supergraph = walker.supergraph
    options: list[tuple[int, int, int, list[Hop]]] = []
    for index, (target, entity_type) in enumerate(entity_targets(supergraph, type_name, item.name)):
        if target == avoid or (target == graph and entity_type == type_name):
            continue
        for key in supergraph.types[entity_type].graphs[target].resolvable_keys:
            key_items = walker.items_of(key.selection)
            cost = sum(
                walker.estimate(graph, type_name, key_item, provided)
                for key_item in key_items
                if isinstance(key_item, FieldItem)
            )
            if cost < INFEASIBLE:
                hop = Hop(key, entity_type, planned=True)
                options.append((cost + walker.estimate(target, entity_type, item), 1, index, [hop]))
                break
    return options


def _walk_required(
    walker: Walker,
    group: FetchGroup,
    graph: str,
    type_name: str,
    item: Item,
    path: tuple[PathSegment, ...],
    tree: SelectionTree,
    provided: graphql.SelectionSetNode | None,
) -> FieldNode | None:
    if isinstance(item, FieldItem):
        return walker.walk_field(group, graph, type_name, item, path, tree, provided, alias_conflicts=True)
    walker.walk_object(group, graph, type_name, (item,), path, tree, provided)
    return None


def _mirror_required(
    representation: SelectionTree, node: graphql.SelectionNode, landed: FieldNode | None
) -> None:
    """Put a required field into the representation, reading it from the planner alias if one was needed."""
    if not isinstance(node, graphql.FieldNode) or landed is None:
        add_key(SelectionTree(), representation, graphql.SelectionSetNode(selections=(node,)))
        return
    mirrored = representation.add_field(node.name.value, landed.alias, (), (), node.selection_set is not None)
    if mirrored is None:
        raise PlanningError(f"conflicting requirements on {node.name.value!r}")
    if mirrored.sub is not None and node.selection_set is not None:
        _mirror_nested(mirrored.sub, node.selection_set, landed.sub)


def _mirror_nested(
    representation: SelectionTree, selection: graphql.SelectionSetNode, landed: SelectionTree | None
) -> None:
    """Nested required fields: read each from the node the fetch selected it as (maybe a planner alias)."""
    for node in selection.selections:
        if not isinstance(node, graphql.FieldNode):
            add_key(SelectionTree(), representation, graphql.SelectionSetNode(selections=(node,)))
            continue
        arguments = ",".join(graphql.print_ast(a) for a in node.arguments or ())
        match = next(
            (
                candidate
                for candidate in (landed.fields.values() if landed else ())
                if candidate.name == node.name.value
                and ",".join(graphql.print_ast(a) for a in candidate.arguments) == arguments
            ),
            None,
        )
        alias = match.alias if match is not None else None
        mirrored = representation.add_field(node.name.value, alias, (), (), node.selection_set is not None)
        if mirrored is None:
            raise PlanningError(f"conflicting requirements on {node.name.value!r}")
        if mirrored.sub is not None and node.selection_set is not None:
            _mirror_nested(mirrored.sub, node.selection_set, match.sub if match else None)


def _route(
    walker: Walker,
    type_name: str,
    source: str,
    target: str,
    entity_type: str,
    provided: graphql.SelectionSetNode | None,
) -> list[Hop] | None:
    if source == target and entity_type == type_name:
        # A `@requires` field of the current subgraph: jump back into it once the requirements are in.
        keys = walker.supergraph.types[type_name].graphs[source].resolvable_keys
        return [Hop(keys[0], type_name)] if keys else None
    return find_route(walker.supergraph, type_name, source, target, entity_type, provided)


def leave_interface_object(
    walker: Walker,
    group: FetchGroup,
    graph: str,
    interface: str,
    items: tuple[Item, ...],
    path: tuple[PathSegment, ...],
    tree: SelectionTree,
) -> None:
    """An `@interfaceObject` subgraph knows neither the runtime type nor the implementations' fields:
    send the key to a subgraph that has the real interface and plan those selections there."""
    model = walker.supergraph.types[interface]
    for other, info in model.graphs.items():
        if other == graph or info.is_interface_object:
            continue
        keys = [
            k for k in info.resolvable_keys if can_select(walker.supergraph, graph, interface, k.selection)
        ]
        if not keys:
            continue
        next_group = walker.registry.entity(other, path, group, set())
        representation = next_group.requires.fragment(interface)
        tree.typename()
        representation.typename()
        add_key(tree, representation, keys[0].selection)
        target = next_group.selection.fragment(interface)
        walker.walk_abstract(next_group, other, interface, items, path, target, None)
        return
    raise PlanningError(f"no subgraph can resolve the implementations of {interface} from {graph!r}")
