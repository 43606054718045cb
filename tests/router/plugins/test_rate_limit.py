"""Rate limiting: a token bucket per client (token subject, else address) and one for the router; 429
RATE_LIMITED with Retry-After and the IETF RateLimit headers."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from router.config import RouterConfig
from router.plugins.authentication import AuthenticationPlugin
from router.plugins.keys import FileKeys
from router.plugins.rate_limit import Rate, RateLimiter, RateLimitPlugin
from subgraphs.kit.keys import SigningKey
from tests.router.plugins.harness import router_http

QUERY = {"query": "{ me { name } }"}


class Clock:
    """Time a test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_its_burst_then_refills_at_its_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(Rate(per_second=2, burst=3), clock=clock)
    assert [limiter.take("a").allowed for _ in range(4)] == [True, True, True, False]
    refused = limiter.take("a")
    assert (refused.allowed, refused.remaining, refused.retry_after) == (False, 0, 1)
    clock.now += 0.5  # one token back
    assert [limiter.take("a").allowed for _ in range(2)] == [True, False]
    clock.now += 60  # never more than the burst
    assert [limiter.take("a").allowed for _ in range(4)] == [True, True, True, False]


def test_clients_have_their_own_buckets() -> None:
    limiter = RateLimiter(Rate(per_second=1, burst=1), clock=Clock())
    assert limiter.take("a").allowed and limiter.take("b").allowed
    assert not limiter.take("a").allowed


def test_the_number_of_buckets_is_bounded() -> None:
    limiter = RateLimiter(Rate(per_second=1, burst=1), max_keys=2, clock=Clock())
    for key in ("a", "b", "c"):
        limiter.take(key)
    assert len(limiter._buckets) == 2


def small(**changes: Any) -> RouterConfig:
    return RouterConfig(**{"client_rate": 0.01, "client_burst": 2, **changes})


async def test_a_client_over_its_rate_is_refused_with_retry_after_and_ratelimit_headers() -> None:
    async with router_http(config=small()) as http:
        answers = [await http.post("/graphql", json=QUERY) for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert answers[0].headers["ratelimit-policy"] == '"client";q=2;w=200'
    assert answers[0].headers["ratelimit"] == '"client";r=1;t=100'
    refused = answers[2]
    assert refused.headers["retry-after"] == "100"
    assert refused.headers["ratelimit"].startswith('"client";r=0;')
    assert refused.json() == {
        "errors": [
            {
                "message": "Too many requests from this client; retry in 100 s.",
                "extensions": {"limit": "client", "retryAfter": 100, "code": "RATE_LIMITED"},
            }
        ]
    }


async def test_signed_in_clients_are_limited_by_subject_not_address(tmp_path: Path) -> None:
    key = SigningKey.generate()
    path = tmp_path / "public.pem"
    path.write_text(key.public_pem)
    authentication = AuthenticationPlugin(FileKeys(path), issuer=None, audience=None)
    # The authentication plugin goes first so the limiter sees the subject (the defaults keep that order).
    config = small(rate_limit=False)
    async with router_http(authentication, RateLimitPlugin(Rate(0.01, 2)), config=config) as http:

        def token(subject: str) -> dict[str, str]:
            signed = key.sign({"sub": subject, "exp": int(time.time()) + 60})
            return {"authorization": f"Bearer {signed}"}

        ada = [(await http.post("/graphql", json=QUERY, headers=token("ada"))).status_code for _ in range(3)]
        grace = (await http.post("/graphql", json=QUERY, headers=token("grace"))).status_code
        anonymous = (await http.post("/graphql", json=QUERY)).status_code
    assert ada == [200, 200, 429]
    assert (grace, anonymous) == (200, 200)


async def test_the_global_limit_refuses_everyone_past_it() -> None:
    config = small(client_burst=100, client_rate=100.0, global_rate=0.01, global_burst=2)
    async with router_http(config=config) as http:
        answers = [await http.post("/graphql", json=QUERY) for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert answers[2].json()["errors"][0]["extensions"]["limit"] == "global"


async def test_it_can_be_turned_off() -> None:
    async with router_http(config=small(rate_limit=False)) as http:
        answers = [await http.post("/graphql", json=QUERY) for _ in range(4)]
    assert {answer.status_code for answer in answers} == {200}
    assert "ratelimit" not in answers[0].headers
