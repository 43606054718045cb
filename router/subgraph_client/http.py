"""GraphQL over HTTP to a subgraph with pooled keep-alive connections and per-subgraph timeouts.

A pooled connection the subgraph closed while idle fails the next request sent on it before any answer
(RemoteProtocolError "Server disconnected without sending a response", or a reset): a query is then sent
once more on a fresh connection. A mutation never is: the subgraph may have received and applied it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import httpx
import orjson

from router.subgraph_client.connections import NetworkConnection
from router.subgraph_client.multipart import FileUpload, multipart_body, uploads_in
from router.subgraph_client.protocol import PASSED_ON, SubgraphRequest, SubgraphResponse, failure
from router.subgraph_client.transport_ws import TextConnection, subscribe_over
from router.telemetry import instrument_client

logger = logging.getLogger("router.subgraph")

_HEADERS = {
    "content-type": "application/json",
    "accept": "application/graphql-response+json, application/json",
}
# Subgraphs answer only requests carrying the shared router secret (subgraphs/kit/router_only.py).
ROUTER_SECRET_HEADER = "x-jobgraph-router-secret"
# A request carrying files: httpx sets the multipart content type; the preflight header satisfies subgraphs
# that prevent CSRF the way the router does.
_UPLOAD_HEADERS = {"accept": _HEADERS["accept"], "apollo-require-preflight": "true"}


class _NoCookies(httpx.Cookies):
    """A cookie jar that stays empty."""

    def extract_cookies(self, response: httpx.Response) -> None:
        return None


class _CookielessClient(httpx.AsyncClient):
    """httpx's client without its cookie jar.

    One client serves every user's requests, so a `Set-Cookie` a subgraph answers one request with must not
    be replayed on the next request, which may be another user's (headers reach subgraphs only as the
    router forwards them). Skipping the jar also saves parsing every response for cookies.
    """

    @property
    def cookies(self) -> httpx.Cookies:
        return _NO_COOKIES

    @cookies.setter
    def cookies(self, cookies: object) -> None:
        return None


_NO_COOKIES = _NoCookies()


# What a connection the server closed under us looks like: nothing usable came back, so a query (safe to
# repeat) may be sent again.
_CLOSED_CONNECTION = (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)


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
        transport: httpx.AsyncBaseTransport | None = None,
        router_secret: str | None = None,
    ) -> None:
        self.name = name
        self.url = url
        self.timeout = timeout
        self.mutation_timeout = mutation_timeout
        # Sent on every request and subscription, after the client's headers so none can replace it.
        self._own_headers = {**_HEADERS, **({ROUTER_SECRET_HEADER: router_secret} if router_secret else {})}
        self._client = _CookielessClient(
            timeout=httpx.Timeout(timeout),
            limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
            transport=transport,
        )
        instrument_client(self._client)

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
            # An overall deadline as well as httpx's per-phase ones: an in-process (ASGI) subgraph does no
            # socket I/O, so httpx's timeouts never fire for it. A retry stays within the same deadline.
            async with asyncio.timeout(deadline):
                try:
                    response = await self._post(content, headers, deadline)
                except _CLOSED_CONNECTION as error:
                    if request.is_mutation:
                        raise
                    logger.info("subgraph %s closed a pooled connection: %s; retried", self.name, error)
                    response = await self._post(content, headers, deadline)
        except (httpx.TimeoutException, TimeoutError):
            return failure("SUBGRAPH_TIMEOUT", f"subgraph '{self.name}' did not answer in time")
        except httpx.HTTPError as error:
            logger.warning("subgraph %s unreachable: %s", self.name, error)
            return failure("SUBGRAPH_REQUEST_FAILED", f"subgraph '{self.name}' is unreachable")
        parsed = parse_response(self.name, response.status_code, response.content)
        passed = tuple((name, value) for name, value in response.headers.multi_items() if name in PASSED_ON)
        return replace(parsed, headers=passed) if passed else parsed

    async def _post(self, content: bytes, headers: dict[str, str], deadline: float) -> httpx.Response:
        return await self._client.post(self.url, content=content, headers=headers, timeout=deadline)

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
        await self._client.aclose()

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
                response = await self._client.post(self.url, data=fields, files=files, headers=headers)
        except (httpx.TimeoutException, TimeoutError):
            return failure("SUBGRAPH_TIMEOUT", f"subgraph '{self.name}' did not answer in time")
        except httpx.HTTPError as error:
            logger.warning("subgraph %s unreachable: %s", self.name, error)
            return failure("SUBGRAPH_REQUEST_FAILED", f"subgraph '{self.name}' is unreachable")
        return parse_response(self.name, response.status_code, response.content)


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
    )
