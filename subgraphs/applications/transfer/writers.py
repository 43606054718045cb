"""Writing exported applications as CSV, XLSX or JSON bytes, driven by the `FIELDS` table.

Text cells of CSV and XLSX go through `quoted` (formula injection); JSON is data, not a spreadsheet, and keeps
every value as it is. Empty values are empty cells (CSV, XLSX) and `null` (JSON).
"""

from __future__ import annotations

import csv
import enum
import io
import json
from dataclasses import dataclass

from openpyxl import Workbook

from subgraphs.applications.models import Application, StatusChange
from subgraphs.applications.transfer import history
from subgraphs.applications.transfer.fields import FIELDS, HISTORY, Field
from subgraphs.applications.transfer.formulas import quoted


class Format(enum.Enum):
    """A file format of exports (all three) and imports (CSV and XLSX)."""

    CSV = "CSV"
    XLSX = "XLSX"
    JSON = "JSON"

    @property
    def extension(self) -> str:
        return self.value.lower()

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self]


CONTENT_TYPES = {
    Format.CSV: "text/csv; charset=utf-8",
    Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Format.JSON: "application/json",
}
SHEET = "Applications"


@dataclass(frozen=True, slots=True)
class Exported:
    """One application with its status history, oldest first."""

    application: Application
    history: list[StatusChange]


def _cell(field: Field, item: Exported) -> str:
    value = field.value(item.application)
    return "" if value is None else quoted(field.kind.to_text(value))


def write(format: Format, items: list[Exported]) -> bytes:
    """The file of `items` in `format`."""
    if format is Format.CSV:
        return write_csv(items)
    if format is Format.XLSX:
        return write_xlsx(items)
    return write_json(items)


def write_csv(items: list[Exported]) -> bytes:
    """UTF-8 with a BOM (so Excel reads it as UTF-8), a header row, one row per application."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([field.header for field in FIELDS] + [HISTORY])
    for item in items:
        writer.writerow([_cell(field, item) for field in FIELDS] + [history.history_cell(item.history)])
    return ("\ufeff" + out.getvalue()).encode()


def write_xlsx(items: list[Exported]) -> bytes:
    """An `Applications` sheet (header row, one row per application) and a `Status history` sheet; every
    value is a text cell, so times and amounts come back exactly as written."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    sheet.append([field.header for field in FIELDS])
    for item in items:
        sheet.append([_cell(field, item) or None for field in FIELDS])
    changes = book.create_sheet(history.SHEET)
    changes.append(list(history.SHEET_HEADERS))
    for item in items:
        for row in history.sheet_rows(item.application.id, item.history):
            changes.append([quoted(value) if value else None for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_json(items: list[Exported]) -> bytes:
    """`{"applications": [...]}`: every field by its header, plus `statusHistory`."""
    applications = []
    for item in items:
        record: dict[str, object] = {}
        for field in FIELDS:
            value = field.value(item.application)
            record[field.header] = None if value is None else field.kind.to_json(value)
        record[HISTORY] = history.history_json(item.history)
        applications.append(record)
    return json.dumps({"applications": applications}, ensure_ascii=False, indent=1).encode()
