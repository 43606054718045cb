"""REQUIRES_FIELDS_MISSING_EXTERNAL: the leaf fields a @requires selects must be @external.

A leaf is fine when it is @external itself or sits under an @external field; the non-external fields on
the way to it (e.g. `comments(limit: 3) { authorId }` with only `authorId` external) are local lookups.
"""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.fieldset_walk import walk_field_set
from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def check(context: RuleContext) -> Iterator[CompositionError]:
    for subgraph, type_def, field_def in context.fields():
        if field_def.requires is None:
            continue
        for selected in walk_field_set(subgraph, type_def.name, field_def.requires).fields:
            definition = selected.definition
            if not selected.leaf or definition is None or definition.external or selected.under_external:
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
