"""Optimisation: merge sibling fetches to the same subgraph at the same path into one fetch."""

from __future__ import annotations

from router.planner.groups import FetchGroup, requires_fit


def merge_sibling_fetches(groups: list[FetchGroup]) -> list[FetchGroup]:
    """Two entity groups with the same parent, subgraph and path merge when neither waits for the other's
    subtree (Matches Apollo: fetches at the same level to one subgraph become one `_entities` call)."""
    kept: list[FetchGroup] = []
    for group in groups:
        target = next((other for other in kept if _mergeable(other, group, groups)), None)
        if target is None:
            kept.append(group)
            continue
        target.selection.merge(group.selection)
        target.requires.merge(group.requires)
        target.input_rewrites.extend(r for r in group.input_rewrites if r not in target.input_rewrites)
        target.output_rewrites.extend(r for r in group.output_rewrites if r not in target.output_rewrites)
        target.depends_on |= group.depends_on
        for other in groups:
            if other.parent is group:
                other.parent = target
            if group in other.depends_on:
                other.depends_on.discard(group)
                other.depends_on.add(target)
    for group in kept:
        group.depends_on.discard(group)
    return kept


def _mergeable(kept: FetchGroup, group: FetchGroup, groups: list[FetchGroup]) -> bool:
    if not (kept.is_entity and group.is_entity):
        return False
    if (kept.graph, kept.path, kept.parent) != (group.graph, group.path, group.parent):
        return False
    if not requires_fit(kept.requires, group.requires):
        return False
    # Merging must not create a cycle: neither may wait (directly or through its subtree) for the other.
    return not (_waits_on(kept, group, groups) or _waits_on(group, kept, groups))


def _waits_on(group: FetchGroup, other: FetchGroup, groups: list[FetchGroup]) -> bool:
    members = _subtree(other, groups)
    return any(dep in members for member in _subtree(group, groups) for dep in member.depends_on)


def _subtree(group: FetchGroup, groups: list[FetchGroup]) -> set[FetchGroup]:
    members = {group}
    for other in groups:
        if other.parent is group:
            members |= _subtree(other, groups)
    return members
