"""How the HTTP subgraph client's bytes travel: over the network with aiohttp's pooled connections, or into an
ASGI app in this process.

aiohttp, not httpx, on the network: with many concurrent requests httpx's pool checks every pooled
connection on every request (`_assign_requests_to_connections`, `has_expired`): a call cost 2.2 ms of the
router's CPU against aiohttp's 0.11 ms (50 concurrent callers on loopback, one core).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any, Protocol

import aiohttp
import httpx

# A request's form fields, and its files as name → (filename, file object, content type).
Fields = Mapping[str, str]
Files = Mapping[str, tuple[str, Any, str]]


class ConnectionClosed(Exception):
    """The server closed the connection before answering: nothing usable came back (a query may be resent)."""


class Unreachable(Exception):
    """The request failed at the HTTP level (refused, reset mid-answer, a broken response)."""


class SubgraphTransport(Protocol):
    async def post(self, url: str, content: bytes, headers: Mapping[str, str]) -> tuple[int, bytes]: ...

    async def post_multipart(
        self, url: str, fields: Fields, files: Files, headers: Mapping[str, str]
    ) -> tuple[int, bytes]: ...

    async def aclose(self) -> None: ...


class NetworkTransport:
    """aiohttp with up to `max_connections` pooled keep-alive connections, and no cookie jar.

    One transport serves every user's requests, so a `Set-Cookie` a subgraph answers one request with must not
    be replayed on the next request, which may be another user's (headers reach subgraphs only as the router
    forwards them). Deadlines are the caller's (`asyncio.timeout`), so aiohttp's own timeouts are off.
    """

    def __init__(self, max_connections: int = 100) -> None:
        self.max_connections = max_connections
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _client(self) -> aiohttp.ClientSession:
        # Made on first use, and again in another event loop: a session and its connections belong to the
        # loop they were made in (one loop in a server; tests run one per test).
        loop = asyncio.get_running_loop()
        if self._session is None or self._session.closed or self._loop is not loop:
            self._loop = loop
            connector = aiohttp.TCPConnector(limit=self.max_connections, limit_per_host=self.max_connections)
            self._session = aiohttp.ClientSession(
                connector=connector,
                cookie_jar=aiohttp.DummyCookieJar(),
                timeout=aiohttp.ClientTimeout(total=None),
                skip_auto_headers=("User-Agent",),
            )
        return self._session

    async def post(self, url: str, content: bytes, headers: Mapping[str, str]) -> tuple[int, bytes]:
        return await self._send(url, content, headers)

    async def post_multipart(
        self, url: str, fields: Fields, files: Files, headers: Mapping[str, str]
    ) -> tuple[int, bytes]:
        form = aiohttp.FormData()
        for name, value in fields.items():
            form.add_field(name, value)
        for name, (filename, file, content_type) in files.items():
            form.add_field(name, file, filename=filename, content_type=content_type)
        return await self._send(url, form, headers)

    async def _send(self, url: str, data: Any, headers: Mapping[str, str]) -> tuple[int, bytes]:
        try:
            async with self._client().post(url, data=data, headers=dict(headers)) as response:
                return response.status, await response.read()
        except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError) as error:
            raise ConnectionClosed(str(error) or type(error).__name__) from error
        except aiohttp.ClientError as error:
            raise Unreachable(str(error) or type(error).__name__) from error

    async def aclose(self) -> None:
        if self._session is not None and self._loop is asyncio.get_running_loop():
            await self._session.close()


class AsgiTransport:
    """Requests straight into an ASGI `app` (httpx's ASGI transport): no socket, no pool."""

    def __init__(self, app: Any) -> None:
        self._client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))

    async def post(self, url: str, content: bytes, headers: Mapping[str, str]) -> tuple[int, bytes]:
        return await self._send(url, headers, content=content)

    async def post_multipart(
        self, url: str, fields: Fields, files: Files, headers: Mapping[str, str]
    ) -> tuple[int, bytes]:
        return await self._send(url, headers, data=dict(fields), files=dict(files))

    async def _send(self, url: str, headers: Mapping[str, str], **body: Any) -> tuple[int, bytes]:
        try:
            response = await self._client.post(url, headers=dict(headers), **body)
        except httpx.HTTPError as error:
            raise Unreachable(str(error) or type(error).__name__) from error
        return response.status_code, response.content

    async def aclose(self) -> None:
        await self._client.aclose()
