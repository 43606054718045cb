"""Subscriptions to a subgraph over the `graphql-transport-ws` protocol, on any text-frame connection.

Protocol: https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md — connection_init → connection_ack,
then `subscribe` with an id; the server streams `next` payloads and ends with `complete` (or `error`).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator
from typing import Any, Protocol

import orjson

from router.subgraph_client.protocol import SubgraphRequest, SubgraphResponse, failure

SUBPROTOCOL = "graphql-transport-ws"
_OPERATION_ID = "1"


class TextConnection(Protocol):
    """A message-oriented duplex connection (a WebSocket): whole text frames in and out."""

    async def send(self, text: str) -> None: ...

    async def receive(self) -> str | None:
        """The next text frame, or None once the peer closed."""
        ...

    async def close(self) -> None: ...


async def subscribe_over(
    connection: TextConnection, request: SubgraphRequest, *, service_name: str
) -> AsyncGenerator[SubgraphResponse, None]:
    """Run one subscription on `connection` and yield each event; protocol failures end the stream with an
    error response instead of raising. Closing the iterator early completes the subscription."""
    completed = False
    try:
        await _send(connection, {"type": "connection_init", "payload": {}})
        while True:
            message = await _receive(connection)
            if message is None:
                message_text = f"subgraph '{service_name}' refused the subscription"
                yield failure("SUBGRAPH_REQUEST_FAILED", message_text)
                return
            if message.get("type") == "ping":
                await _send(connection, {"type": "pong"})
            elif message.get("type") == "connection_ack":
                break
        payload: dict[str, Any] = {"query": request.query, "variables": dict(request.variables)}
        if request.operation_name:
            payload["operationName"] = request.operation_name
        await _send(connection, {"id": _OPERATION_ID, "type": "subscribe", "payload": payload})
        while True:
            message = await _receive(connection)
            if message is None:
                yield failure("SUBGRAPH_REQUEST_FAILED", f"subgraph '{service_name}' closed the subscription")
                return
            kind = message.get("type")
            if kind == "ping":
                await _send(connection, {"type": "pong"})
            elif kind == "next" and message.get("id") == _OPERATION_ID:
                event = message.get("payload") or {}
                data = event.get("data")
                errors = event.get("errors") or []
                yield SubgraphResponse(data=data if isinstance(data, dict) else None, errors=tuple(errors))
            elif kind == "error" and message.get("id") == _OPERATION_ID:
                errors = message.get("payload")
                completed = True
                yield SubgraphResponse(data=None, errors=tuple(errors if isinstance(errors, list) else []))
                return
            elif kind == "complete" and message.get("id") == _OPERATION_ID:
                completed = True
                return
    finally:
        if not completed:
            # The peer may already be gone; closing below is all that is left to do then.
            with contextlib.suppress(Exception):
                await _send(connection, {"id": _OPERATION_ID, "type": "complete"})
        await connection.close()


async def _send(connection: TextConnection, message: dict[str, Any]) -> None:
    await connection.send(orjson.dumps(message).decode())


async def _receive(connection: TextConnection) -> dict[str, Any] | None:
    text = await connection.receive()
    if text is None:
        return None
    try:
        message = orjson.loads(text)
    except orjson.JSONDecodeError:
        return {"type": "error", "id": _OPERATION_ID, "payload": [{"message": "malformed subgraph message"}]}
    return message if isinstance(message, dict) else None
