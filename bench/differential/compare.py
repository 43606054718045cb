"""When two gateways' answers to one operation differ: their `data`, or whether there are errors at all
(messages and their order differ between implementations and are not compared); on request also where the
errors are (the set of their `path`s), which catches an error reported at a field that never failed."""

from __future__ import annotations

import json
from typing import Any


def differs(ours: dict[str, Any], theirs: dict[str, Any], error_paths: bool = False) -> bool:
    if ours.get("data") != theirs.get("data"):
        return True
    if bool(ours.get("errors")) != bool(theirs.get("errors")):
        return True
    return error_paths and _paths(ours) != _paths(theirs)


def _paths(answer: dict[str, Any]) -> set[str]:
    # A set: two errors at one path (or one error twice) say the same about where the answer failed.
    errors = answer.get("errors")
    if not isinstance(errors, list):
        return set()
    return {json.dumps(error.get("path")) for error in errors if isinstance(error, dict)}
