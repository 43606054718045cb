"""Entity representations from merged data: the fast build of leaf-only `requires` answers what the general
build answers."""

from __future__ import annotations

from typing import Any

import pytest

from router.executor.representations import build_representation, flat_requires
from router.planner.plan import FieldSelection, InlineFragmentSelection, Selection

PRODUCT_KEY: tuple[Selection, ...] = (
    InlineFragmentSelection("Product", (FieldSelection("__typename"), FieldSelection("upc"))),
)
# A key on two types, one field read from a planner alias, and a top-level field after the fragments.
TWO_TYPES: tuple[Selection, ...] = (
    InlineFragmentSelection("Book", (FieldSelection("__typename"), FieldSelection("isbn", alias="isbn_1"))),
    InlineFragmentSelection("Movie", (FieldSelection("__typename"), FieldSelection("id"))),
    FieldSelection("price"),
)


def matches(typename: str, condition: str) -> bool:
    return typename == condition


@pytest.mark.parametrize(
    ("requires", "obj", "expected"),
    [
        (
            PRODUCT_KEY,
            {"__typename": "Product", "upc": "1", "name": "Table"},
            {"__typename": "Product", "upc": "1"},
        ),
        # A required field missing: the object is not sent.
        (PRODUCT_KEY, {"__typename": "Product", "name": "Table"}, None),
        # No type condition applies and nothing else is selected: not sent.
        (PRODUCT_KEY, {"__typename": "User", "upc": "1"}, None),
        # No `__typename` to match conditions with: not sent.
        (PRODUCT_KEY, {"upc": "1"}, None),
        (
            TWO_TYPES,
            {"__typename": "Book", "isbn_1": "x", "price": 3},
            {"__typename": "Book", "isbn": "x", "price": 3},
        ),
        (
            TWO_TYPES,
            {"__typename": "Movie", "id": "m", "price": None},
            {"__typename": "Movie", "id": "m", "price": None},
        ),
        (TWO_TYPES, {"__typename": "Movie", "id": "m"}, None),
        (TWO_TYPES, {"__typename": "Song", "price": 1}, {"price": 1}),
    ],
)
def test_leaf_only_requires_build_the_same_representation_both_ways(
    requires: tuple[Selection, ...], obj: dict[str, Any], expected: dict[str, Any] | None
) -> None:
    simple = flat_requires(requires)
    assert simple is not None
    assert build_representation(obj, requires, matches, simple) == expected
    assert build_representation(obj, requires, matches) == expected


def test_requires_with_a_nested_selection_take_the_general_build() -> None:
    requires = (FieldSelection("id"), FieldSelection("owner", (FieldSelection("id"),)))
    assert flat_requires(requires) is None
    obj = {"__typename": "Car", "id": "c", "owner": {"id": "u", "name": "Ada"}}
    assert build_representation(obj, requires, matches) == {"id": "c", "owner": {"id": "u"}}
