"""What the HTTP subscription transports (SSE, multipart) share: one subscription as a stream of results and
heartbeats that ends when the access token expires, when the supergraph is reloaded or the router stops.

The router does not verify tokens (the subgraph does, when the subscription starts: a refused token comes back
as the stream's UNAUTHENTICATED error). Once a subgraph accepted a token, its `exp` claim is the moment the
stream must end, so it is read here without checking the signature again.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import time
from collections.abc import AsyncGenerator, Callable, Mapping
from typing import Any

import orjson

from router.executor.incremental import IncrementalFormat
from router.pipeline import GraphQLRequest, GraphQLResult, Router
from router.plugins import RequestContext

# Yielded between results when nothing happened for a heartbeat interval.
HEARTBEAT = None


def _ending(message: str, code: str) -> GraphQLResult:
    return GraphQLResult({"errors": [{"message": message, "extensions": {"code": code}}]})


EXPIRED = _ending("The access token expired; subscribe again with a fresh one.", "UNAUTHENTICATED")
RELOADED = _ending("The supergraph was reloaded; subscribe again.", "SUBSCRIPTION_CLOSED")
SHUTTING_DOWN = _ending("The router is shutting down; subscribe again.", "SUBSCRIPTION_CLOSED")


class OpenStreams:
    """The HTTP subscription streams of one router app: how many are open, and `close_all()` to end every
    one of them with an error (shutdown) instead of cutting the connection."""

    def __init__(self) -> None:
        self._closing = asyncio.Event()
        self.count = 0

    def close_all(self) -> None:
        self._closing.set()

    async def closed(self) -> None:
        await self._closing.wait()

    @property
    def closing(self) -> bool:
        return self._closing.is_set()


def token_expiry(headers: Mapping[str, str] | None) -> float | None:
    """The `exp` (epoch seconds) of the bearer token in `headers`; None without a readable one."""
    authorization = next((v for k, v in (headers or {}).items() if k.lower() == "authorization"), "")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or token.count(".") != 2:
        return None
    claims = token.split(".")[1]
    try:
        payload = orjson.loads(base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)))
    except (binascii.Error, ValueError):
        return None
    expiry = payload.get("exp") if isinstance(payload, dict) else None
    return float(expiry) if isinstance(expiry, int | float) and not isinstance(expiry, bool) else None


async def subscription_results(
    router: Router,
    request: GraphQLRequest,
    streams: OpenStreams,
    *,
    heartbeat: float,
    clock: Callable[[], float] = time.time,
    context: RequestContext | None = None,
    incremental: IncrementalFormat | None = None,
) -> AsyncGenerator[GraphQLResult | None, None]:
    """Each result of the subscription, HEARTBEAT after `heartbeat` quiet seconds, and a last error result
    when the token expires, the supergraph changes or `streams` close. Closing this ends the subscription."""
    expires = token_expiry(request.headers)
    if expires is not None and expires <= clock():
        yield EXPIRED
        return
    generation = router.generation
    results = router.subscribe(request, context, incremental)
    closing: asyncio.Future[Any] = asyncio.ensure_future(streams.closed())
    pending: asyncio.Future[GraphQLResult] | None = None
    streams.count += 1
    try:
        while True:
            if expires is not None and clock() >= expires:
                yield EXPIRED
                return
            if router.generation is not generation:
                yield RELOADED
                return
            if pending is None:
                pending = asyncio.ensure_future(anext(results))
            wait = heartbeat if expires is None else max(0.0, min(heartbeat, expires - clock()))
            done, _ = await asyncio.wait(
                {pending, closing}, timeout=wait, return_when=asyncio.FIRST_COMPLETED
            )
            if closing in done:
                yield SHUTTING_DOWN
                return
            if pending in done:
                try:
                    result = pending.result()
                except StopAsyncIteration:
                    return
                pending = None
                yield result
            elif expires is None or clock() < expires:
                yield HEARTBEAT
    finally:
        streams.count -= 1
        for future in (pending, closing):
            if future is not None and not future.done():
                future.cancel()
                with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration, Exception):
                    await future
        await results.aclose()
