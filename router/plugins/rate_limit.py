"""Rate limiting: a token bucket per client (the verified token's subject, else the client's address) and one
for the whole router; a request over either is RATE_LIMITED (HTTP 429) with `Retry-After`, and every answer
carries the IETF `RateLimit-Policy` / `RateLimit` headers (draft-ietf-httpapi-ratelimit-headers).

The buckets live in this process: N replicas behind a load balancer allow up to N times the configured rates.
Shared across replicas, the same buckets would live in Redis as one key per client holding the GCRA
"theoretical arrival time" (a token bucket in one number): a Lua script reads it, computes `max(tat, now) +
1/rate`, refuses when that is more than `burst/rate` ahead of now, else stores it with a TTL of `burst/rate`
— one round trip, atomic, and no background refill. The `RateLimiter` seam below is what it would implement;
a Redis outage should fail open (allow and log) so the limiter never takes the graph down.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from router.plugins.authentication import CLAIMS
from router.plugins.plugin import Plugin, RequestContext, StopRequest

# Clients remembered at once; the least recently seen bucket goes first (it was full again anyway, or soon).
MAX_CLIENTS = 100_000


@dataclass(frozen=True, slots=True)
class Rate:
    """`per_second` sustained, up to `burst` at once."""

    per_second: float
    burst: int

    @property
    def window(self) -> int:
        """Seconds an empty bucket takes to fill: the policy's window."""
        return max(1, math.ceil(self.burst / self.per_second))


@dataclass(frozen=True, slots=True)
class Decision:
    """The bucket's answer: allowed or not, tokens left, seconds until full and until the next token."""

    allowed: bool
    remaining: int
    reset: int
    retry_after: int


class RateLimiter:
    """Token buckets by key, in this process, bounded to `max_keys` keys."""

    def __init__(
        self, rate: Rate, *, max_keys: int = MAX_CLIENTS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.max_keys = max_keys
        self.clock = clock
        # key → (tokens, when they were counted)
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, key: str) -> Decision:
        """Take one token from `key`'s bucket if it has one."""
        now = self.clock()
        tokens, counted = self._buckets.pop(key, (float(self.rate.burst), now))
        tokens = min(float(self.rate.burst), tokens + (now - counted) * self.rate.per_second)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        self._buckets[key] = (tokens, now)
        if len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return Decision(
            allowed=allowed,
            remaining=int(tokens),
            reset=math.ceil((self.rate.burst - tokens) / self.rate.per_second),
            retry_after=0 if allowed else math.ceil((1.0 - tokens) / self.rate.per_second),
        )


class RateLimitPlugin(Plugin):
    """Refuses a request over its client's rate or the router's; tells every client where it stands."""

    def __init__(self, per_client: Rate, overall: Rate | None = None) -> None:
        self.clients = RateLimiter(per_client)
        self.overall = RateLimiter(overall, max_keys=1) if overall is not None else None
        self.policy = f'"client";q={per_client.burst};w={per_client.window}'

    async def request_received(self, context: RequestContext) -> None:
        decision = self.clients.take(client_key(context))
        context.response_headers["ratelimit-policy"] = self.policy
        context.response_headers["ratelimit"] = f'"client";r={decision.remaining};t={decision.reset}'
        if not decision.allowed:
            raise _limited(decision, "client", "Too many requests from this client")
        if self.overall is not None:
            shared = self.overall.take("*")
            if not shared.allowed:
                raise _limited(shared, "global", "The router is at its request limit")


def client_key(context: RequestContext) -> str:
    """Who a request counts against: the verified token's subject, else the network address."""
    claims = context.values.get(CLAIMS)
    if claims is not None:
        return f"sub:{claims['sub']}"
    return f"addr:{context.client_address or 'unknown'}"


def _limited(decision: Decision, limit: str, message: str) -> StopRequest:
    return StopRequest(
        f"{message}; retry in {decision.retry_after} s.",
        "RATE_LIMITED",
        status=429,
        headers={"retry-after": str(decision.retry_after)},
        extensions={"limit": limit, "retryAfter": decision.retry_after},
    )
