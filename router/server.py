"""The router's HTTP server: uvicorn, but at shutdown every open subscription stream is ended first.

uvicorn stops accepting connections, then waits for the requests in progress to finish before it runs the
app's lifespan shutdown, and a subscription stream never finishes by itself: without this the process would
wait for every client to hang up. Ending the streams (each with a SUBSCRIPTION_CLOSED error, then the
protocol's normal end) lets them finish, and the clients know to subscribe again elsewhere.
"""

from __future__ import annotations

import socket

import uvicorn

from router.transport.streams import OpenStreams


class RouterServer(uvicorn.Server):
    """A uvicorn server that closes `streams` as the first step of its shutdown."""

    def __init__(self, config: uvicorn.Config, streams: OpenStreams) -> None:
        super().__init__(config)
        self.streams = streams

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        self.streams.close_all()
        await super().shutdown(sockets)
