"""KEY_FIELDS_SELECT_INVALID_TYPE: key fields cannot select interface or union typed fields."""

from __future__ import annotations

from collections.abc import Iterator

from router.composition.fieldset_walk import walk_field_set
from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext
from router.composition.typerefs import named_type


def check(context: RuleContext) -> Iterator[CompositionError]:
    for subgraph in context.subgraphs:
        for type_def in subgraph.types.values():
            for key in type_def.keys:
                for selected in walk_field_set(subgraph, type_def.name, key.fields).fields:
                    if selected.definition is None:
                        continue
                    target = subgraph.types.get(named_type(selected.definition.type))
                    kind = target.kind if target else "scalar"
                    # Lists are allowed (Fed 2 composes list keys); abstract types are not.
                    if kind in ("interface", "union"):
                        what = "an interface" if kind == "interface" else "a union"
                        yield CompositionError(
                            "KEY_FIELDS_SELECT_INVALID_TYPE",
                            f'[{subgraph.name}] On type "{type_def.name}", for @key(fields: "{key.fields}"): '
                            f'field "{selected.parent}.{selected.name}" is {what} type which is not allowed '
                            "in @key.",
                            (subgraph.name,),
                            (f"{selected.parent}.{selected.name}",),
                        )
