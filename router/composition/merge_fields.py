"""Merges the fields of one object/interface/input type across the subgraphs that define it."""

from __future__ import annotations

import graphql

from router.composition.contexts import context_arguments
from router.composition.model import Field, Subgraph, TypeDef
from router.composition.relations import Relations
from router.composition.supergraph_model import FieldJoin, MergedArgument, MergedField
from router.composition.typerefs import most_general, most_specific, print_type, same_type

Owners = list[tuple[Subgraph, TypeDef]]


def _declarations(owners: Owners) -> dict[str, list[tuple[Subgraph, Field]]]:
    """Field name -> (subgraph, field) in subgraph order, fields in first-seen order."""
    declared: dict[str, list[tuple[Subgraph, Field]]] = {}
    for subgraph, type_def in owners:
        for field_def in type_def.fields.values():
            declared.setdefault(field_def.name, []).append((subgraph, field_def))
    return declared


def _merge_args(declarations: list[tuple[Subgraph, Field]]) -> dict[str, MergedArgument]:
    """Arguments: the intersection over the subgraphs, input types most specific (Apollo's merge rules).

    Matches Apollo: an argument with `@fromContext` in any subgraph is left out of the supergraph (the router
    fills it from the context; clients never pass it).
    """
    resolving = [f for _, f in declarations if not f.external] or [f for _, f in declarations]
    contextual = {n for _, f in declarations for n, a in f.args.items() if a.from_context is not None}
    merged: dict[str, MergedArgument] = {}
    for name, argument in resolving[0].args.items():
        if name in contextual or not all(name in f.args for f in resolving):
            continue
        result = MergedArgument(name, argument.type, argument.default, argument.description)
        for other in (f.args[name] for f in resolving):
            result.type = most_specific(result.type, other.type) or result.type
            result.default = result.default if result.default is not None else other.default
            result.description = result.description or other.description
            result.inaccessible |= other.inaccessible
            result.tags |= other.tags
        merged[name] = result
    return merged


def _field_type(declarations: list[tuple[Subgraph, Field]], relations: Relations) -> graphql.TypeNode:
    merged = declarations[0][1].type
    for _, field_def in declarations[1:]:
        merged = most_general(merged, field_def.type, relations.is_subtype) or merged
    return merged


def _type_everywhere(merged: MergedField) -> None:
    """Matches the reference supergraphs: once one subgraph's type differs, every join names its type."""
    if any(j.type for j in merged.joins):
        for join in merged.joins:
            join.type = join.type or print_type(merged.type)


def merge_fields(
    owners: Owners, relations: Relations, used: set[tuple[str, str, str]]
) -> dict[str, MergedField]:
    """Output fields: most general type; one join per declaring subgraph, printed unless trivially implied.

    Matches Apollo: `@join__field` is omitted only when every subgraph that defines the type declares the
    field plainly (no external/requires/provides/override/type difference); `@override(from: X)` drops X's
    join unless X still uses the field in a key/requires/provides, in which case it is `usedOverridden`.
    A progressive `@override(from: X, label: L)` keeps X's join, with `overrideLabel: L` on both joins: X
    still resolves the field while the router has L off for a request.
    """
    owner_graphs = {s.graph for s, _ in owners}
    merged_fields: dict[str, MergedField] = {}
    for name, declarations in _declarations(owners).items():
        field_type = _field_type(declarations, relations)
        overridden = {f.override: s.name for s, f in declarations if f.override}
        # Matches Apollo: a label counts only when the source declares the field (else the hint says the
        # @override can go), and then it goes on the source's join too.
        declaring = {s.name for s, _ in declarations}
        labels = {f.override: f.override_label for _, f in declarations if f.override in declaring}
        merged = MergedField(name=name, type=field_type, args=_merge_args(declarations))
        for subgraph, field_def in sorted(declarations, key=lambda d: d[0].graph):
            merged.description = merged.description or field_def.description
            merged.inaccessible |= field_def.inaccessible
            merged.tags |= field_def.tags
            merged.access = merged.access.merge(field_def.access)
            merged.demand = merged.demand.merge(field_def.demand)
            merged.composed.extend(d for d in field_def.composed if d not in merged.composed)
            used_overridden = False
            label = labels.get(field_def.override or subgraph.name)
            if subgraph.name in overridden and not field_def.external:
                used_overridden = (subgraph.name, owners[0][1].name, name) in used
                if not used_overridden and label is None:
                    continue
            merged.joins.append(
                FieldJoin(
                    graph=subgraph.graph,
                    requires=field_def.requires,
                    provides=field_def.provides,
                    type=None if same_type(field_def.type, field_type) else print_type(field_def.type),
                    external=field_def.external,
                    override=field_def.override,
                    used_overridden=used_overridden,
                    override_label=label,
                    context_arguments=context_arguments(subgraph, field_def),
                )
            )
        joined = {j.graph for j in merged.joins}
        _type_everywhere(merged)
        merged.print_joins = joined != owner_graphs or not all(j.plain for j in merged.joins)
        merged_fields[name] = merged
    return merged_fields


def merge_input_fields(owners: Owners) -> dict[str, MergedField]:
    """Input objects: the intersection of fields, each with the most specific type (Apollo's merge rules)."""
    owner_graphs = {s.graph for s, _ in owners}
    merged_fields: dict[str, MergedField] = {}
    for name, declarations in _declarations(owners).items():
        if {s.graph for s, _ in declarations} != owner_graphs:
            continue
        field_type = declarations[0][1].type
        for _, field_def in declarations[1:]:
            field_type = most_specific(field_type, field_def.type) or field_type
        merged = MergedField(name=name, type=field_type)
        for subgraph, field_def in sorted(declarations, key=lambda d: d[0].graph):
            merged.description = merged.description or field_def.description
            merged.default = merged.default if merged.default is not None else field_def.default
            merged.inaccessible |= field_def.inaccessible
            merged.tags |= field_def.tags
            differs = not same_type(field_def.type, field_type)
            merged.joins.append(
                FieldJoin(subgraph.graph, type=print_type(field_def.type) if differs else None)
            )
        _type_everywhere(merged)
        merged.print_joins = not all(j.plain for j in merged.joins)
        merged_fields[name] = merged
    return merged_fields
