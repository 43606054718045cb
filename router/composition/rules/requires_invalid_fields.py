"""REQUIRES_INVALID_FIELDS: a @requires field set must parse and select fields of the parent type."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.fieldset_walk import walk_field_set
from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def check(context: RuleContext) -> Iterator[CompositionError]:
    for subgraph, type_def, field_def in context.fields():
        if field_def.requires is None:
            continue
        walk = walk_field_set(subgraph, type_def.name, field_def.requires)
        if walk.parsed and walk.fields and not walk.unknown:
            continue
        reason = (
            f'Cannot query field "{walk.unknown[0].name}" on type "{walk.unknown[0].parent}"'
            if walk.parsed and walk.unknown
            else "the field set is not a valid selection"
        )
        coordinate = f"{type_def.name}.{field_def.name}"
        yield CompositionError(
            "REQUIRES_INVALID_FIELDS",
            f'[{subgraph.name}] On field "{coordinate}", for @requires(fields: "{field_def.requires}"): '
            f"{reason} (if the field is defined in another subgraph, it must be declared @external here).",
            (subgraph.name,),
            (coordinate,),
        )
