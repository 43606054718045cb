"""The analytics schema: User.analytics for its owner only, range validation, `_entities`, the SDL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from subgraphs.analytics.service import AnalyticsService
from tests.subgraphs.analytics.events import DAY, created, deliver, status_changed
from tests.subgraphs.harness import NOW, Caller

ANALYTICS = """
query($r: [_Any!]!, $from: DateTime, $to: DateTime, $tz: String, $weeks: Int) {
  _entities(representations: $r) { ... on User { id analytics(from: $from, to: $to, timeZone: $tz) {
    total perMonth { month count } byStatus { status count } byPosition { category count }
    byLocation { category count } funnel { status count rate } responseRate medianDaysToResponse
    averageDaysInStatus { status averageDays stays } weeklyActivity(weeks: $weeks) { weekStart count } } } }
}
"""


def me(user: str, **variables: Any) -> dict[str, Any]:
    return {"r": [{"__typename": "User", "id": user}], **variables}


@pytest.fixture
async def history(service: AnalyticsService, sqlite_engine: AsyncEngine) -> None:
    sessions = async_sessionmaker(sqlite_engine)
    # Sent 2031-01-31 23:30 UTC: January in UTC, already February in Berlin (UTC+1).
    sent = NOW.replace(month=1, day=31, hour=23, minute=30)
    await deliver(
        service,
        sessions,
        created(
            "a1",
            "alice",
            sent,
            status="APPLIED",
            applied_at=sent,
            position="Data Engineer",
            location="berlin",
        ),
        status_changed(
            "a1",
            "alice",
            sent,
            "APPLIED",
            "REJECTED",
            sent + 4 * DAY,
            applied_at=sent,
            position="Data Engineer",
            location="berlin",
        ),
        created("a2", "alice", NOW - DAY, location=" Berlin "),
        created("b1", "bob", NOW - DAY),
    )


@pytest.mark.usefixtures("history")
async def test_the_owner_sees_every_number(alice: Caller) -> None:
    data = await alice.data(ANALYTICS, me("alice", **{"from": "2030-12-01T00:00:00Z"}))
    analytics = data["_entities"][0]["analytics"]
    assert analytics["total"] == 2
    assert analytics["perMonth"] == [
        {"month": "2030-12", "count": 0}, {"month": "2031-01", "count": 1},
        {"month": "2031-02", "count": 1}, {"month": "2031-03", "count": 0},
    ]  # fmt: skip
    assert {item["status"]: item["count"] for item in analytics["byStatus"]} == {
        "SAVED": 1, "APPLIED": 0, "INTERVIEW": 0, "OFFER": 0, "REJECTED": 1, "WITHDRAWN": 0,
    }  # fmt: skip
    assert {"category": "Data", "count": 1} in analytics["byPosition"] and len(analytics["byPosition"]) == 10
    assert analytics["byLocation"] == [{"category": "Berlin", "count": 2}]
    assert analytics["funnel"] == [
        {"status": "APPLIED", "count": 1, "rate": 1.0},
        {"status": "INTERVIEW", "count": 0, "rate": 0.0},
        {"status": "OFFER", "count": 0, "rate": 0.0},
    ]
    assert (analytics["responseRate"], analytics["medianDaysToResponse"]) == (1.0, 4.0)
    assert len(analytics["weeklyActivity"]) == 12 and analytics["weeklyActivity"][-1] == {
        "weekStart": "2031-02-24",
        "count": 1,
    }


@pytest.mark.usefixtures("history")
async def test_months_and_weeks_follow_the_time_zone(alice: Caller) -> None:
    variables = me("alice", **{"from": "2031-01-01T00:00:00+01:00", "tz": "Europe/Berlin", "weeks": 5})
    analytics = (await alice.data(ANALYTICS, variables))["_entities"][0]["analytics"]
    # 23:30 UTC on 31 January is 00:30 on 1 February in Berlin.
    assert analytics["perMonth"][:2] == [{"month": "2031-01", "count": 0}, {"month": "2031-02", "count": 2}]
    assert analytics["weeklyActivity"][0]["weekStart"] == "2031-01-27"


@pytest.mark.usefixtures("history")
async def test_someone_elses_analytics_are_null_and_forbidden(bob: Caller) -> None:
    result = await bob.execute(ANALYTICS, me("alice"))
    assert result.data == {"_entities": [{"id": "alice", "analytics": None}]}
    assert result.errors is not None and result.errors[0].extensions == {"code": "FORBIDDEN"}


async def test_without_a_token_it_is_unauthenticated(anonymous: Caller) -> None:
    assert (await anonymous.error(ANALYTICS, me("alice")))["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"from": "2031-02-01T00:00:00Z", "to": "2031-01-01T00:00:00Z"}, "to"),
        ({"from": "2020-01-01T00:00:00Z", "to": "2031-01-01T00:00:00Z"}, "from"),
        ({"from": "2010-01-01T00:00:00Z"}, "from"),
        ({"tz": "Mars/Olympus_Mons"}, "timeZone"),
        ({"tz": "../../etc/passwd"}, "timeZone"),
        ({"weeks": 0}, "weeks"),
        ({"weeks": 105}, "weeks"),
    ],
)
async def test_a_bad_range_is_bad_user_input_naming_the_field(
    alice: Caller, variables: dict[str, Any], field: str
) -> None:
    assert await alice.error(ANALYTICS, me("alice", **variables)) == {
        "code": "BAD_USER_INPUT",
        "field": field,
    }


async def test_a_person_without_applications_gets_zeros_not_errors(alice: Caller) -> None:
    analytics = (await alice.data(ANALYTICS, me("alice")))["_entities"][0]["analytics"]
    assert analytics["total"] == 0 and analytics["perMonth"] == [{"month": "2031-03", "count": 0}]
    assert analytics["responseRate"] is None and analytics["medianDaysToResponse"] is None
    assert all(item["averageDays"] is None for item in analytics["averageDaysInStatus"])


async def test_the_sdl_extends_user_and_shares_status_count(anonymous: Caller) -> None:
    sdl = (await anonymous.data("{ _service { sdl } }"))["_service"]["sdl"]
    assert 'type User @key(fields: "id")' in sdl
    assert 'analytics(from: DateTime = null, to: DateTime = null, timeZone: String = "UTC"): Analytics' in sdl
    assert "type StatusCount @shareable" in sdl
