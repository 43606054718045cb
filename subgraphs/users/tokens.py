"""Access tokens (short-lived signed JWTs) and refresh tokens (random, stored hashed, rotated on use)."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from subgraphs.kit.auth import AUDIENCE, ISSUER
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
    """A JWT for `user_id` that every subgraph verifies with the users subgraph's public key."""
    issued = int(now.timestamp())
    expires = int((now + ACCESS_TOKEN_LIFETIME).timestamp())
    claims = {
        "sub": user_id,
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": issued,
        "exp": expires,
        "jti": uuid.uuid4().hex,
    }
    return key.sign(claims)


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
