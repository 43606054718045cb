"""GraphQL over Server-Sent Events for subscriptions: the graphql-sse protocol, distinct connections mode.

Protocol: https://github.com/enisdenjo/graphql-sse/blob/master/PROTOCOL.md — the client POSTs (or GETs) the
operation with `Accept: text/event-stream`; each result is an `event: next` with the execution result as
`data`, and the stream ends with `event: complete`. A request error (invalid document, unknown field) is one
`next` carrying it, then `complete`. Heartbeats are SSE comments (`:`), which clients ignore and proxies see
as traffic.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import orjson
from starlette.responses import StreamingResponse

from router.pipeline import GraphQLRequest, Router
from router.plugins import RequestContext
from router.transport.streams import OpenStreams, subscription_results

EVENT_STREAM = "text/event-stream"
# graphql-sse's own server pings every 12 seconds.
HEARTBEAT_SECONDS = 12.0


def wants_event_stream(accept: str | None) -> bool:
    return bool(accept) and EVENT_STREAM in (accept or "").lower()


def sse_response(
    router: Router,
    request: GraphQLRequest,
    streams: OpenStreams,
    *,
    heartbeat: float = HEARTBEAT_SECONDS,
    context: RequestContext | None = None,
) -> StreamingResponse:
    """The event stream answering one subscription (or any operation: one `next`, then `complete`)."""

    async def frames() -> AsyncIterator[bytes]:
        # A first comment sends the headers at once, so the client knows the subscription is open.
        yield b":\n\n"
        results = subscription_results(router, request, streams, heartbeat=heartbeat, context=context)
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
