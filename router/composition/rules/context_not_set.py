"""CONTEXT_NOT_SET: a `@fromContext` names a context its subgraph sets, on an object field without default."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.contexts import context_locations, from_context_uses
from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def check(context: RuleContext) -> Iterator[CompositionError]:
    for use in from_context_uses(context.subgraphs):
        subgraph = use.subgraph
        reasons: list[str] = []
        # Matches Apollo (federation.ts validation of @fromContext): the router fills the argument on an
        # entity fetch of a concrete type, so abstract fields and interface implementations cannot take one.
        if use.type_def.kind != "object" or use.type_def.interface_object:
            reasons.append(
                f"@fromContext argument cannot be used on a field that exists on an abstract type "
                f'"{use.coordinate}".'
            )
        else:
            for interface in use.type_def.interfaces:
                if subgraph.field(interface, use.field_def.name) is not None:
                    reasons.append(
                        "@fromContext argument cannot be used on a field implementing an interface field "
                        f'"{interface}.{use.field_def.name}".'
                    )
            if use.argument.default is not None:
                reasons.append(f'@fromContext arguments may not have a default value: "{use.coordinate}".')
            if use.parsed is not None and not context_locations(subgraph, use.parsed[0]):
                reasons.append(
                    f'Context "{use.parsed[0]}" is used at location "{use.coordinate}" but is never set.'
                )
        for reason in reasons:
            yield CompositionError("CONTEXT_NOT_SET", f"[{subgraph.name}] {reason}", (subgraph.name,))
