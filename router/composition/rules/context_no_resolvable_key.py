"""CONTEXT_NO_RESOLVABLE_KEY: a type with a contextual argument has a resolvable key (the router calls
`_entities` on it to pass the context value)."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.contexts import from_context_uses
from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def check(context: RuleContext) -> Iterator[CompositionError]:
    reported: set[tuple[str, str]] = set()
    for use in from_context_uses(context.subgraphs):
        type_def = use.type_def
        if use.parsed is None or type_def.kind != "object" or (use.subgraph.name, type_def.name) in reported:
            continue
        if not any(key.resolvable for key in type_def.keys):
            reported.add((use.subgraph.name, type_def.name))
            yield CompositionError(
                "CONTEXT_NO_RESOLVABLE_KEY",
                f'[{use.subgraph.name}] Object "{type_def.name}" has no resolvable key but has a field with '
                "a contextual argument.",
                (use.subgraph.name,),
            )
