"""How the HTTP subgraph client's bytes travel: over the network with aiohttp's pooled connections, or into an
ASGI app in this process.

aiohttp, not httpx, on the network: with many concurrent requests httpx's pool checks every pooled
connection on every request (`_assign_requests_to_connections`, `has_expired`): a call cost 2.2 ms of the
router's CPU against aiohttp's 0.11 ms (50 concurrent callers on loopback, one core).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, MutableMapping
from typing import Any, Protocol
from urllib.parse import urlsplit

import aiohttp
import httpx

# A request's form fields, and its files as name → (filename, file object, content type).
Fields = Mapping[str, str]
Files = Mapping[str, tuple[str, Any, str]]
# What came back: the status, the body, and the headers as (lower-case name, value) pairs, repeats kept.
Answer = tuple[int, bytes, tuple[tuple[str, str], ...]]


class ConnectionClosed(Exception):
    """The server closed the connection before answering: nothing usable came back (a query may be resent)."""


class Unreachable(Exception):
    """The request failed at the HTTP level (refused, reset mid-answer, a broken response)."""


class SubgraphTransport(Protocol):
    async def post(self, url: str, content: bytes, headers: Mapping[str, str]) -> Answer: ...

    async def post_multipart(
        self, url: str, fields: Fields, files: Files, headers: Mapping[str, str]
    ) -> Answer: ...

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

    async def post(self, url: str, content: bytes, headers: Mapping[str, str]) -> Answer:
        return await self._send(url, content, headers)

    async def post_multipart(
        self, url: str, fields: Fields, files: Files, headers: Mapping[str, str]
    ) -> Answer:
        form = aiohttp.FormData()
        for name, value in fields.items():
            form.add_field(name, value)
        for name, (filename, file, content_type) in files.items():
            form.add_field(name, file, filename=filename, content_type=content_type)
        return await self._send(url, form, headers)

    async def _send(self, url: str, data: Any, headers: Mapping[str, str]) -> Answer:
        try:
            async with self._client().post(url, data=data, headers=headers) as response:
                received = tuple((name.lower(), value) for name, value in response.headers.items())
                return response.status, await response.read(), received
        except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError) as error:
            raise ConnectionClosed(str(error) or type(error).__name__) from error
        except aiohttp.ClientError as error:
            raise Unreachable(str(error) or type(error).__name__) from error

    async def aclose(self) -> None:
        if self._session is not None and self._loop is asyncio.get_running_loop():
            await self._session.close()


class AsgiTransport:
    """Requests straight into an ASGI `app` in this process: one ASGI call, no socket, no HTTP client (httpx's
    ASGI transport cost ~100 µs of CPU per call, this ~2 µs; a dashboard makes several calls per request)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def post(self, url: str, content: bytes, headers: Mapping[str, str]) -> Answer:
        return await self._call(url, content, headers)

    async def post_multipart(
        self, url: str, fields: Fields, files: Files, headers: Mapping[str, str]
    ) -> Answer:
        # httpx only encodes the body here (in memory: in-process subgraphs are the embedded defaults).
        encoded = httpx.Request("POST", url, data=dict(fields), files=dict(files))
        content = encoded.read()
        return await self._call(url, content, {**headers, "content-type": encoded.headers["content-type"]})

    async def _call(self, url: str, content: bytes, headers: Mapping[str, str]) -> Answer:
        target = urlsplit(url)
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": target.scheme or "http",
            "path": target.path,
            "raw_path": target.path.encode(),
            "query_string": target.query.encode(),
            "root_path": "",
            "headers": [
                (b"host", (target.netloc or "localhost").encode()),
                (b"content-length", str(len(content)).encode()),
                *((name.lower().encode(), value.encode()) for name, value in headers.items()),
            ],
            "server": (target.hostname or "localhost", target.port or 80),
            "client": ("127.0.0.1", 0),
        }
        request_sent = False
        status = 500
        received: list[tuple[str, str]] = []
        body: list[bytes] = []
        finished = asyncio.Event()

        async def receive() -> MutableMapping[str, Any]:
            nonlocal request_sent
            if not request_sent:
                request_sent = True
                return {"type": "http.request", "body": content, "more_body": False}
            await finished.wait()
            return {"type": "http.disconnect"}

        async def send(message: MutableMapping[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                received.extend((name.decode().lower(), value.decode()) for name, value in message["headers"])
            elif message["type"] == "http.response.body":
                body.append(message.get("body", b""))
                if not message.get("more_body"):
                    finished.set()

        try:
            await self.app(scope, receive, send)
        finally:
            finished.set()
        return status, b"".join(body), tuple(received)

    async def aclose(self) -> None:
        return None
