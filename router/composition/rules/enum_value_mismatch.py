"""ENUM_VALUE_MISMATCH: an enum used both as input and output must have the same values everywhere."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def check(context: RuleContext) -> Iterator[CompositionError]:
    relations = context.relations
    for name, merged in context.supergraph.types.items():
        if merged.kind != "enum" or name not in relations.input_enums or name not in relations.output_enums:
            continue
        # Matches Apollo: values of such an enum can neither be dropped (inputs) nor added (outputs).
        for value, merged_value in merged.values.items():
            if merged_value.inaccessible:
                continue  # Matches Apollo: an @inaccessible value may be missing where the enum is input.
            lacking = [s.name for s, t in context.definitions(name) if value not in t.values]
            if lacking:
                yield CompositionError(
                    "ENUM_VALUE_MISMATCH",
                    f"Enum type {name!r} is used as both input and output type, but value {value!r} is not "
                    f"defined in all the subgraphs defining {name!r}: missing in "
                    f"{', '.join(map(repr, lacking))}.",
                    tuple(lacking),
                    (f"{name}.{value}",),
                )
