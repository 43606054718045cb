"""The facts of one application that the numbers sum (`ApplicationFacts`), derived from what its events said.

Definitions, which the README and the schema descriptions repeat:
- sent: `appliedAt`, else `createdAt`.
- reached APPLIED: `appliedAt` is set or the timeline ever had APPLIED, INTERVIEW or OFFER; reached
  INTERVIEW: ever INTERVIEW or OFFER; reached OFFER: ever OFFER.
- responded: reached APPLIED and the timeline ever had INTERVIEW, OFFER or REJECTED; the response time is
  from being sent to the first of those (never negative: a backdated `appliedAt` counts as an instant answer).
- stays: the timeline in time order; each entry lasts until the next one, the last one until now.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from subgraphs.analytics.categories import location_of, position_category
from subgraphs.analytics.models import (
    RESPONSES,
    STATUSES,
    ApplicationFacts,
    ApplicationStatus,
    TimelineEntry,
    TrackedApplication,
)

_ORDER = {status: index for index, status in enumerate(STATUSES)}
_REACHES_APPLIED = frozenset(
    {ApplicationStatus.APPLIED, ApplicationStatus.INTERVIEW, ApplicationStatus.OFFER}
)
_REACHES_INTERVIEW = frozenset({ApplicationStatus.INTERVIEW, ApplicationStatus.OFFER})


def ordered(timeline: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    """The timeline in time order; equal instants in the course order of the statuses."""
    return sorted(timeline, key=lambda entry: (entry.changed_at, _ORDER[entry.status]))


def facts_of(application: TrackedApplication, timeline: Iterable[TimelineEntry]) -> ApplicationFacts | None:
    """The facts of `application`; None while it is deleted or no event has said when it was created."""
    if application.deleted or application.created_at is None or application.status is None:
        return None
    sent_at = application.sent_at
    assert sent_at is not None
    entries = ordered(timeline) or [TimelineEntry(application.status, application.created_at)]
    seen = {entry.status for entry in entries}
    reached_applied = application.applied_at is not None or bool(seen & _REACHES_APPLIED)
    responses = [entry for entry in entries if entry.status in RESPONSES]
    responded = reached_applied and bool(responses)
    response_seconds = max(0.0, (responses[0].changed_at - sent_at).total_seconds()) if responded else None
    closed_seconds: dict[ApplicationStatus, float] = {}
    closed_stays: dict[ApplicationStatus, int] = {}
    for entry, following in pairwise(entries):
        seconds = (following.changed_at - entry.changed_at).total_seconds()
        closed_seconds[entry.status] = closed_seconds.get(entry.status, 0.0) + seconds
        closed_stays[entry.status] = closed_stays.get(entry.status, 0) + 1
    location_key, location_label = location_of(application.location)
    return ApplicationFacts(
        sent=sent_at.timestamp(),
        position_category=position_category(application.position),
        location_key=location_key,
        location_label=location_label,
        reached=(reached_applied, bool(seen & _REACHES_INTERVIEW), ApplicationStatus.OFFER in seen),
        responded=responded,
        response_seconds=response_seconds,
        current=entries[-1].status,
        current_since=entries[-1].changed_at.timestamp(),
        closed_seconds=closed_seconds,
        closed_stays=closed_stays,
    )
