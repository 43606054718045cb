"""Unsubscribe links: a signed token naming the person, and the `/unsubscribe` route that switches email off.

The token is `<user id, base64url>.<HMAC-SHA256 of it, base64url>`; it never expires, since an old email's
link must keep working. GET shows a one-button page and POST switches email off (RFC 8058 one-click: mail
providers POST `List-Unsubscribe=One-Click`; link scanners only GET, so a prefetch changes nothing).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import html
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

_PURPOSE = b"jobgraph-unsubscribe:"


class UnsubscribeTokens:
    """Signs and verifies unsubscribe tokens with one secret."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def token(self, user_id: str) -> str:
        subject = _encode(user_id.encode())
        return f"{subject}.{_encode(self._mac(subject))}"

    def user_of(self, token: str) -> str | None:
        """The person a token was made for; None for anything this secret did not sign."""
        subject, _, signature = token.partition(".")
        try:
            given = _decode(signature)
            user_id = _decode(subject).decode()
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return None
        if not hmac.compare_digest(given, self._mac(subject)):
            return None
        return user_id or None

    def _mac(self, subject: str) -> bytes:
        return hmac.new(self._secret, _PURPOSE + subject.encode(), hashlib.sha256).digest()


def _encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>jobgraph email</title></head>
<body><main><h1>jobgraph email</h1><p>{message}</p>{form}</main></body></html>"""
_FORM = """<form method="post"><input type="hidden" name="token" value="{token}">
<button type="submit">Stop emails from jobgraph</button></form>"""


def unsubscribe_route(tokens: UnsubscribeTokens, switch_off: Callable[[str], Awaitable[None]]) -> Route:
    """`/unsubscribe?token=...`: GET asks, POST calls `switch_off(user_id)`; a bad token is a 400 page."""

    async def unsubscribe(request: Request) -> Response:
        token = request.query_params.get("token", "")
        if request.method == "POST" and not token:
            form = await request.form()
            token = str(form.get("token") or "")
        user_id = tokens.user_of(token)
        if user_id is None:
            page = _PAGE.format(message="This unsubscribe link is not valid.", form="")
            return HTMLResponse(page, status_code=400)
        if request.method == "GET":
            form_html = _FORM.format(token=html.escape(token, quote=True))
            page = _PAGE.format(message="Stop getting jobgraph notifications by email?", form=form_html)
            return HTMLResponse(page)
        await switch_off(user_id)
        message = "You will get no more emails. Switch them back on in your notification settings."
        return HTMLResponse(_PAGE.format(message=message, form=""))

    return Route("/unsubscribe", unsubscribe, methods=["GET", "POST"])
