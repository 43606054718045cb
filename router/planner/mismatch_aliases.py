"""Pass: alias same-named fields whose types differ between type conditions, and rename them back.

Spec: FieldsInSetCanMerge / SameResponseShape — `... on User { id }` and `... on Admin { id }` cannot share a
response key when a subgraph types one `ID!` and the other `ID`. The subgraph receives a planner alias; a
KeyRenamer output rewrite restores the client's key before the result merges (Matches Apollo/Hive).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from router.planner.fieldsets import named_type
from router.planner.groups import FetchGroup
from router.planner.plan import FetchRewrite, KeyRenamer, type_step
from router.planner.selection import FieldNode, SelectionTree
from router.supergraph import Supergraph

_NAMED = re.compile(r"[_A-Za-z][_0-9A-Za-z]*")


def alias_mismatched_fields(supergraph: Supergraph, groups: list[FetchGroup], root_type: str) -> None:
    """Rename conflicting fields in every group's selection and record the output rewrites."""
    for group in groups:
        rewrites: list[FetchRewrite] = []
        _visit(supergraph, group.graph, group.selection, None if group.is_entity else root_type, (), rewrites)
        group.output_rewrites.extend(rewrites)


def _shape(supergraph: Supergraph, graph: str, type_name: str | None, field: FieldNode) -> str | None:
    """The field's type in this subgraph with composite named types blanked out (their shape is their own)."""
    if field.name == "__typename":
        return "String!"
    model = supergraph.types.get(type_name or "")
    definition = model.fields.get(field.name) if model else None
    if definition is None:
        return None
    info = definition.graphs.get(graph)
    printed = info.type if info else definition.type
    named = supergraph.types.get(definition.type_name)
    if named is not None and named.kind not in ("scalar", "enum"):
        return _NAMED.sub("{}", printed)
    return printed


def _child_type(supergraph: Supergraph, graph: str, type_name: str | None, field: FieldNode) -> str | None:
    model = supergraph.types.get(type_name or "")
    definition = model.fields.get(field.name) if model else None
    if definition is None:
        return None
    info = definition.graphs.get(graph)
    return named_type(info.type) if info else definition.type_name


def _child_path(
    supergraph: Supergraph, type_name: str | None, field: FieldNode, path: tuple[str, ...]
) -> tuple[str, ...]:
    model = supergraph.types.get(type_name or "")
    definition = model.fields.get(field.name) if model else None
    depth = definition.type.count("[") if definition else 0
    return (*path, field.alias or field.name, *(["@"] * depth))


@dataclass
class _Scope:
    """One response object: the shape of each response key so far, and the scope of each composite key's
    value. Every selection landing in the same object shares it: a fragment nested under a directive, and
    the same field selected under sibling type conditions (`... on User { friends { id } }` and
    `... on Admin { friends { id } }` merge their `friends`, spec: FieldsInSetCanMerge)."""

    seen: dict[str, str | None] = field(default_factory=dict)
    children: dict[str, _Scope] = field(default_factory=dict)


def _visit(
    supergraph: Supergraph,
    graph: str,
    tree: SelectionTree,
    type_name: str | None,
    path: tuple[str, ...],
    rewrites: list[FetchRewrite],
    scope: _Scope | None = None,
) -> None:
    scope = _Scope() if scope is None else scope
    renamed: dict[str, FieldNode] = {}
    for key, node in tree.fields.items():
        shape = _shape(supergraph, graph, type_name, node)
        known = scope.seen.get(key)
        if key in scope.seen and None not in (known, shape) and known != shape:
            alias = _free(key, scope.seen, tree)
            node.alias = alias
            renamed[alias] = node
            rewrites.append(KeyRenamer((*path, alias), key))
            scope.seen[alias] = shape
        else:
            renamed[key] = node
            scope.seen.setdefault(key, shape)
    tree.fields = renamed
    for (condition, _), (_, fragment) in tree.fragments.items():
        _visit(supergraph, graph, fragment, condition, (*path, type_step(condition)), rewrites, scope)
    for key, node in tree.fields.items():
        if node.sub is not None:
            child_path = _child_path(supergraph, type_name, node, path)
            child_type = _child_type(supergraph, graph, type_name, node)
            child_scope = scope.children.setdefault(key, _Scope())
            _visit(supergraph, graph, node.sub, child_type, child_path, rewrites, child_scope)


def _free(key: str, seen: dict[str, str | None], fragment: SelectionTree) -> str:
    index = 0
    while f"_{key}{index}" in seen or f"_{key}{index}" in fragment.fields:
        index += 1
    return f"_{key}{index}"
