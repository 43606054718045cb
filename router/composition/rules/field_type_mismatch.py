"""FIELD_TYPE_MISMATCH: a field's types across subgraphs must merge (output: a common supertype; input: equal
named types, nullability may differ)."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.model import Field, Subgraph
from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext
from router.composition.typerefs import most_general, most_specific, print_type


def check(context: RuleContext) -> Iterator[CompositionError]:
    for name in context.supergraph.types:
        declared: dict[str, list[tuple[Subgraph, Field]]] = {}
        is_input = False
        for subgraph, type_def in context.definitions(name):
            is_input = type_def.kind == "input"
            for field_def in type_def.fields.values():
                declared.setdefault(field_def.name, []).append((subgraph, field_def))
        for field_name, declarations in declared.items():
            merged = declarations[0][1].type
            for _, field_def in declarations[1:]:
                if is_input:
                    result = most_specific(merged, field_def.type)
                else:
                    result = most_general(merged, field_def.type, context.relations.is_subtype)
                if result is None:
                    types = "; ".join(f"{print_type(f.type)} in {s.name!r}" for s, f in declarations)
                    yield CompositionError(
                        "FIELD_TYPE_MISMATCH",
                        f'Type of field "{name}.{field_name}" is incompatible across subgraphs: {types}.',
                        tuple(s.name for s, _ in declarations),
                        (f"{name}.{field_name}",),
                    )
                    break
                merged = result
