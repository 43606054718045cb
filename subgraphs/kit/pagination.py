"""Cursor connections (DESIGN.md: edges/cursor/node, pageInfo, totalCount; `first` 1..100, default 20).

Cursors are opaque to clients: URL-safe base64 of a JSON array of the sort key and the id.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Generic, TypeVar

import strawberry
from strawberry.federation.schema_directives import ListSize

from subgraphs.kit.errors import BadUserInput

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# On a connection field (`directives=[PAGE_SIZE]`): the router's cost estimate (router/cost.py) counts
# `first` edges, or the default page when `first` is left out.
PAGE_SIZE = ListSize(
    assumed_size=DEFAULT_PAGE_SIZE,
    slicing_arguments=["first"],
    sized_fields=["edges"],
    require_one_slicing_argument=False,
)

Node = TypeVar("Node")
Item = TypeVar("Item")


# Every subgraph defines PageInfo: a value type must be @shareable to compose (Federation 2).
@strawberry.federation.type(shareable=True)
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[Node]):
    cursor: str
    node: Node


@strawberry.type
class Connection(Generic[Node]):
    edges: list[Edge[Node]]
    page_info: PageInfo
    total_count: int


def page_size(first: int | None, field: str = "first") -> int:
    """`first` checked against DESIGN.md's bounds (default 20, 1..100), else BAD_USER_INPUT."""
    if first is None:
        return DEFAULT_PAGE_SIZE
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise BadUserInput(f"must be between 1 and {MAX_PAGE_SIZE}", field=field)
    return first


def encode_cursor(sort_key: str, item_id: str) -> str:
    """An opaque cursor for the item at (sort_key, item_id) in some order."""
    raw = json.dumps([sort_key, item_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, field: str = "after") -> tuple[str, str]:
    """The (sort_key, item_id) inside a cursor made by `encode_cursor`; anything else is BAD_USER_INPUT."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError) as error:
        raise BadUserInput("is not a cursor from this list", field=field) from error
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(part, str) for part in value)):
        raise BadUserInput("is not a cursor from this list", field=field)
    return value[0], value[1]


def decode_instant_cursor(cursor: str | None, field: str = "after") -> tuple[datetime, str] | None:
    """(instant, item_id) of a cursor whose sort key is an aware ISO 8601 instant; None for no cursor."""
    if cursor is None:
        return None
    sort_key, item_id = decode_cursor(cursor, field)
    try:
        moment = datetime.fromisoformat(sort_key)
    except ValueError as error:
        raise BadUserInput("is not a cursor from this list", field=field) from error
    if moment.tzinfo is None:
        raise BadUserInput("is not a cursor from this list", field=field)
    return moment, item_id


def connection(
    items: Sequence[Item],
    *,
    node: Callable[[Item], Node],
    cursor: Callable[[Item], str],
    has_next_page: bool,
    total_count: int,
) -> Connection[Node]:
    """The connection of one page: an edge per item (its cursor and node), pageInfo and totalCount."""
    edges = [Edge(cursor=cursor(item), node=node(item)) for item in items]
    return Connection(
        edges=edges,
        page_info=PageInfo(has_next_page=has_next_page, end_cursor=edges[-1].cursor if edges else None),
        total_count=total_count,
    )
