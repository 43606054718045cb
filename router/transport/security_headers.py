"""Standard security headers on every router response (OWASP's secure-headers baseline for an API that also
serves a same-origin web app and GraphiQL)."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS = {
    # Never guess a content type: a JSON answer must not run as a script or a page.
    "x-content-type-options": "nosniff",
    # No page of ours may be framed by another site (clickjacking); `frame-ancestors` is the modern form.
    "x-frame-options": "DENY",
    "content-security-policy": "frame-ancestors 'none'",
    # URLs (with ids and persisted-query hashes) do not leak to other origins.
    "referrer-policy": "strict-origin-when-cross-origin",
    "cross-origin-opener-policy": "same-origin",
}


class SecurityHeadersMiddleware:
    """Adds SECURITY_HEADERS to every HTTP response that does not set them itself."""

    def __init__(self, app: ASGIApp, *, hsts: bool = False) -> None:
        self.app = app
        self.headers = dict(SECURITY_HEADERS)
        if hsts:
            # Only behind TLS: a browser that saw it refuses plain HTTP to this host for a year.
            self.headers["strict-transport-security"] = "max-age=31536000; includeSubDomains"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
