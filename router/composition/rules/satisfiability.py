"""SATISFIABILITY_ERROR: every field of a reachable type must be resolvable along some path from a root.

A simplified version of Apollo's satisfiability validation: a (subgraph, type) pair is reachable when a
root type of that subgraph leads to it through the subgraph's own fields, or when the type is reachable in
some subgraph and this subgraph has a resolvable @key for it (an entity jump). A field is satisfiable when
some subgraph that resolves it (non-external, or provided there) reaches its parent type.
"""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.model import Subgraph
from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext
from router.composition.typerefs import named_type

_COMPOSITE = ("object", "interface", "union")


def _possible(subgraph: Subgraph, type_name: str) -> list[str]:
    type_def = subgraph.types.get(type_name)
    if type_def is None:
        return []
    if type_def.kind == "union":
        return list(type_def.members)
    if type_def.kind == "interface":
        return [t.name for t in subgraph.types.values() if type_name in t.interfaces]
    return []


def reachable_pairs(context: RuleContext) -> set[tuple[str, str]]:
    """(subgraph name, type name) pairs reachable from the roots, with entity jumps between subgraphs."""
    by_name = {s.name: s for s in context.subgraphs}
    entry = {
        type_name: [s.name for s, t in context.definitions(type_name) if any(k.resolvable for k in t.keys)]
        for type_name in context.supergraph.types
    }
    queue = [(s.name, root) for s in context.subgraphs for root in s.root_types.values()]
    seen: set[tuple[str, str]] = set()
    while queue:
        pair = queue.pop()
        if pair in seen:
            continue
        seen.add(pair)
        subgraph_name, type_name = pair
        subgraph = by_name[subgraph_name]
        queue.extend((other, type_name) for other in entry.get(type_name, ()))
        queue.extend((subgraph_name, possible) for possible in _possible(subgraph, type_name))
        type_def = subgraph.types.get(type_name)
        for field_def in type_def.fields.values() if type_def else ():
            target = subgraph.types.get(named_type(field_def.type))
            if target is not None and target.kind in _COMPOSITE:
                queue.append((subgraph_name, target.name))
    return seen


def _provided(subgraph: Subgraph) -> set[tuple[str, str]]:
    provided: set[tuple[str, str]] = set()
    for type_def in subgraph.types.values():
        for field_def in type_def.fields.values():
            if field_def.provides:
                target = named_type(field_def.type)
                provided |= {(target, name) for name in field_def.provides.replace("{", " ").split()}
    return provided


def _override_states(
    context: RuleContext, type_name: str, field_name: str, resolvers: list[str]
) -> list[list[str]]:
    """The subgraphs resolving the field in each state it can be in: after an `@override(from: X)` X no longer
    does; a progressive one (`label:`) is in either state per request, so each must be satisfiable (Matches
    Apollo, whose validation follows both sides of an override condition)."""
    for subgraph, type_def in context.definitions(type_name):
        field_def = type_def.fields.get(field_name)
        if field_def is None or field_def.override not in resolvers:
            continue
        overridden = [r for r in resolvers if r != field_def.override]
        if field_def.override_label is None:
            return [overridden]
        return [overridden, [r for r in resolvers if r != subgraph.name]]
    return [resolvers]


def check(context: RuleContext) -> Iterator[CompositionError]:
    reachable = reachable_pairs(context)
    reached_types = {type_name for _, type_name in reachable}
    provided = {s.name: _provided(s) for s in context.subgraphs}
    for name, merged in context.supergraph.types.items():
        if merged.kind != "object" or name not in reached_types or merged.inaccessible:
            continue
        for field_name, field in merged.fields.items():
            if field.inaccessible:
                continue
            resolvers = [
                s.name
                for s, t in context.definitions(name)
                if field_name in t.fields
                and (not t.fields[field_name].external or (name, field_name) in provided[s.name])
            ]
            for state in _override_states(context, name, field_name, resolvers):
                if not state or any((s, name) in reachable for s in state):
                    continue
                reached_in = sorted(s for s, t in reachable if t == name)
                yield CompositionError(
                    "SATISFIABILITY_ERROR",
                    f'The field "{name}.{field_name}" cannot be satisfied: it is only resolved by '
                    f'subgraph(s) {", ".join(map(repr, state))}, where type "{name}" cannot be '
                    f"reached (it is reached in {', '.join(map(repr, reached_in))} and no resolvable @key "
                    "leads to those subgraphs).",
                    tuple(state),
                    (f"{name}.{field_name}",),
                )
