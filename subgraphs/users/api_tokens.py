"""Partner API tokens: the secret's format and hash, what a new token may be, and the short-lived JWT a
token is exchanged for.

A person creates a token for a partner (career coach, job board) with some scopes and an expiry; the secret
(`jgp_` and 256 random bits) is shown once and only its SHA-256 is stored. The router never forwards the
secret: it trades it at `POST /api-tokens/exchange` (router secret required) for a JWT carrying the person
(`sub`), the token's scopes (`scope`) and its id (`api_token`), valid `EXCHANGED_LIFETIME` at most, so every
subgraph verifies one kind of token. The router caches the exchange briefly (router/plugins/api_tokens.py),
which bounds how late a revocation takes effect.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta

from subgraphs.kit.errors import BadUserInput
from subgraphs.kit.scopes import PARTNER_SCOPES

PREFIX = "jgp_"
# Tokens one person may hold that have not expired: a partner integration needs one or two.
MAX_TOKENS_PER_PERSON = 20
MAX_LIFETIME = timedelta(days=365)
DEFAULT_LIFETIME = timedelta(days=90)
# The JWT minted per exchange: short, so a revoked token's JWT cannot outlive the router's cache by much.
EXCHANGED_LIFETIME = timedelta(minutes=5)
# `lastUsedAt` is written at most this often per token: a partner's burst of requests is one write.
LAST_USED_GRANULARITY = timedelta(minutes=1)


def new_secret() -> str:
    """A token secret: recognisable (`jgp_`, for secret scanners and the router) and unguessable."""
    return PREFIX + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    # A fast hash is right here: the secret has 256 random bits, so there is nothing to brute-force.
    return hashlib.sha256(secret.encode()).hexdigest()


def is_api_token(token: str) -> bool:
    return token.startswith(PREFIX)


def checked_scopes(scopes: Sequence[str]) -> tuple[str, ...]:
    """The scopes in their canonical order, or BAD_USER_INPUT on `input.scopes`."""
    if not scopes:
        raise BadUserInput("grant at least one scope", field="input.scopes")
    unknown = sorted(set(scopes) - set(PARTNER_SCOPES))
    if unknown:
        raise BadUserInput(
            f"unknown scope {unknown[0]!r}; one of {', '.join(PARTNER_SCOPES)}", field="input.scopes"
        )
    return tuple(scope for scope in PARTNER_SCOPES if scope in scopes)


def checked_expiry(expires_at: datetime | None, now: datetime) -> datetime:
    """When a new token expires: `expires_at` (in the future, at most a year away) or in 90 days."""
    if expires_at is None:
        return now + DEFAULT_LIFETIME
    if expires_at <= now:
        raise BadUserInput("must be in the future", field="input.expiresAt")
    if expires_at > now + MAX_LIFETIME:
        raise BadUserInput("must be at most a year away", field="input.expiresAt")
    return expires_at
