"""Fetch groups: what one fetch to one subgraph will select, where its data merges, and what it waits for."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from router.planner.deferred import DeferredFragment
from router.planner.plan import FetchRewrite, KeyRenamer, PathSegment, ValueSetter
from router.planner.selection import SelectionTree


@dataclass(eq=False)
class FetchGroup:
    """One future Fetch node. Root groups select from the root type; entity groups from `_entities`."""

    id: int
    graph: str
    # Where the fetched data merges (response keys and "@"); () for root fetches.
    path: tuple[PathSegment, ...]
    is_entity: bool
    # Root fetches: the root selection. Entity fetches: what goes inside `_entities(...)`, per type.
    selection: SelectionTree = field(default_factory=SelectionTree)
    # Entity fetches: the representation selection (`... on T { __typename key required }`).
    requires: SelectionTree = field(default_factory=SelectionTree)
    input_rewrites: list[ValueSetter] = field(default_factory=list)
    # Applied to each result before it merges (undo planner aliases).
    output_rewrites: list[FetchRewrite] = field(default_factory=list)
    # The group whose data this one reads (None for root groups).
    parent: FetchGroup | None = None
    # Further groups that must have merged first (fields this group `@requires` that other fetches bring).
    depends_on: set[FetchGroup] = field(default_factory=set)
    # Entity fetches merged from another path (see `Flatten.other_paths`).
    other_paths: list[tuple[PathSegment, ...]] = field(default_factory=list)
    # `@fromContext` values: where each is read (see `Fetch.context_rewrites`), and each variable's type.
    context_rewrites: list[KeyRenamer] = field(default_factory=list)
    context_variables: dict[str, str] = field(default_factory=dict)
    # The `@defer` fragment this fetch serves (None: the primary part); only fetches of one part merge.
    defer: DeferredFragment | None = None
    # Once merged from another path: the top-level response keys each path asked for (`Flatten.path_fields`).
    path_fields: dict[tuple[PathSegment, ...], set[str]] = field(default_factory=dict)

    def __hash__(self) -> int:
        return self.id


@dataclass
class GroupRegistry:
    """All groups of a plan in creation order; reuses a group for the same graph, path, parent and waits."""

    groups: list[FetchGroup] = field(default_factory=list)
    # Groups handed out since `record()` started (the fetches a `@requires` selection needs).
    recording: list[list[FetchGroup]] = field(default_factory=list)
    # Every `@defer` fragment walked, in walk order, and the one whose fields are being walked.
    deferred: list[DeferredFragment] = field(default_factory=list)
    current_defer: DeferredFragment | None = None

    @contextmanager
    def deferring(self, fragment: DeferredFragment) -> Iterator[None]:
        """Walking a deferred fragment: new groups serve it, and only its own groups are reused."""
        outer = self.current_defer
        self.current_defer = fragment
        try:
            yield
        finally:
            self.current_defer = outer

    def root(self, graph: str, reuse: bool) -> FetchGroup:
        """A root group for `graph` (queries reuse one per graph; mutations only the last one)."""
        roots = [g for g in self.groups if g.parent is None and g.defer is self.current_defer]
        if reuse:
            candidates = [g for g in roots if g.graph == graph]
        else:
            candidates = roots[-1:] if roots and roots[-1].graph == graph else []
        group = candidates[0] if candidates else self._new(graph, (), False, None, set())
        self._note(group)
        return group

    def entity(
        self,
        graph: str,
        path: tuple[PathSegment, ...],
        parent: FetchGroup,
        waits: set[FetchGroup],
        representation: tuple[str, SelectionTree] | None = None,
    ) -> FetchGroup:
        """An entity group; an existing one is reused only if `representation` (type, selection) fits in its
        representations (one representation cannot carry two values for a field)."""
        for group in self.groups:
            if (
                group.is_entity
                and group.graph == graph
                and group.path == path
                and group.parent is parent
                and group.depends_on == waits
                and group.defer is self.current_defer
                and (representation is None or fits(group.requires, representation))
            ):
                self._note(group)
                return group
        group = self._new(graph, path, True, parent, waits)
        self._note(group)
        return group

    def _new(
        self,
        graph: str,
        path: tuple[PathSegment, ...],
        is_entity: bool,
        parent: FetchGroup | None,
        waits: set[FetchGroup],
    ) -> FetchGroup:
        group = FetchGroup(
            len(self.groups),
            graph,
            path,
            is_entity,
            parent=parent,
            depends_on=set(waits),
            defer=self.current_defer,
        )
        self.groups.append(group)
        return group

    def _note(self, group: FetchGroup) -> None:
        for recorded in self.recording:
            recorded.append(group)


def fits(requires: SelectionTree, representation: tuple[str, SelectionTree]) -> bool:
    """Whether a representation (type, selection) agrees with a group's on where each field is read from."""
    type_name, new = representation
    existing = requires.fragments.get((type_name, ""))
    if existing is None:
        return True
    read_from = {node.name: node.alias for node in existing[1].fields.values()}
    return all(read_from.get(node.name, node.alias) == node.alias for node in new.fields.values())


def requires_fit(a: SelectionTree, b: SelectionTree) -> bool:
    """Whether two groups' representation selections can merge into one."""
    return all(fits(a, (type_name, tree)) for (type_name, _), (_, tree) in b.fragments.items())
