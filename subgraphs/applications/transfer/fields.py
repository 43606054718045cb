"""The one table of the fields an export writes and an import reads: CSV and XLSX columns and JSON keys.

A field is one line of `FIELDS`: its header (the API name, also the JSON key), the attribute of `Application`
it comes from (`salary.min` reaches into the salary), how its value is written and read (`Kind`), the other
header names an import recognises for it, and whether an import reads it at all (ids and `updatedAt` are the
exporting account's, not the importing one's). Headers are matched case-insensitively, ignoring spaces,
`_` and `-` ("Job URL" is `jobUrl`).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from subgraphs.applications.models import (
    Application,
    ApplicationSource,
    ApplicationStatus,
    EmploymentType,
    SalaryPeriod,
    WorkMode,
)

# The status history's own column (CSV), sheet (XLSX) or key (JSON); see `history.py`.
HISTORY = "statusHistory"


@dataclass(frozen=True, slots=True)
class Kind:
    """How values of one type become JSON values and cell text, and how cell text becomes a value again."""

    to_json: Callable[[Any], object]
    to_text: Callable[[Any], str]
    # Raises ValueError whose message says what the cell should hold.
    from_text: Callable[[str], Any]


def _text(value: str) -> str:
    return value


def _integer(text: str) -> int:
    try:
        return int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise ValueError("must be a whole number") from None


def instant_text(moment: datetime) -> str:
    """An instant as ISO 8601 UTC with a `Z` (the API's form)."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse_instant(text: str) -> datetime:
    """ISO 8601 with a UTC offset (or `Z`) as an aware datetime."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ValueError("must be a date and time such as 2031-03-10T09:00:00Z") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("must include a UTC offset, e.g. 2031-03-10T09:00:00+01:00")
    return moment.astimezone(UTC)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError("must be a date such as 2031-03-10") from None


def enum_kind(values: type[enum.Enum]) -> Kind:
    """Values of `values` by name, read case-insensitively; anything else names the values allowed."""
    names = [member.name for member in values]

    def read(text: str) -> enum.Enum:
        key = re.sub(r"[\s-]+", "_", text.strip()).upper()
        if key not in names:
            raise ValueError(f"{text!r} is not one of {', '.join(names)}")
        return values[key]

    return Kind(to_json=lambda value: value.name, to_text=lambda value: value.name, from_text=read)


TEXT = Kind(to_json=_text, to_text=_text, from_text=_text)
INTEGER = Kind(to_json=int, to_text=str, from_text=_integer)
INSTANT = Kind(to_json=instant_text, to_text=instant_text, from_text=parse_instant)
DATE = Kind(to_json=date.isoformat, to_text=date.isoformat, from_text=_date)
# A list of short texts: a JSON array, or one cell separated by `;`.
TAGS = Kind(
    to_json=list,
    to_text=lambda values: "; ".join(values),
    from_text=lambda text: [part.strip() for part in text.split(";") if part.strip()],
)


@dataclass(frozen=True, slots=True)
class Field:
    """One exported (and usually imported) field of an application."""

    header: str
    attribute: str
    kind: Kind
    synonyms: tuple[str, ...] = ()
    imported: bool = True
    required: bool = False

    def value(self, application: Application) -> Any:
        """The field's value on `application` (None when it or the salary it belongs to is absent)."""
        value: Any = application
        for name in self.attribute.split("."):
            value = getattr(value, name, None) if value is not None else None
        return value


FIELDS: tuple[Field, ...] = (
    Field("id", "id", TEXT, imported=False),
    Field("company", "company", TEXT, ("employer", "organization", "organisation", "company name"),
          required=True),
    Field("position", "position", TEXT, ("title", "job title", "role", "job"), required=True),
    Field("status", "status", enum_kind(ApplicationStatus), ("state", "stage")),
    Field("location", "location", TEXT, ("city", "place")),
    Field("salaryMin", "salary.min", INTEGER, ("minimum salary", "min salary")),
    Field("salaryMax", "salary.max", INTEGER, ("maximum salary", "max salary")),
    Field("salaryCurrency", "salary.currency", TEXT, ("currency",)),
    Field("salaryPeriod", "salary.period", enum_kind(SalaryPeriod), ("pay period", "per")),
    Field("jobUrl", "job_url", TEXT, ("url", "link", "job link", "posting", "job posting")),
    Field("description", "description", TEXT, ("job description",)),
    Field("notes", "notes", TEXT, ("note", "comments")),
    Field("appliedAt", "applied_at", INSTANT, ("applied", "applied on", "date applied")),
    Field("source", "source", enum_kind(ApplicationSource), ("found on", "found via", "channel")),
    Field("sourceDetail", "source_detail", TEXT, ("source detail", "referred by", "referrer")),
    Field("priority", "priority", INTEGER, ("importance",)),
    Field("workMode", "work_mode", enum_kind(WorkMode), ("remote",)),
    Field("employmentType", "employment_type", enum_kind(EmploymentType), ("contract", "job type")),
    Field("deadline", "deadline", INSTANT, ("apply by", "closing date")),
    Field("tags", "tags", TAGS, ("labels",)),
    Field("createdAt", "created_at", INSTANT, ("created", "added", "date added")),
    Field("updatedAt", "updated_at", INSTANT, imported=False),
)  # fmt: skip


def header_key(header: str) -> str:
    """The form headers are compared in: lower case without spaces, `_` and `-`."""
    return re.sub(r"[\s_\-]+", "", header).lower()


IMPORTED = tuple(field for field in FIELDS if field.imported)
# Every header name an import recognises (header or synonym, as `header_key`) → its field.
BY_HEADER: dict[str, Field] = {
    header_key(name): field for field in IMPORTED for name in (field.header, *field.synonyms)
}
