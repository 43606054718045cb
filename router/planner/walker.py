"""Walk the client selection and assign every field to a fetch group, adding entity jumps where needed."""

from __future__ import annotations

import graphql

from router.planner.groups import FetchGroup, GroupRegistry
from router.planner.operation import FieldItem, FragmentItem, Item, PlanningError
from router.planner.plan import OperationKind, PathSegment, ValueSetter
from router.planner.routes import Hop, can_select, entity_targets, find_route, provided_fields, resolvable
from router.planner.selection import SelectionTree
from router.supergraph import Supergraph

_ROOT_META_FIELDS = frozenset({"__typename", "__schema", "__type"})


def parse_field_set(fields: str) -> graphql.SelectionSetNode:
    operation = graphql.parse("{" + fields + "}").definitions[0]
    assert isinstance(operation, graphql.OperationDefinitionNode)
    return operation.selection_set


def items_of(selection_set: graphql.SelectionSetNode) -> tuple[Item, ...]:
    """A field set (`@key`, `@requires`) as selection items."""
    items: list[Item] = []
    for node in selection_set.selections:
        if isinstance(node, graphql.FieldNode):
            sub = items_of(node.selection_set) if node.selection_set else ()
            alias = node.alias.value if node.alias else None
            items.append(FieldItem(node.name.value, alias, tuple(node.arguments or ()), (), sub))
        elif isinstance(node, graphql.InlineFragmentNode):
            condition = node.type_condition.name.value if node.type_condition else ""
            items.append(FragmentItem(condition, (), items_of(node.selection_set)))
    return tuple(items)


def list_depth(type_string: str) -> int:
    return type_string.count("[")


