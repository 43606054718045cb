"""Routes `/graphql` requests that ask for a stream (`text/event-stream`, multipart `subscriptionSpec`,
multipart `deferSpec` / `incrementalSpec` for `@defer`) to the SSE or multipart transports, and every other
request to the GraphQL-over-HTTP endpoint."""

from __future__ import annotations

import orjson
from starlette.requests import Request
from starlette.responses import Response

from router.pipeline import Router
from router.transport.accept import preferred_media_type
from router.transport.http import GraphQLEndpoint, HttpError
from router.transport.multipart_incremental import (
    multipart_incremental_format,
    multipart_incremental_response,
)
from router.transport.multipart_subscriptions import HEARTBEAT_SECONDS as MULTIPART_HEARTBEAT
from router.transport.multipart_subscriptions import multipart_response, wants_multipart_subscription
from router.transport.sse import HEARTBEAT_SECONDS as SSE_HEARTBEAT
from router.transport.sse import sse_incremental_format, sse_response, wants_event_stream
from router.transport.streams import OpenStreams


class StreamingEndpoint:
    """`/graphql` with the HTTP subscription transports in front of `endpoint`."""

    def __init__(
        self,
        endpoint: GraphQLEndpoint,
        router: Router,
        streams: OpenStreams,
        *,
        sse_heartbeat: float = SSE_HEARTBEAT,
        multipart_heartbeat: float = MULTIPART_HEARTBEAT,
    ) -> None:
        self.endpoint = endpoint
        self.router = router
        self.streams = streams
        self.sse_heartbeat = sse_heartbeat
        self.multipart_heartbeat = multipart_heartbeat

    async def handle(self, request: Request) -> Response:
        # Only a client that prefers a stream gets one: listing it among other formats (urql does) is not
        # asking for it, and its queries, mutations and uploads get an ordinary response.
        preferred = preferred_media_type(request.headers.get("accept"))
        sse = wants_event_stream(preferred)
        incremental = multipart_incremental_format(preferred)
        if not sse and not incremental and not wants_multipart_subscription(preferred):
            return await self.endpoint.handle(request)
        if self.streams.closing:
            return _error(503, "The router is shutting down.")
        try:
            graphql_request = await self.endpoint.read(request)
        except HttpError as error:
            return _error(error.status, error.message, error.headers)
        # The same plugin context as a query's (CSRF, rate limits and tokens apply to streams too).
        context = self.endpoint.context_for(request, graphql_request)
        if sse:
            return sse_response(
                self.router,
                graphql_request,
                self.streams,
                heartbeat=self.sse_heartbeat,
                context=context,
                incremental=sse_incremental_format(preferred),
            )
        if incremental:
            return await multipart_incremental_response(self.router, graphql_request, context, incremental)
        return multipart_response(
            self.router, graphql_request, self.streams, heartbeat=self.multipart_heartbeat, context=context
        )


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    body = {"errors": [{"message": message, "extensions": {"code": "BAD_REQUEST"}}]}
    return Response(orjson.dumps(body), status, headers, media_type="application/json")
