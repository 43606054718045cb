"""REQUIRES_FIELDS_MISSING_EXTERNAL: fields a @requires selects on the parent type must be @external."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.fieldset_walk import walk_field_set
from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def check(context: RuleContext) -> Iterator[CompositionError]:
    for subgraph, type_def, field_def in context.fields():
        if field_def.requires is None:
            continue
        # Only the top level is checked: fields nested under an @external field are external with it.
        for selected in walk_field_set(subgraph, type_def.name, field_def.requires).fields:
            if selected.depth > 0 or selected.definition is None or selected.definition.external:
                continue
            coordinate = f"{type_def.name}.{field_def.name}"
            yield CompositionError(
                "REQUIRES_FIELDS_MISSING_EXTERNAL",
                f'[{subgraph.name}] On field "{coordinate}", for @requires(fields: "{field_def.requires}"): '
                f'field "{selected.parent}.{selected.name}" should not be part of a @requires since it is '
                "already provided by this subgraph (it is not marked @external).",
                (subgraph.name,),
                (coordinate, f"{selected.parent}.{selected.name}"),
            )
