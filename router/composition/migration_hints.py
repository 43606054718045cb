"""OVERRIDE_MIGRATION_IN_PROGRESS hints: each progressive @override is a migration under way."""

from __future__ import annotations

from router.composition.result import CompositionHint
from router.composition.supergraph_model import FieldJoin, MergedField, MergedSupergraph

_CODE = "OVERRIDE_MIGRATION_IN_PROGRESS"


def migration_hints(supergraph: MergedSupergraph) -> list[CompositionHint]:
    """One hint per progressive @override, saying what to do with the source's field once it is over (Matches
    Apollo's messages, composition-js merge.ts)."""
    names = {s.graph: s.name for s in supergraph.subgraphs}
    hints: list[CompositionHint] = []
    for merged_type in supergraph.types.values():
        for field in merged_type.fields.values():
            for join in field.joins:
                if join.override is None or join.override_label is None:
                    continue
                coordinate = f"{merged_type.name}.{field.name}"
                message = _message(coordinate, join, _still_used(field, join.override, names))
                subgraphs = (names.get(join.graph or "", ""), join.override)
                hints.append(CompositionHint(_CODE, message, subgraphs, (coordinate,)))
    return hints


def _still_used(field: MergedField, source: str, names: dict[str, str]) -> bool:
    return any(j.used_overridden for j in field.joins if names.get(j.graph or "") == source)


def _message(coordinate: str, join: FieldJoin, used: bool) -> str:
    if used:
        return (
            f'Field "{coordinate}" on subgraph "{join.override}" is currently being migrated via progressive '
            "@override. It is still used in some federation directive(s) (@key, @requires, and/or @provides) "
            "and/or to satisfy interface constraint(s). Once the migration is complete, consider marking it "
            "@external explicitly or removing it along with its references."
        )
    return (
        f'Field "{coordinate}" is currently being migrated with progressive @override. Once the migration is '
        f'complete, remove the field from subgraph "{join.override}".'
    )
