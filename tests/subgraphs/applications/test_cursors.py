"""Cursors of `applications`: each order's positions round-trip, missing sort keys too, and a cursor is
refused by every order but its own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from subgraphs.applications import cursors
from subgraphs.applications.models import ApplicationOrder, PageKey
from subgraphs.kit.errors import BadUserInput
from subgraphs.kit.pagination import encode_cursor

AT = datetime(2031, 3, 10, 9, 0, tzinfo=UTC)
POSITIONS = [
    PageKey(ApplicationOrder.NEWEST, AT, "a1"),
    PageKey(ApplicationOrder.OLDEST, AT, "a1"),
    PageKey(ApplicationOrder.RECENTLY_UPDATED, AT, "a1"),
    PageKey(ApplicationOrder.COMPANY, "ärzte: straße", "a1"),
    PageKey(ApplicationOrder.PRIORITY, 3, "a1"),
    PageKey(ApplicationOrder.PRIORITY, None, "a1"),
    PageKey(ApplicationOrder.DEADLINE, AT, "a1"),
    PageKey(ApplicationOrder.DEADLINE, None, "a1"),
]


@pytest.mark.parametrize("position", POSITIONS, ids=lambda key: f"{key.order.value}-{key.value}")
def test_a_position_round_trips_in_its_own_order_only(position: PageKey) -> None:
    cursor = cursors.encode(position)
    assert cursors.decode(cursor, position.order) == position
    for other in ApplicationOrder:
        if other is not position.order:
            with pytest.raises(BadUserInput) as raised:
                cursors.decode(cursor, other)
            assert raised.value.field == "after"


@pytest.mark.parametrize(
    ("cursor", "order"),
    [
        ("not a cursor", ApplicationOrder.PRIORITY),
        (encode_cursor("PRIORITY:high", "a1"), ApplicationOrder.PRIORITY),
        (encode_cursor("OLDEST:", "a1"), ApplicationOrder.OLDEST),
        (encode_cursor("DEADLINE:2031-03-10T09:00:00", "a1"), ApplicationOrder.DEADLINE),
        (encode_cursor("COMPANY:", "a1"), ApplicationOrder.COMPANY),
    ],
)
def test_anything_else_is_bad_user_input_naming_after(cursor: str, order: ApplicationOrder) -> None:
    with pytest.raises(BadUserInput) as raised:
        cursors.decode(cursor, order)
    assert raised.value.field == "after"


def test_no_cursor_is_the_start() -> None:
    assert cursors.decode(None, ApplicationOrder.COMPANY) is None
