"""The status history in a file: JSON entries, a compact CSV cell, and the rows of an XLSX sheet.

- JSON: `statusHistory: [{status, note, changedAt}]`, oldest first.
- CSV: one `statusHistory` cell holding a JSON array of `[status, changedAt]` or `[status, changedAt, note]`
  entries, oldest first: `[["SAVED","2031-03-01T08:00:00Z"],["APPLIED","2031-03-02T09:30:00Z","by email"]]`.
- XLSX: a second sheet, `Status history`, with one row per entry: `applicationId` (the `id` column of the
  first sheet), `status`, `changedAt`, `note`.
An import reads the history back when it is there (unknown statuses and unreadable times refuse the row).
"""

from __future__ import annotations

import json

from subgraphs.applications.models import ApplicationStatus, StatusChange
from subgraphs.applications.transfer.fields import instant_text, parse_instant

SHEET = "Status history"
SHEET_HEADERS = ("applicationId", "status", "changedAt", "note")


def history_json(history: list[StatusChange]) -> list[dict[str, object]]:
    """The JSON export's `statusHistory`."""
    return [
        {"status": change.status.value, "note": change.note, "changedAt": instant_text(change.changed_at)}
        for change in history
    ]


def history_cell(history: list[StatusChange]) -> str:
    """The CSV export's `statusHistory` cell."""
    entries = [
        [change.status.value, instant_text(change.changed_at), *([change.note] if change.note else [])]
        for change in history
    ]
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":"))


def sheet_rows(application_id: str, history: list[StatusChange]) -> list[tuple[str, str, str, str]]:
    """The rows of the XLSX `Status history` sheet for one application."""
    return [
        (application_id, change.status.value, instant_text(change.changed_at), change.note or "")
        for change in history
    ]


def entry(status: str, changed_at: str, note: str | None) -> StatusChange:
    """One read history entry (its application is not known yet); ValueError says what is wrong."""
    try:
        parsed = ApplicationStatus(status.strip().upper())
    except ValueError:
        names = ", ".join(member.name for member in ApplicationStatus)
        raise ValueError(f"{status!r} is not one of {names}") from None
    return StatusChange("", parsed, note or None, parse_instant(changed_at.strip()))


def parse_cell(cell: str) -> list[StatusChange]:
    """The entries of a CSV `statusHistory` cell; ValueError says what is wrong."""
    try:
        entries = json.loads(cell)
    except ValueError:
        raise ValueError('must be a JSON list such as [["APPLIED","2031-03-02T09:30:00Z"]]') from None
    if not isinstance(entries, list):
        raise ValueError("must be a JSON list of [status, changedAt, note] entries")
    changes = []
    for item in entries:
        if (
            not isinstance(item, list)
            or not 2 <= len(item) <= 3
            or not all(isinstance(part, str) or part is None for part in item)
            or item[0] is None
            or item[1] is None
        ):
            raise ValueError("each entry must be [status, changedAt] or [status, changedAt, note]")
        changes.append(entry(item[0], item[1], item[2] if len(item) == 3 else None))
    return changes
