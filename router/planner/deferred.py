"""`@defer` in the planner: the deferred fragments a walk meets, and their selections as the client wrote.

Spec: incremental delivery RFC (graphql/graphql-spec#1110) — `@defer(label:, if:)` on inline fragments and
fragment spreads. A `@defer` inside a deferred fragment is delivered with it (the RFC lets a server deliver
deferred data sooner than asked), so the planner knows one level of deferred fragments.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import graphql

from router.planner.operation import FieldItem, FragmentItem, Item
from router.planner.plan import PathSegment


@dataclass(eq=False)
class DeferredFragment:
    """One `@defer` fragment at one response path (a fragment spread at two paths is two of them)."""

    path: tuple[PathSegment, ...]
    # The type the fragment applies to (the enclosing type when it has no type condition).
    type_condition: str
    # Its selections (`@defer` removed from the fragment itself).
    items: tuple[Item, ...]
    label: str | None
    # The variable of `@defer(if: $v)`; None when it always defers.
    condition: str | None


def defer_of(directives: tuple[graphql.DirectiveNode, ...]) -> tuple[str | None, str | None] | None:
    """The (label, `if` variable) of the `@defer` among `directives`, or None without one (normalize has
    already removed `@defer(if: false)`)."""
    for directive in directives:
        if directive.name.value != "defer":
            continue
        label: str | None = None
        condition: str | None = None
        for argument in directive.arguments or ():
            value = argument.value
            if argument.name.value == "label" and isinstance(value, graphql.StringValueNode):
                label = value.value
            elif argument.name.value == "if" and isinstance(value, graphql.VariableNode):
                condition = value.name.value
        return label, condition
    return None


def without_defer(directives: tuple[graphql.DirectiveNode, ...]) -> tuple[graphql.DirectiveNode, ...]:
    return tuple(directive for directive in directives if directive.name.value != "defer")


def selection_ast(items: tuple[Item, ...], *, keep_deferred: bool = True) -> graphql.SelectionSetNode:
    """`items` as a client selection set without any `@defer` (a nested one is delivered with its parent);
    `keep_deferred=False` leaves the deferred fragments out (the primary part's selection)."""
    nodes: list[graphql.SelectionNode] = []
    for item in items:
        sub = selection_ast(item.selections, keep_deferred=keep_deferred) if item.selections else None
        if isinstance(item, FieldItem):
            nodes.append(
                graphql.FieldNode(
                    alias=graphql.NameNode(value=item.alias) if item.alias else None,
                    name=graphql.NameNode(value=item.name),
                    arguments=item.arguments,
                    directives=item.directives,
                    selection_set=sub,
                )
            )
            continue
        if not keep_deferred and (defer_of(item.directives) is not None or sub is None or not sub.selections):
            continue  # Deferred, or only deferred fragments inside.
        condition = (
            graphql.NamedTypeNode(name=graphql.NameNode(value=item.type_condition))
            if item.type_condition
            else None
        )
        nodes.append(
            graphql.InlineFragmentNode(
                type_condition=condition,
                directives=without_defer(item.directives),
                selection_set=sub or graphql.SelectionSetNode(selections=()),
            )
        )
    return graphql.SelectionSetNode(selections=tuple(nodes))


def undeferred(items: tuple[Item, ...], done: dict[int, tuple[Item, ...]] | None = None) -> tuple[Item, ...]:
    """`items` with every `@defer` removed: the operation a client taking one response gets planned.
    Shared subtrees (a fragment spread many times) are rebuilt once."""
    done = {} if done is None else done
    known = done.get(id(items))
    if known is not None:
        return known
    result: list[Item] = []
    for item in items:
        sub = undeferred(item.selections, done) if item.selections else item.selections
        if isinstance(item, FragmentItem):
            result.append(FragmentItem(item.type_condition, without_defer(item.directives), sub))
        else:
            result.append(item if sub is item.selections else replace(item, selections=sub))
    done[id(items)] = rebuilt = tuple(result)
    return rebuilt
