"""The walk of a `@defer` fragment: its fields go to fetch groups of its own, which read the object's key
from the primary fetches (Matches Apollo's planner: deferred fetches depend on the primary ones)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import graphql

from router.planner.deferred import DeferredFragment, defer_of, without_defer
from router.planner.fieldsets import add_key, flatten_same_type
from router.planner.groups import GroupRegistry
from router.planner.operation import FieldItem, FragmentItem, Item
from router.planner.plan import PathSegment
from router.planner.position import Position
from router.planner.selection import SelectionTree

if TYPE_CHECKING:
    from router.planner.walker import Walker


def deferred_fragment(
    registry: GroupRegistry,
    path: tuple[PathSegment, ...],
    type_name: str,
    item: FragmentItem,
    items: tuple[Item, ...] | None = None,
) -> DeferredFragment:
    """The record of `item` deferred at `path`: one for all the object types an abstract walk tries there.
    `items`: what the part selects, when not just the fragment's selections (a root fragment's conditions
    around it)."""
    label, condition = defer_of(item.directives) or (None, None)
    for known in registry.deferred:
        if known.path == path and known.items is item.selections and known.label == label:
            return known
    selected = item.selections if items is None else items
    fragment = DeferredFragment(path, item.type_condition or type_name, selected, label, condition)
    registry.deferred.append(fragment)
    return fragment


def split_root(
    items: tuple[Item, ...], outer: tuple[graphql.DirectiveNode, ...] = ()
) -> tuple[tuple[Item, ...], list[tuple[FragmentItem, FragmentItem]]]:
    """The root selection without its deferred fragments, and each of those (as written, and as the
    fragment to walk: without `@defer`, under the directives of the root fragments around it)."""
    primary: list[Item] = []
    deferred: list[tuple[FragmentItem, FragmentItem]] = []
    for item in items:
        if not isinstance(item, FragmentItem):
            primary.append(item)
        elif defer_of(item.directives):
            directives = (*outer, *without_defer(item.directives))
            deferred.append((item, replace(item, directives=directives)))
        else:
            inner, nested = split_root(item.selections, (*outer, *item.directives))
            deferred.extend(nested)
            if inner:
                primary.append(replace(item, selections=inner) if nested else item)
    return tuple(primary), deferred


def walk_deferred(walker: Walker, at: Position, item: FragmentItem) -> None:
    """`... @defer { }` on an object: what another subgraph answers is fetched from there by a fetch of the
    deferred part (waiting for the key only); what this subgraph answers is fetched again through the
    object's key, or, without a resolvable key here (a value type), with the primary fetch and only sent
    later (Matches Apollo: a Deferred part without a plan)."""
    fragment = deferred_fragment(walker.registry, at.path, at.type_name, item)
    rest = without_defer(item.directives)
    # Under `@include`/`@skip` too, the fragment stays one item; otherwise its fields are split by subgraph.
    inner = tuple(flatten_same_type(item.selections, at.type_name))
    if rest:
        inner = (replace(item, directives=rest),)
    local = [i for i in inner if not isinstance(i, FieldItem) or walker.is_local(at, i)]
    remote = [i for i in inner if isinstance(i, FieldItem) and not walker.is_local(at, i)]
    with walker.registry.deferring(fragment):
        if local:
            walker.walk_selection(_refetch(walker, at) or at, tuple(local))
        for field_item in remote:
            walker.walk_field(at, field_item)


def _refetch(walker: Walker, at: Position) -> Position | None:
    """The object in a new entity fetch to its own subgraph (through its key), or None without a key."""
    model = walker.supergraph.types[at.type_name]
    info = model.graphs.get(at.graph)
    if model.kind != "object" or info is None or not info.resolvable_keys or not at.path:
        return None
    key = info.resolvable_keys[0]
    current = at.within(at.tree.key_home or at.tree)
    representation = SelectionTree()
    current.tree.typename()
    representation.typename()
    add_key(current.tree, representation, key.selection)
    group = walker.registry.entity(at.graph, at.path, current.group, set(), (at.type_name, representation))
    group.requires.fragment(at.type_name).merge(representation)
    tree = group.selection.fragment(at.type_name)
    return current.entered(group, at.graph, at.type_name, tree, key.selection)
