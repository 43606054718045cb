"""KEY_INVALID_FIELDS: a @key must parse and select only fields defined on the entity (without arguments)."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.fieldset_walk import walk_field_set
from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def check(context: RuleContext) -> Iterator[CompositionError]:
    for subgraph in context.subgraphs:
        for type_def in subgraph.types.values():
            for key in type_def.keys:
                walk = walk_field_set(subgraph, type_def.name, key.fields)
                problem = None
                if not walk.parsed or not walk.fields:
                    problem = "it is not a valid selection"
                elif walk.unknown:
                    first = walk.unknown[0]
                    problem = f'cannot query field "{first.name}" on type "{first.parent}"'
                elif any(f.has_arguments for f in walk.fields):
                    problem = "key fields cannot have arguments"
                if problem:
                    yield CompositionError(
                        "KEY_INVALID_FIELDS",
                        f'[{subgraph.name}] On type "{type_def.name}", for @key(fields: "{key.fields}"): '
                        f"{problem} (the field set must select existing fields of the type).",
                        (subgraph.name,),
                        (type_def.name,),
                    )
