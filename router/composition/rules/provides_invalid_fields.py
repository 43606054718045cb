"""PROVIDES_INVALID_FIELDS: a @provides field set must parse and select fields of the returned type."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.fieldset_walk import walk_field_set
from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext
from router.composition.typerefs import named_type


def check(context: RuleContext) -> Iterator[CompositionError]:
    for subgraph, type_def, field_def in context.fields():
        if field_def.provides is None:
            continue
        target = named_type(field_def.type)
        walk = walk_field_set(subgraph, target, field_def.provides)
        if walk.parsed and walk.fields and not walk.unknown:
            continue
        reason = (
            f'Cannot query field "{walk.unknown[0].name}" on type "{walk.unknown[0].parent}"'
            if walk.parsed and walk.unknown
            else "the field set is not a valid selection"
        )
        coordinate = f"{type_def.name}.{field_def.name}"
        yield CompositionError(
            "PROVIDES_INVALID_FIELDS",
            f'[{subgraph.name}] On field "{coordinate}", for @provides(fields: "{field_def.provides}"): '
            f"{reason} (if the field is defined in another subgraph, it must be declared @external here).",
            (subgraph.name,),
            (coordinate,),
        )
