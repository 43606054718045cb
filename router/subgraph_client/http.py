"""GraphQL over HTTP to a subgraph with pooled keep-alive connections and per-subgraph timeouts.

A pooled connection the subgraph closed while idle fails the next request sent on it before any answer
("Server disconnected", or a reset): a query is then sent once more on a fresh connection. A mutation never
is: the subgraph may have received and applied it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import orjson

from router.subgraph_client.connections import NetworkConnection
from router.subgraph_client.multipart import FileUpload, multipart_body, uploads_in
from router.subgraph_client.protocol import PASSED_ON, SubgraphRequest, SubgraphResponse, failure
from router.subgraph_client.transport_ws import TextConnection, subscribe_over
from router.subgraph_client.transports import (
    ConnectionClosed,
    NetworkTransport,
    SubgraphTransport,
    Unreachable,
)
from router.telemetry import client_span

logger = logging.getLogger("router.subgraph")

_HEADERS = {
    "content-type": "application/json",
    "accept": "application/graphql-response+json, application/json",
}
# Subgraphs answer only requests carrying the shared router secret (subgraphs/kit/router_only.py).
ROUTER_SECRET_HEADER = "x-jobgraph-router-secret"
# A request carrying files: the transport sets the multipart content type; the preflight header satisfies
# subgraphs that prevent CSRF the way the router does.
_UPLOAD_HEADERS = {"accept": _HEADERS["accept"], "apollo-require-preflight": "true"}


class HttpSubgraphClient:
    """POSTs each request to `url`; any failure (connect, timeout, non-GraphQL body) becomes an error."""

    def __init__(
        self,
        name: str,
        url: str,
        *,
        timeout: float = 10.0,
        mutation_timeout: float = 30.0,
        max_connections: int = 100,
        transport: SubgraphTransport | None = None,
        router_secret: str | None = None,
    ) -> None:
        self.name = name
        self.url = url
        self.timeout = timeout
        self.mutation_timeout = mutation_timeout
        # Sent on every request and subscription, after the client's headers so none can replace it.
        self._own_headers = {**_HEADERS, **({ROUTER_SECRET_HEADER: router_secret} if router_secret else {})}
        self._transport = transport or NetworkTransport(max_connections)

    async def execute(self, request: SubgraphRequest) -> SubgraphResponse:
        if request.variables and (uploads := uploads_in(request.variables)):
            return await self._execute_with_uploads(request, uploads)
        body: dict[str, Any] = {"query": request.query}
        if request.variables:
            body["variables"] = dict(request.variables)
        if request.operation_name:
            body["operationName"] = request.operation_name
        deadline = self.mutation_timeout if request.is_mutation else self.timeout
        content = orjson.dumps(body)
        headers = {**request.headers, **self._own_headers}
        try:
            # One overall deadline (an in-process subgraph does no socket I/O); a retry stays within it.
            async with asyncio.timeout(deadline):
                with client_span(self.name, self.url, headers):
                    try:
                        status, answer, received = await self._transport.post(self.url, content, headers)
                    except ConnectionClosed as error:
                        if request.is_mutation:
                            raise Unreachable(str(error)) from error
                        logger.info("subgraph %s closed a pooled connection: %s; retried", self.name, error)
                        status, answer, received = await self._transport.post(self.url, content, headers)
        except TimeoutError:
            return failure("SUBGRAPH_TIMEOUT", f"subgraph '{self.name}' did not answer in time")
        except (ConnectionClosed, Unreachable) as error:
            logger.warning("subgraph %s unreachable: %s", self.name, error)
            return failure("SUBGRAPH_REQUEST_FAILED", f"subgraph '{self.name}' is unreachable")
        return with_passed_on(parse_response(self.name, status, answer), received)

    async def subscribe(self, request: SubgraphRequest) -> AsyncIterator[SubgraphResponse]:
        """Subscriptions go over `graphql-transport-ws` at the same URL (ws:// for http://)."""
        try:
            connection = await self._open_connection(request)
        except Exception as error:  # any failure to connect is a value for the client, not a crash
            logger.warning("subgraph %s refused a subscription: %s", self.name, error)
            message = f"subgraph '{self.name}' is unreachable for subscriptions"
            yield failure("SUBGRAPH_REQUEST_FAILED", message)
            return
        # aclosing: when our caller stops early, the inner stream's clean-up (complete, close) runs now.
        async with contextlib.aclosing(subscribe_over(connection, request, service_name=self.name)) as events:
            async for response in events:
                yield response

    async def _open_connection(self, request: SubgraphRequest) -> TextConnection:
        return await NetworkConnection.open(self.url, self._subscription_headers(request), self.timeout)

    def _subscription_headers(self, request: SubgraphRequest) -> dict[str, str]:
        secret = {k: v for k, v in self._own_headers.items() if k == ROUTER_SECRET_HEADER}
        return {**request.headers, **secret}

    async def aclose(self) -> None:
        await self._transport.aclose()

    async def _execute_with_uploads(
        self, request: SubgraphRequest, uploads: list[tuple[str, FileUpload]]
    ) -> SubgraphResponse:
        """A request whose variables hold files goes as a GraphQL multipart request, streamed from the
        router's spools (router/subgraph_client/multipart.py); it is never sent twice."""
        fields, files = multipart_body(request, uploads)
        # The router's secret (when set) like every other request, then the multipart request's own headers.
        headers = {**self._subscription_headers(request), **_UPLOAD_HEADERS}
        deadline = self.mutation_timeout if request.is_mutation else self.timeout
        try:
            async with asyncio.timeout(deadline):
                with client_span(self.name, self.url, headers):
                    status, answer, received = await self._transport.post_multipart(
                        self.url, fields, files, headers
                    )
        except TimeoutError:
            return failure("SUBGRAPH_TIMEOUT", f"subgraph '{self.name}' did not answer in time")
        except (ConnectionClosed, Unreachable) as error:
            logger.warning("subgraph %s unreachable: %s", self.name, error)
            return failure("SUBGRAPH_REQUEST_FAILED", f"subgraph '{self.name}' is unreachable")
        return with_passed_on(parse_response(self.name, status, answer), received)


def with_passed_on(response: SubgraphResponse, received: tuple[tuple[str, str], ...]) -> SubgraphResponse:
    """`response` carrying the headers the router passes on to its client (PASSED_ON)."""
    passed = tuple((name, value) for name, value in received if name in PASSED_ON)
    return replace(response, headers=passed) if passed else response


def parse_response(name: str, status: int, content: bytes) -> SubgraphResponse:
    """Read a GraphQL response body; GraphQL-over-HTTP allows 4xx/5xx bodies that still carry `errors`."""
    try:
        payload = orjson.loads(content)
    except orjson.JSONDecodeError:
        payload = None
    if not isinstance(payload, dict) or ("data" not in payload and "errors" not in payload):
        message = f"subgraph '{name}' answered HTTP {status} without GraphQL"
        return failure("SUBGRAPH_REQUEST_FAILED", message, reason="http_error")
    data = payload.get("data")
    errors = payload.get("errors") or []
    if not isinstance(data, dict):
        data = None
    if not isinstance(errors, list):
        errors = [{"message": str(errors)}]
    return SubgraphResponse(
        data=data,
        errors=tuple(e if isinstance(e, dict) else {"message": str(e)} for e in errors),
        # A GraphQL body on a non-2xx status still counts as an HTTP failure (infra/METRICS.md).
        failure=None if 200 <= status < 300 else "http_error",
        replayed=_replayed(payload.get("extensions")),
    )


def _replayed(extensions: object) -> bool:
    # Subgraphs mark their answer to a retried mutation (subgraphs/kit/idempotency); the client learns it.
    return isinstance(extensions, dict) and extensions.get("idempotentReplay") is True
