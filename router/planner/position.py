"""Where the walk is in the operation: one immutable record instead of a parameter list per step."""

from __future__ import annotations

from typing import NamedTuple

import graphql

from router.planner.groups import FetchGroup
from router.planner.plan import PathSegment
from router.planner.selection import SelectionTree


class Position(NamedTuple):
    """The fetch group and subgraph selecting an object, the object's type, its response path, the subgraph
    selection being filled for it, and what a `@provides` (or an entity's arrival key) makes available.

    A named tuple: immutable, and built at every step of the walk, where a frozen dataclass's slower
    construction showed in planning time.
    """

    group: FetchGroup
    graph: str
    type_name: str
    path: tuple[PathSegment, ...]
    tree: SelectionTree
    provided: graphql.SelectionSetNode | None = None

    def on(self, type_name: str, tree: SelectionTree) -> Position:
        """The same object seen as `type_name` (a type condition), filling `tree`."""
        return Position(self.group, self.graph, type_name, self.path, tree, self.provided)

    def within(self, tree: SelectionTree) -> Position:
        """The same object, filling another selection of it (a fragment under directives)."""
        return Position(self.group, self.graph, self.type_name, self.path, tree, self.provided)

    def entered(
        self,
        group: FetchGroup,
        graph: str,
        type_name: str,
        tree: SelectionTree,
        provided: graphql.SelectionSetNode | None,
    ) -> Position:
        """The same object in another fetch (an entity jump): the path stays, everything else moves."""
        return Position(group, graph, type_name, self.path, tree, provided)
