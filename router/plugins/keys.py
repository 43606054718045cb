"""Where the router's token-verification keys come from: a JWKS URL (cached, refreshed, rotation-aware) or a
key file (PEM public key or JWKS document), looked up by the token's `kid`."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import httpx
import jwt
import orjson
from cryptography.hazmat.primitives.serialization import load_pem_public_key

logger = logging.getLogger("router.plugins.keys")


class KeyUnavailable(Exception):
    """No key can verify this token now (unknown `kid`, or the key set cannot be fetched)."""


class VerificationKey:
    """One public key and the algorithm it may verify (None: any of the allowed ones)."""

    __slots__ = ("algorithm", "key")

    def __init__(self, key: Any, algorithm: str | None) -> None:
        self.key = key
        self.algorithm = algorithm


class KeySource(Protocol):
    """Finds the key for a token's `kid` (None when the token names none)."""

    async def key(self, kid: str | None) -> VerificationKey: ...


def parse_jwks(document: Mapping[str, Any]) -> dict[str | None, VerificationKey]:
    """The usable signing keys of a JWKS document by `kid`; keys of other uses or kinds are skipped."""
    keys: dict[str | None, VerificationKey] = {}
    for entry in document.get("keys") or ():
        if not isinstance(entry, dict) or entry.get("use", "sig") != "sig":
            continue
        try:
            jwk = jwt.PyJWK(entry)
        except jwt.PyJWTError as error:
            logger.warning("skipping a JWKS key that does not load: %s", error)
            continue
        keys[entry.get("kid")] = VerificationKey(jwk.key, entry.get("alg"))
    return keys


class FileKeys:
    """Keys from a file read once: a PEM public key (verifies any `kid`) or a JWKS document."""

    def __init__(self, path: Path) -> None:
        self._load(path.read_text(encoding="utf-8"))

    @classmethod
    def of_text(cls, text: str) -> FileKeys:
        """The keys of a file's content (a host that holds the key in memory: `jobgraph dev`)."""
        keys = cls.__new__(cls)
        keys._load(text)
        return keys

    def _load(self, text: str) -> None:
        if text.lstrip().startswith("{"):
            self.keys = parse_jwks(orjson.loads(text))
            self.single: VerificationKey | None = None
        else:
            self.keys = {}
            self.single = VerificationKey(load_pem_public_key(text.encode()), None)

    async def key(self, kid: str | None) -> VerificationKey:
        if self.single is not None:
            return self.single
        found = self.keys.get(kid)
        if found is None:
            raise KeyUnavailable(f"no key with kid {kid!r}")
        return found


class JwksKeys:
    """Keys from a JWKS URL.

    Fetched on first use and kept for `max_age` seconds; a stale set is refreshed in the background while the
    cached keys keep verifying. A `kid` the set lacks (the issuer rotated its key) triggers a refresh at most
    every `min_refresh` seconds. No request waits longer than `timeout` for the endpoint; when it is down or
    slow, the keys already fetched keep working.
    """

    def __init__(
        self,
        url: str,
        *,
        timeout: float = 2.0,
        max_age: float = 300.0,
        min_refresh: float = 10.0,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self.url = url
        self.timeout = timeout
        self.max_age = max_age
        self.min_refresh = min_refresh
        self.client = client or httpx.AsyncClient(timeout=timeout)
        self.keys: dict[str | None, VerificationKey] = {}
        self._fetched_at = float("-inf")
        self._attempted_at = float("-inf")
        self._refreshing: asyncio.Task[None] | None = None

    async def key(self, kid: str | None) -> VerificationKey:
        now = time.monotonic()
        found = self.keys.get(kid) if kid is not None else self._only_key()
        if found is not None:
            if now - self._fetched_at > self.max_age:
                self._refresh_in_background()
            return found
        if now - self._attempted_at >= self.min_refresh:
            await self._refresh_within_timeout()
            found = self.keys.get(kid) if kid is not None else self._only_key()
        if found is None:
            raise KeyUnavailable(f"no key with kid {kid!r} at {self.url}")
        return found

    async def aclose(self) -> None:
        if self._refreshing is not None:
            self._refreshing.cancel()
        await self.client.aclose()

    def _only_key(self) -> VerificationKey | None:
        # A token without `kid` is accepted only when the set has exactly one key: no guessing among several.
        return next(iter(self.keys.values())) if len(self.keys) == 1 else None

    def _refresh_in_background(self) -> None:
        if self._refreshing is None or self._refreshing.done():
            self._refreshing = asyncio.create_task(self._fetch(), name="jwks-refresh")

    async def _refresh_within_timeout(self) -> None:
        """Refresh (sharing one fetch among concurrent callers), waiting at most `timeout`."""
        self._refresh_in_background()
        assert self._refreshing is not None
        try:
            await asyncio.wait_for(asyncio.shield(self._refreshing), self.timeout)
        except TimeoutError:
            logger.warning(
                "JWKS %s did not answer within %ss; using the keys already fetched", self.url, self.timeout
            )

    async def _fetch(self) -> None:
        self._attempted_at = time.monotonic()
        try:
            async with asyncio.timeout(self.timeout):
                response = await self.client.get(self.url)
            response.raise_for_status()
            keys = parse_jwks(orjson.loads(response.content))
        except (httpx.HTTPError, orjson.JSONDecodeError, TimeoutError, AttributeError) as error:
            logger.warning(
                "cannot fetch JWKS %s: %s; keeping %d cached keys", self.url, error, len(self.keys)
            )
            return
        if keys:
            self.keys = keys
            self._fetched_at = time.monotonic()
