"""Merges parsed subgraphs into one supergraph model (best effort; the rules report what cannot merge)."""

from __future__ import annotations

from collections.abc import Sequence

import graphql

from router.composition.contexts import qualified_context
from router.composition.fieldsets import parse_field_set
from router.composition.merge_fields import merge_fields, merge_input_fields
from router.composition.model import Subgraph, TypeDef
from router.composition.relations import Relations
from router.composition.supergraph_model import (
    FieldJoin,
    MergedEnumValue,
    MergedField,
    MergedSupergraph,
    MergedType,
    TypeJoin,
)
from router.composition.typerefs import named_type


def supergraph_kind(definitions: Sequence[TypeDef]) -> str:
    """An @interfaceObject is an object in its subgraph but an interface in the supergraph."""
    kinds = [d.kind for d in definitions if not d.interface_object]
    return kinds[0] if kinds else "interface"


def _type_joins(name: str, owners: list[tuple[Subgraph, TypeDef]]) -> list[TypeJoin]:
    joins: list[TypeJoin] = []
    for subgraph, type_def in sorted(owners, key=lambda o: o[0].graph):
        if not type_def.keys:
            joins.append(TypeJoin(subgraph.graph, interface_object=type_def.interface_object))
        for key in type_def.keys:
            joins.append(
                TypeJoin(
                    subgraph.graph,
                    key=key.fields,
                    extension=type_def.extension,
                    resolvable=key.given_resolvable,
                    interface_object=type_def.interface_object,
                )
            )
    return joins


def _merge_enum(merged: MergedType, owners: list[tuple[Subgraph, TypeDef]], relations: Relations) -> None:
    """Output-only enums take the union of values, input-only the intersection (Apollo's merge rules)."""
    names: list[str] = []
    for _, type_def in owners:
        names.extend(v for v in type_def.values if v not in names)
    input_only = merged.name in relations.input_enums and merged.name not in relations.output_enums
    if input_only:
        names = [n for n in names if all(n in t.values for _, t in owners)]
    for name in names:
        value = MergedEnumValue(name)
        for subgraph, type_def in sorted(owners, key=lambda o: o[0].graph):
            declared = type_def.values.get(name)
            if declared is None:
                continue
            value.graphs.append(subgraph.graph)
            value.description = value.description or declared.description
            value.inaccessible |= declared.inaccessible
            value.tags |= declared.tags
        merged.values[name] = value


def _merge_type(
    name: str,
    owners: list[tuple[Subgraph, TypeDef]],
    relations: Relations,
    used: set[tuple[str, str, str]],
) -> MergedType:
    merged = MergedType(name=name, kind=supergraph_kind([t for _, t in owners]))
    merged.joins = _type_joins(name, owners)
    for subgraph, type_def in owners:
        merged.description = merged.description or type_def.description
        merged.inaccessible |= type_def.inaccessible
        merged.tags |= type_def.tags
        merged.access = merged.access.merge(type_def.access)
        merged.composed.extend(d for d in type_def.composed if d not in merged.composed)
        merged.contexts.extend(qualified_context(subgraph, name) for name in type_def.contexts)
        for interface in type_def.interfaces:
            if interface not in merged.interfaces:
                merged.interfaces.append(interface)
            merged.implements.append((subgraph.graph, interface))
        for member in type_def.members:
            if member not in merged.members:
                merged.members.append(member)
            merged.member_joins.append((subgraph.graph, member))
    merged.implements.sort(key=lambda j: j[0])
    merged.member_joins.sort(key=lambda j: (merged.members.index(j[1]), j[0]))
    if merged.kind == "enum":
        _merge_enum(merged, owners, relations)
    elif merged.kind == "input":
        merged.fields = merge_input_fields(owners)
    elif merged.kind in ("object", "interface"):
        merged.fields = merge_fields(owners, relations, used)
    return merged


