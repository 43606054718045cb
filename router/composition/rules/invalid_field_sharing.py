"""INVALID_FIELD_SHARING: a field resolved by several subgraphs must be @shareable in all of them."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext


def check(context: RuleContext) -> Iterator[CompositionError]:
    for name, merged in context.supergraph.types.items():
        if merged.kind != "object":
            continue
        # Only object definitions resolve fields: a subgraph that (wrongly) declares the type as an interface
        # is TYPE_KIND_MISMATCH's to report, not a second, misleading sharing error.
        definitions = [(s, t) for s, t in context.definitions(name) if t.kind == "object"]
        for field_name in merged.fields:
            declarations = [
                (s, t.fields[field_name])
                for s, t in definitions
                if field_name in t.fields and not t.fields[field_name].external
            ]
            # Spec: a field overridden by another subgraph (@override(from:)) is no longer resolved there.
            overridden = {f.override for _, f in declarations if f.override}
            resolving = [(s, f) for s, f in declarations if s.name not in overridden]
            if len(resolving) < 2:
                continue
            unshared = [s.name for s, f in resolving if not f.shareable]
            if unshared:
                subgraphs = [s.name for s, _ in resolving]
                yield CompositionError(
                    "INVALID_FIELD_SHARING",
                    f'Non-shareable field "{name}.{field_name}" is resolved from multiple subgraphs: it is '
                    f"resolved from subgraphs {', '.join(map(repr, subgraphs))} and defined as non-shareable "
                    f"in subgraph(s) {', '.join(map(repr, unshared))}.",
                    tuple(subgraphs),
                    (f"{name}.{field_name}",),
                )
