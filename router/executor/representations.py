"""Build entity representations from merged data with a Fetch's `requires` selection."""

from __future__ import annotations

from typing import Any

from router.executor.paths import TypeMatcher
from router.planner.plan import FieldSelection, InlineFragmentSelection, Selection

_MISSING = object()


def build_representation(
    obj: dict[str, Any], requires: tuple[Selection, ...], matches: TypeMatcher
) -> dict[str, Any] | None:
    """The representation `obj` yields, or None when it matches no type condition or lacks a required field
    (Matches Apollo: such objects are not sent; their fields stay unresolved and complete to null)."""
    typename = obj.get("__typename")
    if not isinstance(typename, str):
        return None
    result = _select(obj, requires, typename, matches)
    if result is _MISSING or not result:
        return None
    assert isinstance(result, dict)
    return result


def _select(
    obj: dict[str, Any], selections: tuple[Selection, ...], typename: str, matches: TypeMatcher
) -> Any:
    result: dict[str, Any] = {}
    matched_any_fragment = False
    has_fragments = False
    for selection in selections:
        if isinstance(selection, InlineFragmentSelection):
            has_fragments = True
            if not matches(typename, selection.type_condition):
                continue
            matched_any_fragment = True
            inner = _select(obj, selection.selections, typename, matches)
            if inner is _MISSING:
                return _MISSING
            _merge_into(result, inner)
            continue
        value = _field_value(obj, selection, matches)
        if value is _MISSING:
            return _MISSING
        result[selection.name] = value
    if has_fragments and not matched_any_fragment and not result:
        return {}
    return result


def _field_value(obj: dict[str, Any], selection: FieldSelection, matches: TypeMatcher) -> Any:
    key = selection.alias or selection.name
    if key not in obj:
        return _MISSING
    value = obj[key]
    if not selection.selections or value is None:
        return value
    return _nested(value, selection.selections, matches)


def _nested(value: Any, selections: tuple[Selection, ...], matches: TypeMatcher) -> Any:
    if isinstance(value, list):
        items = [_nested(item, selections, matches) for item in value]
        return _MISSING if any(item is _MISSING for item in items) else items
    if not isinstance(value, dict):
        return value
    typename = value.get("__typename")
    return _select(value, selections, typename if isinstance(typename, str) else "", matches)


def _merge_into(target: dict[str, Any], source: dict[str, Any]) -> None:
    for key, value in source.items():
        if isinstance(target.get(key), dict) and isinstance(value, dict):
            _merge_into(target[key], value)
        else:
            target[key] = value
