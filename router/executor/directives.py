"""`@skip`, `@include`, `@defer` and `@stream` evaluated against the client's variables (Spec: #sec--skip,
#sec--include; incremental delivery RFC for `@defer` / `@stream`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import BooleanValueNode, IntValueNode, StringValueNode, VariableNode


def is_included(node: Any, variables: Mapping[str, Any]) -> bool:
    """False when `@skip(if: true)` or `@include(if: false)` applies to `node`."""
    for directive in node.directives or ():
        name = directive.name.value
        if name not in ("skip", "include"):
            continue
        condition = _if_argument(directive.arguments, variables)
        if name == "skip" and condition is True:
            return False
        if name == "include" and condition is False:
            return False
    return True


def is_deferred(node: Any, variables: Mapping[str, Any]) -> bool:
    """Whether a fragment has a `@defer` whose `if` (default true) holds."""
    for directive in node.directives or ():
        if directive.name.value == "defer":
            return _if_argument(directive.arguments, variables) is not False
    return False


def streamed(node: Any, variables: Mapping[str, Any]) -> tuple[int, str | None] | None:
    """(initialCount, label) of a field's `@stream` whose `if` (default true) holds, else None."""
    for directive in node.directives or ():
        if directive.name.value != "stream" or _if_argument(directive.arguments, variables) is False:
            continue
        initial, label = 0, None
        for argument in directive.arguments or ():
            value = argument.value
            if isinstance(value, VariableNode):
                resolved = variables.get(value.name.value)
            elif isinstance(value, IntValueNode):
                resolved = int(value.value)
            elif isinstance(value, StringValueNode):
                resolved = value.value
            else:
                continue
            if argument.name.value == "initialCount" and isinstance(resolved, int):
                initial = max(resolved, 0)
            elif argument.name.value == "label" and isinstance(resolved, str):
                label = resolved
        return initial, label
    return None


def _if_argument(arguments: Any, variables: Mapping[str, Any]) -> bool | None:
    for argument in arguments or ():
        if argument.name.value != "if":
            continue
        value = argument.value
        if isinstance(value, BooleanValueNode):
            return bool(value.value)
        if isinstance(value, VariableNode):
            return bool(variables.get(value.name.value))
    return None
