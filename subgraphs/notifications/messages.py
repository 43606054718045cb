"""What notifications say: the title and body of each kind, from the projections (plain text, UTC times)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from subgraphs.notifications.models import KnownApplication, KnownContact, KnownInterview, Person


@dataclass(frozen=True, slots=True)
class Message:
    """A notification's title and body."""

    title: str
    body: str


def interview_scheduled(interview: KnownInterview, application: KnownApplication | None) -> Message:
    return Message("Interview scheduled", f"{_interview(interview, application)}.")


def interview_changed(interview: KnownInterview, application: KnownApplication | None) -> Message:
    return Message("Interview changed", f"{_interview(interview, application)} (changed).")


def interview_cancelled(interview: KnownInterview, application: KnownApplication | None) -> Message:
    return Message("Interview cancelled", f"{_interview(interview, application)} is cancelled.")


def interview_reminder(
    interview: KnownInterview, application: KnownApplication | None, now: datetime
) -> Message:
    ahead = _span(interview.starts_at - now)
    return Message(f"Interview in {ahead}", f"{_interview(interview, application)}.")


def status_changed(company: str, position: str, before: str | None, after: str, note: str | None) -> Message:
    moved = f"from {before} to {after}" if before else f"to {after}"
    body = f"Your application for {position} at {company} moved {moved}."
    if note:
        body += f" Note: {note}"
    return Message(f"{company}: {after}", body)


def contact_joined(contact: KnownContact, person: Person) -> Message:
    return Message(
        f"{contact.name} joined jobgraph",
        f"Your contact {contact.name} signed up as {person.name}; the contact now links to their profile.",
    )


def _interview(interview: KnownInterview, application: KnownApplication | None) -> str:
    kind = interview.type.capitalize()
    at = interview.starts_at.strftime("%a %d %b %Y, %H:%M UTC")
    if application is None:
        return f"{kind} interview on {at}"
    return f"{kind} interview with {application.company} ({application.position}) on {at}"


def _span(delta: timedelta) -> str:
    """`delta` in the largest whole unit people say: 1 day, 3 hours, 45 minutes (at least 1 minute)."""
    minutes = max(1, round(delta.total_seconds() / 60))
    for size, unit in ((1440, "day"), (60, "hour")):
        if (minutes >= size and minutes % size == 0) or minutes >= 2 * size:
            count = round(minutes / size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
