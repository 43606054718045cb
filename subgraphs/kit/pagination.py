"""Cursor connections (DESIGN.md: edges/cursor/node, pageInfo, totalCount; `first` 1..100, default 20).

Cursors are opaque to clients: URL-safe base64 of a JSON array of the sort key and the id.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Generic, TypeVar

import strawberry

from subgraphs.kit.errors import BadUserInput

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100

Node = TypeVar("Node")


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
