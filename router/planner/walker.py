"""The walk: assign every field of the client selection to a fetch group, jumping between subgraphs through
entity keys (`_entities`) where the current subgraph cannot answer a field."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

import graphql

from router.planner.alternatives import field_alternatives, safe_members
from router.planner.budget import UNLIMITED, PlanningBudget
from router.planner.contexts import read_paths, setter_types, steps_up
from router.planner.defer_walk import deferred_fragment, split_root, walk_deferred
from router.planner.deferred import defer_of, without_defer
from router.planner.fieldsets import (
    add_key,
    field_set_items,
    flatten_same_type,
    free_alias,
    list_depth,
    mirror_required,
    named_type,
    root_fields,
    split_for_interface_object,
)
from router.planner.groups import FetchGroup, GroupRegistry
from router.planner.operation import FieldItem, FragmentItem, Item, PlanningError
from router.planner.plan import KeyRenamer, OperationKind, PathSegment, ValueSetter, type_step
from router.planner.position import Position
from router.planner.routes import (
    INFEASIBLE,
    Hop,
    can_select,
    entity_targets,
    find_route,
    provided_fields,
    resolvable,
)
from router.planner.selection import FieldNode, SelectionTree
from router.supergraph import Supergraph
from router.supergraph.field_sets import parse_field_set
from router.supergraph.model import ContextArgument

if TYPE_CHECKING:
    from router.planner.cost import Costs

_ROOT_META_FIELDS = frozenset({"__typename", "__schema", "__type"})
# A way to reach a field in another subgraph: (new fetches, hops, declaration order, route), cheapest first.
JumpOption = tuple[int, int, int, list[Hop]]


class Walker:
    """Assigns fields to groups. Greedy: stay in the current subgraph, else take the cheapest jump.

    Every step reads where it is from one `Position`; what the walk is inside of (a requirement, the
    subgraphs that could be answering, a field being handed on) is entered and left with `with`.
    """

    def __init__(
        self,
        supergraph: Supergraph,
        registry: GroupRegistry,
        costs: Costs,
        budget: PlanningBudget = UNLIMITED,
    ) -> None:
        self.supergraph = supergraph
        self.registry = registry
        self.costs = costs
        # Checked at every field walked, estimates included: a spent budget ends planning.
        self.budget = budget
        # Costs beyond fetches: client fragments left out because the subgraph cannot return their types.
        self.penalty = 0
        # Above zero while walking a `@requires`/key field set: those fields yield their response keys.
        self.in_requirement = 0
        # Subgraphs that could be answering the object being walked (see `alternatives.py`); None while
        # estimating (no `walk_root`), where every member a subgraph knows counts.
        self.alternatives: frozenset[str] | None = None
        # (path, type, response key) → subgraphs that already handed this field on as a parent entity call.
        self.refetched: dict[tuple[tuple[PathSegment, ...], str, str], frozenset[str]] = {}
        # The objects enclosing the selection being walked, nearest last (where `@fromContext` reads).
        self.ancestors: list[Position] = []
        # Every position an object was selected at, by response path: a context value is read where the
        # object's subgraph answers it, when that is a fetch that runs before (see `read_context`).
        self.selected_at: dict[tuple[PathSegment, ...], list[Position]] = {}

    # -- scopes --------------------------------------------------------------------------------------------

    @contextmanager
    def requirement(self) -> Iterator[list[FetchGroup]]:
        """Walking a key or `@requires` field set: yields the groups its fields land in (the fetch that
        uses them waits for those)."""
        recorded: list[FetchGroup] = []
        self.registry.recording.append(recorded)
        self.in_requirement += 1
        try:
            yield recorded
        finally:
            self.in_requirement -= 1
            self.registry.recording.pop()

    @contextmanager
    def below(self, at: Position, field_name: str) -> Iterator[None]:
        """Walking the selection of `at.type_name.field_name`: the subgraphs that could answer it."""
        parents = self.alternatives
        if parents is not None:
            self.alternatives = field_alternatives(
                self.supergraph, parents | {at.graph}, at.type_name, field_name
            )
        try:
            yield
        finally:
            self.alternatives = parents

    @contextmanager
    def inside(self, at: Position) -> Iterator[None]:
        """Walking the selection of a field of the object at `at`: it encloses what is walked."""
        self.ancestors.append(at)
        try:
            yield
        finally:
            self.ancestors.pop()

    @contextmanager
    def handing_on(self, at: Position, item: FieldItem) -> Iterator[None]:
        """A parent entity call: `at.graph` hands the field to another subgraph. Each subgraph is asked at
        most once for the same field here: two subgraphs that both fall short would otherwise hand the
        field back and forth without end."""
        key = (at.path, at.type_name, item.response_key)
        tried = self.refetched.get(key, frozenset())
        if at.graph in tried:
            raise PlanningError(f"no subgraph can resolve the selection of {at.type_name}.{item.name}")
        self.refetched[key] = tried | {at.graph}
        try:
            yield
        finally:
            self.refetched[key] = tried

    # -- root ----------------------------------------------------------------------------------------------

    def walk_root(self, kind: OperationKind, items: tuple[Item, ...]) -> None:
        root_type = self.supergraph.root_type(kind)
        if root_type is None:
            raise PlanningError(f"the supergraph has no {kind} type")
        self.alternatives = frozenset(self.supergraph.types[root_type].graphs)
        primary, deferred = split_root(items)
        self.walk_root_fields(kind, root_type, primary)
        for written, walked in deferred:
            # Matches Apollo: a deferred fragment on the root type is fetched by root fetches of its own.
            selected = (walked,) if walked.directives else written.selections
            with self.registry.deferring(deferred_fragment(self.registry, (), root_type, written, selected)):
                self.walk_root_fields(kind, root_type, selected)

    def walk_root_fields(self, kind: OperationKind, root_type: str, items: tuple[Item, ...]) -> None:
        estimate = self.costs.estimate
        for item in root_fields(items, ()):
            if item.name in _ROOT_META_FIELDS:
                continue  # Answered by the router itself (introspection, root __typename).
            field = self.supergraph.types[root_type].fields.get(item.name)
            candidates = field.resolving_graphs() if field else ()
            if not candidates:
                raise PlanningError(f"no subgraph resolves {root_type}.{item.name}")
            existing = [g.graph for g in self.registry.groups if g.parent is None]
            ranked = sorted(candidates, key=lambda g: (estimate(g, root_type, item), g not in existing))
            best = (estimate(ranked[0], root_type, item), ranked[0] not in existing)
            tied = [g for g in ranked if (estimate(g, root_type, item), g not in existing) == best]
            graph = tied[0]
            if len(tied) > 1 and best[0] < INFEASIBLE:
                # As many fetches either way: prefer the subgraph that answers more in its first fetch, so
                # the later (sequential) fetches carry less (Matches Apollo, whose plan cost weighs later
                # stages more: the audit's provides-on-interface answers `media` from the subgraph whose
                # `@provides` covers the animals, not from one that only knows the media's id).
                graph = min(
                    tied, key=lambda g: (self.costs.deferred_size(g, root_type, item), candidates.index(g))
                )
            parts = [(graph, item)]
            if estimate(graph, root_type, item) >= INFEASIBLE and kind == "query":
                # A shared root field whose selection no single subgraph can finish (value types without
                # keys): ask each subgraph for the part it can answer; the results merge at the root.
                parts = self.split(candidates, root_type, item)
            for part_graph, part in parts:
                group = self.registry.root(part_graph, reuse=kind != "mutation")
                self.walk_field(Position(group, part_graph, root_type, (), group.selection), part)

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
                    if self.costs.estimate(graph, type_name, replace(item, selections=(sub,))) < INFEASIBLE
                ]
                if doable and (best is None or len(doable) > len(best[1])):
                    best = (graph, doable)
            if best is None:
                raise PlanningError(f"no subgraph can resolve the selection of {type_name}.{item.name}")
            parts.append((best[0], replace(item, selections=tuple(best[1]))))
            remaining = [sub for sub in remaining if all(sub is not done for done in best[1])]
        return parts

    # -- selections ----------------------------------------------------------------------------------------

    def walk_selection(self, at: Position, items: tuple[Item, ...]) -> None:
        model = self.supergraph.types[at.type_name]
        if model.kind == "object":
            self.walk_object(at, items)
        elif model.is_interface_object_in(at.graph):
            local, remote = split_for_interface_object(items, at.type_name)
            self.walk_object(at, tuple(local))
            if remote:
                self.leave_interface_object(at, tuple(remote))
        else:
            self.walk_abstract(at, items)

    def walk_object(self, at: Position, items: tuple[Item, ...]) -> None:
        # Fields answered here first, then jumps, then fields with `@requires`: the keys and requirements the
        # planner adds then never take a response key the client uses (they get planner aliases instead).
        for item in sorted(items, key=lambda i: self._order(at, i)):
            if isinstance(item, FragmentItem):
                condition = item.type_condition
                possible = self.supergraph.possible_types(condition)
                if condition != at.type_name and at.type_name not in possible:
                    continue  # The fragment can never apply to this object type.
                if defer_of(item.directives) and self.registry.current_defer is None:
                    walk_deferred(self, at, item)
                    continue
                item = replace(item, directives=without_defer(item.directives))
                target = at.tree
                if item.directives:
                    target = at.tree.fragment(at.type_name, item.directives)
                    target.key_home = at.tree.key_home or at.tree
                self.walk_object(at.within(target), item.selections)
            else:
                self.walk_field(at, item)

    def walk_abstract(self, at: Position, items: tuple[Item, ...]) -> None:
        """Interface/union selections: shared fields stay on the interface, the rest goes per object type."""
        # The executor needs the runtime type of every abstract value (projection, entity representations).
        at.tree.typename()
        model = self.supergraph.types[at.type_name]
        per_type: list[Item] = []
        for item in flatten_same_type(items, at.type_name):
            if isinstance(item, FieldItem) and item.name == "__typename":
                at.tree.add_field("__typename", item.alias, (), item.directives)
            elif isinstance(item, FieldItem) and self._interface_field_local(at, item):
                self.walk_field(at, item)
            elif isinstance(item, FieldItem) and self._interface_object_answers(at, item):
                # Matches Apollo: one `... on Interface` jump covers every implementation (representations get
                # `__typename` rewritten to the interface) instead of one fragment per object type.
                self.jump(at, item)
            else:
                per_type.append(item)
        if not per_type:
            return
        members = model.possible_types.get(at.graph, frozenset())
        if model.kind == "union" and self.alternatives is not None and not self.in_requirement:
            members = safe_members(self.supergraph, at.type_name, at.graph, self.alternatives)
        possible = sorted(members)
        for item in per_type:
            if isinstance(item, FragmentItem) and item.type_condition != at.type_name:
                wanted = self.supergraph.possible_types(item.type_condition)
                # This subgraph can never return the fragment's types: a subgraph that can is preferred.
                self.penalty += not wanted & set(possible)
        for object_type in possible:
            self.walk_object(at.on(object_type, at.tree.fragment(object_type)), tuple(per_type))

    def _interface_field_local(self, at: Position, item: FieldItem) -> bool:
        """Whether `at.graph` answers an interface field for all its implementations (none of them has it
        `@external`, overridden away or behind `@requires` there)."""
        model = self.supergraph.types[at.type_name]
        if model.kind != "interface" or not self.is_local(at, item):
            return False
        if model.is_interface_object_in(at.graph):
            return True
        return all(
            self.is_local(at.on(object_type, at.tree), item)
            for object_type in model.possible_types.get(at.graph, frozenset())
        )

    def _interface_object_answers(self, at: Position, item: FieldItem) -> bool:
        """Whether an `@interfaceObject` subgraph resolves this interface field for every implementation."""
        model = self.supergraph.types[at.type_name]
        if model.kind != "interface" or item.name not in model.fields:
            return False
        return any(
            model.is_interface_object_in(other) and other != at.graph
            for other in model.fields[item.name].resolving_graphs()
        )

    # -- fields --------------------------------------------------------------------------------------------

    def walk_field(
        self,
        at: Position,
        item: FieldItem,
        *,
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
            return at.tree.add_field("__typename", item.alias, (), item.directives)
        alias_conflicts = alias_conflicts or self.in_requirement > 0
        if not self.is_local(at, item, requires_met):
            in_place = self.contexts_in_place(at, item)
            if in_place is None:
                return self.jump(at, item, alias_conflicts=alias_conflicts)
            return self._select(at, in_place, alias_conflicts)
        estimate = self.costs.estimate
        if check and item.selections and estimate(at.graph, at.type_name, item, at.provided) >= INFEASIBLE:
            # Parent entity call: part of the subtree cannot be reached from here (a value type without
            # keys); fetch the field again, with that part, from a subgraph that can. Fragments are split
            # field by field first, or a fragment holding both parts would never stay here.
            child = self.supergraph.types[at.type_name].fields[item.name].type_name
            item = replace(item, selections=_one_field_each(item.selections, child))
            keep = [
                sub
                for sub in item.selections
                if estimate(at.graph, at.type_name, replace(item, selections=(sub,)), at.provided)
                < INFEASIBLE
            ]
            rest = tuple(sub for sub in item.selections if all(sub is not kept for kept in keep))
            with self.handing_on(at, item):
                landed = self.jump(at, replace(item, selections=rest), avoid=at.graph)
            if not keep:
                return landed
            item = replace(item, selections=tuple(keep))
        elif check and item.selections and not alias_conflicts:
            # `@shareable`: staying here is not free when the subtree needs jumps; another subgraph that
            # answers more of it may need fewer fetches in all.
            extra_here = estimate(at.graph, at.type_name, item, at.provided) - 1
            options = self.jump_options(at, item, avoid=at.graph) if extra_here else []
            if options and options[0][0] < extra_here:
                return self.jump(at, item, avoid=at.graph)
        return self._select(at, item, alias_conflicts)

    def _select(self, at: Position, item: FieldItem, alias_conflicts: bool) -> FieldNode:
        """Select a field this subgraph answers in place, then walk its selection."""
        tree = at.tree
        field = self.supergraph.types[at.type_name].fields[item.name]
        composite = bool(item.selections)
        node = tree.add_field(item.name, item.alias, item.arguments, item.directives, composite)
        if node is None and alias_conflicts:
            alias = free_alias(tree, item.name)
            node = tree.add_field(item.name, alias, item.arguments, item.directives, composite)
        if node is None:
            raise PlanningError(f"conflicting selections for response key {item.response_key!r}")
        if node.sub is None:
            return node
        info = field.graphs.get(at.graph)
        if info is not None and info.provides:
            child_provided: graphql.SelectionSetNode | None = parse_field_set(info.provides)
        else:
            provided_node = provided_fields(at.provided, at.type_name).get(item.name)
            child_provided = provided_node.selection_set if provided_node else None
        child_path = (*at.path, node.alias or node.name, *(["@"] * list_depth(field.type)))
        # The subgraph may type the field more precisely (`@join__field(type: "Book")` for a `Media` union).
        child_type = named_type(info.type) if info is not None else field.type_name
        if child_type != field.type_name and self.supergraph.types[field.type_name].kind != "object":
            # Abstract in the supergraph, concrete here: the projection still needs the runtime type, and
            # the selection may hold nothing else (`... on Song` where this subgraph only returns Books).
            node.sub.typename()
        with self.below(at, item.name), self.inside(at):
            child = Position(at.group, at.graph, child_type, child_path, node.sub, child_provided)
            self.selected_at.setdefault(child_path, []).append(child)
            self.walk_selection(child, item.selections)
        return node

    def _order(self, at: Position, item: Item) -> int:
        if not isinstance(item, FieldItem) or self.is_local(at, item):
            return 0
        field = self.supergraph.types[at.type_name].fields.get(item.name)
        later = field and any(info.requires or info.context_arguments for info in field.graphs.values())
        return 2 if later else 1

    def is_local(self, at: Position, item: FieldItem, requires_met: bool = False) -> bool:
        """Whether this subgraph answers the field in place (no `_entities` jump before it)."""
        if item.name == "__typename":
            return True
        if not resolvable(self.supergraph, at.graph, at.type_name, item.name, at.provided):
            return False
        if requires_met:
            return True
        field = self.supergraph.types[at.type_name].fields.get(item.name)
        info = field.graphs.get(at.graph) if field else None
        if info is not None and info.context_arguments:
            return False  # Matches Apollo: the value is passed in an `_entities` call, even to this subgraph.
        provided_here = item.name in provided_fields(at.provided, at.type_name)
        return provided_here or not (info is not None and info.requires)

    def requires_of(self, type_name: str, field_name: str, graph: str) -> str | None:
        field = self.supergraph.types[type_name].fields.get(field_name)
        info = field.graphs.get(graph) if field else None
        return info.requires if info else None

    def contexts_of(self, type_name: str, field_name: str, graph: str) -> tuple[ContextArgument, ...]:
        field = self.supergraph.types[type_name].fields.get(field_name)
        info = field.graphs.get(graph) if field else None
        return info.context_arguments if info else ()

    def read_context(self, at: Position, argument: ContextArgument) -> list[KeyRenamer]:
        """Select a `@fromContext` value on the nearest object enclosing `at` (or `at` itself) that sets its
        context, and say where each entity at `at.path` finds it (Matches Apollo's `contextRewrites`)."""
        found = self._context_object(at, argument)
        if found is None:
            if self.alternatives is None:
                return []  # Estimating a field on its own: what encloses it is not known here.
            raise PlanningError(f"no enclosing object sets context {argument.context!r}")
        ancestor, setters = found
        items = field_set_items(argument.selection)
        home = self._earlier_home(ancestor, items, ancestor.group, here=True) or ancestor.within(
            ancestor.tree.key_home or ancestor.tree
        )
        return self._select_context(home, ancestor, setters, argument, at.path)

    def contexts_in_place(self, at: Position, item: FieldItem) -> FieldItem | None:
        """A `@fromContext` field this entity fetch can select itself, with its arguments bound to variables;
        None when it must be fetched through `_entities` of its own (see `jump`).

        Matches Apollo ("fromContext efficiently merge fetch groups"): when every value is read on the fetch's
        entity or an object above it, and fetches that run before this one already select those values, the
        values travel as variables of this very fetch, read relative to each of its entities.
        """
        group = at.group
        if not group.is_entity or self.alternatives is None:
            return None
        contexts = self.contexts_of(at.type_name, item.name, at.graph)
        if not contexts or self.requires_of(at.type_name, item.name, at.graph):
            return None
        if not resolvable(self.supergraph, at.graph, at.type_name, item.name, at.provided):
            return None
        homes: list[tuple[ContextArgument, Position, Position, list[str]]] = []
        for argument in contexts:
            found = self._context_object(at, argument)
            if found is None or found[0].path != group.path[: len(found[0].path)]:
                return None  # No context, or it is set below the fetch's entity (read from this fetch).
            home = self._earlier_home(found[0], field_set_items(argument.selection), group, here=False)
            if home is None:
                return None
            homes.append((argument, home, *found))
        for argument, home, ancestor, setters in homes:
            group.context_variables[argument.variable] = argument.type
            for renamer in self._select_context(home, ancestor, setters, argument, group.path):
                if renamer not in group.context_rewrites:
                    group.context_rewrites.append(renamer)
        return _with_context_arguments(item, contexts)

    def _context_object(self, at: Position, argument: ContextArgument) -> tuple[Position, list[str]] | None:
        """The nearest object enclosing `at` (or `at` itself) that sets the argument's context, with the
        object types it may have that set it."""
        for ancestor in (at, *reversed(self.ancestors)):
            setters = setter_types(self.supergraph, argument.context, ancestor.type_name)
            if setters:
                return ancestor, setters
        return None

    def _select_context(
        self,
        home: Position,
        ancestor: Position,
        setters: list[str],
        argument: ContextArgument,
        relative_to: tuple[PathSegment, ...],
    ) -> list[KeyRenamer]:
        """Select the context value at `home` (the object at `ancestor.path`), and say where objects at
        `relative_to` find it."""
        home.tree.typename()  # The executor checks the object's type against `... on T`.
        mirror = SelectionTree()
        items = field_set_items(argument.selection)
        for node, sub in zip(argument.selection.selections, items, strict=True):
            mirror_required(mirror, node, self._walk_required(home, sub))
        ups = steps_up(ancestor.path, relative_to)
        # Matches Apollo: no type step at the root (`["..", "me", "locale"]` for a context on Query), nor on
        # the fetch's own entity (`["identifiers", "id5"]`) when whatever type it has sets the context.
        every_type = set(setters) == self.supergraph.possible_types(ancestor.type_name)
        typed = bool(ancestor.path) and (ups > 0 or not every_type)
        up = ("..",) * ups
        rewrites: list[KeyRenamer] = []
        for object_type in setters:
            for path in read_paths(self.supergraph, mirror, object_type):
                step = (type_step(object_type),) if typed else ()
                rewrite = KeyRenamer((*up, *step, *path), argument.variable)
                if rewrite not in rewrites:
                    rewrites.append(rewrite)
        return rewrites

    def _earlier_home(
        self, ancestor: Position, items: tuple[Item, ...], before: FetchGroup, here: bool
    ) -> Position | None:
        """A place that answers the context selection on the object at `ancestor` in place (no jump): the
        object there (when `here`), or where a fetch that runs before `before` (one it descends from)
        selected it, e.g. `orgs { currency }` rather than an `_entities` call back to orgs."""
        earlier: set[int] = set()
        group = before.parent
        while group is not None:
            earlier.add(group.id)
            group = group.parent
        candidates = [ancestor] if here or ancestor.group.id in earlier else []
        candidates += [
            position
            for position in self.selected_at.get(ancestor.path, ())
            if position.group.id in earlier and position.type_name == ancestor.type_name
        ]
        home = next((position for position in candidates if self._answers_here(position, items)), None)
        return home.within(home.tree.key_home or home.tree) if home is not None else None

    def _answers_here(self, at: Position, items: tuple[Item, ...]) -> bool:
        """Whether `at.graph` answers a context selection on the object in place, at every depth (no jump:
        a value read in place adds no fetch, and no fetch the one that uses it would have to wait for)."""
        for item in items:
            if isinstance(item, FieldItem):
                answered = self.is_local(at, item)
                if answered and item.selections:
                    child = self.supergraph.types[at.type_name].fields[item.name].type_name
                    below = at._replace(type_name=child, provided=None)
                    answered = self._answers_here(below, item.selections)
            else:
                applies = at.type_name in self.supergraph.possible_types(item.type_condition)
                answered = not applies or self._answers_here(at, item.selections)
            if not answered:
                return False
        return True

    # -- jumps ---------------------------------------------------------------------------------------------

    def jump(
        self, at: Position, item: FieldItem, avoid: str | None = None, alias_conflicts: bool = False
    ) -> FieldNode | None:
        """Fetch `item` from another subgraph (or the same one, for `@requires`) and return where it landed;
        `avoid` names a subgraph that must not answer it (it was just found unable to finish the subtree)."""
        options = self.jump_options(at, item, avoid)
        if not options:
            raise PlanningError(f"no subgraph can resolve {at.type_name}.{item.name} from {at.graph!r}")
        route = options[0][3]
        # A field jumping out of `... @include(if: $v) { }` keeps the condition in the fetch it lands in.
        conditions = at.tree.conditions if at.tree.key_home is not None else ()
        # Keys and requirements are read where the object is, in its unconditional selection.
        current = at.within(at.tree.key_home or at.tree)
        for position, hop in enumerate(route):
            last = position == len(route) - 1
            requires = self.requires_of(hop.entity_type, item.name, hop.key.graph) if last else None
            contexts = self.contexts_of(hop.entity_type, item.name, hop.key.graph) if last else ()
            required_sets = [hop.key.selection] if hop.planned else []
            if requires:
                required_sets.append(parse_field_set(requires))
            waits: set[FetchGroup] = set()
            required_nodes: list[tuple[graphql.SelectionNode, FieldNode | None]] = []
            context_rewrites: list[KeyRenamer] = []
            if required_sets or contexts:
                # The required fields are selected like client fields here (they may need jumps of their own);
                # the fetch that uses them waits for every group that brings them.
                with self.requirement() as recorded:
                    for required in required_sets:
                        for node, required_item in zip(
                            required.selections, field_set_items(required), strict=True
                        ):
                            required_nodes.append((node, self._walk_required(current, required_item)))
                    for argument in contexts:
                        context_rewrites.extend(self.read_context(at, argument))
                waits = {g for g in recorded if g is not current.group}
            representation = SelectionTree()
            current.tree.typename()
            representation.typename()
            if not hop.planned:
                add_key(current.tree, representation, hop.key.selection)
            for node, landed in required_nodes:
                mirror_required(representation, node, landed)
            fit = (at.type_name, representation)
            next_group = self.registry.entity(hop.key.graph, at.path, current.group, waits, fit)
            next_group.requires.fragment(at.type_name).merge(representation)
            for argument in contexts:
                next_group.context_variables[argument.variable] = argument.type
            for renamer in context_rewrites:
                if renamer not in next_group.context_rewrites:
                    next_group.context_rewrites.append(renamer)
            as_interface = self.supergraph.types[at.type_name].is_interface_object_in(hop.key.graph)
            if hop.entity_type != at.type_name or as_interface:
                # `@interfaceObject`: the subgraph knows only the interface, so the representation says so.
                rewrite = ValueSetter((type_step(at.type_name), "__typename"), hop.entity_type)
                if rewrite not in next_group.input_rewrites:
                    next_group.input_rewrites.append(rewrite)
            tree = next_group.selection.fragment(hop.entity_type)
            current = current._replace(group=next_group, graph=hop.key.graph, tree=tree)
        entity_type = route[-1].entity_type
        tree = current.tree
        if conditions:
            tree = tree.fragment(entity_type, conditions)
            tree.key_home = current.group.selection.fragment(entity_type)
        # The key the entity arrived with counts as provided there: `_entities` echoes the representation's
        # key even when the subgraph has those fields `@external` (a key field it cannot answer on objects it
        # returns itself), so the key can be sent on to further subgraphs from here.
        arrived = current.entered(current.group, current.graph, entity_type, tree, route[-1].key.selection)
        item = _with_context_arguments(item, self.contexts_of(entity_type, item.name, current.graph))
        return self.walk_field(arrived, item, requires_met=True, alias_conflicts=alias_conflicts)

    def jump_options(self, at: Position, item: FieldItem, avoid: str | None = None) -> list[JumpOption]:
        """Ways to fetch `item` elsewhere, cheapest first: (new fetches, hops, declaration order, route)."""
        options: list[JumpOption] = []
        for index, (target, entity_type) in enumerate(
            entity_targets(self.supergraph, at.type_name, item.name)
        ):
            if target == avoid:
                continue
            route = self._route(at, target, entity_type)
            if route is not None:
                # Intermediate hops plus the target fetch and whatever its subtree needs.
                cost = len(route) - 1 + self.costs.estimate(target, entity_type, item)
                options.append((cost, len(route), index, route))
        if not options:
            options = self._planned_key_options(at, item, avoid)
        return sorted(options, key=lambda option: option[:3])

    def _planned_key_options(self, at: Position, item: FieldItem, avoid: str | None) -> list[JumpOption]:
        """Jumps whose key fields must themselves be gathered from other subgraphs first."""
        supergraph = self.supergraph
        options: list[JumpOption] = []
        for index, (target, entity_type) in enumerate(entity_targets(supergraph, at.type_name, item.name)):
            if target == avoid or (target == at.graph and entity_type == at.type_name):
                continue
            for key in supergraph.types[entity_type].graphs[target].resolvable_keys:
                cost = sum(
                    self.costs.estimate(at.graph, at.type_name, key_item, at.provided)
                    for key_item in field_set_items(key.selection)
                    if isinstance(key_item, FieldItem)
                )
                if cost < INFEASIBLE:
                    hop = Hop(key, entity_type, planned=True)
                    options.append((cost + self.costs.estimate(target, entity_type, item), 1, index, [hop]))
                    break
        return options

    def _walk_required(self, at: Position, item: Item) -> FieldNode | None:
        if isinstance(item, FieldItem):
            return self.walk_field(at, item, alias_conflicts=True)
        self.walk_object(at, (item,))
        return None

    def _route(self, at: Position, target: str, entity_type: str) -> list[Hop] | None:
        if at.graph == target and entity_type == at.type_name:
            # A `@requires` field of the current subgraph: jump back into it once the requirements are in.
            keys = self.supergraph.types[at.type_name].graphs[at.graph].resolvable_keys
            return [Hop(keys[0], at.type_name)] if keys else None
        return find_route(self.supergraph, at.type_name, at.graph, target, entity_type, at.provided)

    def leave_interface_object(self, at: Position, items: tuple[Item, ...]) -> None:
        """An `@interfaceObject` subgraph knows neither the runtime type nor the implementations' fields:
        send the key to a subgraph that has the real interface and plan those selections there."""
        interface = at.type_name
        model = self.supergraph.types[interface]
        for other, info in model.graphs.items():
            if other == at.graph or info.is_interface_object:
                continue
            keys = [
                k
                for k in info.resolvable_keys
                if can_select(self.supergraph, at.graph, interface, k.selection)
            ]
            if not keys:
                continue
            next_group = self.registry.entity(other, at.path, at.group, set())
            representation = next_group.requires.fragment(interface)
            at.tree.typename()
            representation.typename()
            add_key(at.tree, representation, keys[0].selection)
            target = next_group.selection.fragment(interface)
            self.walk_abstract(at.entered(next_group, other, interface, target, None), items)
            return
        raise PlanningError(f"no subgraph can resolve the implementations of {interface} from {at.graph!r}")


def _with_context_arguments(item: FieldItem, contexts: tuple[ContextArgument, ...]) -> FieldItem:
    """The field with each contextual argument bound to its variable (`a: $contextualArgument_1_0`), which
    the executor fills per entity."""
    given = {argument.name.value for argument in item.arguments}
    added = tuple(
        graphql.ArgumentNode(
            name=graphql.NameNode(value=argument.name),
            value=graphql.VariableNode(name=graphql.NameNode(value=argument.variable)),
        )
        for argument in contexts
        if argument.name not in given
    )
    return replace(item, arguments=(*item.arguments, *added)) if added else item


def _one_field_each(items: tuple[Item, ...], type_name: str) -> tuple[Item, ...]:
    """The same selection with every fragment holding one field (`... on T @d { a b }` becomes
    `... on T @d { a } ... on T @d { b }`; a fragment restating `type_name` without directives is inlined):
    field merging makes them equivalent, and each part can then go to the subgraph that answers it."""
    split: list[Item] = []
    for item in flatten_same_type(items, type_name):
        if isinstance(item, FragmentItem) and len(item.selections) > 1:
            inner = item.type_condition
            split.extend(replace(item, selections=(sub,)) for sub in _one_field_each(item.selections, inner))
        else:
            split.append(item)
    return tuple(split)
