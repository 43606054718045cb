"""Analytics through the router: the dashboard with a person's numbers, which never include anyone else's,
and which follow each change (events over the in-process bus, and over RabbitMQ on PostgreSQL)."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.e2e.client import RouterClient
from tests.e2e.test_job_search import CHANGE_STATUS, CREATE_APPLICATION

DASHBOARD = """
{ me { name applicationCounts { total inProgress }
       analytics(timeZone: "Europe/Lisbon") { total byStatus { status count } byPosition { category count }
         byLocation { category count } funnel { status count rate } responseRate medianDaysToResponse
         averageDaysInStatus { status averageDays stays } perMonth { month count }
         weeklyActivity(weeks: 4) { weekStart count } } } }
"""
OTHERS = """query($id: ID!) { user(id: $id) { name analytics { total } } }"""


async def analytics_when(client: RouterClient, token: str, total: int, status: str) -> dict[str, Any]:
    """The dashboard once analytics has applied the events behind `total` and one application in `status`."""
    for _ in range(200):
        me = (await client.data(DASHBOARD, token))["me"]
        counts = {item["status"]: item["count"] for item in me["analytics"]["byStatus"]}
        if me["analytics"]["total"] == total and counts[status] >= 1:
            return dict(me)
        await asyncio.sleep(0.05)
    raise AssertionError(f"analytics never showed {total} applications with one {status}: {me}")


async def test_the_dashboard_shows_each_persons_own_analytics(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    grace = await client.sign_up("grace@example.com", "Grace Hopper")
    frontend = {"company": "Initech", "position": "Frontend engineer", "location": " lisbon "}
    first = await client.data(CREATE_APPLICATION, ada.token, input={**frontend, "status": "APPLIED"})
    await client.data(CREATE_APPLICATION, ada.token, input={"company": "Hooli", "position": "Data analyst"})
    await client.data(CREATE_APPLICATION, grace.token, input={"company": "Globex", "position": "Cook"})
    await client.data(CHANGE_STATUS, ada.token, id=first["createApplication"]["id"], status="INTERVIEW")

    me = await analytics_when(client, ada.token, 2, "INTERVIEW")
    analytics = me["analytics"]
    assert me["applicationCounts"]["total"] == analytics["total"] == 2
    assert {"category": "Lisbon", "count": 1} in analytics["byLocation"]
    assert {"category": "Frontend", "count": 1} in analytics["byPosition"]
    assert [step["count"] for step in analytics["funnel"]] == [1, 1, 0]
    assert analytics["responseRate"] == 1.0 and analytics["medianDaysToResponse"] is not None
    assert sum(month["count"] for month in analytics["perMonth"]) == 2
    assert len(analytics["weeklyActivity"]) == 4 and analytics["weeklyActivity"][-1]["count"] == 2

    graces = (await analytics_when(client, grace.token, 1, "SAVED"))["analytics"]
    assert graces["total"] == 1 and graces["funnel"][0]["count"] == 0


async def test_someone_elses_analytics_are_forbidden_through_the_router(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    grace = await client.sign_up("grace@example.com", "Grace Hopper")
    body = await client.raw(OTHERS, grace.token, id=ada.id)
    assert body["data"] == {"user": {"name": "Ada Lovelace", "analytics": None}}
    assert [error["extensions"]["code"] for error in body["errors"]] == ["FORBIDDEN"]
    assert body["errors"][0]["path"] == ["user", "analytics"]


async def test_a_bad_range_names_the_field_through_the_router(client: RouterClient) -> None:
    ada = await client.sign_up("ada@example.com", "Ada Lovelace")
    body = await client.raw('{ me { analytics(timeZone: "Nowhere/Else") { total } } }', ada.token)
    assert body["data"] == {"me": {"analytics": None}}
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert body["errors"][0]["extensions"]["field"] == "timeZone"
