"""NO_CONTEXT_IN_SELECTION: a `@fromContext(field:)` starts with `$context` followed by a selection."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.contexts import from_context_uses
from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def check(context: RuleContext) -> Iterator[CompositionError]:
    for use in from_context_uses(context.subgraphs):
        if use.parsed is None and use.type_def.kind == "object":
            yield CompositionError(
                "NO_CONTEXT_IN_SELECTION",
                f"[{use.subgraph.name}] @fromContext argument does not reference a context "
                f'"{use.argument.from_context}".',
                (use.subgraph.name,),
            )
