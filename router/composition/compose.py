"""compose(): subgraph SDLs → Federation 2 supergraph SDL, or the errors that prevent it."""

from __future__ import annotations

from collections.abc import Sequence

from router.composition.merge import merge_subgraphs
from router.composition.migration_hints import migration_hints
from router.composition.model import Subgraph
from router.composition.printer import print_supergraph
from router.composition.relations import build_relations
from router.composition.result import CompositionError, CompositionHint, CompositionResult, SubgraphSource
from router.composition.rules import RuleContext, all_rules
from router.composition.subgraph import SubgraphSyntaxError, graph_enum_name, read_subgraph


def _read_all(sources: Sequence[SubgraphSource]) -> tuple[list[Subgraph], list[CompositionError]]:
    subgraphs: list[Subgraph] = []
    errors: list[CompositionError] = []
    graphs: dict[str, str] = {}
    for source in sources:
        if source.name in {s.name for s in subgraphs}:
            errors.append(
                CompositionError(
                    "INVALID_SUBGRAPH_NAME", f"Duplicate subgraph name {source.name!r}.", (source.name,)
                )
            )
            continue
        graph = graph_enum_name(source.name)
        if graph in graphs:
            errors.append(
                CompositionError(
                    "INVALID_SUBGRAPH_NAME",
                    f"Subgraphs {graphs[graph]!r} and {source.name!r} both map to join__Graph value {graph}.",
                    (graphs[graph], source.name),
                )
            )
            continue
        graphs[graph] = source.name
        try:
            subgraphs.append(read_subgraph(source))
        except SubgraphSyntaxError as error:
            errors.append(CompositionError("INVALID_GRAPHQL", f"[{source.name}] {error}", (source.name,)))
    return subgraphs, errors


def _drop_unknown_overrides(subgraphs: list[Subgraph]) -> list[CompositionHint]:
    """An `@override(from:)` naming no known subgraph is ignored, with a hint (as Apollo does)."""
    names = {s.name for s in subgraphs}
    hints: list[CompositionHint] = []
    for subgraph in subgraphs:
        for type_def in subgraph.types.values():
            for field_def in type_def.fields.values():
                if field_def.override is None or field_def.override in names:
                    continue
                # Matches Apollo: an @override on an @interfaceObject field is refused before `from` is
                # looked at (rule override_collision_with_another_directive), so no hint there.
                if not type_def.interface_object:
                    hints.append(
                        CompositionHint(
                            "FROM_SUBGRAPH_DOES_NOT_EXIST",
                            f"Source subgraph {field_def.override!r} for field "
                            f'"{type_def.name}.{field_def.name}" on subgraph {subgraph.name!r} does not '
                            "exist; the @override is ignored.",
                            (subgraph.name,),
                            (f"{type_def.name}.{field_def.name}",),
                        )
                    )
                field_def.override = None
                field_def.override_label = None
    return hints


def compose(subgraphs: Sequence[SubgraphSource]) -> CompositionResult:
    """Composes subgraphs (Fed 1 or Fed 2 SDL) into a supergraph; expected failures are returned as errors.

    Deterministic: subgraphs are ordered by name and types by name, so the same input always yields
    byte-identical SDL regardless of the order the sources are given in.
    """
    if not subgraphs:
        return CompositionResult(None, (CompositionError("NO_SUBGRAPHS", "No subgraphs to compose."),))
    parsed, errors = _read_all(subgraphs)
    if errors:
        return CompositionResult(None, tuple(errors))
    hints = _drop_unknown_overrides(parsed)
    relations = build_relations(parsed)
    supergraph = merge_subgraphs(parsed, relations)
    hints.extend(migration_hints(supergraph))
    if "query" not in supergraph.roots:
        errors.append(
            CompositionError("NO_QUERIES", "None of the subgraphs defines a Query type with fields.")
        )
    context = RuleContext(tuple(supergraph.subgraphs), relations, supergraph)
    for rule in all_rules():
        errors.extend(rule(context))
    if errors:
        return CompositionResult(None, tuple(errors), tuple(hints))
    return CompositionResult(print_supergraph(supergraph), (), tuple(hints))
