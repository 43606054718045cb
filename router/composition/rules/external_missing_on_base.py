"""EXTERNAL_MISSING_ON_BASE: an @external field must be resolved (non-external) by some other subgraph."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def check(context: RuleContext) -> Iterator[CompositionError]:
    for subgraph, type_def, field_def in context.fields():
        if not field_def.external:
            continue
        resolved_elsewhere = any(
            (other := s.field(type_def.name, field_def.name)) is not None and not other.external
            for s in context.subgraphs
            if s is not subgraph
        )
        # An @interfaceObject's fields are resolved by the interface's implementations in other subgraphs.
        if not resolved_elsewhere and not type_def.interface_object:
            coordinate = f"{type_def.name}.{field_def.name}"
            yield CompositionError(
                "EXTERNAL_MISSING_ON_BASE",
                f'Field "{coordinate}" is marked @external on all the subgraphs in which it is listed '
                f"({subgraph.name!r}).",
                (subgraph.name,),
                (coordinate,),
            )
