"""Merge sibling fetches to the same subgraph into one fetch: at the same path (an optimisation), or at
different paths under the same root fetch (so an entity reached twice is resolved once)."""

from __future__ import annotations

from router.planner.groups import FetchGroup, requires_fit
from router.planner.selection import SelectionTree


def merge_sibling_fetches(groups: list[FetchGroup]) -> list[FetchGroup]:
    """Two entity groups with the same parent, subgraph and path merge when neither waits for the other's
    subtree (Matches Apollo: fetches at the same level to one subgraph become one `_entities` call)."""
    kept: list[FetchGroup] = []
    for group in groups:
        target = next((other for other in kept if _mergeable(other, group, groups)), None)
        if target is None:
            kept.append(group)
            continue
        if group.path != target.path or target.path_fields or group.path_fields:
            # Before the selections merge: which path asked for which field.
            target.path_fields = target.path_fields or {target.path: top_level_keys(target.selection)}
            for path, keys in (group.path_fields or {group.path: top_level_keys(group.selection)}).items():
                target.path_fields.setdefault(path, set()).update(keys)
        target.selection.merge(group.selection)
        target.requires.merge(group.requires)
        target.input_rewrites.extend(r for r in group.input_rewrites if r not in target.input_rewrites)
        target.output_rewrites.extend(r for r in group.output_rewrites if r not in target.output_rewrites)
        target.context_rewrites.extend(r for r in group.context_rewrites if r not in target.context_rewrites)
        target.context_variables.update(group.context_variables)
        target.depends_on |= group.depends_on
        for path in (group.path, *group.other_paths):
            if path != target.path and path not in target.other_paths:
                target.other_paths.append(path)
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
    if (kept.graph, kept.parent, kept.defer) != (group.graph, group.parent, group.defer):
        return False
    if kept.path != group.path and not _same_below_the_root(kept, group):
        return False
    if not requires_fit(kept.requires, group.requires) or _conflict(kept.selection, group.selection):
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


def _same_below_the_root(kept: FetchGroup, group: FetchGroup) -> bool:
    """Paths that differ only in the root response key, both under a root fetch: the same entities reached
    under two keys (`{ products { a } a3: products { b } }`) must reach the subgraph in one `_entities`
    call, as resolving a reference twice is not always harmless (the audit's mutations suite deletes the
    product as it resolves it; Hive Gateway sends it once). The root keys must name one field with the same
    arguments: under two different fields (`{ user(id: 2) { files } me { resume } }`) the objects may be other
    entities, and one fetch would ask each for the other path's fields too — their errors included."""
    paths = [*kept.other_paths, kept.path, group.path]
    # Only plain key fetches: a representation with requirements needs fields only one path's objects have.
    if kept.parent is None or kept.parent.is_entity or kept.depends_on or group.depends_on:
        return False
    if kept.requires.to_ast() != group.requires.to_ast():
        return False
    fields = kept.parent.selection.fields
    roots = [fields.get(path[0]) if path and isinstance(path[0], str) else None for path in paths]
    signatures = {root.signature() if root is not None else None for root in roots}
    return (
        len(signatures) == 1 and None not in signatures and all(path[1:] == group.path[1:] for path in paths)
    )


def top_level_keys(selection: SelectionTree) -> set[str]:
    """The response keys an entity selection puts on each object (inline fragments looked into)."""
    keys = set(selection.fields)
    for _, tree in selection.fragments.values():
        keys |= top_level_keys(tree)
    return keys


def _conflict(mine: SelectionTree, other: SelectionTree) -> bool:
    """Whether one response key would select two different fields (`comments(limit: 3)` a requirement
    needs at one path, `comments(limit: 2)` the client asked for at another)."""
    for key, node in other.fields.items():
        existing = mine.fields.get(key)
        if existing is None:
            continue
        if existing.signature() != node.signature():
            return True
        if existing.sub is not None and node.sub is not None and _conflict(existing.sub, node.sub):
            return True
    return any(
        key in mine.fragments and _conflict(mine.fragments[key][1], tree)
        for key, (_, tree) in other.fragments.items()
    )
