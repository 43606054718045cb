"""Field sets (`@key`, `@requires`, `@provides`) and client items: parse, reshape, copy into fetches."""

from __future__ import annotations

import functools

import graphql

from router.planner.compact import print_arguments
from router.planner.operation import FieldItem, FragmentItem, Item, PlanningError
from router.planner.selection import FieldNode, SelectionTree


@functools.lru_cache(maxsize=4096)
def field_set_items(selection_set: graphql.SelectionSetNode) -> tuple[Item, ...]:
    """A field set (`@key`, `@requires`) as selection items, converted once."""
    return items_of(selection_set)


def items_of(selection_set: graphql.SelectionSetNode) -> tuple[Item, ...]:
    """A field set as selection items."""
    items: list[Item] = []
    for node in selection_set.selections:
        if isinstance(node, graphql.FieldNode):
            sub = items_of(node.selection_set) if node.selection_set else ()
            alias = node.alias.value if node.alias else None
            items.append(FieldItem(node.name.value, alias, tuple(node.arguments or ()), (), sub))
        elif isinstance(node, graphql.InlineFragmentNode) and node.type_condition is not None:
            items.append(FragmentItem(node.type_condition.name.value, (), items_of(node.selection_set)))
        elif isinstance(node, graphql.InlineFragmentNode):
            items.extend(items_of(node.selection_set))  # A field set has no directives: `... { a }` is `a`.
    return tuple(items)


def list_depth(type_string: str) -> int:
    return type_string.count("[")


def named_type(type_string: str) -> str:
    """`[Book!]!` → `Book`."""
    return type_string.strip("[]!")


def free_alias(tree: SelectionTree, name: str) -> str:
    """A response key the planner can use when the client already took `name` for something else."""
    index = 0
    while f"_{name}{index}" in tree.fields:
        index += 1
    return f"_{name}{index}"


def add_key(tree: SelectionTree, representation: SelectionTree, selection: graphql.SelectionSetNode) -> None:
    """Select a key (or required field set) in the fetch that has the entity and mirror it in the
    representation; where the client's own alias occupies a key's name, the key gets a planner alias
    that the representation reads from (`FieldSelection.alias`)."""
    for node in selection.selections:
        if isinstance(node, graphql.InlineFragmentNode) and node.type_condition is not None:
            condition = node.type_condition.name.value
            add_key(tree.fragment(condition), representation.fragment(condition), node.selection_set)
            continue
        assert isinstance(node, graphql.FieldNode)
        name = node.name.value
        arguments = tuple(node.arguments or ())
        composite = node.selection_set is not None
        selected = tree.add_field(name, None, arguments, (), composite)
        alias = None
        if selected is None:
            alias = free_alias(tree, name)
            selected = tree.add_field(name, alias, arguments, (), composite)
        mirrored = representation.add_field(name, alias, (), (), composite)
        if selected is None or mirrored is None:
            raise PlanningError(f"cannot select key field {name!r}")
        if node.selection_set is not None and selected.sub is not None and mirrored.sub is not None:
            if any(isinstance(s, graphql.InlineFragmentNode) for s in node.selection_set.selections):
                selected.sub.typename()
                mirrored.sub.typename()
            add_key(selected.sub, mirrored.sub, node.selection_set)


def flatten_same_type(items: tuple[Item, ...], type_name: str) -> list[Item]:
    """Inline the fragments that restate the enclosing type without directives."""
    flat: list[Item] = []
    for item in items:
        if isinstance(item, FragmentItem) and item.type_condition == type_name and not item.directives:
            flat.extend(flatten_same_type(item.selections, type_name))
        else:
            flat.append(item)
    return flat


def root_fields(items: tuple[Item, ...], directives: tuple[graphql.DirectiveNode, ...]) -> list[FieldItem]:
    """Root fields in order; a root fragment's directives move onto its fields."""
    fields: list[FieldItem] = []
    for item in items:
        if isinstance(item, FragmentItem):
            fields.extend(root_fields(item.selections, (*directives, *item.directives)))
        elif directives:
            all_directives = (*directives, *item.directives)
            fields.append(FieldItem(item.name, item.alias, item.arguments, all_directives, item.selections))
        else:
            fields.append(item)
    return fields


def split_for_interface_object(items: tuple[Item, ...], interface: str) -> tuple[list[Item], list[Item]]:
    """Items an `@interfaceObject` subgraph answers itself, and those needing the real runtime type."""
    local: list[Item] = []
    remote: list[Item] = []
    for item in items:
        if isinstance(item, FieldItem):
            (remote if item.name == "__typename" else local).append(item)
        elif item.type_condition == interface:
            sub_local, sub_remote = split_for_interface_object(item.selections, interface)
            if sub_local:
                local.append(FragmentItem(item.type_condition, item.directives, tuple(sub_local)))
            if sub_remote:
                remote.append(FragmentItem(item.type_condition, item.directives, tuple(sub_remote)))
        else:
            remote.append(item)
    return local, remote


def mirror_required(
    representation: SelectionTree, node: graphql.SelectionNode, landed: FieldNode | None
) -> None:
    """Put a required field into the representation, reading it from the planner alias if one was needed."""
    if not isinstance(node, graphql.FieldNode) or landed is None:
        add_key(SelectionTree(), representation, graphql.SelectionSetNode(selections=(node,)))
        return
    mirrored = representation.add_field(node.name.value, landed.alias, (), (), node.selection_set is not None)
    if mirrored is None:
        raise PlanningError(f"conflicting requirements on {node.name.value!r}")
    if mirrored.sub is not None and node.selection_set is not None:
        _mirror_nested(mirrored.sub, node.selection_set, landed.sub)


def _mirror_nested(
    representation: SelectionTree, selection: graphql.SelectionSetNode, landed: SelectionTree | None
) -> None:
    """Nested required fields: read each from the node the fetch selected it as (maybe a planner alias)."""
    for node in selection.selections:
        if not isinstance(node, graphql.FieldNode):
            add_key(SelectionTree(), representation, graphql.SelectionSetNode(selections=(node,)))
            continue
        arguments = print_arguments(tuple(node.arguments or ()))
        match = next(
            (
                candidate
                for candidate in (landed.fields.values() if landed else ())
                if candidate.name == node.name.value and print_arguments(candidate.arguments) == arguments
            ),
            None,
        )
        alias = match.alias if match is not None else None
        mirrored = representation.add_field(node.name.value, alias, (), (), node.selection_set is not None)
        if mirrored is None:
            raise PlanningError(f"conflicting requirements on {node.name.value!r}")
        if mirrored.sub is not None and node.selection_set is not None:
            _mirror_nested(mirrored.sub, node.selection_set, match.sub if match else None)
