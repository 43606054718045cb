"""Checks of every argument a client sends, before any resolver sees it: control characters and bad scalars.

PostgreSQL cannot store NUL (asyncpg: "invalid byte sequence 0x00") and SQLite stores it as-is, so a NUL in a
login email or a search was an INTERNAL_SERVER_ERROR on one store and poison on the other. Lone UTF-16
surrogates (JSON allows `"\\ud800"`) cannot be encoded to UTF-8 either. Checking in a schema extension covers
every argument of every field of every subgraph — ids, `_entities` representations, nested inputs — so no
resolver can forget.

Allowed: tab, line feed and carriage return in the multi-line fields (`MULTILINE_FIELDS`: notes, a status
note, descriptions, interview details), where people paste text; nowhere else.

A custom scalar that cannot parse a value returns a `RejectedValue` instead of raising: graphql-core would
report the raise as a document validation error (literal) or a variable error, neither naming the input
field; here it becomes BAD_USER_INPUT with `extensions.field`, like every other invalid input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from graphql import GraphQLResolveInfo
from strawberry.extensions import SchemaExtension

from subgraphs.kit.errors import BadUserInput

# `_entities` representations accepted in one call: the router sends one call per plan node with
# deduplicated keys, far below this; 5,000 took 3.4 s of one worker. `SubgraphSchema(max_representations=)`.
MAX_REPRESENTATIONS = 1000

# The input (or argument) names whose text may span lines.
MULTILINE_FIELDS = frozenset({"notes", "note", "description", "details"})

# C0 controls, DEL, C1 controls and surrogates; the multi-line form lets \t, \n and \r through.
_SINGLE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def control_character_in(value: str, *, multiline: bool = False) -> str | None:
    """The first character of `value` that no text input may hold (None if there is none)."""
    found = (_MULTILINE if multiline else _SINGLE_LINE).search(value)
    return found.group() if found else None


class RejectedValue:
    """What a scalar's parser returns for a value it cannot read; `message` says what was expected."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


def check_input(value: object, field: str, *, multiline: bool = False) -> None:
    """Raise BAD_USER_INPUT naming `field` (dotted path) at the first control character or rejected scalar
    in `value`: a string or scalar, or a list or input object (a mapping) holding them at any depth."""
    if isinstance(value, RejectedValue):
        raise BadUserInput(value.message, field=field)
    if isinstance(value, str):
        bad = control_character_in(value, multiline=multiline)
        if bad is not None:
            raise BadUserInput(f"must not contain control characters (found U+{ord(bad):04X})", field=field)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            check_input(item, f"{field}.{key}", multiline=str(key) in MULTILINE_FIELDS)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            check_input(item, f"{field}.{index}", multiline=multiline)


class CheckInputs(SchemaExtension):
    """Every field's arguments are checked before its resolver runs; a failure is that field's error.

    graphql-core hands the middleware the coerced arguments under their GraphQL names (input objects as
    dicts), so `extensions.field` reads like the request: `input.email`, `filter.search`,
    `representations.3.id`. `_entities` takes at most `max_representations` representations.
    """

    def __init__(self, *, max_representations: int = MAX_REPRESENTATIONS) -> None:
        self.max_representations = max_representations

    def resolve(
        self, _next: Callable[..., Any], root: Any, info: GraphQLResolveInfo, *args: Any, **kwargs: Any
    ) -> Any:
        if info.field_name == "_entities":
            count = len(kwargs.get("representations") or ())
            if count > self.max_representations:
                raise BadUserInput(
                    f"at most {self.max_representations} representations per call, got {count}",
                    field="representations",
                )
        for name, value in kwargs.items():
            check_input(value, name, multiline=name in MULTILINE_FIELDS)
        return _next(root, info, *args, **kwargs)
