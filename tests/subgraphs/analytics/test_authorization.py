"""Authorization matrix: analytics are only ever the caller's own, by any field or entity.

Unlike items (where someone else's looks missing), analytics hang off a public profile, so asking for
someone else's is an explicit null with FORBIDDEN (issue 10); without a token it is UNAUTHENTICATED.
"""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.analytics.service import AnalyticsService
from tests.subgraphs.analytics.events import DAY, created, deliver
from tests.subgraphs.harness import NOW, Caller, scopes_reaching

MINE = "{ myAnalytics { total } }"
ENTITY = "query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id analytics { total } } } }"
ALICE = {"r": [{"__typename": "User", "id": "alice"}]}


@pytest.fixture(autouse=True)
async def alices_application(service: AnalyticsService, sqlite_engine: AsyncEngine) -> None:
    await deliver(service, async_sessionmaker(sqlite_engine), created("a1", "alice", NOW - DAY))


async def test_alice_sees_her_numbers_both_ways(alice: Caller) -> None:
    assert await alice.data(MINE) == {"myAnalytics": {"total": 1}}
    assert await alice.data(ENTITY, ALICE) == {"_entities": [{"id": "alice", "analytics": {"total": 1}}]}


async def test_bob_sees_only_his_own(bob: Caller) -> None:
    assert await bob.data(MINE) == {"myAnalytics": {"total": 0}}
    result = await bob.execute(ENTITY, ALICE)
    assert result.data == {"_entities": [{"id": "alice", "analytics": None}]}
    assert result.errors is not None and [error.extensions for error in result.errors] == [
        {"code": "FORBIDDEN"}
    ]


@pytest.mark.parametrize(("query", "variables"), [(MINE, None), (ENTITY, ALICE)])
async def test_anonymous_callers_are_unauthenticated(
    anonymous: Caller, query: str, variables: dict[str, object] | None
) -> None:
    assert (await anonymous.error(query, variables))["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize(("query", "variables"), [(MINE, None), (ENTITY, ALICE)])
async def test_a_partner_token_needs_analytics_read(
    alice: Caller, query: str, variables: dict[str, object] | None
) -> None:
    assert await scopes_reaching(alice, query, variables) == {"analytics:read"}