class Walker:
    """Assigns fields to groups. Greedy: stay in the current subgraph, else take the cheapest jump."""

    def __init__(
        self, supergraph: Supergraph, registry: GroupRegistry, memo: dict[object, int] | None = None
    ) -> None:
        self.supergraph = supergraph
        self.registry = registry
        self.memo: dict[object, int] = {} if memo is None else memo

    # -- root ----------------------------------------------------------------------------------------------

    def walk_root(self, kind: OperationKind, items: tuple[Item, ...]) -> None:
        root_type = self.supergraph.root_type(kind)
        if root_type is None:
            raise PlanningError(f"the supergraph has no {kind} type")
        for item in _root_fields(items, ()):
            if item.name in _ROOT_META_FIELDS:
                continue  # Answered by the router itself (introspection, root __typename).
            field = self.supergraph.types[root_type].fields.get(item.name)
            candidates = field.resolving_graphs() if field else ()
            if not candidates:
                raise PlanningError(f"no subgraph resolves {root_type}.{item.name}")
            existing = [g.graph for g in self.registry.groups if g.parent is None]
            graph = min(
                candidates,
                key=lambda g: (self.estimate(g, root_type, item), g not in existing, candidates.index(g)),
            )
            group = self.registry.root(graph, reuse=kind != "mutation")
            self.walk_field(group, graph, root_type, item, (), group.selection, None)

    # -- selections ----------------------------------------------------------------------------------------

    def walk_selection(
        self,
        group: FetchGroup,
        graph: str,
        type_name: str,
        items: tuple[Item, ...],
        path: tuple[PathSegment, ...],
        tree: SelectionTree,
        provided: graphql.SelectionSetNode | None,
    ) -> None:
        model = self.supergraph.types[type_name]
        if model.kind == "object":
            self.walk_object(group, graph, type_name, items, path, tree, provided)
        elif model.is_interface_object_in(graph):
            local, remote = _split_for_interface_object(items, type_name)
            self.walk_object(group, graph, type_name, tuple(local), path, tree, provided)
            if remote:
                self.leave_interface_object(group, graph, type_name, tuple(remote), path, tree)
        else:
            self.walk_abstract(group, graph, type_name, items, path, tree, provided)

    def walk_object(
        self,
        group: FetchGroup,
        graph: str,
        type_name: str,
        items: tuple[Item, ...],
        path: tuple[PathSegment, ...],
        tree: SelectionTree,
        provided: graphql.SelectionSetNode | None,
    ) -> None:
        for item in items:
            if isinstance(item, FragmentItem):
                condition = item.type_condition or type_name
                if condition != type_name and type_name not in self.supergraph.possible_types(condition):
                    continue  # The fragment can never apply to this object type.
                target = tree.fragment(type_name, item.directives) if item.directives else tree
                self.walk_object(group, graph, type_name, item.selections, path, target, provided)
            else:
                self.walk_field(group, graph, type_name, item, path, tree, provided)

    def walk_abstract(
        self,
        group: FetchGroup,
        graph: str,
        type_name: str,
        items: tuple[Item, ...],
        path: tuple[PathSegment, ...],
        tree: SelectionTree,
        provided: graphql.SelectionSetNode | None,
    ) -> None:
        """Interface/union selections: shared fields stay on the interface, the rest goes per object type."""
        # The executor needs the runtime type of every abstract value (projection, entity representations).
        tree.typename()
        model = self.supergraph.types[type_name]
        per_type: list[Item] = []
        for item in _flatten_same_type(items, type_name):
            if (
                isinstance(item, FieldItem)
                and model.kind == "interface"
                and resolvable(self.supergraph, graph, type_name, item.name, provided)
                and not self._requires(type_name, item.name, graph)
            ):
                self.walk_field(group, graph, type_name, item, path, tree, provided)
            else:
                per_type.append(item)
        if not per_type:
            return
        possible = sorted(model.possible_types.get(graph, frozenset()))
        for object_type in possible:
            self.walk_object(
                group, graph, object_type, tuple(per_type), path, tree.fragment(object_type), provided
            )

    def leave_interface_object(
        self,
        group: FetchGroup,
        graph: str,
        interface: str,
        items: tuple[Item, ...],
        path: tuple[PathSegment, ...],
        tree: SelectionTree,
    ) -> None:
        """An `@interfaceObject` subgraph knows neither the runtime type nor the implementations' fields:
        send the key to a subgraph that has the real interface and plan those selections there."""
        model = self.supergraph.types[interface]
        for other, info in model.graphs.items():
            if other == graph or info.is_interface_object:
                continue
            selectable = [k.selection for k in info.resolvable_keys]
            keys = [k for k in selectable if can_select(self.supergraph, graph, interface, k)]
            if not keys:
                continue
            key = keys[0]
            tree.typename()
            _add_field_set(tree, key)
            next_group = self.registry.entity(other, path, group, set())
            representation = next_group.requires.fragment(interface)
            representation.typename()
            _add_field_set(representation, key)
            target = next_group.selection.fragment(interface)
            self.walk_abstract(next_group, other, interface, items, path, target, None)
            return
        raise PlanningError(f"no subgraph can resolve the implementations of {interface} from {graph!r}")

    # -- fields --------------------------------------------------------------------------------------------

    def walk_field(
        self,
        group: FetchGroup,
        graph: str,
        type_name: str,
        item: FieldItem,
        path: tuple[PathSegment, ...],
        tree: SelectionTree,
        provided: graphql.SelectionSetNode | None,
        requires_met: bool = False,
    ) -> None:
        if item.name == "__typename":
            tree.add_field("__typename", item.alias, (), item.directives)
            return
        local = resolvable(self.supergraph, graph, type_name, item.name, provided)
        provided_here = item.name in provided_fields(provided, type_name)
        requires = self._requires(type_name, item.name, graph)
        needs_requires = bool(requires) and not requires_met and not provided_here
        if not local or needs_requires:
            self.jump(group, graph, type_name, item, path, tree, provided)
            return
        field = self.supergraph.types[type_name].fields[item.name]
        node = tree.add_field(item.name, item.alias, item.arguments, item.directives, bool(item.selections))
        if node is None:
            raise PlanningError(f"conflicting selections for response key {item.response_key!r}")
        if node.sub is None:
            return
        info = field.graphs.get(graph)
        if info is not None and info.provides:
            child_provided: graphql.SelectionSetNode | None = parse_field_set(info.provides)
        else:
            provided_node = provided_fields(provided, type_name).get(item.name)
            child_provided = provided_node.selection_set if provided_node else None
        child_path = (*path, item.response_key, *(["@"] * list_depth(field.type)))
        child_type = field.type_name
        self.walk_selection(group, graph, child_type, item.selections, child_path, node.sub, child_provided)

    def _requires(self, type_name: str, field_name: str, graph: str) -> str | None:
        field = self.supergraph.types[type_name].fields.get(field_name)
        info = field.graphs.get(graph) if field else None
        return info.requires if info else None

    # -- entity jumps --------------------------------------------------------------------------------------

    def jump(
        self,
        group: FetchGroup,
        graph: str,
        type_name: str,
        item: FieldItem,
        path: tuple[PathSegment, ...],
        tree: SelectionTree,
        provided: graphql.SelectionSetNode | None,
    ) -> None:
        """Fetch `item` from another subgraph (or the same one, for `@requires`) through `_entities`."""
        options: list[tuple[int, int, int, list[Hop]]] = []
        for index, (target, entity_type) in enumerate(entity_targets(self.supergraph, type_name, item.name)):
            route = self._route(type_name, graph, target, entity_type, provided)
            if route is not None:
                options.append((len(route), self.estimate(target, entity_type, item), index, route))
        if not options:
            raise PlanningError(f"no subgraph can resolve {type_name}.{item.name} from {graph!r}")
        route = min(options, key=lambda option: option[:3])[3]
        current_group, current_graph, current_tree = group, graph, tree
        for position, hop in enumerate(route):
            last = position == len(route) - 1
            current_tree.typename()
            _add_field_set(current_tree, hop.key.selection)
            requires = self._requires(hop.entity_type, item.name, hop.key.graph) if last else None
            waits: set[FetchGroup] = set()
            required = parse_field_set(requires) if requires else None
            if required is not None:
                # The required fields are selected like client fields at this point (they may need jumps of
                # their own); the fetch that uses them waits for every group that brings them.
                recorded: list[FetchGroup] = []
                self.registry.recording.append(recorded)
                self.walk_object(
                    current_group, current_graph, type_name, items_of(required), path, current_tree, provided
                )
                self.registry.recording.pop()
                waits = {g for g in recorded if g is not current_group}
            next_group = self.registry.entity(hop.key.graph, path, current_group, waits)
            representation = next_group.requires.fragment(type_name)
            representation.typename()
            _add_field_set(representation, hop.key.selection)
            if required is not None:
                _add_field_set(representation, required)
            if hop.entity_type != type_name:
                # `@interfaceObject`: the subgraph knows only the interface, so the representation says so.
                rewrite = ValueSetter((f"... on {type_name}", "__typename"), hop.entity_type)
                if rewrite not in next_group.input_rewrites:
                    next_group.input_rewrites.append(rewrite)
            current_group, current_graph = next_group, hop.key.graph
            current_tree = next_group.selection.fragment(hop.entity_type)
        entity_type = route[-1].entity_type
        self.walk_field(current_group, current_graph, entity_type, item, path, current_tree, None, True)

    def _route(
        self,
        type_name: str,
        source: str,
        target: str,
        entity_type: str,
        provided: graphql.SelectionSetNode | None,
    ) -> list[Hop] | None:
        if source == target and entity_type == type_name:
            # A `@requires` field of the current subgraph: jump back into it once the requirements are in.
            keys = self.supergraph.types[type_name].graphs[source].resolvable_keys
            return [Hop(keys[0], type_name)] if keys else None
        return find_route(self.supergraph, type_name, source, target, entity_type, provided)

    # -- cost ----------------------------------------------------------------------------------------------

    def estimate(self, graph: str, type_name: str, item: FieldItem) -> int:
        """How many fetches `item` needs when resolved starting in `graph` (lower is better)."""
        memo_key = (graph, type_name, id(item))
        if memo_key not in self.memo:
            self.memo[memo_key] = 1 << 20  # Guards against cycles while estimating.
            registry = GroupRegistry()
            scratch = Walker(self.supergraph, registry, self.memo)
            start = registry.root(graph, reuse=True)
            try:
                scratch.walk_field(start, graph, type_name, item, (), start.selection, None, True)
                self.memo[memo_key] = len(registry.groups)
            except PlanningError:
                self.memo[memo_key] = 1 << 20
        return self.memo[memo_key]


