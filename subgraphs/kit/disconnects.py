"""A client that hangs up mid-request is one log line, not an ERROR with a traceback.

The router gives up on a slow subgraph at its timeout and closes the connection; Starlette then raises
`ClientDisconnect` while the request body is read, and uvicorn logged it as "Exception in ASGI application"
with a traceback at ERROR — noise that hid real failures.
"""

from __future__ import annotations

import logging

from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Receive, Scope, Send

log = logging.getLogger(__name__)


class QuietDisconnects:
    """ASGI middleware: `ClientDisconnect` ends the request with one INFO line naming the route."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        except ClientDisconnect:
            # Nothing can be answered: the client is gone. Its own log says why it gave up.
            log.info("client disconnected before %s %s was answered", scope.get("method", "?"), scope["path"])
