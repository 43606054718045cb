"""Timeline entries from an application's own changes and from other subgraphs' events, with summaries."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from subgraphs.applications import timeline
from subgraphs.applications.models import (
    ApplicationStatus,
    FieldChange,
    Salary,
    SalaryPeriod,
    TimelineEntry,
    TimelineKind,
)
from subgraphs.kit.events import EventEnvelope
from tests.subgraphs.applications.test_store_contract import application

AT = datetime(2031, 3, 10, 9, 0, tzinfo=UTC)


def event(event_type: str, /, **data: object) -> EventEnvelope:
    return EventEnvelope(
        type=event_type, producer="test", user_id="alice", data=data, occurred_at="2031-03-10T10:00:00+01:00"
    )


def test_an_update_lists_short_fields_with_values_and_long_ones_by_name() -> None:
    before = application("a1")
    after = replace(
        before,
        company="Globex",
        salary=Salary(min=None, max=90_000, currency="EUR", period=SalaryPeriod.YEAR),
        notes="new notes",
        updated_at=AT + timedelta(hours=1),
    )
    entry = timeline.updated(before, after)
    assert entry is not None and entry.at == AT + timedelta(hours=1)
    assert entry.changed_fields == (
        FieldChange("company", "Acme", "Globex"),
        FieldChange("salary", "60,000 to 80,000 EUR/year", "… to 90,000 EUR/year"),
        FieldChange("notes"),
    )
    assert timeline.summary(entry) == (
        "Changed company Acme → Globex, salary 60,000 to 80,000 EUR/year → … to 90,000 EUR/year, notes"
    )


def test_an_update_that_changes_nothing_adds_no_entry() -> None:
    assert timeline.updated(application("a1"), replace(application("a1"), updated_at=AT)) is None


def test_a_cleared_field_reads_as_none() -> None:
    entry = timeline.updated(application("a1"), replace(application("a1"), location=None))
    assert entry is not None and timeline.summary(entry) == "Changed location Berlin → (none)"


def test_interview_events_are_dated_at_their_own_time_and_keyed_by_the_fact() -> None:
    scheduled = timeline.from_event(
        event("interview.scheduled", id="iv1", applicationId="a1", startsAt="2031-03-20T09:00:00Z")
    )
    assert scheduled == TimelineEntry(
        id="interview-scheduled:iv1",
        application_id="a1",
        kind=TimelineKind.INTERVIEW_SCHEDULED,
        at=AT,
        interview_id="iv1",
        interview_starts_at=datetime(2031, 3, 20, 9, 0, tzinfo=UTC),
    )
    assert timeline.summary(scheduled) == "Interview scheduled for 2031-03-20 09:00 UTC"


def test_only_a_move_of_an_interview_is_a_reschedule_and_each_move_counts() -> None:
    fields = {"id": "iv1", "applicationId": "a1", "startsAt": "2031-03-21T09:00:00Z"}
    assert timeline.from_event(event("interview.updated", **fields, changed=["details"])) is None
    moved = event("interview.updated", **fields, changed=["startsAt"])
    entry = timeline.from_event(moved)
    assert entry is not None and entry.id == f"interview-rescheduled:{moved.id}"
    assert timeline.summary(entry) == "Interview moved to 2031-03-21 09:00 UTC"


def test_an_interview_cancelled_with_its_application_adds_nothing() -> None:
    fields = {"id": "iv1", "applicationId": "a1", "startsAt": "2031-03-21T09:00:00Z"}
    assert timeline.from_event(event("interview.cancelled", **fields, reason="application_deleted")) is None
    cancelled = timeline.from_event(event("interview.cancelled", **fields, reason="cancelled"))
    assert cancelled is not None and cancelled.id == "interview-cancelled:iv1"
    assert timeline.summary(cancelled) == "Interview of 2031-03-21 09:00 UTC cancelled"


def test_documents_of_an_application_are_attached_and_removed_others_ignored() -> None:
    attached = timeline.from_event(event("file.uploaded", id="f1", name="cv.pdf", applicationId="a1"))
    removed = timeline.from_event(event("file.deleted", id="f1", name="cv.pdf", applicationId="a1"))
    assert attached is not None and removed is not None
    assert (attached.id, attached.kind, timeline.summary(attached)) == (
        "document-attached:f1",
        TimelineKind.DOCUMENT_ATTACHED,
        "Attached cv.pdf",
    )
    assert (removed.id, timeline.summary(removed)) == ("document-removed:f1", "Removed cv.pdf")
    assert timeline.from_event(event("file.uploaded", id="f2", name="cv.pdf", applicationId=None)) is None


@pytest.mark.parametrize(
    "broken",
    [
        event("interview.scheduled", id="iv1", startsAt="2031-03-20T09:00:00Z"),
        event("interview.scheduled", id="iv1", applicationId="a1", startsAt="soon"),
        event("file.uploaded", applicationId="a1", name="cv.pdf"),
    ],
)
def test_an_event_without_what_its_entry_needs_is_malformed(broken: EventEnvelope) -> None:
    with pytest.raises(timeline.MalformedEvent):
        timeline.from_event(broken)


def test_every_kind_has_a_summary() -> None:
    entries = {
        TimelineKind.CREATED: TimelineEntry(
            "1", "a1", TimelineKind.CREATED, AT, status=ApplicationStatus.SAVED
        ),
        TimelineKind.STATUS_CHANGED: TimelineEntry(
            "2", "a1", TimelineKind.STATUS_CHANGED, AT, status=ApplicationStatus.OFFER
        ),
        TimelineKind.NOTE: TimelineEntry("3", "a1", TimelineKind.NOTE, AT, note="hi"),
        TimelineKind.CONTACT_LINKED: TimelineEntry(
            "4", "a1", TimelineKind.CONTACT_LINKED, AT, contact_id="k1"
        ),
        TimelineKind.CONTACT_UNLINKED: TimelineEntry(
            "5", "a1", TimelineKind.CONTACT_UNLINKED, AT, contact_id="k1", contact_name="Peter"
        ),
    }
    assert [timeline.summary(entry) for entry in entries.values()] == [
        "Started tracking the application as SAVED",
        "Status changed to OFFER",
        "Note: hi",
        "Linked contact (unnamed)",
        "Unlinked contact Peter",
    ]
