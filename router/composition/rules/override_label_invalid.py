"""OVERRIDE_LABEL_INVALID: a progressive `@override(label:)` is `percent(N)` or a custom label name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from router.composition.result import CompositionError
from router.composition.rules.context import RuleContext

# Matches Apollo (composition-js merge.ts): a custom label starts with a letter and goes on with
# alphanumerics, `_`, `-`, `:`, `.` or `/`; a percentage is 0 to 100 with at most 8 decimals (`percent(.5)`,
# `percent(101)` and `percent(1.123456789)` are refused).
_CUSTOM = re.compile(r"[a-zA-Z][a-zA-Z0-9_\-:./]*")
_PERCENT = re.compile(r"percent\((\d{1,2}(\.\d{1,8})?|100)\)")


def is_valid_label(label: str) -> bool:
    return bool(_CUSTOM.fullmatch(label) or _PERCENT.fullmatch(label))


def check(context: RuleContext) -> Iterator[CompositionError]:
    for subgraph, type_def, field_def in context.fields():
        label = field_def.override_label
        if field_def.override is None or label is None or is_valid_label(label):
            continue
        coordinate = f"{type_def.name}.{field_def.name}"
        yield CompositionError(
            "OVERRIDE_LABEL_INVALID",
            f'Invalid @override label "{label}" on field "{coordinate}" on subgraph "{subgraph.name}": '
            "labels must start with a letter and after that may contain alphanumerics, underscores, minuses, "
            'colons, periods, or slashes. Alternatively, labels may be of the form "percent(x)" where x is a '
            "float between 0-100 inclusive.",
            (subgraph.name,),
            (coordinate,),
        )
