"""The one table of an application's fields: API name, kind, how it is set, and its JSON form.

Events (`events.py`) build their payloads from it and export/import iterate it, so a field added here travels
everywhere an application's fields are listed. Names are the API's (camelCase), as in events.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, datetime

from subgraphs.applications.models import (
    Application,
    ApplicationSource,
    ApplicationStatus,
    EmploymentType,
    Salary,
    WorkMode,
)


class FieldKind(enum.Enum):
    """How a field's value is written in JSON (events, exports): what an importer parses."""

    ID = "ID"  # a string id
    TEXT = "TEXT"  # one line of text
    MULTILINE_TEXT = "MULTILINE_TEXT"  # text with line breaks
    URL = "URL"  # an http(s) URL
    ENUM = "ENUM"  # the name of one of `ApplicationField.values`
    INT = "INT"  # a whole number
    INSTANT = "INSTANT"  # ISO 8601 in UTC with a Z
    SALARY = "SALARY"  # {min, max, currency, period}
    TAGS = "TAGS"  # a list of normalised tags


@dataclass(frozen=True, slots=True)
class ApplicationField:
    """One field of `models.Application`.

    `creatable`: in `CreateApplicationInput`; `updatable`: in `UpdateApplicationInput` (and listed in
    `application.updated`'s `changed` when it changes); `nullable`: may be absent.
    """

    name: str
    attribute: str
    kind: FieldKind
    creatable: bool
    updatable: bool
    nullable: bool
    values: type[enum.Enum] | None = None

    def value(self, application: Application) -> object:
        """The field's value in the domain record."""
        return getattr(application, self.attribute)

    def to_json(self, application: Application) -> object:
        """The field's value as events and exports write it."""
        return to_json(self.value(application))


def iso(moment: datetime | None) -> str | None:
    """An instant as ISO 8601 UTC with a Z, as events and exports write it."""
    return None if moment is None else moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _salary(salary: Salary) -> dict[str, object]:
    return {"min": salary.min, "max": salary.max, "currency": salary.currency, "period": salary.period.value}


def to_json(value: object) -> object:
    """A field value in its JSON form: enums by name, instants as `iso`, tags as a list."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, Salary):
        return _salary(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _field(
    name: str,
    attribute: str,
    kind: FieldKind,
    *,
    creatable: bool = True,
    updatable: bool = True,
    nullable: bool = True,
    values: type[enum.Enum] | None = None,
) -> ApplicationField:
    return ApplicationField(name, attribute, kind, creatable, updatable, nullable, values)


# In the order `application.updated` lists `changed` fields; the fields of issue #18 come last.
FIELDS: tuple[ApplicationField, ...] = (
    _field("id", "id", FieldKind.ID, creatable=False, updatable=False, nullable=False),
    _field("company", "company", FieldKind.TEXT, nullable=False),
    _field("position", "position", FieldKind.TEXT, nullable=False),
    _field("location", "location", FieldKind.TEXT),
    _field("jobUrl", "job_url", FieldKind.URL),
    _field("salary", "salary", FieldKind.SALARY),
    _field("appliedAt", "applied_at", FieldKind.INSTANT),
    _field("description", "description", FieldKind.MULTILINE_TEXT),
    _field("notes", "notes", FieldKind.MULTILINE_TEXT),
    # Set on create; afterwards it changes through changeApplicationStatus, which keeps the timeline.
    _field("status", "status", FieldKind.ENUM, updatable=False, nullable=False, values=ApplicationStatus),
    _field("createdAt", "created_at", FieldKind.INSTANT, creatable=False, updatable=False, nullable=False),
    _field("updatedAt", "updated_at", FieldKind.INSTANT, creatable=False, updatable=False, nullable=False),
    _field("source", "source", FieldKind.ENUM, values=ApplicationSource),
    _field("sourceDetail", "source_detail", FieldKind.TEXT),
    _field("priority", "priority", FieldKind.INT),
    _field("workMode", "work_mode", FieldKind.ENUM, values=WorkMode),
    _field("employmentType", "employment_type", FieldKind.ENUM, values=EmploymentType),
    _field("deadline", "deadline", FieldKind.INSTANT),
    _field("tags", "tags", FieldKind.TAGS, nullable=False),
)

BY_NAME: dict[str, ApplicationField] = {field.name: field for field in FIELDS}
