"""The token expiry the subscription streams end at: read from the bearer token's `exp` claim."""

from __future__ import annotations

import time

from router.transport.streams import token_expiry
from tests.router.transport.streaming import unsigned_token


def test_the_expiry_is_the_bearer_tokens_exp_claim() -> None:
    expiry = token_expiry({"Authorization": f"Bearer {unsigned_token(expires_in=60)}"})
    assert expiry is not None and 0 < expiry - time.time() <= 60


def test_no_expiry_without_a_readable_bearer_token() -> None:
    assert token_expiry(None) is None
    assert token_expiry({}) is None
    assert token_expiry({"authorization": "Basic dXNlcjpwdw=="}) is None
    assert token_expiry({"authorization": "Bearer not-a-jwt"}) is None
    assert token_expiry({"authorization": "Bearer a.!!!.c"}) is None
    assert token_expiry({"authorization": "Bearer a.eyJleHAiOiJzb29uIn0.c"}) is None
