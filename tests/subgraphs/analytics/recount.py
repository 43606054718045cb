"""The oracle: every analytics number recounted directly from the applications subgraph's own data.

Written from the definitions in subgraphs/analytics/facts.py and the schema, not from the projection's code,
so the property test compares two independent computations.
"""

from __future__ import annotations

import statistics
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import async_sessionmaker

from subgraphs.analytics.categories import location_of, position_category
from subgraphs.analytics.models import Analytics
from subgraphs.applications.app import ApplicationsSubgraph
from subgraphs.applications.models import Application, StatusChange
from subgraphs.applications.store import SqlApplicationStore

DAY = 86_400.0
STATUSES = ("SAVED", "APPLIED", "INTERVIEW", "OFFER", "REJECTED", "WITHDRAWN")


async def applications_of(
    applications: ApplicationsSubgraph, owner: str
) -> list[tuple[Application, list[StatusChange]]]:
    async with async_sessionmaker(applications.engine)() as session:
        store = SqlApplicationStore(session)
        found = await store.batch_after(None, 100_000, owner)
        timelines = await store.timelines(owner, [item.id for item in found])
    return [(item, timelines.get(item.id, [])) for item in found]


def recount(data: list[tuple[Application, list[StatusChange]]], now: datetime) -> dict[str, object]:
    """The numbers of `summary()` for all of a person's applications, in UTC."""
    by_status = {status: 0 for status in STATUSES}
    by_position: dict[str, int] = {}
    locations: dict[str, list[str]] = {}
    funnel = [0, 0, 0]
    responded, response_days = 0, []
    stays: dict[str, list[float]] = {status: [] for status in STATUSES}
    months: dict[str, int] = {}
    for application, timeline in data:
        by_status[application.status.value] += 1
        family = position_category(application.position)
        by_position[family] = by_position.get(family, 0) + 1
        key, label = location_of(application.location)
        locations.setdefault(key, []).append(label)
        sent = application.applied_at or application.created_at
        month = sent.astimezone(UTC).strftime("%Y-%m")
        months[month] = months.get(month, 0) + 1
        entries = sorted(
            timeline, key=lambda change: (change.changed_at, STATUSES.index(change.status.value))
        )
        seen = {change.status.value for change in entries}
        applied = application.applied_at is not None or bool(seen & {"APPLIED", "INTERVIEW", "OFFER"})
        funnel[0] += applied
        funnel[1] += bool(seen & {"INTERVIEW", "OFFER"})
        funnel[2] += "OFFER" in seen
        answers = [change for change in entries if change.status.value in ("INTERVIEW", "OFFER", "REJECTED")]
        if applied and answers:
            responded += 1
            response_days.append(max(0.0, (answers[0].changed_at - sent).total_seconds()) / DAY)
        ends = [change.changed_at for change in entries[1:]] + [now]
        for change, end in zip(entries, ends, strict=True):
            stays[change.status.value].append((end - change.changed_at).total_seconds() / DAY)
    return {
        "total": len(data),
        "byStatus": {status: count for status, count in by_status.items() if count},
        "byPosition": by_position,
        "byLocation": {min(labels): len(labels) for labels in locations.values()},
        "funnel": funnel,
        "responseRate": responded / funnel[0] if funnel[0] else None,
        "median": statistics.median(response_days) if response_days else None,
        "stays": {
            status: (sum(values) / len(values) if values else None, len(values))
            for status, values in stays.items()
        },
        "months": months,
    }


def summary(analytics: Analytics) -> dict[str, object]:
    return {
        "total": analytics.total,
        "byStatus": {item.key: item.count for item in analytics.by_status if item.count},
        "byPosition": {item.key: item.count for item in analytics.by_position if item.count},
        "byLocation": {item.key: item.count for item in analytics.by_location},
        "funnel": [step.count for step in analytics.funnel],
        "responseRate": analytics.response_rate,
        "median": analytics.median_days_to_response,
        "stays": {
            item.status.value: (item.average_days, item.stays) for item in analytics.average_days_in_status
        },
        "months": {item.key: item.count for item in analytics.per_month if item.count},
    }


def same_numbers(got: dict[str, object], expected: dict[str, object]) -> bool:
    """Equal, with floats (days) compared to a millisecond."""
    if got.keys() != expected.keys():
        return False
    for key, value in got.items():
        other = expected[key]
        if key == "stays":
            assert isinstance(value, dict) and isinstance(other, dict)
            for status, (average, stays) in value.items():
                theirs, their_stays = other[status]
                if stays != their_stays or (average is None) != (theirs is None):
                    return False
                if average is not None and abs(average - theirs) > 1e-6:
                    return False
        elif isinstance(value, float) and isinstance(other, float):
            if abs(value - other) > 1e-6:
                return False
        elif value != other:
            return False
    return True
