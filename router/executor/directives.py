"""`@skip` and `@include` evaluated against the client's variables (Spec: #sec--skip, #sec--include)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import BooleanValueNode, VariableNode


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
