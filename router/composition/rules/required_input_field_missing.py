"""REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH: a required input field cannot be dropped by intersection."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext
from router.composition.typerefs import print_type


def check(context: RuleContext) -> Iterator[CompositionError]:
    for name, merged in context.supergraph.types.items():
        if merged.kind != "input":
            continue
        definitions = context.definitions(name)
        names = {f for _, t in definitions for f in t.fields}
        for field_name in sorted(names):
            having = [(s, t.fields[field_name]) for s, t in definitions if field_name in t.fields]
            missing = [s.name for s, t in definitions if field_name not in t.fields]
            required = [s.name for s, f in having if print_type(f.type).endswith("!") and f.default is None]
            if missing and required:
                yield CompositionError(
                    "REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH",
                    f'Input object field "{name}.{field_name}" is required in some subgraphs but does not '
                    f"appear in all subgraphs: it is required in {required} but does not appear in "
                    f"{missing}.",
                    tuple(required + missing),
                    (f"{name}.{field_name}",),
                )
