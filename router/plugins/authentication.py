"""Identity at the router: a bearer token is verified (EdDSA, RS256 or ES256; issuer, audience, expiry with a
clock-skew allowance) before anything is planned or any subgraph is called.

A partner API token (`Bearer jgp_...`) is first exchanged for an access token (router/plugins/api_tokens.py)
when an exchange is configured; that access token is verified like any other and forwarded instead of the
secret.

No token: the request goes on anonymous (the subgraphs decide what anonymous callers may see). An invalid
token: UNAUTHENTICATED, HTTP 401. A valid one: its claims are in `context.values["claims"]` for later plugins
(scopes, rate limits by subject); the token itself is still forwarded so every subgraph verifies it again.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import jwt

from router.plugins.api_tokens import ApiTokenExchange, is_api_token, refusal
from router.plugins.keys import KeySource, KeyUnavailable
from router.plugins.plugin import Plugin, RequestContext

ALGORITHMS = ("EdDSA", "RS256", "ES256")
CLAIMS = "claims"
# Verified tokens remembered: a page load sends the same token many times; each is re-checked for expiry.
VERIFIED_CACHE_SIZE = 10_000


class AuthenticationPlugin(Plugin):
    """Verifies `Authorization: Bearer <jwt>` against `keys`."""

    def __init__(
        self,
        keys: KeySource,
        *,
        issuer: str | None,
        audience: str | None,
        algorithms: Sequence[str] = ALGORITHMS,
        leeway: float = 30.0,
        exchange: ApiTokenExchange | None = None,
    ) -> None:
        self.keys = keys
        self.exchange = exchange
        self.issuer = issuer
        self.audience = audience
        self.algorithms = tuple(algorithms)
        self.leeway = leeway
        self._verified: OrderedDict[str, dict[str, Any]] = OrderedDict()

    async def aclose(self) -> None:
        close = getattr(self.keys, "aclose", None)
        if close is not None:
            await close()
        if self.exchange is not None:
            await self.exchange.aclose()

    async def request_received(self, context: RequestContext) -> None:
        header = context.header("authorization")
        if not header:
            return
        scheme, _, token = header.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise refusal("the Authorization header must be 'Bearer <token>'")
        if self.exchange is not None and is_api_token(token):
            token = await self.exchange.access_token(token)
            # The subgraphs get the access token, never the partner's secret.
            context.subgraph_headers["authorization"] = f"Bearer {token}"
        context.values[CLAIMS] = await self.claims(token)

    async def claims(self, token: str) -> dict[str, Any]:
        """The verified claims of `token`, or StopRequest(UNAUTHENTICATED)."""
        remembered = self._verified.get(token)
        if remembered is not None and time.time() < float(remembered["exp"]) + self.leeway:
            self._verified.move_to_end(token)
            return remembered
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as error:
            raise refusal("the access token is malformed") from error
        algorithm = header.get("alg")
        if algorithm not in self.algorithms:
            # `none` and HMAC algorithms never verify here: only the issuer's public keys do.
            raise refusal(f"the access token's algorithm {algorithm!r} is not accepted")
        kid = header.get("kid")
        try:
            key = await self.keys.key(kid if isinstance(kid, str) else None)
        except KeyUnavailable as error:
            raise refusal("the access token's signing key is unknown") from error
        if key.algorithm is not None and key.algorithm != algorithm:
            raise refusal("the access token's algorithm does not match its key")
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key=key.key,
                algorithms=[algorithm],
                issuer=self.issuer,
                audience=self.audience,
                leeway=self.leeway,
                options={
                    "require": [
                        "sub",
                        "exp",
                        *(["iss"] if self.issuer else []),
                        *(["aud"] if self.audience else []),
                    ],
                    "verify_aud": self.audience is not None,
                },
            )
        except jwt.ExpiredSignatureError as error:
            raise refusal("the access token has expired") from error
        except jwt.PyJWTError as error:
            raise refusal(f"the access token is invalid: {error}") from error
        self._verified[token] = claims
        if len(self._verified) > VERIFIED_CACHE_SIZE:
            self._verified.popitem(last=False)
        return claims
