"""OVERRIDE_SOURCE_HAS_OVERRIDE: a field cannot be overridden from a subgraph that itself overrides it."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def check(context: RuleContext) -> Iterator[CompositionError]:
    by_name = {s.name: s for s in context.subgraphs}
    for subgraph, type_def, field_def in context.fields():
        # Matches Apollo: an @override on an @interfaceObject field is refused before `from` is looked at
        # (rule override_collision_with_another_directive).
        if field_def.override is None or type_def.interface_object:
            continue
        coordinate = f"{type_def.name}.{field_def.name}"
        if field_def.override == subgraph.name:
            yield CompositionError(
                "OVERRIDE_FROM_SELF_ERROR",
                f"Source and destination subgraphs {subgraph.name!r} are the same for overridden field "
                f'"{coordinate}".',
                (subgraph.name,),
                (coordinate,),
            )
            continue
        source = by_name.get(field_def.override)
        source_field = source.field(type_def.name, field_def.name) if source else None
        if source is not None and source_field is not None and source_field.override is not None:
            yield CompositionError(
                "OVERRIDE_SOURCE_HAS_OVERRIDE",
                f'Field "{coordinate}" on subgraph {subgraph.name!r} is also marked with directive @override '
                f"in subgraph {source.name!r}. Only one @override directive is allowed per field.",
                (subgraph.name, source.name),
                (coordinate,),
            )
