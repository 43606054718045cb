"""Partner API tokens at the router: a `Bearer jgp_...` token is exchanged for a short-lived access token.

Partners send the secret their person created (`createApiToken`). The router trades it at the users
subgraph's `/api-tokens/exchange` (with the router secret) for a JWT carrying the person (`sub`) and the
token's scopes, verifies that JWT like any other, and forwards it — never the secret — to the subgraphs, so
every subgraph verifies one kind of token and checks the scopes itself (subgraphs/kit/scopes.py).

Each answer is remembered (keyed by the secret's SHA-256, bounded, least recently used out) for
`revocation_ttl` seconds at most: a revoked or expired token is refused within that time, and a partner's
burst of requests costs one exchange (and one `lastUsedAt` write). A refusal is remembered as long, so a
client repeating a dead token does not reach the database each time. Concurrent requests with one token
share one exchange.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable

import httpx
import orjson

from router.plugins.plugin import StopRequest

logger = logging.getLogger("router.plugins.api_tokens")

# The users subgraph's prefix of API token secrets (subgraphs/users/api_tokens.py).
API_TOKEN_PREFIX = "jgp_"
ROUTER_SECRET_HEADER = "x-jobgraph-router-secret"
# How late a revocation may take effect: the longest an exchange is reused.
REVOCATION_TTL = 30.0
MAX_ENTRIES = 10_000


def is_api_token(token: str) -> bool:
    return token.startswith(API_TOKEN_PREFIX)


class ApiTokenExchange:
    """Exchanges API token secrets for access tokens at `url`, remembering each answer briefly."""

    def __init__(
        self,
        url: str,
        *,
        router_secret: str | None = None,
        timeout: float = 2.0,
        revocation_ttl: float = REVOCATION_TTL,
        max_entries: int = MAX_ENTRIES,
        client: httpx.AsyncClient | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.url = url
        self.revocation_ttl = revocation_ttl
        self.max_entries = max_entries
        self.timeout = timeout
        self.client = client or httpx.AsyncClient(timeout=timeout)
        self.clock = clock
        self._headers = {ROUTER_SECRET_HEADER: router_secret} if router_secret else {}
        # secret's hash → (access token, or None when refused; valid until)
        self._answers: OrderedDict[str, tuple[str | None, float]] = OrderedDict()
        self._pending: dict[str, asyncio.Future[tuple[str | None, float]]] = {}

    async def aclose(self) -> None:
        await self.client.aclose()

    async def access_token(self, secret: str) -> str:
        """The access token `secret` stands for now; StopRequest UNAUTHENTICATED (401) when it is unknown,
        revoked or expired, or 503 when the users subgraph cannot be asked."""
        key = hashlib.sha256(secret.encode()).hexdigest()
        answer = self._answers.get(key)
        if answer is not None and self.clock() < answer[1]:
            self._answers.move_to_end(key)
            return _unwrapped(answer[0])
        pending = self._pending.get(key)
        if pending is not None:
            try:
                result = await asyncio.shield(pending)
            except asyncio.CancelledError:
                if not pending.cancelled():
                    raise
                # The request doing the exchange went away (its client hung up): do it here instead.
                return await self.access_token(secret)
            return _unwrapped(result[0])
        pending = asyncio.get_running_loop().create_future()
        self._pending[key] = pending
        try:
            result = await self._exchange(secret)
        except StopRequest as unavailable:
            # Not remembered: the next request tries again.
            pending.set_exception(unavailable)
            pending.exception()  # retrieved: no "never retrieved" warning when nobody else waits
            raise
        else:
            self._remember(key, result)
            pending.set_result(result)
        finally:
            del self._pending[key]
            if not pending.done():
                pending.cancel()
        return _unwrapped(result[0])

    async def _exchange(self, secret: str) -> tuple[str | None, float]:
        try:
            response = await self.client.post(
                self.url, content=orjson.dumps({"token": secret}), headers=self._headers, timeout=self.timeout
            )
        except httpx.HTTPError as error:
            logger.warning("cannot exchange an API token at %s: %s", self.url, error)
            raise _unavailable() from error
        now = self.clock()
        if response.status_code == 401:
            return None, now + self.revocation_ttl
        try:
            body = orjson.loads(response.content)
            access, expires_in = str(body["accessToken"]), float(body["expiresIn"])
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
            logger.warning("API token exchange at %s answered %s", self.url, response.status_code)
            raise _unavailable() from None
        # Never past the access token's own expiry (less a margin for the trip to the subgraphs).
        return access, now + max(0.0, min(self.revocation_ttl, expires_in - 5))

    def _remember(self, key: str, answer: tuple[str | None, float]) -> None:
        self._answers[key] = answer
        self._answers.move_to_end(key)
        while len(self._answers) > self.max_entries:
            self._answers.popitem(last=False)


def refusal(reason: str) -> StopRequest:
    """UNAUTHENTICATED, HTTP 401, as RFC 6750 words it for a bad bearer token."""
    return StopRequest(
        f"Unauthenticated: {reason}.",
        "UNAUTHENTICATED",
        status=401,
        headers={"www-authenticate": 'Bearer error="invalid_token"'},
    )


def _unavailable() -> StopRequest:
    return StopRequest(
        "API tokens cannot be checked right now; try again shortly.",
        "API_TOKEN_EXCHANGE_FAILED",
        status=503,
        headers={"retry-after": "5"},
    )


def _unwrapped(answer: str | None) -> str:
    # A new exception each time: raising one cached instance again would grow its traceback forever.
    if answer is None:
        raise refusal("the API token is invalid, revoked or expired")
    return answer
