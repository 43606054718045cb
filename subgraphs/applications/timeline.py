"""Timeline entries: built from an application's own changes and from other subgraphs' events, and told
in one human sentence each (`summary`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from subgraphs.applications.models import (
    Application,
    ApplicationStatus,
    FieldChange,
    Salary,
    StatusChange,
    TimelineEntry,
    TimelineKind,
)
from subgraphs.kit.events import EventEnvelope

# The API names of the fields an update can change, in the order the timeline lists them; the long ones
# are named without their values.
_SHORT_FIELDS = (
    "company",
    "position",
    "location",
    "salary",
    "jobUrl",
    "appliedAt",
    "source",
    "sourceDetail",
    "priority",
    "workMode",
    "employmentType",
    "deadline",
    "tags",
)
_LONG_FIELDS = ("description", "notes")


class MalformedEvent(ValueError):
    """An event without the fields its timeline entry needs (the bus retries, then dead-letters it)."""


def created(application: Application) -> TimelineEntry:
    """The first entry of every timeline: the application as created, with its first status."""
    return TimelineEntry(
        id=str(uuid.uuid4()),
        application_id=application.id,
        kind=TimelineKind.CREATED,
        at=application.created_at,
        status=application.status,
    )


def updated(previous: Application, application: Application) -> TimelineEntry | None:
    """Which fields an update changed (old → new for the short ones); None when none did."""
    before, after = _fields(previous), _fields(application)
    changes = [
        FieldChange(name, before[name], after[name]) for name in _SHORT_FIELDS if before[name] != after[name]
    ]
    changes += [FieldChange(name) for name in _LONG_FIELDS if before[name] != after[name]]
    if not changes:
        return None
    return TimelineEntry(
        id=str(uuid.uuid4()),
        application_id=application.id,
        kind=TimelineKind.UPDATED,
        at=application.updated_at,
        changed_fields=tuple(changes),
    )


def status_changed(application: Application, previous: ApplicationStatus, note: str | None) -> TimelineEntry:
    """A move from `previous` to the application's current status, with the person's note."""
    return TimelineEntry(
        id=str(uuid.uuid4()),
        application_id=application.id,
        kind=TimelineKind.STATUS_CHANGED,
        at=application.updated_at,
        status=application.status,
        previous_status=previous,
        note=note,
    )


def imported(application: Application, history: Sequence[StatusChange]) -> list[TimelineEntry]:
    """The timeline an imported application starts with: CREATED with the first status of its `history`
    (oldest first, never empty), then a STATUS_CHANGED entry for each later change (its time, its note)."""
    first, *later = history
    entries = [created(replace(application, status=first.status))]
    previous = first.status
    for change in later:
        moved = replace(application, status=change.status, updated_at=change.changed_at)
        entries.append(status_changed(moved, previous, change.note))
        previous = change.status
    return entries


def note(application_id: str, text: str, at: datetime) -> TimelineEntry:
    """A note the person added to the timeline."""
    return TimelineEntry(
        id=str(uuid.uuid4()), application_id=application_id, kind=TimelineKind.NOTE, at=at, note=text
    )


def contact_link(
    kind: TimelineKind, application_id: str, contact_id: str, name: str | None, at: datetime, entry_id: str
) -> TimelineEntry:
    """A contact linked to or unlinked from the application (`kind` says which)."""
    return TimelineEntry(
        id=entry_id,
        application_id=application_id,
        kind=kind,
        at=at,
        contact_id=contact_id,
        contact_name=name,
    )


def from_event(event: EventEnvelope) -> TimelineEntry | None:
    """The entry an interviews or files event adds to its application's timeline; None when it adds none
    (an interview changed but not moved, cancelled because its application went away, a file of no
    application).

    Dated at the event's own `occurred_at`. Facts that happen once per item have ids naming them
    (`interview-scheduled:<id>`), so a redelivered or replayed event (snapshots included) adds nothing;
    a move can happen many times and is keyed by its event id.
    """
    data = event.data
    at = event_time(event)
    kind = event.type
    if kind.startswith("interview."):
        interview_id, application_id = _text(event, "id"), _text(event, "applicationId")
        starts_at = _instant(event, "startsAt")
        if kind == "interview.scheduled":
            entry_id, entry_kind = f"interview-scheduled:{interview_id}", TimelineKind.INTERVIEW_SCHEDULED
        elif kind == "interview.updated":
            if "startsAt" not in (data.get("changed") or ()):
                return None
            entry_id, entry_kind = f"interview-rescheduled:{event.id}", TimelineKind.INTERVIEW_RESCHEDULED
        elif kind == "interview.cancelled" and data.get("reason", "cancelled") == "cancelled":
            entry_id, entry_kind = f"interview-cancelled:{interview_id}", TimelineKind.INTERVIEW_CANCELLED
        else:
            return None
        previous = data.get("previousStartsAt")
        return TimelineEntry(
            id=entry_id,
            application_id=application_id,
            kind=entry_kind,
            at=at,
            interview_id=interview_id,
            interview_starts_at=starts_at,
            previous_starts_at=_instant(event, "previousStartsAt") if previous else None,
        )
    if kind in ("file.uploaded", "file.deleted"):
        if not data.get("applicationId"):
            return None
        file_id, application_id = _text(event, "id"), _text(event, "applicationId")
        attached = kind == "file.uploaded"
        return TimelineEntry(
            id=f"document-{'attached' if attached else 'removed'}:{file_id}",
            application_id=application_id,
            kind=TimelineKind.DOCUMENT_ATTACHED if attached else TimelineKind.DOCUMENT_REMOVED,
            at=at,
            file_id=file_id,
            file_name=data.get("name") if isinstance(data.get("name"), str) else None,
        )
    return None


def event_time(event: EventEnvelope) -> datetime:
    """The event's own time (`occurred_at`), aware UTC."""
    try:
        return _aware(datetime.fromisoformat(event.occurred_at))
    except ValueError as error:
        raise MalformedEvent(f"{event.type} event {event.id} has an unreadable occurred_at") from error


