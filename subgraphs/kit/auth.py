"""Who is calling: the verified identity behind `Authorization: Bearer <jwt>`.

Access tokens come from the users subgraph (issuer `jobgraph-users`, audience `jobgraph`); signature, expiry,
issuer and audience are verified against the public key the composition root hands in.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import jwt
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from subgraphs.kit.errors import Unauthenticated

ISSUER = "jobgraph-users"
AUDIENCE = "jobgraph"
ALGORITHMS = ("EdDSA", "RS256", "ES256")
# The scope of a person's own access token: it satisfies every scope rule (subgraphs/kit/scopes.py), while a
# partner's token carries only the scopes granted to it.
SESSION_SCOPE = "session"
# Verified tokens remembered per process: a page load sends one token to several subgraphs many times.
VERIFIED_CACHE_SIZE = 10_000


@dataclass(frozen=True, slots=True)
class Identity:
    """A verified caller: the user id (`sub`) and the scopes the token grants."""

    user_id: str
    scopes: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def person(cls, user_id: str) -> Identity:
        """The person themselves, signed in with their own session token."""
        return cls(user_id, frozenset({SESSION_SCOPE}))


@dataclass(frozen=True, slots=True)
class TokenVerifier:
    """Verifies access tokens against a public key (a key object, or PEM text parsed once here).

    A token that verified is remembered until it expires (bounded, least recently used first out), so each
    request does not pay for the signature check again; its expiry is still checked on every use.
    """

    key: object
    algorithms: Sequence[str] = ALGORITHMS
    issuer: str = ISSUER
    audience: str = AUDIENCE
    _verified: OrderedDict[str, tuple[Identity, float]] = field(
        default_factory=OrderedDict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if isinstance(self.key, str | bytes):
            # PyJWT would parse PEM text on every decode; parse it once.
            pem = self.key.encode() if isinstance(self.key, str) else self.key
            object.__setattr__(self, "key", load_pem_public_key(pem))

    def identity(self, headers: Mapping[str, str]) -> Identity | None:
        """The caller of a request with these headers; None without a bearer token.

        A token that is present but invalid (forged, expired, wrong issuer or audience) raises
        UNAUTHENTICATED rather than degrading to anonymous, so clients learn to refresh it.
        """
        header = headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            return None
        remembered = self._verified.get(token)
        if remembered is not None:
            identity, expires_at = remembered
            if time.time() < expires_at:
                self._verified.move_to_end(token)
                return identity
            del self._verified[token]
        try:
            claims = jwt.decode(
                token,
                key=self.key,  # type: ignore[arg-type]
                algorithms=list(self.algorithms),
                issuer=self.issuer,
                audience=self.audience,
                options={"require": ["sub", "exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as error:
            raise Unauthenticated("the access token is invalid or expired") from error
        scopes = claims.get("scope", "")
        identity = Identity(
            user_id=str(claims["sub"]),
            scopes=frozenset(scopes.split()) if isinstance(scopes, str) else frozenset(),
        )
        self._verified[token] = (identity, float(claims["exp"]))
        if len(self._verified) > VERIFIED_CACHE_SIZE:
            self._verified.popitem(last=False)
        return identity
