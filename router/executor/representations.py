"""Build entity representations from merged data with a Fetch's `requires` selection."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from router.executor.paths import TypeMatcher
from router.planner.plan import FieldSelection, InlineFragmentSelection, Selection

_MISSING = object()
# `requires` of leaf fields only, at the top or in inline fragments (most keys: `... on Product { __typename
# upc }`), as groups in selection order: (type condition, or None for the top level; ((name, key), ...)).
FlatRequires = tuple[tuple[str | None, tuple[tuple[str, str], ...]], ...]


@lru_cache(maxsize=1024)
def flat_requires(requires: tuple[Selection, ...]) -> FlatRequires | None:
    """`requires` as FlatRequires when it is that simple (a fetch's representations are then built in one
    loop per object), else None."""
    groups: list[tuple[str | None, tuple[tuple[str, str], ...]]] = []
    for selection in requires:
        condition, fields = (
            (selection.type_condition, selection.selections)
            if isinstance(selection, InlineFragmentSelection)
            else (None, (selection,))
        )
        pairs = []
        for inner in fields:
            if not isinstance(inner, FieldSelection) or inner.selections:
                return None
            pairs.append((inner.name, inner.alias or inner.name))
        groups.append((condition, tuple(pairs)))
    return tuple(groups)


def build_representation(
    obj: dict[str, Any],
    requires: tuple[Selection, ...],
    matches: TypeMatcher,
    flat: FlatRequires | None = None,
) -> dict[str, Any] | None:
    """The representation `obj` yields, or None when it matches no type condition or lacks a required field
    (Matches Apollo: such objects are not sent; their fields stay unresolved and complete to null).
    `flat` is `flat_requires(requires)`, worked out once per fetch by the caller."""
    typename = obj.get("__typename")
    if not isinstance(typename, str):
        return None
    if flat is not None:
        return _flat_representation(obj, flat, typename, matches)
    result = _select(obj, requires, typename, matches)
    if result is _MISSING or not result:
        return None
    assert isinstance(result, dict)
    return result


def _flat_representation(
    obj: dict[str, Any], flat: FlatRequires, typename: str, matches: TypeMatcher
) -> dict[str, Any] | None:
    # The same answer as `_select` for such a selection: a missing field (in a group that applies) drops the
    # object, and so does a representation with no field at all.
    representation: dict[str, Any] = {}
    for condition, pairs in flat:
        if condition is not None and not matches(typename, condition):
            continue
        for name, key in pairs:
            if key not in obj:
                return None
            representation[name] = obj[key]
    return representation or None


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
