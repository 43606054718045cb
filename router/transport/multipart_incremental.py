"""`@defer` / `@stream` over multipart HTTP: each incremental payload one part, as Apollo Router sends them.

Protocol: https://www.apollographql.com/docs/graphos/routing/operations/defer — the client sends
`Accept: multipart/mixed;deferSpec=20220824` (Apollo Client does); the response is
`multipart/mixed;boundary="graphql";deferSpec=20220824` with Apollo's payload form. `incrementalSpec=v0.2`
instead asks for the incremental delivery RFC's current draft form (pending / incremental / completed ids);
a bare `multipart/mixed` (graphql-yoga's clients) gets Apollo's form, which graphql-yoga and Hive Gateway also
send. An operation with nothing deferred or streamed gets an ordinary JSON response (as Apollo Router
answers it), so clients read it as they read any response.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import orjson
from starlette.responses import Response, StreamingResponse

from router.executor.incremental import IncrementalFormat
from router.pipeline import GraphQLRequest, Router
from router.plugins import RequestContext
from router.transport.http import JSON, graphql_response
from router.transport.multipart_subscriptions import END, PART

logger = logging.getLogger("router.multipart")

CONTENT_TYPES: dict[IncrementalFormat, str] = {
    "20220824": 'multipart/mixed;boundary="graphql";deferSpec=20220824',
    "v0.2": 'multipart/mixed;boundary="graphql";incrementalSpec=v0.2',
}
_FAILED = {
    "errors": [{"message": "Internal server error", "extensions": {"code": "INTERNAL_SERVER_ERROR"}}],
    "hasNext": False,
}


def multipart_incremental_format(accept: str | None) -> IncrementalFormat | None:
    """The payload form a `multipart/mixed` media range asks for; None for another range, or for the
    subscription protocol's (`subscriptionSpec`)."""
    normalized = (accept or "").lower().replace(" ", "")
    if not normalized.startswith("multipart/mixed") or "subscriptionspec" in normalized:
        return None
    return "v0.2" if "incrementalspec=v0.2" in normalized else "20220824"


async def multipart_incremental_response(
    router: Router, request: GraphQLRequest, context: RequestContext, form: IncrementalFormat
) -> Response:
    """The operation's payloads as multipart parts; a single result as an ordinary JSON response."""
    results = router.execute_incremental(request, form, context)
    first = await anext(results)
    if not first.body.get("hasNext"):
        await results.aclose()
        return graphql_response(first, JSON, context.response_headers, context.set_cookies)

    async def parts() -> AsyncIterator[bytes]:
        yield PART + orjson.dumps(first.body)
        try:
            async for result in results:
                yield PART + orjson.dumps(result.body)
        except Exception:
            # The headers are sent: the client learns of the failure in a last part, never a stack trace.
            logger.exception("unexpected error while delivering a deferred payload")
            yield PART + orjson.dumps(_FAILED)
        finally:
            await results.aclose()
        yield END

    headers = {**context.response_headers, "cache-control": "no-cache", "x-accel-buffering": "no"}
    headers["content-type"] = CONTENT_TYPES[form]
    response = StreamingResponse(parts(), headers=headers)
    response.raw_headers.extend((b"set-cookie", cookie.encode("latin-1")) for cookie in context.set_cookies)
    return response
