"""Build the `Defer` node of an operation with `@defer`: the primary fetches, then one deferred part per
fragment with the fetches only it needs (Apollo's `DeferNode` / `DeferredNode`)."""

from __future__ import annotations

import graphql

from router.planner.deferred import DeferredFragment, selection_ast
from router.planner.groups import FetchGroup
from router.planner.operation import Item
from router.planner.plan import Defer, DeferredNode, OperationKind, PlanNode
from router.planner.tree import build_tree


def build_defer(
    groups: list[FetchGroup],
    fragments: list[DeferredFragment],
    kind: OperationKind,
    variables: dict[str, graphql.VariableDefinitionNode],
    items: tuple[Item, ...],
    merged: PlanNode | None,
) -> Defer:
    """The primary part (every group serving no deferred fragment) and a deferred part per fragment, each
    depending on the primary fetches its own fetches read from."""
    primary = [group for group in groups if group.defer is None]
    depends: dict[int, tuple[int, ...]] = {}
    for index, fragment in enumerate(fragments):
        own = [group for group in groups if group.defer is fragment]
        # The fetches outside the part whose data its first fetches read (the objects' keys).
        parents = {group.parent.id for group in own if group.parent and group.parent.defer is not fragment}
        depends[index] = tuple(sorted(parents))
    ids = frozenset(dep for deps in depends.values() for dep in deps)
    deferred = tuple(
        DeferredNode(
            depends=depends[index],
            path=fragment.path,
            type_condition=fragment.type_condition,
            subselection=selection_ast(fragment.items),
            label=fragment.label,
            condition=fragment.condition,
            node=build_tree([group for group in groups if group.defer is fragment], kind, variables, ids),
        )
        for index, fragment in enumerate(fragments)
    )
    primary_selection = selection_ast(items, keep_deferred=False)
    return Defer(
        primary_subselection=primary_selection if primary_selection.selections else None,
        primary=build_tree(primary, kind, variables, ids),
        deferred=deferred,
        merged=merged,
    )
