"""Who is calling: the verified identity behind `Authorization: Bearer <jwt>`.

Access tokens come from the users subgraph (issuer `jobgraph-users`, audience `jobgraph`); signature, expiry,
issuer and audience are verified against the public key the composition root hands in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import jwt

from subgraphs.kit.errors import Unauthenticated

ISSUER = "jobgraph-users"
AUDIENCE = "jobgraph"
ALGORITHMS = ("EdDSA", "RS256", "ES256")


@dataclass(frozen=True, slots=True)
class Identity:
    """A verified caller: the user id (`sub`) and the scopes the token grants."""

    user_id: str
    scopes: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class TokenVerifier:
    """Verifies access tokens against a public key (an object or PEM accepted by PyJWT)."""

    key: object
    algorithms: Sequence[str] = ALGORITHMS
    issuer: str = ISSUER
    audience: str = AUDIENCE

    def identity(self, headers: Mapping[str, str]) -> Identity | None:
        """The caller of a request with these headers; None without a bearer token.

        A token that is present but invalid (forged, expired, wrong issuer or audience) raises
        UNAUTHENTICATED rather than degrading to anonymous, so clients learn to refresh it.
        """
        header = headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        try:
            claims = jwt.decode(
                token.strip(),
                key=self.key,  # type: ignore[arg-type]
                algorithms=list(self.algorithms),
                issuer=self.issuer,
                audience=self.audience,
                options={"require": ["sub", "exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as error:
            raise Unauthenticated("the access token is invalid or expired") from error
        scopes = claims.get("scope", "")
        return Identity(
            user_id=str(claims["sub"]),
            scopes=frozenset(scopes.split()) if isinstance(scopes, str) else frozenset(),
        )
