"""Cursors of `applications`: a position in one `ApplicationOrder` (its sort key value and the id), opaque.

NEWEST cursors are the kit's instant cursors as before the other orders existed; the others prefix the sort
key with the order's name, so a cursor handed to another order than its own is BAD_USER_INPUT `after`.
"""

from __future__ import annotations

from datetime import datetime

from subgraphs.applications.models import ApplicationOrder, PageKey, SortValue
from subgraphs.kit.errors import BadUserInput
from subgraphs.kit.pagination import decode_cursor, decode_instant_cursor, encode_cursor

_INSTANT_ORDERS = frozenset(
    {ApplicationOrder.OLDEST, ApplicationOrder.RECENTLY_UPDATED, ApplicationOrder.DEADLINE}
)


def encode(key: PageKey) -> str:
    """The cursor of the item at `key`."""
    if key.order is ApplicationOrder.NEWEST:
        assert isinstance(key.value, datetime)
        return encode_cursor(key.value.isoformat(), key.id)
    return encode_cursor(f"{key.order.value}:{_text(key.value)}", key.id)


def decode(cursor: str | None, order: ApplicationOrder, field: str = "after") -> PageKey | None:
    """The position `cursor` stands for in `order`; BAD_USER_INPUT `field` if it is not a cursor of it."""
    if cursor is None:
        return None
    if order is ApplicationOrder.NEWEST:
        position = decode_instant_cursor(cursor, field)
        assert position is not None, "only a missing cursor decodes to None"
        return PageKey(order, *position)
    sort_key, item_id = decode_cursor(cursor, field)
    name, separator, text = sort_key.partition(":")
    if not separator or name != order.value:
        raise BadUserInput("is a cursor of another order", field=field)
    try:
        return PageKey(order, _value(order, text), item_id)
    except ValueError as error:
        raise BadUserInput("is not a cursor from this list", field=field) from error


def _text(value: SortValue) -> str:
    # "" stands for "no value", which no priority, instant or company name is.
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, datetime) else str(value)


def _value(order: ApplicationOrder, text: str) -> SortValue:
    """The sort key value `_text` wrote; ValueError if it cannot be one of `order`."""
    if order is ApplicationOrder.COMPANY:
        if not text:
            raise ValueError("a company name is never empty")
        return text
    if not text:
        if order in (ApplicationOrder.PRIORITY, ApplicationOrder.DEADLINE):
            return None
        raise ValueError(f"every application has a sort key in {order.value}")
    if order is ApplicationOrder.PRIORITY:
        return int(text)
    assert order in _INSTANT_ORDERS
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("cursor instants carry their offset")
    return moment
