"""EMPTY_MERGED_INPUT_TYPE: input objects merge by intersection, which must leave at least one field."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def check(context: RuleContext) -> Iterator[CompositionError]:
    for name, merged in context.supergraph.types.items():
        definitions = context.definitions(name)
        if merged.kind == "input" and not merged.fields and any(t.fields for _, t in definitions):
            yield CompositionError(
                "EMPTY_MERGED_INPUT_TYPE",
                f"None of the fields of input object type {name!r} are consistently defined in all the "
                "subgraphs defining that type. As only fields common to all subgraphs are merged, this "
                "would result in an empty type.",
                tuple(s.name for s, _ in definitions),
                (name,),
            )
