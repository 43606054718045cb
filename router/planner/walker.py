"""Walk the client selection and assign every field to a fetch group, adding entity jumps where needed."""

from __future__ import annotations

from dataclasses import replace

import graphql

from router.planner.alternatives import field_alternatives, safe_members
from router.planner.budget import UNLIMITED, PlanningBudget
from router.planner.fieldsets import (
    flatten_same_type,
    free_alias,
    items_of,
    list_depth,
    named_type,
    parse_field_set,
    root_fields,
    split_for_interface_object,
)
from router.planner.groups import FetchGroup, GroupRegistry
from router.planner.jumps import jump, jump_options, leave_interface_object
from router.planner.operation import FieldItem, FragmentItem, Item, PlanningError
from router.planner.plan import OperationKind, PathSegment
from router.planner.routes import INFEASIBLE, provided_fields, resolvable
from router.planner.selection import FieldNode, SelectionTree
from router.supergraph import Supergraph

_ROOT_META_FIELDS = frozenset({"__typename", "__schema", "__type"})
# (graph, type, id(item), id(provided)) → (cost, item, provided).
_Memo = dict[tuple[str, str, int, int], tuple[int, object, object]]


class Walker:
    """Assigns fields to groups. Greedy: stay in the current subgraph, else take the cheapest jump."""

    def __init__(
        self,
        supergraph: Supergraph,
        registry: GroupRegistry,
        memo: _Memo | None = None,
        budget: PlanningBudget = UNLIMITED,
    ) -> None:
        self.supergraph = supergraph
        self.registry = registry
        self.memo: _Memo = {} if memo is None else memo
        # Checked at every field walked, estimates included: a spent budget ends planning.
        self.budget = budget
        # Costs beyond fetches: client fragments left out because the subgraph cannot return their types.
        self.penalty = 0
        # Above zero while walking a `@requires`/key field set: those fields yield their response keys.
        self.in_requirement = 0
        # Field sets as items, parsed once per plan so estimates of the same key hit the memo.
        self.field_set_items: dict[int, tuple[graphql.SelectionSetNode, tuple[Item, ...]]] = {}
        # Subgraphs that could be answering the object being walked (see `alternatives.py`); None while
        # estimating, where every member a subgraph knows counts.
        self.alternatives: frozenset[str] | None = None
        # (path, type, response key) → subgraphs that already handed this field on as a parent entity call.
        self.refetched: dict[tuple[tuple[PathSegment, ...], str, str], frozenset[str]] = {}

    # -- root ----------------------------------------------------------------------------------------------

    def walk_root(self, kind: OperationKind, items: tuple[Item, ...]) -> None:
        root_type = self.supergraph.root_type(kind)
        if root_type is None:
            raise PlanningError(f"the supergraph has no {kind} type")
        self.alternatives = frozenset(self.supergraph.types[root_type].graphs)
        for item in root_fields(items, ()):
            if item.name in _ROOT_META_FIELDS:
                continue  # Answered by the router itself (introspection, root __typename).
            field = self.supergraph.types[root_type].fields.get(item.name)
            candidates = field.resolving_graphs() if field else ()
            if not candidates:
                raise PlanningError(f"no subgraph resolves {root_type}.{item.name}")
            existing = [g.graph for g in self.registry.groups if g.parent is None]
            ranked = sorted(candidates, key=lambda g: (self.estimate(g, root_type, item), g not in existing))
            best = (self.estimate(ranked[0], root_type, item), ranked[0] not in existing)
            tied = [g for g in ranked if (self.estimate(g, root_type, item), g not in existing) == best]
            graph = tied[0]
            if len(tied) > 1 and best[0] < INFEASIBLE:
                # As many fetches either way: prefer the subgraph that answers more in its first fetch, so
                # the later (sequential) fetches carry less (Matches Apollo, whose plan cost weighs later
                # stages more: the audit's provides-on-interface answers `media` from the subgraph whose
                # `@provides` covers the animals, not from one that only knows the media's id).
                graph = min(tied, key=lambda g: (self.deferred_size(g, root_type, item), candidates.index(g)))
            parts = [(graph, item)]
            if self.estimate(graph, root_type, item) >= INFEASIBLE and kind == "query":
                # A shared root field whose selection no single subgraph can finish (value types without
                # keys): ask each subgraph for the part it can answer; the results merge at the root.
                parts = self.split(candidates, root_type, item)
            for part_graph, part in parts:
                group = self.registry.root(part_graph, reuse=kind != "mutation")
                self.walk_field(group, part_graph, root_type, part, (), group.selection, None)

    def split(
        self, candidates: tuple[str, ...], type_name: str, item: FieldItem
    ) -> list[tuple[str, FieldItem]]:
        """Share `item`'s selections out over `candidates`, each taking the most it can finish alone."""
        remaining = list(item.selections)
        parts: list[tuple[str, FieldItem]] = []
        while remaining:
            best: tuple[str, list[Item]] | None = None
            for graph in candidates:
                doable = [
                    sub
                    for sub in remaining
                    if self.estimate(graph, type_name, replace(item, selections=(sub,))) < INFEASIBLE
                ]
                if doable and (best is None or len(doable) > len(best[1])):
                    best = (graph, doable)
            if best is None:
                raise PlanningError(f"no subgraph can resolve the selection of {type_name}.{item.name}")
            parts.append((best[0], replace(item, selections=tuple(best[1]))))
            remaining = [sub for sub in remaining if all(sub is not done for done in best[1])]
        return parts

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
            local, remote = split_for_interface_object(items, type_name)
            self.walk_object(group, graph, type_name, tuple(local), path, tree, provided)
            if remote:
                leave_interface_object(self, group, graph, type_name, tuple(remote), path, tree)
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
        # Fields answered here first, then jumps, then fields with `@requires`: the keys and requirements the
        # planner adds then never take a response key the client uses (they get planner aliases instead).
        for item in sorted(items, key=lambda i: self._order(graph, type_name, i, provided)):
            if isinstance(item, FragmentItem):
                condition = item.type_condition or type_name
                if condition != type_name and type_name not in self.supergraph.possible_types(condition):
                    continue  # The fragment can never apply to this object type.
                target = tree
                if item.directives:
                    target = tree.fragment(type_name, item.directives)
                    target.key_home = tree.key_home or tree
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
        for item in flatten_same_type(items, type_name):
            if isinstance(item, FieldItem) and item.name == "__typename":
                tree.add_field("__typename", item.alias, (), item.directives)
            elif isinstance(item, FieldItem) and self._interface_field_local(
                graph, type_name, item, provided
            ):
                self.walk_field(group, graph, type_name, item, path, tree, provided)
            elif isinstance(item, FieldItem) and self._interface_object_answers(graph, type_name, item):
                # Matches Apollo: one `... on Interface` jump covers every implementation (representations get
                # `__typename` rewritten to the interface) instead of one fragment per object type.
                jump(self, group, graph, type_name, item, path, tree, provided)
            else:
                per_type.append(item)
        if not per_type:
            return
        members = model.possible_types.get(graph, frozenset())
        if model.kind == "union" and self.alternatives is not None and not self.in_requirement:
            members = safe_members(self.supergraph, type_name, graph, self.alternatives)
        possible = sorted(members)
        for item in per_type:
            if isinstance(item, FragmentItem) and item.type_condition not in ("", type_name):
                wanted = self.supergraph.possible_types(item.type_condition)
                # This subgraph can never return the fragment's types: a subgraph that can is preferred.
                self.penalty += not wanted & set(possible)
        for object_type in possible:
            self.walk_object(
                group, graph, object_type, tuple(per_type), path, tree.fragment(object_type), provided
            )

    def _interface_field_local(
        self, graph: str, interface: str, item: FieldItem, provided: graphql.SelectionSetNode | None
    ) -> bool:
        """Whether `graph` answers an interface field for all its implementations (none of them has it
        `@external`, overridden away or behind `@requires` there)."""
        model = self.supergraph.types[interface]
        if model.kind != "interface" or not self.is_local(graph, interface, item, provided):
            return False
        if model.is_interface_object_in(graph):
            return True
        return all(
            self.is_local(graph, object_type, item, provided)
            for object_type in model.possible_types.get(graph, frozenset())
        )

    def _interface_object_answers(self, graph: str, interface: str, item: FieldItem) -> bool:
        """Whether an `@interfaceObject` subgraph resolves this interface field for every implementation."""
        model = self.supergraph.types[interface]
        if model.kind != "interface" or item.name not in model.fields:
            return False
        return any(
            model.is_interface_object_in(other) and other != graph
            for other in model.fields[item.name].resolving_graphs()
        )

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
        alias_conflicts: bool = False,
        check: bool = True,
    ) -> FieldNode | None:
        """Select `item` here if this subgraph can, else jump; returns the selected node (wherever it went).

        `alias_conflicts`: the field is the planner's own (a requirement), so a response key the client took
        is avoided with a planner alias instead of failing. `check`: first make sure the whole subtree can be
        planned from here (off while estimating that very question).
        """
        self.budget.check()
        if item.name == "__typename":
            return tree.add_field("__typename", item.alias, (), item.directives)
        alias_conflicts = alias_conflicts or self.in_requirement > 0
        if not self.is_local(graph, type_name, item, provided, requires_met):
            return jump(self, group, graph, type_name, item, path, tree, provided, None, alias_conflicts)
        if check and item.selections and self.estimate(graph, type_name, item, provided) >= INFEASIBLE:
            # Parent entity call: part of the subtree cannot be reached from here (a value type without
            # keys); fetch the field again, with that part, from a subgraph that can. Fragments are split
            # field by field first, or a fragment holding both parts would never stay here.
            child = self.supergraph.types[type_name].fields[item.name].type_name
            item = replace(item, selections=_one_field_each(item.selections, child))
            keep = [
                sub
                for sub in item.selections
                if self.estimate(graph, type_name, replace(item, selections=(sub,)), provided) < INFEASIBLE
            ]
            rest = tuple(sub for sub in item.selections if all(sub is not kept for kept in keep))
            rest_item = replace(item, selections=rest)
            # Each subgraph is asked at most once for the same field here: two subgraphs that both fall
            # short would otherwise hand the field back and forth without end.
            refetch = (path, type_name, item.response_key)
            tried = self.refetched.get(refetch, frozenset())
            if graph in tried:
                raise PlanningError(f"no subgraph can resolve the selection of {type_name}.{item.name}")
            self.refetched[refetch] = tried | {graph}
            try:
                landed = jump(self, group, graph, type_name, rest_item, path, tree, provided, avoid=graph)
            finally:
                self.refetched[refetch] = tried
            if not keep:
                return landed
            item = replace(item, selections=tuple(keep))
        elif check and item.selections and not alias_conflicts:
            # `@shareable`: staying here is not free when the subtree needs jumps; another subgraph that
            # answers more of it may need fewer fetches in all.
            extra_here = self.estimate(graph, type_name, item, provided) - 1
            options = jump_options(self, graph, type_name, item, provided, avoid=graph) if extra_here else []
            if options and options[0][0] < extra_here:
                return jump(self, group, graph, type_name, item, path, tree, provided, avoid=graph)
        field = self.supergraph.types[type_name].fields[item.name]
        composite = bool(item.selections)
        node = tree.add_field(item.name, item.alias, item.arguments, item.directives, composite)
        if node is None and alias_conflicts:
            alias = free_alias(tree, item.name)
            node = tree.add_field(item.name, alias, item.arguments, item.directives, composite)
        if node is None:
            raise PlanningError(f"conflicting selections for response key {item.response_key!r}")
        if node.sub is None:
            return node
        info = field.graphs.get(graph)
        if info is not None and info.provides:
            child_provided: graphql.SelectionSetNode | None = parse_field_set(info.provides)
        else:
            provided_node = provided_fields(provided, type_name).get(item.name)
            child_provided = provided_node.selection_set if provided_node else None
        child_path = (*path, node.alias or node.name, *(["@"] * list_depth(field.type)))
        # The subgraph may type the field more precisely (`@join__field(type: "Book")` for a `Media` union).
        child_type = named_type(info.type) if info is not None else field.type_name
        if child_type != field.type_name and self.supergraph.types[field.type_name].kind != "object":
            # Abstract in the supergraph, concrete here: the projection still needs the runtime type, and
            # the selection may hold nothing else (`... on Song` where this subgraph only returns Books).
            node.sub.typename()
        parents = self.alternatives
        if parents is not None:
            self.alternatives = field_alternatives(self.supergraph, parents | {graph}, type_name, item.name)
        try:
            self.walk_selection(
                group, graph, child_type, item.selections, child_path, node.sub, child_provided
            )
        finally:
            self.alternatives = parents
        return node

    def _order(
        self, graph: str, type_name: str, item: Item, provided: graphql.SelectionSetNode | None
    ) -> int:
        if not isinstance(item, FieldItem) or self.is_local(graph, type_name, item, provided):
            return 0
        field = self.supergraph.types[type_name].fields.get(item.name)
        return 2 if field and any(info.requires for info in field.graphs.values()) else 1

    def is_local(
        self,
        graph: str,
        type_name: str,
        item: FieldItem,
        provided: graphql.SelectionSetNode | None,
        requires_met: bool = False,
    ) -> bool:
        """Whether this subgraph answers the field in place (no `_entities` jump before it)."""
        if item.name == "__typename":
            return True
        if not resolvable(self.supergraph, graph, type_name, item.name, provided):
            return False
        provided_here = item.name in provided_fields(provided, type_name)
        return requires_met or provided_here or not self.requires_of(type_name, item.name, graph)

    def requires_of(self, type_name: str, field_name: str, graph: str) -> str | None:
        field = self.supergraph.types[type_name].fields.get(field_name)
        info = field.graphs.get(graph) if field else None
        return info.requires if info else None

    # -- cost ----------------------------------------------------------------------------------------------

    def items_of(self, selection: graphql.SelectionSetNode) -> tuple[Item, ...]:
        """A field set (`@key`, `@requires`) as items; the same objects every time within one plan."""
        cached = self.field_set_items.get(id(selection))
        if cached is None:
            cached = self.field_set_items[id(selection)] = (selection, items_of(selection))
        return cached[1]

    def deferred_size(self, graph: str, type_name: str, item: FieldItem) -> int:
        """How many fields the fetches after the first select when `item` starts in `graph` (not memoized:
        only asked to break a tie between subgraphs of equal cost)."""
        registry = GroupRegistry()
        scratch = Walker(self.supergraph, registry, self.memo, self.budget)
        scratch.field_set_items = self.field_set_items
        start = registry.root(graph, reuse=True)
        scratch.walk_field(start, graph, type_name, item, (), start.selection, None, True, check=False)
        return sum(group.selection.size() for group in registry.groups if group is not start)

    def estimate(
        self, graph: str, type_name: str, item: FieldItem, provided: graphql.SelectionSetNode | None = None
    ) -> int:
        """How many fetches `item` needs when resolved starting in `graph`; INFEASIBLE when it cannot be."""
        memo_key = (graph, type_name, id(item), id(provided))
        if memo_key not in self.memo:
            # Marked infeasible while estimating (guards against cycles); the memo keeps `item` and `provided`
            # alive so their ids cannot be reused by other objects.
            self.memo[memo_key] = (INFEASIBLE, item, provided)
            registry = GroupRegistry()
            scratch = Walker(self.supergraph, registry, self.memo, self.budget)
            scratch.field_set_items = self.field_set_items
            start = registry.root(graph, reuse=True)
            try:
                tree = start.selection
                scratch.walk_field(start, graph, type_name, item, (), tree, provided, True, check=False)
                self.memo[memo_key] = (len(registry.groups) + scratch.penalty, item, provided)
            except PlanningError:
                pass
        return self.memo[memo_key][0]


def _one_field_each(items: tuple[Item, ...], type_name: str) -> tuple[Item, ...]:
    """The same selection with every fragment holding one field (`... on T @d { a b }` becomes
    `... on T @d { a } ... on T @d { b }`; a fragment restating `type_name` without directives is inlined):
    field merging makes them equivalent, and each part can then go to the subgraph that answers it."""
    split: list[Item] = []
    for item in flatten_same_type(items, type_name):
        if isinstance(item, FragmentItem) and len(item.selections) > 1:
            inner = item.type_condition or type_name
            split.extend(replace(item, selections=(sub,)) for sub in _one_field_each(item.selections, inner))
        else:
            split.append(item)
    return tuple(split)
