"""Subscriptions over multipart HTTP, the protocol Apollo clients speak (`subscriptionSpec="1.0"`).

Protocol: https://www.apollographql.com/docs/graphos/routing/operations/subscriptions/multipart-protocol —
the client sends `Accept: multipart/mixed;subscriptionSpec="1.0"`; the response is
`multipart/mixed;boundary="graphql";subscriptionSpec="1.0"`, each part a JSON object: `{"payload": result}`
per event, `{}` as a heartbeat (Apollo sends one every 5 seconds), and `{"payload": null, "errors": [...]}`
for an error that ends the subscription (token expired, router shutting down). `--graphql--` closes it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import orjson
from starlette.responses import StreamingResponse

from router.pipeline import GraphQLRequest, Router
from router.plugins import RequestContext
from router.transport.streams import OpenStreams, subscription_results

CONTENT_TYPE = 'multipart/mixed;boundary="graphql";subscriptionSpec="1.0"'
HEARTBEAT_SECONDS = 5.0
# Apollo Router's framing, the same for `@defer` responses (router/transport/multipart_incremental.py): each
# part opens with the boundary and a JSON content type; the last boundary closes the response.
PART = b"\r\n--graphql\r\ncontent-type: application/json\r\n\r\n"
END = b"\r\n--graphql--\r\n"


def wants_multipart_subscription(accept: str | None) -> bool:
    normalized = (accept or "").lower().replace(" ", "")
    return "multipart/mixed" in normalized and 'subscriptionspec="1.0"' in normalized.replace("'", '"')


def multipart_response(
    router: Router,
    request: GraphQLRequest,
    streams: OpenStreams,
    *,
    heartbeat: float = HEARTBEAT_SECONDS,
    context: RequestContext | None = None,
) -> StreamingResponse:
    """The multipart stream answering one subscription (or any operation: one part, then the end)."""

    async def parts() -> AsyncIterator[bytes]:
        # An immediate heartbeat sends the headers, so the client knows the subscription is open.
        yield PART + b"{}"
        results = subscription_results(router, request, streams, heartbeat=heartbeat, context=context)
        async for result in results:
            if result is None:
                yield PART + b"{}"
            elif "data" not in result.body and result.body.get("errors"):
                # No data at all: the subscription ends; Apollo puts such errors beside a null payload.
                yield PART + orjson.dumps({"payload": None, "errors": result.body["errors"]})
            else:
                yield PART + orjson.dumps({"payload": result.body})
        yield END

    return StreamingResponse(
        parts(),
        headers={"content-type": CONTENT_TYPE, "cache-control": "no-cache", "x-accel-buffering": "no"},
    )
