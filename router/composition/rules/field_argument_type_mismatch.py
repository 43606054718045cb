"""FIELD_ARGUMENT_TYPE_MISMATCH (and argument default / required-argument checks) for shared fields."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext
from router.composition.typerefs import most_specific, print_type


def check(context: RuleContext) -> Iterator[CompositionError]:
    for name, merged_type in context.supergraph.types.items():
        if merged_type.kind not in ("object", "interface"):
            continue
        for field_name in merged_type.fields:
            declarations = [
                (s, t.fields[field_name]) for s, t in context.definitions(name) if field_name in t.fields
            ]
            coordinate = f"{name}.{field_name}"
            arg_names = {a for _, f in declarations for a in f.args}
            for arg_name in sorted(arg_names):
                having = [(s, f.args[arg_name]) for s, f in declarations if arg_name in f.args]
                subgraph_names = tuple(s.name for s, _ in having)
                merged = having[0][1].type
                for _, arg in having[1:]:
                    result = most_specific(merged, arg.type)
                    if result is None:
                        types = "; ".join(f"{print_type(a.type)} in {s.name!r}" for s, a in having)
                        yield CompositionError(
                            "FIELD_ARGUMENT_TYPE_MISMATCH",
                            f'Type of argument "{coordinate}({arg_name}:)" is incompatible across '
                            f"subgraphs: {types}.",
                            subgraph_names,
                            (f"{coordinate}({arg_name}:)",),
                        )
                        break
                    merged = result
                defaults = {a.default for _, a in having if a.default is not None}
                if len(defaults) > 1:
                    yield CompositionError(
                        "FIELD_ARGUMENT_DEFAULT_MISMATCH",
                        f'Argument "{coordinate}({arg_name}:)" has incompatible default values across '
                        f"subgraphs: {', '.join(sorted(defaults))}.",
                        subgraph_names,
                        (f"{coordinate}({arg_name}:)",),
                    )
                missing = [s.name for s, f in declarations if arg_name not in f.args and not f.external]
                required = [
                    s.name for s, a in having if a.default is None and print_type(a.type).endswith("!")
                ]
                if missing and required:
                    # Matches Apollo: arguments are intersected, so a required one cannot be dropped.
                    yield CompositionError(
                        "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH",
                        f'Argument "{coordinate}({arg_name}:)" is required in subgraph(s) {required} but '
                        f"missing in subgraph(s) {missing}.",
                        tuple(required + missing),
                        (f"{coordinate}({arg_name}:)",),
                    )
