"""CSRF prevention as Apollo Server and Apollo Router do it: refuse a request a browser could send cross-site
without a CORS preflight.

A request is safe when it has a `content-type` that is not one of the three a simple (unpreflighted) request
may carry, or a non-empty header from `required_headers`; a plain HTML form or `<img src>` can have neither.
Matches Apollo: https://www.apollographql.com/docs/router/configuration/csrf
"""

from __future__ import annotations

from collections.abc import Iterable

from router.plugins.plugin import Plugin, RequestContext, StopRequest

# The content types of the Fetch standard's "CORS-safelisted request header" for content-type.
SIMPLE_CONTENT_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data", "text/plain"})
REQUIRED_HEADERS = ("x-apollo-operation-name", "apollo-require-preflight")


class CsrfPreventionPlugin(Plugin):
    """Refuses (400) HTTP requests that neither have a non-simple content type nor a required header."""

    def __init__(self, required_headers: Iterable[str] = REQUIRED_HEADERS) -> None:
        self.required_headers = tuple(name.lower() for name in required_headers)
        self.message = (
            "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either "
            "specify a 'content-type' header (with a type that is not one of "
            f"{', '.join(sorted(SIMPLE_CONTENT_TYPES))}) or provide a non-empty value for one of the "
            f"following headers: {', '.join(self.required_headers)}"
        )

    async def request_received(self, context: RequestContext) -> None:
        if context.method not in ("GET", "POST"):
            # Only HTTP requests can be forged by a page; a socket's operations follow its connection_init.
            return
        if _preflighted_content_type(context.header("content-type")):
            return
        if any(context.header(name) for name in self.required_headers):
            return
        raise StopRequest(self.message, "CSRF_PREVENTED", status=400)


def _preflighted_content_type(value: str | None) -> bool:
    """Whether a browser must preflight a cross-site request with this content type."""
    if not value:
        return False
    media_type = value.split(";")[0].strip().lower()
    return media_type not in SIMPLE_CONTENT_TYPES
