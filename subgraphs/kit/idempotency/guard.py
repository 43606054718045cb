"""Idempotency keys for mutations: the first request under a key acts, its retries replay its response.

Stripe's rules, per person: the key and the request's fingerprint are stored with the first response for
24 hours; the same key with another request is CONFLICT; a retry arriving while the first request still acts
waits for its response (bounded), then is CONFLICT "still in progress". A response is kept only if the
mutation may have acted (`acted`): a request refused before acting (bad input, not found, unauthenticated,
an internal error whose transaction rolled back) leaves no record, so its retry runs again.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson

from subgraphs.kit.errors import BadUserInput, Conflict, DomainError
from subgraphs.kit.idempotency.store import Claim, IdempotencyStore

HEADER = "Idempotency-Key"
# Longest key accepted; the router refuses longer ones before any subgraph sees them.
MAX_KEY_LENGTH = 255
TTL = timedelta(hours=24)
# How long a retry waits for the first request's response: below the router's 30 s mutation timeout, so the
# retry is answered (CONFLICT) before the router gives up on it.
WAIT_SECONDS = 20.0
# A claim this old without a response belongs to a request whose process died; a new request may take it.
STALE_AFTER = timedelta(minutes=5)


def key_problem(key: str) -> str | None:
    """Why `key` is not a usable Idempotency-Key (1 to 255 printable ASCII characters), or None."""
    if not 1 <= len(key) <= MAX_KEY_LENGTH:
        return f"the {HEADER} header must have 1 to {MAX_KEY_LENGTH} characters"
    if not all(" " <= character <= "~" for character in key):
        return f"the {HEADER} header may only hold printable ASCII characters"
    return None


def acted(body: dict[str, Any]) -> bool:
    """Whether a mutation whose response is `body` may have changed something: no errors, some root field
    answered, or an error came from below a root field (its resolver had returned, so it had acted).

    Services change all or nothing, so a root field whose own resolver raised did nothing.
    """
    errors = body.get("errors")
    if not errors:
        return True
    if any(value is not None for value in (body.get("data") or {}).values()):
        return True
    return any(len(error.get("path") or ()) > 1 for error in errors)


@dataclass(frozen=True, slots=True)
class Acting:
    """This request holds the key: run it, then `finish` (or `abandon`)."""

    owner: str
    key: str
    token: str


@dataclass(frozen=True, slots=True)
class Replay:
    """The first request's response body, to answer with instead of acting."""

    body: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Refused:
    """An answer without acting: an invalid key, another request under the key, or one still in progress."""

    error: DomainError


Begun = Acting | Replay | Refused


def utc_now() -> datetime:
    return datetime.now(UTC)


class IdempotencyGuard:
    """The kit's idempotency keys over one subgraph's `store` (SubgraphGraphQL runs every mutation request
    carrying the header through it)."""

    def __init__(
        self,
        store: IdempotencyStore,
        *,
        ttl: timedelta = TTL,
        wait_seconds: float = WAIT_SECONDS,
        stale_after: timedelta = STALE_AFTER,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.store = store
        self.ttl = ttl
        self.wait_seconds = wait_seconds
        self.stale_after = stale_after
        self.clock = clock

    async def begin(self, owner: str, key: str, fingerprint: str) -> Begun:
        """Claim `key` for `owner`'s request `fingerprint`, or say what to answer instead."""
        if problem := key_problem(key):
            return Refused(BadUserInput(problem, field=HEADER))
        deadline = time.monotonic() + self.wait_seconds
        pause = 0.02
        while True:
            now = self.clock()
            token = str(uuid.uuid4())
            claim = Claim(owner, key, fingerprint, token, now, now + self.ttl)
            record = await self.store.claim(claim, stale_before=now - self.stale_after)
            if record is None:
                return Acting(owner, key, token)
            if record.fingerprint != fingerprint:
                return Refused(
                    Conflict(f"this {HEADER} was already used for a different request", field=HEADER)
                )
            if record.response is not None:
                return Replay(orjson.loads(record.response))
            if time.monotonic() >= deadline:
                return Refused(
                    Conflict(
                        f"a request with this {HEADER} is still in progress; retry it later", field=HEADER
                    )
                )
            await asyncio.sleep(pause)
            pause = min(pause * 1.5, 0.25)

    async def finish(self, acting: Acting, body: dict[str, Any]) -> None:
        """Keep `body` for the key's retries if the mutation acted, else free the key."""
        if acted(body):
            await self.store.complete(acting.owner, acting.key, acting.token, orjson.dumps(body).decode())
        else:
            await self.abandon(acting)

    async def abandon(self, acting: Acting) -> None:
        """Free the key of a request that did not finish (it raised or was cancelled)."""
        await asyncio.shield(self.store.release(acting.owner, acting.key, acting.token))

    async def sweep(self) -> int:
        """Delete expired records (the subgraph app runs this periodically)."""
        return await self.store.sweep(self.clock())
