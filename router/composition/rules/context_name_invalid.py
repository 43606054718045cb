"""CONTEXT_NAME_INVALID: a `@context(name:)` is alphanumeric and has no underscore."""

from __future__ import annotations

import re
from collections.abc import Iterator

from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext

_NAME = re.compile(r"[A-Za-z]\w*")


def check(context: RuleContext) -> Iterator[CompositionError]:
    for subgraph in context.subgraphs:
        for type_def in subgraph.types.values():
            for name in type_def.contexts:
                # Matches Apollo: the supergraph qualifies names as `<subgraph>__<name>`, so `_` is reserved.
                if "_" in name:
                    reason = f'Context name "{name}" may not contain an underscore.'
                elif not _NAME.fullmatch(name):
                    reason = f'Context name "{name}" is invalid. It should have only alphanumeric characters.'
                else:
                    continue
                yield CompositionError(
                    "CONTEXT_NAME_INVALID", f"[{subgraph.name}] {reason}", (subgraph.name,)
                )
