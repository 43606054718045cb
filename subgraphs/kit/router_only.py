"""Subgraphs answer GraphQL only to the router: a shared secret header the router adds to every request.

Inside a cluster anything can reach a subgraph's port; without this, `_service { sdl }`, introspection and
`_entities` answered anyone, and the client address a subgraph throttles by (`X-Forwarded-For`) could be
forged. The router sends `x-jobgraph-router-secret` (`JOBGRAPH_ROUTER_SECRET`, the same value for the router
and every subgraph; `jobgraph dev` makes one per process). `/health*` and `/metrics` stay open for probes
and Prometheus, and users' JWKS is public by nature; users' `/api-tokens/exchange` is the router's alone.
"""

from __future__ import annotations

import hmac
import logging

import orjson
from starlette.types import ASGIApp, Receive, Scope, Send

log = logging.getLogger(__name__)

ROUTER_SECRET_HEADER = "x-jobgraph-router-secret"
# The paths that answer GraphQL (HTTP and WebSocket) and users' API-token exchange (which mints access
# tokens); everything else is left alone.
GUARDED_PATHS = frozenset({"/graphql", "/api-tokens/exchange"})

_REFUSAL = orjson.dumps(
    {
        "errors": [
            {
                "message": "this subgraph answers only the jobgraph router",
                "extensions": {"code": "FORBIDDEN"},
            }
        ]
    }
)


class RouterOnly:
    """ASGI middleware: a GraphQL request without the router's secret is refused with 403 and a
    FORBIDDEN GraphQL error (a WebSocket is closed before it is accepted, which clients see as 403)."""

    def __init__(self, app: ASGIApp, secret: str) -> None:
        if not secret:
            raise ValueError("RouterOnly needs a non-empty secret")
        self.app = app
        self._secret = secret.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or _local_path(scope) not in GUARDED_PATHS:
            await self.app(scope, receive, send)
            return
        presented = b""
        for name, value in scope["headers"]:
            if name == ROUTER_SECRET_HEADER.encode():
                presented = value
                break
        # Constant time: the comparison must not tell how much of a guess was right.
        if hmac.compare_digest(presented, self._secret):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        log.warning("refused a %s request to %s from %s without the router's secret",
                    scope["type"], scope["path"], client[0] if client else "?")  # fmt: skip
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 4403})
            return
        await send(
            {
                "type": "http.response.start",
                "status": 403,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(_REFUSAL)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": _REFUSAL})


def _local_path(scope: Scope) -> str:
    # Under a Mount, Starlette keeps the full path and puts the prefix in root_path.
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


def guarded(app: ASGIApp, secret: str | None) -> ASGIApp:
    """`app` behind `RouterOnly` when a secret is configured; as it is otherwise (tests, tools)."""
    return RouterOnly(app, secret) if secret else app