def summary(entry: TimelineEntry) -> str:
    """The entry in one sentence, as a person reads it in the timeline."""
    match entry.kind:
        case TimelineKind.CREATED:
            return f"Started tracking the application as {_status(entry.status)}"
        case TimelineKind.UPDATED:
            return "Changed " + ", ".join(_change(change) for change in entry.changed_fields)
        case TimelineKind.STATUS_CHANGED:
            moved = f"Status {_status(entry.previous_status)} → {_status(entry.status)}"
            if entry.previous_status is None:
                moved = f"Status changed to {_status(entry.status)}"
            return f"{moved}: {entry.note}" if entry.note else moved
        case TimelineKind.NOTE:
            return f"Note: {entry.note}"
        case TimelineKind.INTERVIEW_SCHEDULED:
            return f"Interview scheduled for {_when(entry.interview_starts_at)}"
        case TimelineKind.INTERVIEW_RESCHEDULED:
            if entry.previous_starts_at is not None:
                return (
                    f"Interview moved from {_when(entry.previous_starts_at)} "
                    f"to {_when(entry.interview_starts_at)}"
                )
            return f"Interview moved to {_when(entry.interview_starts_at)}"
        case TimelineKind.INTERVIEW_CANCELLED:
            return f"Interview of {_when(entry.interview_starts_at)} cancelled"
        case TimelineKind.DOCUMENT_ATTACHED:
            return f"Attached {entry.file_name or 'a document'}"
        case TimelineKind.DOCUMENT_REMOVED:
            return f"Removed {entry.file_name or 'a document'}"
        case TimelineKind.CONTACT_LINKED:
            return f"Linked contact {entry.contact_name or '(unnamed)'}"
        case TimelineKind.CONTACT_UNLINKED:
            return f"Unlinked contact {entry.contact_name or '(unnamed)'}"


def _fields(application: Application) -> dict[str, str | None]:
    applied_at = application.applied_at
    return {
        "company": application.company,
        "position": application.position,
        "location": application.location,
        "salary": _salary(application.salary),
        "jobUrl": application.job_url,
        "appliedAt": _when(applied_at) if applied_at is not None else None,
        "description": application.description,
        "notes": application.notes,
        "source": application.source.value if application.source is not None else None,
        "sourceDetail": application.source_detail,
        "priority": str(application.priority) if application.priority is not None else None,
        "workMode": application.work_mode.value if application.work_mode is not None else None,
        "employmentType": (
            application.employment_type.value if application.employment_type is not None else None
        ),
        "deadline": _when(application.deadline) if application.deadline is not None else None,
        "tags": ", ".join(application.tags) or None,
    }


def _salary(salary: Salary | None) -> str | None:
    if salary is None:
        return None
    low = "…" if salary.min is None else f"{salary.min:,}"
    high = "…" if salary.max is None else f"{salary.max:,}"
    return f"{low} to {high} {salary.currency}/{salary.period.value.lower()}"


def _change(change: FieldChange) -> str:
    if change.old is None and change.new is None:
        return change.field
    return f"{change.field} {change.old or '(none)'} → {change.new or '(none)'}"


def _status(status: ApplicationStatus | None) -> str:
    return status.value if status is not None else "?"


def _when(moment: datetime | None) -> str:
    # UTC: the API gives `at` and the detail times for the client to show in the person's own zone.
    return "an unknown time" if moment is None else moment.strftime("%Y-%m-%d %H:%M UTC")


def _text(event: EventEnvelope, name: str) -> str:
    value = event.data.get(name)
    if not isinstance(value, str) or not value:
        raise MalformedEvent(f"{event.type} event {event.id} has no data.{name}")
    return value


def _instant(event: EventEnvelope, name: str) -> datetime:
    try:
        return _aware(datetime.fromisoformat(_text(event, name)))
    except ValueError as error:
        raise MalformedEvent(f"{event.type} event {event.id} has an unreadable data.{name}") from error


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
