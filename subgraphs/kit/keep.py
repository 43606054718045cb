"""The "leave this field as it is" marker of partial updates, distinct from None ("clear it")."""

from __future__ import annotations

import enum
from typing import TypeVar

import strawberry


class Keep(enum.Enum):
    """Marks a field an update leaves as it is (distinct from None, which clears a nullable field)."""

    KEEP = "keep"


KEEP = Keep.KEEP

Value = TypeVar("Value")


def kept(value: Value | None) -> Value | Keep | None:
    """An input field as a service reads it: left out of the GraphQL input (UNSET) → KEEP, null → None."""
    return KEEP if value is strawberry.UNSET else value
