"""Access tokens (short-lived signed JWTs: a person's session, or a partner's scopes) and refresh tokens
(random, stored hashed, rotated on use)."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from subgraphs.kit.auth import AUDIENCE, ISSUER, SESSION_SCOPE
from subgraphs.kit.keys import SigningKey

ACCESS_TOKEN_LIFETIME = timedelta(minutes=15)
REFRESH_TOKEN_LIFETIME = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class IssuedRefreshToken:
    """A new refresh token: `token` goes to the client once; only `token_hash` is stored."""

    id: str
    token: str
    token_hash: str
    expires_at: datetime


def access_token(key: SigningKey, user_id: str, now: datetime) -> str:
    """A JWT for `user_id` that every subgraph verifies with the users subgraph's public key: the person's
    own session (`scope: session`), which every scope rule lets through."""
    return signed_token(key, user_id, now, now + ACCESS_TOKEN_LIFETIME, SESSION_SCOPE)


def signed_token(
    key: SigningKey, user_id: str, now: datetime, expires_at: datetime, scope: str, **claims: str
) -> str:
    """A JWT for `user_id` granting `scope` (space-separated) until `expires_at`."""
    return key.sign(
        {
            "sub": user_id,
            "iss": ISSUER,
            "aud": AUDIENCE,
            "iat": int(now.timestamp()),
            "exp": int(expires_at.timestamp()),
            "jti": uuid.uuid4().hex,
            "scope": scope,
            **claims,
        }
    )


def new_refresh_token(now: datetime) -> IssuedRefreshToken:
    token = secrets.token_urlsafe(32)
    return IssuedRefreshToken(
        id=str(uuid.uuid4()),
        token=token,
        token_hash=hash_refresh_token(token),
        expires_at=now + REFRESH_TOKEN_LIFETIME,
    )


def hash_refresh_token(token: str) -> str:
    # A fast hash is right here: the token has 256 random bits, so there is nothing to brute-force.
    return hashlib.sha256(token.encode()).hexdigest()
