"""CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS: an argument the supergraph drops (it is contextual in
one subgraph) is optional wherever it is not contextual."""

from __future__ import annotations

from collections.abc import Iterator

import graphql

from router.composition.contexts import from_context_uses
from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def check(context: RuleContext) -> Iterator[CompositionError]:
    seen: set[tuple[str, str, str]] = set()
    for use in from_context_uses(context.subgraphs):
        key = (use.type_def.name, use.field_def.name, use.argument.name)
        if key in seen:
            continue
        seen.add(key)
        for other in context.subgraphs:
            field_def = other.field(use.type_def.name, use.field_def.name)
            argument = field_def.args.get(use.argument.name) if field_def else None
            if argument is None or argument.from_context is not None:
                continue
            if isinstance(argument.type, graphql.NonNullTypeNode) and argument.default is None:
                yield CompositionError(
                    "CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS",
                    f'Argument "{use.coordinate}" is contextual in at least one subgraph but in '
                    f'"{use.coordinate}" it does not have @fromContext, is not nullable and has no default '
                    "value.",
                    (use.subgraph.name, other.name),
                )
