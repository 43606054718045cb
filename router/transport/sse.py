"""GraphQL over Server-Sent Events for subscriptions: the graphql-sse protocol, distinct connections mode.

Protocol: https://github.com/enisdenjo/graphql-sse/blob/master/PROTOCOL.md — the client POSTs (or GETs) the
operation with `Accept: text/event-stream`; each result is an `event: next` with the execution result as
`data`, and the stream ends with `event: complete`. A request error (invalid document, unknown field) is one
`next` carrying it, then `complete`. Heartbeats are SSE comments (`:`), which clients ignore and proxies see
as traffic. A query with `@defer`/`@stream` sends each incremental payload as a `next`
(router/executor/incremental.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import orjson
from starlette.responses import StreamingResponse

from router.executor.incremental import IncrementalFormat
from router.pipeline import GraphQLRequest, Router
from router.plugins import RequestContext
from router.transport.streams import OpenStreams, subscription_results

EVENT_STREAM = "text/event-stream"
# graphql-sse's own server pings every 12 seconds.
HEARTBEAT_SECONDS = 12.0


def wants_event_stream(accept: str | None) -> bool:
    return bool(accept) and EVENT_STREAM in (accept or "").lower()


def sse_incremental_format(accept: str | None) -> IncrementalFormat:
    """The payload form of a `@defer`/`@stream` operation over SSE: the RFC draft's for
    `text/event-stream;incrementalSpec=v0.2`, else Apollo's (what graphql-yoga sends over SSE too)."""
    return "v0.2" if "incrementalspec=v0.2" in (accept or "").lower().replace(" ", "") else "20220824"


def sse_response(
    router: Router,
    request: GraphQLRequest,
    streams: OpenStreams,
    *,
    heartbeat: float = HEARTBEAT_SECONDS,
    context: RequestContext | None = None,
    incremental: IncrementalFormat | None = None,
) -> StreamingResponse:
    """The event stream answering one subscription (or any operation: one `next`, then `complete`; with
    `incremental`, a `@defer`/`@stream` operation's payloads each in a `next`)."""

    async def frames() -> AsyncIterator[bytes]:
        # A first comment sends the headers at once, so the client knows the subscription is open.
        yield b":\n\n"
        results = subscription_results(
            router, request, streams, heartbeat=heartbeat, context=context, incremental=incremental
        )
        async for result in results:
            if result is None:
                yield b":\n\n"
            else:
                yield b"event: next\ndata: " + orjson.dumps(result.body) + b"\n\n"
        yield b"event: complete\ndata:\n\n"

    return StreamingResponse(
        frames(),
        media_type=EVENT_STREAM,
        # No caching or proxy buffering of a live stream (nginx honours X-Accel-Buffering).
        headers={"cache-control": "no-cache", "x-accel-buffering": "no"},
    )