def _add_field_set(tree: SelectionTree, selection: graphql.SelectionSetNode) -> None:
    for node in selection.selections:
        if isinstance(node, graphql.FieldNode):
            child = tree.add_field(
                node.name.value, None, tuple(node.arguments or ()), (), node.selection_set is not None
            )
            if child is None:
                raise PlanningError(f"a key or requirement conflicts with {node.name.value!r}")
            if child.sub is not None and node.selection_set is not None:
                if _has_fragments(node.selection_set):
                    child.sub.typename()
                _add_field_set(child.sub, node.selection_set)
        elif isinstance(node, graphql.InlineFragmentNode) and node.type_condition is not None:
            _add_field_set(tree.fragment(node.type_condition.name.value), node.selection_set)


def _has_fragments(selection: graphql.SelectionSetNode) -> bool:
    return any(isinstance(node, graphql.InlineFragmentNode) for node in selection.selections)


def _flatten_same_type(items: tuple[Item, ...], type_name: str) -> list[Item]:
    """Inline the fragments that restate the enclosing type without directives."""
    flat: list[Item] = []
    for item in items:
        if isinstance(item, FragmentItem) and item.type_condition in ("", type_name) and not item.directives:
            flat.extend(_flatten_same_type(item.selections, type_name))
        else:
            flat.append(item)
    return flat


def _root_fields(items: tuple[Item, ...], directives: tuple[graphql.DirectiveNode, ...]) -> list[FieldItem]:
    """Root fields in order; a root fragment's directives move onto its fields."""
    fields: list[FieldItem] = []
    for item in items:
        if isinstance(item, FragmentItem):
            fields.extend(_root_fields(item.selections, (*directives, *item.directives)))
        elif directives:
            fields.append(FieldItem(item.name, item.alias, item.arguments, (*directives, *item.directives),
                                    item.selections))
        else:
            fields.append(item)
    return fields


def _split_for_interface_object(items: tuple[Item, ...], interface: str) -> tuple[list[Item], list[Item]]:
    """Items an `@interfaceObject` subgraph answers itself, and those needing the real runtime type."""
    local: list[Item] = []
    remote: list[Item] = []
    for item in items:
        if isinstance(item, FieldItem):
            (remote if item.name == "__typename" else local).append(item)
        elif item.type_condition in ("", interface):
            sub_local, sub_remote = _split_for_interface_object(item.selections, interface)
            if sub_local:
                local.append(FragmentItem(item.type_condition, item.directives, tuple(sub_local)))
            if sub_remote:
                remote.append(FragmentItem(item.type_condition, item.directives, tuple(sub_remote)))
        else:
            remote.append(item)
    return local, remote
