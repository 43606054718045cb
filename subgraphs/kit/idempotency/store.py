"""What an idempotency store keeps: per (person, key), the request's fingerprint and its first response."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Claim:
    """A request asking to act under `key` for `owner`: the record it leaves if nobody holds the key yet."""

    owner: str
    key: str
    # SHA-256 (hex) of the normalised request (fingerprint.py).
    fingerprint: str
    # Names this attempt, so only the request that claimed the key completes or releases it.
    token: str
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class KeyRecord:
    """What is stored under a key someone else claimed first."""

    fingerprint: str
    # The first request's GraphQL response body (JSON text); None while that request is still acting.
    response: str | None


class IdempotencyStore(Protocol):
    """One record per (owner, key); every backend passes tests/subgraphs/kit/idempotency's contract suite."""

    async def claim(self, claim: Claim, *, stale_before: datetime) -> KeyRecord | None:
        """Insert `claim` unless the key is held: None when this call now holds it, else the record there.

        A record that expired by `claim.created_at`, or whose request has been acting since before
        `stale_before` (its process died), is replaced. Concurrent claims of one key: exactly one gets None.
        """
        ...

    async def complete(self, owner: str, key: str, token: str, response: str) -> None:
        """Keep `response` as the answer of the request holding (owner, key) with `token`."""
        ...

    async def release(self, owner: str, key: str, token: str) -> None:
        """Forget the in-progress claim with `token` (its request did not act): the key is free again."""
        ...

    async def sweep(self, now: datetime) -> int:
        """Delete every record expired by `now`; how many."""
        ...