def used_fields(subgraphs: Sequence[Subgraph]) -> set[tuple[str, str, str]]:
    """(subgraph, type, field) named by a key, @requires or @provides; an overridden field stays if used."""
    used: set[tuple[str, str, str]] = set()
    for subgraph in subgraphs:
        for type_def in subgraph.types.values():
            for key in type_def.keys:
                used |= _selected(subgraph, type_def.name, key.fields)
            for interface in type_def.interfaces:
                # Implementing an interface field is a use too: the interface still resolves it here.
                interface_def = subgraph.types.get(interface)
                shared = set(interface_def.fields) & set(type_def.fields) if interface_def else set()
                used |= {(subgraph.name, type_def.name, name) for name in shared}
            for field_def in type_def.fields.values():
                if field_def.requires:
                    used |= _selected(subgraph, type_def.name, field_def.requires)
                if field_def.provides:
                    used |= _selected(subgraph, _target(field_def.type), field_def.provides)
    return used


def _target(type_node: graphql.TypeNode) -> str:
    return named_type(type_node)


def _selected(subgraph: Subgraph, type_name: str, field_set: str) -> set[tuple[str, str, str]]:
    found: set[tuple[str, str, str]] = set()
    selection_set = parse_field_set(field_set)

    def walk(parent: str, selections: graphql.SelectionSetNode | None) -> None:
        for selection in selections.selections if selections else ():
            if isinstance(selection, graphql.FieldNode):
                found.add((subgraph.name, parent, selection.name.value))
                field_def = subgraph.field(parent, selection.name.value)
                if field_def is not None and selection.selection_set:
                    walk(_target(field_def.type), selection.selection_set)
            elif isinstance(selection, graphql.InlineFragmentNode):
                walk(
                    selection.type_condition.name.value if selection.type_condition else parent,
                    selection.selection_set,
                )

    walk(type_name, selection_set)
    return found


def _add_interface_object_fields(
    supergraph: MergedSupergraph, owners: dict[str, list[tuple[Subgraph, TypeDef]]], relations: Relations
) -> None:
    """Fields an @interfaceObject adds to an interface also appear on every implementation.

    Matches the reference supergraphs: such a field is printed with a bare `@join__field` on the
    implementation (no subgraph resolves it on the concrete type; the router goes through the interface).
    """
    for name, definitions in owners.items():
        objects = [t for _, t in definitions if t.interface_object]
        for implementation in sorted(relations.implementations.get(name, ())):
            merged = supergraph.types.get(implementation)
            if merged is None:
                continue
            for type_def in objects:
                for field_name, field_def in type_def.fields.items():
                    if field_name in merged.fields:
                        continue
                    interface_field = supergraph.types[name].fields[field_name]
                    merged.fields[field_name] = MergedField(
                        name=field_name,
                        type=interface_field.type,
                        description=field_def.description,
                        args=dict(interface_field.args),
                        joins=[FieldJoin(graph=None)],
                        print_joins=True,
                    )


def merge_subgraphs(subgraphs: Sequence[Subgraph], relations: Relations) -> MergedSupergraph:
    """Builds the merged model: subgraphs sorted by name, types by name, fields in first-seen order."""
    ordered = sorted(subgraphs, key=lambda s: s.name)
    supergraph = MergedSupergraph(subgraphs=ordered)
    owners: dict[str, list[tuple[Subgraph, TypeDef]]] = {}
    for subgraph in ordered:
        for type_def in subgraph.types.values():
            owners.setdefault(type_def.name, []).append((subgraph, type_def))
        for operation, root in subgraph.root_types.items():
            supergraph.roots.setdefault(operation, root)
        for local, link in subgraph.composed_directives.items():
            supergraph.composed_directives.setdefault(local, link)
    used = used_fields(ordered)
    # Matches Apollo/Hive printing: types sorted case-insensitively (`join__Graph` between `J...` and `K...`).
    for name in sorted(owners, key=lambda n: (n.lower(), n)):
        supergraph.types[name] = _merge_type(name, owners[name], relations, used)
    _add_interface_object_fields(supergraph, owners, relations)
    return supergraph
