"""GraphQL over WebSocket for clients (`graphql-transport-ws`): subscriptions, and queries too, at /graphql.

Protocol: https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md — the client opens with
`connection_init` (its payload may carry headers such as `authorization`, forwarded to the subgraphs like HTTP
headers are), the router answers `connection_ack`; then each `subscribe` {id, payload} streams `next` messages
and ends with `complete`, or answers `error` for an operation that cannot run. The client may `complete` an
operation early. Protocol violations close the socket with the spec's 44xx codes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from typing import Any

import orjson
from starlette.websockets import WebSocket, WebSocketDisconnect

from router.pipeline import GraphQLRequest, Router
from router.plugins import RequestContext
from router.transport.streams import OpenStreams, subscription_results

logger = logging.getLogger("router.websocket")

SUBPROTOCOL = "graphql-transport-ws"
# Operations one socket may run at once; one more is answered with a RATE_LIMITED `error`.
MAX_OPERATIONS = 100
# The protocol has its own ping/pong; the shared stream only needs to wake up to notice an expired token.
_WAKE_SECONDS = 30.0


class SubscriptionEndpoint:
    """Serves `graphql-transport-ws` connections on one Router (read per operation, so reloads apply)."""

    def __init__(
        self,
        router: Router,
        *,
        init_timeout: float = 10.0,
        streams: OpenStreams | None = None,
        max_operations: int = MAX_OPERATIONS,
    ) -> None:
        self.router = router
        self.init_timeout = init_timeout
        # Shared with the HTTP streams: closing it ends every operation with an error (shutdown).
        self.streams = streams or OpenStreams()
        self.max_operations = max_operations

    async def handle(self, websocket: WebSocket) -> None:
        if SUBPROTOCOL not in websocket.scope.get("subprotocols", []):
            # As graphql-ws servers do: complete the handshake without a subprotocol, then close with 4406
            # (refusing the handshake would give the client a bare HTTP 403 and no reason).
            await websocket.accept()
            await websocket.close(code=4406, reason="Subprotocol not acceptable")
            return
        await websocket.accept(subprotocol=SUBPROTOCOL)
        connection = _Connection(websocket, self.router, self.streams, self.max_operations)
        try:
            await connection.run(self.init_timeout)
        except WebSocketDisconnect:
            pass
        finally:
            await connection.stop()


class _Connection:
    """One client socket: its initialisation state and running operations by id."""

    def __init__(
        self, websocket: WebSocket, router: Router, streams: OpenStreams, max_operations: int
    ) -> None:
        self.websocket = websocket
        self.router = router
        self.streams = streams
        self.max_operations = max_operations
        self.headers: dict[str, str] = {}
        self.operations: dict[str, asyncio.Task[None]] = {}
        self._send_lock = asyncio.Lock()

    async def run(self, init_timeout: float) -> None:
        try:
            async with asyncio.timeout(init_timeout):
                first = await self._receive()
        except TimeoutError:
            await self.websocket.close(code=4408, reason="Connection initialisation timeout")
            return
        if first is None or first.get("type") != "connection_init":
            # Anything before connection_init (a subscribe included) is unauthorised by the spec.
            await self.websocket.close(code=4401, reason="Unauthorized")
            return
        self.headers = _forwarded_headers(first.get("payload"))
        await self._send({"type": "connection_ack"})
        while True:
            message = await self._receive()
            if message is None:
                return
            kind = message.get("type")
            if kind == "ping":
                await self._send({"type": "pong"})
            elif kind == "pong":
                continue
            elif kind == "connection_init":
                await self.websocket.close(code=4429, reason="Too many initialisation requests")
                return
            elif kind == "subscribe":
                if not await self._subscribe(message):
                    return
            elif kind == "complete":
                task = self.operations.pop(str(message.get("id")), None)
                if task is not None:
                    task.cancel()
            else:
                await self.websocket.close(code=4400, reason=f"Unexpected message type {kind!r}")
                return

    async def _subscribe(self, message: Mapping[str, Any]) -> bool:
        operation_id = message.get("id")
        payload = message.get("payload")
        if not isinstance(operation_id, str) or not operation_id or not isinstance(payload, dict):
            await self.websocket.close(code=4400, reason="Invalid subscribe message")
            return False
        if operation_id in self.operations:
            await self.websocket.close(code=4409, reason=f"Subscriber for {operation_id} already exists")
            return False
        query = payload.get("query")
        variables = payload.get("variables")
        operation_name = payload.get("operationName")
        if not isinstance(query, str) or not isinstance(variables, dict | None):
            await self.websocket.close(code=4400, reason="Invalid subscribe payload")
            return False
        if len(self.operations) >= self.max_operations:
            error = {
                "message": f"At most {self.max_operations} operations at once on one connection.",
                "extensions": {"code": "RATE_LIMITED"},
            }
            await self._send({"id": operation_id, "type": "error", "payload": [error]})
            return True
        request = GraphQLRequest(
            query=query,
            variables=variables,
            operation_name=operation_name if isinstance(operation_name, str) else None,
            headers=self.headers,
        )
        self.operations[operation_id] = asyncio.create_task(
            self._stream(operation_id, request), name=f"ws-operation-{operation_id}"
        )
        return True

    async def _stream(self, operation_id: str, request: GraphQLRequest) -> None:
        try:
            # Ends with an error when the token expires, the supergraph is reloaded or the router stops.
            peer = self.websocket.client
            context = RequestContext(
                request, method="WS", headers=self.headers, client_address=peer.host if peer else None
            )
            stream = subscription_results(
                self.router, request, self.streams, heartbeat=_WAKE_SECONDS, context=context
            )
            async with contextlib.aclosing(stream) as results:
                async for result in results:
                    if result is None:
                        continue
                    if result.request_error:
                        # The operation never ran (invalid document, bad variables): `error`, no `complete`.
                        errors = result.body.get("errors", [])
                        await self._send({"id": operation_id, "type": "error", "payload": errors})
                        return
                    await self._send({"id": operation_id, "type": "next", "payload": result.body})
            await self._send({"id": operation_id, "type": "complete"})
        except asyncio.CancelledError:
            raise
        except WebSocketDisconnect:
            pass
        except Exception:
            # A bug must not leave the client waiting: tell it, keep the details in the log.
            logger.exception("subscription %s failed", operation_id)
            error = {"message": "Internal server error", "extensions": {"code": "INTERNAL_SERVER_ERROR"}}
            with contextlib.suppress(Exception):
                await self._send({"id": operation_id, "type": "error", "payload": [error]})
        finally:
            self.operations.pop(operation_id, None)

    async def stop(self) -> None:
        """Cancel every running operation (the client went away or broke the protocol)."""
        tasks = list(self.operations.values())
        self.operations.clear()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def _receive(self) -> dict[str, Any] | None:
        try:
            text = await self.websocket.receive_text()
        except WebSocketDisconnect:
            return None
        try:
            message = orjson.loads(text)
        except orjson.JSONDecodeError:
            await self.websocket.close(code=4400, reason="Invalid JSON")
            return None
        if not isinstance(message, dict):
            await self.websocket.close(code=4400, reason="Messages must be JSON objects")
            return None
        return message

    async def _send(self, message: Mapping[str, Any]) -> None:
        # Operations stream concurrently on one socket: one frame at a time.
        async with self._send_lock:
            await self.websocket.send_text(orjson.dumps(message).decode())


def _forwarded_headers(payload: object) -> dict[str, str]:
    """The headers a client put in `connection_init`'s payload (`{"authorization": ...}`, or the same under
    `headers`); the router forwards only those it forwards for HTTP requests too."""
    if not isinstance(payload, dict):
        return {}
    nested = payload.get("headers")
    source: dict[Any, Any] = nested if isinstance(nested, dict) else payload
    return {
        key.lower(): value for key, value in source.items() if isinstance(key, str) and isinstance(value, str)
    }
