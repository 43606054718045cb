"""TYPE_KIND_MISMATCH: a type name must denote the same kind of type in every subgraph."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def check(context: RuleContext) -> Iterator[CompositionError]:
    for name in context.supergraph.types:
        definitions = context.definitions(name)
        # Matches Apollo: an @interfaceObject (an object in its subgraph) stands for an interface.
        kinds = {s.name: ("interface" if t.interface_object else t.kind) for s, t in definitions}
        if len(set(kinds.values())) > 1:
            described = ", ".join(f"{kind} in subgraph {subgraph!r}" for subgraph, kind in kinds.items())
            yield CompositionError(
                "TYPE_KIND_MISMATCH",
                f"Type {name!r} is defined with different kinds: {described}.",
                tuple(kinds),
                (name,),
            )
