"""When two gateways' answers to one operation differ: their `data`, or whether there are errors at all
(messages and their order differ between implementations and are not compared)."""

from __future__ import annotations

from typing import Any


def differs(ours: dict[str, Any], theirs: dict[str, Any]) -> bool:
    if ours.get("data") != theirs.get("data"):
        return True
    return bool(ours.get("errors")) != bool(theirs.get("errors"))
