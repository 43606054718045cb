"""REFERENCED_INACCESSIBLE: an accessible field or argument cannot use a type that is @inaccessible."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext
from router.composition.typerefs import named_type


def check(context: RuleContext) -> Iterator[CompositionError]:
    types = context.supergraph.types
    hidden = {name for name, t in types.items() if t.inaccessible}
    if not hidden:
        return
    for name, merged in types.items():
        if merged.inaccessible:
            continue
        for field in merged.fields.values():
            if field.inaccessible:
                continue
            coordinate = f"{name}.{field.name}"
            references = [(coordinate, named_type(field.type))]
            references += [
                (f"{coordinate}({a.name}:)", named_type(a.type))
                for a in field.args.values()
                if not a.inaccessible
            ]
            for element, target in references:
                if target in hidden:
                    subgraphs = tuple(s.name for s, _ in context.definitions(target))
                    yield CompositionError(
                        "REFERENCED_INACCESSIBLE",
                        f'Type "{target}" is @inaccessible but is referenced by "{element}", which is in the '
                        "API schema.",
                        subgraphs,
                        (element, target),
                    )
