"""The selection a fetch sends to one subgraph, built up while planning and printed once at the end."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import graphql

from router.planner.compact import print_arguments, print_directives, print_selection_set


@dataclass(eq=False)
class FieldNode:
    """One field of a subgraph selection; `sub` is None for leaves."""

    name: str
    alias: str | None
    arguments: tuple[graphql.ArgumentNode, ...] = ()
    directives: tuple[graphql.DirectiveNode, ...] = ()
    sub: SelectionTree | None = None

    def signature(self) -> str:
        """Name and arguments: two selections with the same key must agree on them to merge."""
        args = print_arguments(self.arguments)
        return f"{self.name}({args})"


@dataclass(eq=False)
class SelectionTree:
    """Fields by response key, then inline fragments by (type condition, directives), in insertion order."""

    fields: dict[str, FieldNode] = field(default_factory=dict)
    fragments: dict[tuple[str, str], tuple[tuple[graphql.DirectiveNode, ...], SelectionTree]] = field(
        default_factory=dict
    )
    # For `... on T @include(if: $v)` restating the enclosing object type: the unconditional tree where keys
    # and requirements go, so representations stay complete whatever the condition says.
    key_home: SelectionTree | None = None
    # The directives of the fragment this tree is (`@include(if: $v)`), for fields that leave it in a jump.
    conditions: tuple[graphql.DirectiveNode, ...] = ()

    def add_field(
        self,
        name: str,
        alias: str | None = None,
        arguments: tuple[graphql.ArgumentNode, ...] = (),
        directives: tuple[graphql.DirectiveNode, ...] = (),
        composite: bool = False,
    ) -> FieldNode | None:
        """Add (or find) a field; None when its response key is taken by a different field."""
        key = alias or name
        candidate = FieldNode(name, alias, arguments, directives, SelectionTree() if composite else None)
        existing = self.fields.get(key)
        if existing is None:
            if name == "__typename" and alias is None:
                # Keep `__typename` first, the way the reference planners print entity selections.
                self.fields = {key: candidate, **self.fields}
            else:
                self.fields[key] = candidate
            return candidate
        if existing.signature() != candidate.signature():
            return None
        if existing.directives is not directives and (
            print_directives(existing.directives) != print_directives(directives)
        ):
            # Spec FieldsInSetCanMerge ignores directives: the field is wanted under either condition, so
            # fetch it unconditionally; the router's projection still applies the client's @skip/@include.
            existing.directives = ()
        return existing

    def typename(self) -> None:
        self.add_field("__typename")

    def fragment(
        self, type_condition: str, directives: tuple[graphql.DirectiveNode, ...] = ()
    ) -> SelectionTree:
        key = (type_condition, print_directives(directives))
        if key not in self.fragments:
            self.fragments[key] = (directives, SelectionTree(conditions=directives))
        return self.fragments[key][1]

    def is_empty(self) -> bool:
        return not self.fields and all(tree.is_empty() for _, tree in self.fragments.values())

    def size(self) -> int:
        """How many fields the tree selects, at every depth (inline fragments included)."""
        count = sum(1 + (node.sub.size() if node.sub is not None else 0) for node in self.fields.values())
        return count + sum(tree.size() for _, tree in self.fragments.values())

    def merge(self, other: SelectionTree) -> None:
        """Add everything of `other` into this tree (used when two fetches to one subgraph merge)."""
        for node in other.fields.values():
            composite = node.sub is not None
            mine = self.add_field(node.name, node.alias, node.arguments, node.directives, composite)
            if mine is None:
                raise ValueError(f"conflicting selections for response key {node.alias or node.name!r}")
            if mine.sub is not None and node.sub is not None:
                mine.sub.merge(node.sub)
        for (type_condition, _), (directives, tree) in other.fragments.items():
            self.fragment(type_condition, directives).merge(tree)

    def variables(self) -> Iterator[str]:
        """Names of the variables used by arguments and directives, in order of appearance."""
        for node in self.fields.values():
            for part in (*node.arguments, *node.directives):
                yield from _variables(part)
            if node.sub is not None:
                yield from node.sub.variables()
        for directives, tree in self.fragments.values():
            if tree.is_empty():
                continue  # Not printed, so its directives' variables are not used either.
            for directive in directives:
                yield from _variables(directive)
            yield from tree.variables()

    def to_ast(self) -> graphql.SelectionSetNode:
        """The selection as graphql-core AST (empty fragments left out: they would select nothing)."""
        selections: list[graphql.SelectionNode] = []
        for node in self.fields.values():
            selections.append(
                graphql.FieldNode(
                    alias=graphql.NameNode(value=node.alias) if node.alias else None,
                    name=graphql.NameNode(value=node.name),
                    arguments=node.arguments,
                    directives=node.directives,
                    selection_set=node.sub.to_ast() if node.sub is not None else None,
                )
            )
        for (type_condition, _), (directives, tree) in self.fragments.items():
            if not tree.is_empty():
                selections.append(
                    graphql.InlineFragmentNode(
                        type_condition=graphql.NamedTypeNode(name=graphql.NameNode(value=type_condition)),
                        directives=directives,
                        selection_set=tree.to_ast(),
                    )
                )
        return graphql.SelectionSetNode(selections=tuple(selections))

    def print(self) -> str:
        """Compact GraphQL selection set: `{a b{c}...on T{d}}`."""
        return print_selection_set(self.to_ast())


def _variables(node: graphql.Node) -> Iterator[str]:
    """The variables in an argument or directive, in order (a plain walk: graphql-core's visitor is slow)."""
    if isinstance(node, graphql.VariableNode):
        yield node.name.value
        return
    for key in node.keys:
        value = getattr(node, key)
        if isinstance(value, graphql.Node):
            yield from _variables(value)
        elif isinstance(value, tuple | list):
            for child in value:
                yield from _variables(child)
