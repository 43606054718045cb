"""Reading an import file (CSV or XLSX) into rows of text cells, refusing a file it cannot read as a whole.

Every refusal is BAD_USER_INPUT on `file` and says why: not UTF-8 (with the byte offset and row), not an XLSX
workbook, no header row, more rows than an import takes. Rows are numbered as a spreadsheet shows them: the
header is row 1. Cells are text with the formula quote of an export removed (`unquoted`).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime

from openpyxl import load_workbook

from subgraphs.applications.models import StatusChange
from subgraphs.applications.transfer import history
from subgraphs.applications.transfer.fields import header_key, instant_text
from subgraphs.applications.transfer.formulas import unquoted
from subgraphs.applications.transfer.writers import Format
from subgraphs.kit.errors import BadUserInput

BOM = b"\xef\xbb\xbf"
XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its number as a spreadsheet shows it and its cells by column position."""

    number: int
    cells: list[str]


@dataclass(slots=True)
class Table:
    """A read file: the header row, the data rows, and (XLSX) the status history sheet by exported id."""

    headers: list[str]
    rows: list[Row]
    histories: dict[str, list[StatusChange]] | None = None
    # Rows of the history sheet that cannot be read, by exported id: the reason, refusing that application.
    history_errors: dict[str, str] = field(default_factory=dict)


def detect(filename: str, content: bytes) -> Format:
    """The format of an upload given none: XLSX when it is a zip (every XLSX is), CSV otherwise."""
    if content.startswith(XLSX_MAGIC) or filename.lower().endswith(".xlsx"):
        return Format.XLSX
    return Format.CSV


def read(format: Format, content: bytes, max_rows: int) -> Table:
    """The table of `content`; BadUserInput on `file` when it is unreadable or longer than `max_rows`."""
    if format is Format.CSV:
        return read_csv(content, max_rows)
    if format is Format.XLSX:
        return read_xlsx(content, max_rows)
    raise BadUserInput("imports read CSV or XLSX files", field="format")


def read_csv(content: bytes, max_rows: int) -> Table:
    """UTF-8 with or without a BOM; the delimiter is `,` or `;` (whichever the header row uses more)."""
    body = content.removeprefix(BOM)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + (len(content) - len(body))
        line = body[: error.start].count(b"\n") + 1
        raise BadUserInput(
            f"is not UTF-8 text: byte {offset} (line {line}) cannot be read; save the file as CSV UTF-8",
            field="file",
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(records, None)
        if header is None or not any(cell.strip() for cell in header):
            raise BadUserInput("has no header row naming its columns", field="file")
        rows = []
        for number, cells in enumerate(records, start=2):
            if any(cell.strip() for cell in cells):
                rows.append(Row(number, [unquoted(cell) for cell in cells]))
                if len(rows) > max_rows:
                    raise BadUserInput(f"has more than {max_rows} rows; split it", field="file")
    except csv.Error as error:
        raise BadUserInput(f"is not a readable CSV file: {error}", field="file") from None
    return Table(headers=[cell.strip() for cell in header], rows=rows)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        # Spreadsheet dates carry no zone: taken as UTC.
        return instant_text(value if value.tzinfo else value.replace(tzinfo=UTC))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unquoted(str(value))


def read_xlsx(content: bytes, max_rows: int) -> Table:
    """The first sheet is the applications; a `Status history` sheet, if any, their histories."""
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise BadUserInput("is not an XLSX workbook", field="file") from None
    try:
        sheets = book.worksheets
        if not sheets:
            raise BadUserInput("has no sheet", field="file")
        lines = sheets[0].iter_rows(values_only=True)
        header = next(lines, None)
        if header is None or not any(_text(value).strip() for value in header):
            raise BadUserInput("has no header row naming its columns", field="file")
        rows = []
        for number, values in enumerate(lines, start=2):
            cells = [_text(value) for value in values]
            if any(cell.strip() for cell in cells):
                rows.append(Row(number, cells))
                if len(rows) > max_rows:
                    raise BadUserInput(f"has more than {max_rows} rows; split it", field="file")
        table = Table(headers=[_text(value).strip() for value in header], rows=rows)
        if history.SHEET in book.sheetnames:
            _read_history(book[history.SHEET].iter_rows(values_only=True), table, max_rows)
        return table
    finally:
        book.close()


def _read_history(lines: object, table: Table, max_rows: int) -> None:
    """Fill `table.histories` from the `Status history` sheet's rows (header first)."""
    iterator = iter(lines)  # type: ignore[call-overload]
    header = [header_key(_text(value)) for value in next(iterator, ())]
    columns = {
        name: header.index(header_key(name)) for name in history.SHEET_HEADERS if header_key(name) in header
    }
    table.histories = {}
    if "applicationId" not in columns:
        return
    limit = max_rows * 50
    for count, values in enumerate(iterator):
        if count > limit:
            raise BadUserInput(f"has more than {limit} status history rows", field="file")
        cells = [_text(value) for value in values]

        def cell(name: str, cells: list[str] = cells) -> str:
            index = columns.get(name)
            return cells[index] if index is not None and index < len(cells) else ""

        source = cell("applicationId").strip()
        if not source:
            continue
        try:
            change = history.entry(cell("status"), cell("changedAt"), cell("note") or None)
        except ValueError as error:
            table.history_errors.setdefault(source, f"{history.SHEET} row {count + 2}: {error}")
            continue
        table.histories.setdefault(source, []).append(change)
