"""WebSocket connections for subscriptions: over the network (websockets) or into an in-process ASGI app."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from router.subgraph_client.transport_ws import SUBPROTOCOL


class NetworkConnection:
    """A client WebSocket to a subgraph's URL (http(s) becomes ws(s))."""

    def __init__(self, connection: ClientConnection) -> None:
        self._connection = connection

    @classmethod
    async def open(cls, url: str, headers: Mapping[str, str], open_timeout: float) -> NetworkConnection:
        ws_url = "ws" + url[4:] if url.startswith("http") else url
        connection = await connect(
            ws_url,
            subprotocols=[Subprotocol(SUBPROTOCOL)],
            additional_headers=dict(headers),
            open_timeout=open_timeout,
            proxy=None,
        )
        return cls(connection)

    async def send(self, text: str) -> None:
        await self._connection.send(text)

    async def receive(self) -> str | None:
        try:
            message = await self._connection.recv()
        except ConnectionClosed:
            return None
        return message if isinstance(message, str) else message.decode()

    async def close(self) -> None:
        await self._connection.close()


class AsgiConnection:
    """A WebSocket session driven straight through an ASGI app's websocket scope: no socket, no server."""

    def __init__(self, app: Any, url: str, headers: Mapping[str, str]) -> None:
        parts = urlsplit(url)
        self._scope = {
            "type": "websocket",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "scheme": "ws",
            "server": (parts.hostname or "subgraph", 80),
            "client": ("127.0.0.1", 0),
            "root_path": "",
            "path": parts.path or "/",
            "raw_path": (parts.path or "/").encode(),
            "query_string": parts.query.encode(),
            "headers": [
                (b"host", (parts.hostname or "subgraph").encode()),
                (b"sec-websocket-protocol", SUBPROTOCOL.encode()),
                *((name.lower().encode(), value.encode()) for name, value in headers.items()),
            ],
            "subprotocols": [SUBPROTOCOL],
        }
        self._app = app
        self._to_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._from_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._closed = False

    @classmethod
    async def open(cls, app: Any, url: str, headers: Mapping[str, str]) -> AsgiConnection:
        connection = cls(app, url, headers)
        connection._task = asyncio.create_task(connection._serve())
        await connection._to_app.put({"type": "websocket.connect"})
        accepted = await connection._from_app.get()
        if accepted.get("type") != "websocket.accept":
            await connection.close()
            raise ConnectionError("the subgraph refused the WebSocket")
        return connection

    async def _serve(self) -> None:
        try:
            await self._app(self._scope, self._to_app.get, self._from_app.put)
        finally:
            await self._from_app.put({"type": "websocket.close"})

    async def send(self, text: str) -> None:
        if not self._closed:
            await self._to_app.put({"type": "websocket.receive", "text": text})

    async def receive(self) -> str | None:
        while not self._closed:
            message = await self._from_app.get()
            if message["type"] == "websocket.send":
                text = message.get("text")
                return text if text is not None else (message.get("bytes") or b"").decode()
            if message["type"] == "websocket.close":
                self._closed = True
        return None

    async def close(self) -> None:
        self._closed = True
        await self._to_app.put({"type": "websocket.disconnect", "code": 1000})
        if self._task is not None:
            # Give the app a moment to finish its own clean-up after the disconnect, then stop it.
            done, _ = await asyncio.wait({self._task}, timeout=1.0)
            if not done:
                self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
