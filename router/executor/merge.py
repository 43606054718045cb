"""Deep-merge subgraph results into the response tree by response key."""

from __future__ import annotations

from typing import Any


def deep_merge(target: dict[str, Any], source: dict[str, Any]) -> None:
    """Merge `source` into `target` in place: objects merge key by key, lists of equal length element-wise,
    anything else is replaced (a later fetch knows at least as much as an earlier one)."""
    for key, value in source.items():
        existing = target.get(key)
        if isinstance(existing, dict) and isinstance(value, dict):
            deep_merge(existing, value)
        elif isinstance(existing, list) and isinstance(value, list) and len(existing) == len(value):
            for position, item in enumerate(value):
                current = existing[position]
                if isinstance(current, dict) and isinstance(item, dict):
                    deep_merge(current, item)
                elif isinstance(current, list) and isinstance(item, list):
                    deep_merge_lists(current, item)
                else:
                    existing[position] = item
        elif value is None and existing is not None and key in target:
            # A null from a later fetch must not erase data an earlier fetch produced for the same key
            # (e.g. an entity fetch that failed for one field); the error travels separately.
            continue
        else:
            target[key] = value


def deep_merge_lists(target: list[Any], source: list[Any]) -> None:
    """Element-wise merge of nested lists of equal length (e.g. `[[Product]]`)."""
    if len(target) != len(source):
        target[:] = source
        return
    for position, item in enumerate(source):
        current = target[position]
        if isinstance(current, dict) and isinstance(item, dict):
            deep_merge(current, item)
        elif isinstance(current, list) and isinstance(item, list):
            deep_merge_lists(current, item)
        else:
            target[position] = item
