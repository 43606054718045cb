"""Export and import use cases: the caller's filtered applications to a signed download, and a file's rows to
new applications with a per-row report.

Export reads the list in keyset pages (bounded queries), writes the file off the event loop and stores it
in the subgraph's export blob store; the answer is a signed URL valid for `TransferLimits.export_ttl`, after
which the sweep deletes the file.

Import refuses a file it cannot read as a whole (size, encoding, format, missing columns, a wrong `mapping`)
before looking at any row: BAD_USER_INPUT, nothing created. Otherwise every row is checked exactly as
`createApplication` checks its input; a preview (`commit=False`) reports what each row would do and writes
nothing; a commit refuses the invalid rows and creates all the valid ones in one transaction (each with its
status history, its timeline (`timeline.imported`: CREATED, then one STATUS_CHANGED per later change) and its
`application.created` event): every valid row exists afterwards, or (the database failing) none does, never a
part of one. One transaction rather than one per row: 5,000 rows commit in seconds instead of a minute
(bench/applications_export_bench.py), well within the router's mutation timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import time
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.applications import timeline
from subgraphs.applications.events import ApplicationCreated, EventsRecorder
from subgraphs.applications.models import (
    Application,
    ApplicationOrder,
    ApplicationQuery,
    ApplicationStatus,
    CreateApplication,
    PageKey,
    Salary,
    SalaryPeriod,
    StatusChange,
)
from subgraphs.applications.service import (
    APPLIED_AT_SLACK,
    MAX_SEARCH_LENGTH,
    MAX_STATUS_NOTE_LENGTH,
    new_application,
    utc_now,
)
from subgraphs.applications.store import ApplicationStore, SqlApplicationStore
from subgraphs.applications.timeline_store import SqlTimelineStore
from subgraphs.applications.transfer import history as status_history
from subgraphs.applications.transfer import readers
from subgraphs.applications.transfer.fields import (
    BY_HEADER,
    FIELDS,
    HISTORY,
    IMPORTED,
    TEXT,
    Field,
    header_key,
)
from subgraphs.applications.transfer.writers import Exported, Format, write
from subgraphs.kit import validation
from subgraphs.kit.blobs import LocalBlobStore
from subgraphs.kit.errors import BadUserInput
from subgraphs.kit.input_checks import MULTILINE_FIELDS, control_character_in

EXPORT_PAGE = 500
# The exported id: read back only to join an XLSX history sheet to its rows.
SOURCE_ID = "id"


@dataclass(frozen=True, slots=True)
class TransferLimits:
    """How big an export or an import may be and how long an export's URL lives."""

    max_export_rows: int = 20_000
    max_import_bytes: int = 5 * 1024 * 1024
    max_import_rows: int = 5_000
    export_ttl: timedelta = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class ExportFile:
    """A finished export: where to download it until `expires_at`."""

    url: str
    filename: str
    content_type: str
    row_count: int
    expires_at: datetime


class RowOutcome(enum.Enum):
    """What an import did (or, in a preview, would do) with one row."""

    WOULD_CREATE = "WOULD_CREATE"
    CREATED = "CREATED"
    REFUSED = "REFUSED"


@dataclass(frozen=True, slots=True)
class RowError:
    """Why a row is refused: the column (field header) and the reason."""

    field: str
    message: str


@dataclass(frozen=True, slots=True)
class RowReport:
    """One data row of the file (numbered as a spreadsheet shows it; the header is row 1)."""

    row: int
    outcome: RowOutcome
    company: str | None
    position: str | None
    application_id: str | None = None
    errors: tuple[RowError, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportReport:
    """The whole answer of an import: which column feeds which field, and each row's outcome."""

    committed: bool
    columns: tuple[tuple[str, str], ...]
    ignored_columns: tuple[str, ...]
    rows: tuple[RowReport, ...]

    def count(self, outcome: RowOutcome) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)


@dataclass(slots=True)
class _Planned:
    """A checked row: the application and its history to write, or the errors refusing it."""

    row: readers.Row
    application: Application | None = None
    history: list[StatusChange] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    company: str | None = None
    position: str | None = None


class TransferService:
    """Export and import of the caller's applications (every read and write scoped to `user_id`)."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        record: EventsRecorder,
        blobs: LocalBlobStore,
        *,
        clock: Callable[[], datetime] = utc_now,
        store: Callable[[AsyncSession], ApplicationStore] = SqlApplicationStore,
        limits: TransferLimits = TransferLimits(),
    ) -> None:
        self._sessions = sessions
        self._record = record
        self._blobs = blobs
        self._clock = clock
        self._store = store
        self.limits = limits

    async def export(self, user_id: str, format: Format, query: ApplicationQuery) -> ExportFile:
        """Write every application of the caller matching `query` (newest first, each with its status
        history) as a `format` file, and answer a signed URL to download it."""
        search = validation.optional_text(query.search, "filter.search", max_length=MAX_SEARCH_LENGTH)
        items = await self._exported(user_id, replace(query, search=search))
        content = await asyncio.to_thread(write, format, items)
        now = self._clock()
        filename = f"applications-{now:%Y%m%d-%H%M%S}.{format.extension}"
        key = f"{user_id}/{uuid.uuid4()}.{format.extension}"
        await self._blobs.write(key, _once(content), len(content))
        expires_at = now + self.limits.export_ttl
        url = await self._blobs.download_url(key, filename, format.content_type, expires_at)
        return ExportFile(url, filename, format.content_type, len(items), expires_at)

    async def _exported(self, user_id: str, query: ApplicationQuery) -> list[Exported]:
        items: list[Exported] = []
        after: PageKey | None = None
        while True:
            async with self._sessions.begin() as session:
                store = self._store(session)
                page = await store.page(user_id, query, after, EXPORT_PAGE)
                histories = await store.timelines(user_id, [item.id for item in page])
            items.extend(Exported(item, histories.get(item.id, [])) for item in page)
            if len(items) > self.limits.max_export_rows:
                raise BadUserInput(
                    f"matches more than {self.limits.max_export_rows} applications; narrow it", field="filter"
                )
            if len(page) < EXPORT_PAGE:
                return items
            after = PageKey.of(ApplicationOrder.NEWEST, page[-1])

    async def sweep(self) -> int:
        """Delete the export files older than the URL lifetime; returns how many (run periodically)."""
        # File times are the wall clock's, whatever clock the service is given.
        return await asyncio.to_thread(self._sweep, time.time())

    def _sweep(self, now: float) -> int:
        cutoff = now - self.limits.export_ttl.total_seconds()
        removed = 0
        for path in self._blobs.root.glob("*/*"):
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    async def erase_owner(self, user_id: str) -> int:
        """`user.deleted`: delete the person's export files (a copy of their applications), even those whose
        URL has not expired yet; returns how many."""
        return await asyncio.to_thread(self._erase, user_id)

    def _erase(self, user_id: str) -> int:
        # Every export key of the person is `<user_id>/<file>`: their folder holds their files, only theirs.
        folder = self._blobs.path(f"{user_id}/-").parent
        removed = 0
        for path in folder.glob("*"):
            if path.is_file():
                path.unlink(missing_ok=True)
                removed += 1
        with contextlib.suppress(FileNotFoundError):
            folder.rmdir()
        return removed

    async def import_file(
        self,
        user_id: str,
        *,
        filename: str,
        content: bytes,
        format: Format | None,
        mapping: Sequence[tuple[str, str]] | None,
        commit: bool,
    ) -> ImportReport:
        """Check every row of the file and, with `commit`, create the valid ones (see the module's text)."""
        if len(content) > self.limits.max_import_bytes:
            raise BadUserInput(
                f"{filename or 'the file'} is {len(content)} bytes; an import takes at most "
                f"{self.limits.max_import_bytes} bytes",
                field="file",
            )
        if not content:
            raise BadUserInput("is empty", field="file")
        chosen = format or readers.detect(filename, content)
        now = self._clock()
        # Reading and checking thousands of rows is seconds of CPU (XLSX most): off the event loop.
        table, columns, ignored, planned = await asyncio.to_thread(
            self._check, user_id, chosen, content, mapping, now
        )
        valid = [plan for plan in planned if plan.application is not None]
        if commit and valid:
            await self._create(valid)
        done = RowOutcome.CREATED if commit else RowOutcome.WOULD_CREATE
        reports = [
            RowReport(
                plan.row.number,
                RowOutcome.REFUSED if plan.application is None else done,
                plan.company,
                plan.position,
                application_id=plan.application.id if commit and plan.application is not None else None,
                errors=tuple(plan.errors),
            )
            for plan in planned
        ]
        return ImportReport(
            committed=commit,
            columns=tuple(
                (table.headers[index], item if isinstance(item, str) else item.header)
                for index, item in sorted(columns.items())
            ),
            ignored_columns=tuple(ignored),
            rows=tuple(reports),
        )

    def _check(
        self,
        user_id: str,
        format: Format,
        content: bytes,
        mapping: Sequence[tuple[str, str]] | None,
        now: datetime,
    ) -> tuple[readers.Table, dict[int, Field | str], list[str], list[_Planned]]:
        table = readers.read(format, content, self.limits.max_import_rows)
        columns, ignored = _columns(table.headers, mapping)
        planned = [self._plan(user_id, row, columns, table, now) for row in table.rows]
        return table, columns, ignored, planned

    async def _create(self, valid: list[_Planned]) -> None:
        """Write the checked rows, each with its status history, its timeline and `application.created`, in
        one transaction."""
        applications = [plan.application for plan in valid if plan.application is not None]
        entries = [
            entry
            for plan in valid
            if plan.application is not None
            for entry in timeline.imported(plan.application, plan.history)
        ]
        async with self._sessions.begin() as session:
            await self._store(session).add_many(
                applications, [change for plan in valid for change in plan.history]
            )
            # After the applications: the entries reference them.
            await SqlTimelineStore(session).add_many(entries)
            await self._record(session, [ApplicationCreated(application) for application in applications])

    def _plan(
        self,
        user_id: str,
        row: readers.Row,
        columns: dict[int, Field | str],
        table: readers.Table,
        now: datetime,
    ) -> _Planned:
        plan = _Planned(row)
        values: dict[str, Any] = {}
        source_id, history_cell = "", ""
        for index, target in columns.items():
            cell = row.cells[index].strip() if index < len(row.cells) else ""
            if isinstance(target, str):
                source_id, history_cell = (cell, history_cell) if target == SOURCE_ID else (source_id, cell)
                continue
            if not cell:
                continue
            if target.kind is TEXT and (bad := control_character_in(cell, multiline=_multiline(target))):
                plan.errors.append(RowError(target.header, f"contains the control character {bad!r}"))
                continue
            try:
                values[target.attribute] = target.kind.from_text(cell)
            except ValueError as error:
                plan.errors.append(RowError(target.header, str(error)))
        plan.company, plan.position = values.get("company"), values.get("position")
        history = self._history(plan, source_id, history_cell, table, now)
        if plan.errors:
            return plan
        created_at = values.pop("created_at", None) or now
        if created_at > now + APPLIED_AT_SLACK:
            plan.errors.append(RowError("createdAt", "cannot be in the future"))
            return plan
        for required in FIELDS:
            if required.required:
                # An empty required cell is refused by the same check as an empty input ("must not be empty").
                values.setdefault(required.attribute, "")
        if "status" not in values and history:
            values["status"] = history[-1].status
        try:
            command = _command(values)
            application = replace(new_application(user_id, command, now), created_at=created_at)
        except BadUserInput as error:
            plan.errors.append(RowError(_column_of(error.field), str(error)))
            return plan
        if history and history[-1].status is not application.status:
            plan.errors.append(
                RowError(
                    HISTORY,
                    f"ends with {history[-1].status.value}, not the status {application.status.value}",
                )
            )
            return plan
        history = history or [StatusChange("", application.status, None, created_at)]
        if command.applied_at is None and application.status is not ApplicationStatus.SAVED:
            sent = next((change for change in history if change.status is not ApplicationStatus.SAVED), None)
            application = replace(application, applied_at=sent.changed_at if sent else created_at)
        plan.application = application
        plan.history = [replace(change, application_id=application.id) for change in history]
        return plan

    def _history(
        self, plan: _Planned, source_id: str, cell: str, table: readers.Table, now: datetime
    ) -> list[StatusChange]:
        """The row's status history from its CSV cell or the XLSX sheet, oldest first (errors into `plan`)."""
        changes: list[StatusChange] = []
        if cell:
            try:
                changes = status_history.parse_cell(cell)
            except ValueError as error:
                plan.errors.append(RowError(HISTORY, str(error)))
                return []
        elif table.histories is not None and source_id:
            if reason := table.history_errors.get(source_id):
                plan.errors.append(RowError(HISTORY, reason))
                return []
            changes = table.histories.get(source_id, [])
        for change in changes:
            if change.changed_at > now + APPLIED_AT_SLACK:
                plan.errors.append(RowError(HISTORY, "has a change in the future"))
                return []
            if change.note is not None:
                if bad := control_character_in(change.note, multiline=True):
                    plan.errors.append(RowError(HISTORY, f"a note contains the control character {bad!r}"))
                    return []
                try:
                    validation.optional_text(change.note, HISTORY, max_length=MAX_STATUS_NOTE_LENGTH)
                except BadUserInput as error:
                    plan.errors.append(RowError(HISTORY, f"a note {error}"))
                    return []
        return sorted(changes, key=lambda change: change.changed_at)


def _multiline(target: Field) -> bool:
    return header_key(target.header) in MULTILINE_FIELDS


def _columns(
    headers: list[str], mapping: Sequence[tuple[str, str]] | None
) -> tuple[dict[int, Field | str], list[str]]:
    """Which column feeds which field (or the special `id` and `statusHistory`), and the columns ignored.

    An explicit `mapping` (column header → field header) wins over the header names; a field is fed by
    one column only (the first). Missing required fields are BAD_USER_INPUT on `file`, listing them.
    """
    keys = [header_key(header) for header in headers]
    chosen: dict[int, Field | str] = {}
    for position, (column, target) in enumerate(mapping or ()):
        if header_key(column) not in keys:
            raise BadUserInput(f"the file has no column {column!r}", field=f"mapping.{position}.column")
        found = BY_HEADER.get(header_key(target))
        if found is None:
            names = ", ".join(item.header for item in IMPORTED)
            raise BadUserInput(f"{target!r} is not one of {names}", field=f"mapping.{position}.field")
        chosen[keys.index(header_key(column))] = found
    specials = {header_key(SOURCE_ID): SOURCE_ID, header_key(HISTORY): HISTORY}
    for index, key in enumerate(keys):
        if index in chosen:
            continue
        fed: Field | str | None = BY_HEADER.get(key) or specials.get(key)
        if fed is not None and fed not in chosen.values():
            chosen[index] = fed
    missing = [item.header for item in FIELDS if item.required and item not in chosen.values()]
    if missing:
        raise BadUserInput(
            f"the file has no column for {', '.join(missing)} (columns found: {', '.join(headers)}); "
            "rename them or give a mapping",
            field="file",
        )
    ignored = [headers[index] for index in range(len(headers)) if index not in chosen and headers[index]]
    return chosen, ignored


def _command(values: dict[str, Any]) -> CreateApplication:
    """The create command of a row's values (attribute → value); the salary parts become one Salary."""
    salary = {
        name.removeprefix("salary."): values.pop(name) for name in list(values) if name.startswith("salary.")
    }
    if salary:
        if "currency" not in salary:
            raise BadUserInput("give the currency of the salary", field="salary.currency")
        values["salary"] = Salary(
            min=salary.get("min"),
            max=salary.get("max"),
            currency=salary["currency"],
            period=salary.get("period", SalaryPeriod.YEAR),
        )
    return CreateApplication(**values)


def _column_of(field_name: str | None) -> str:
    """The column header of a field the service names (`salary.min` → `salaryMin`)."""
    if field_name is None:
        return "row"
    first, _, rest = field_name.partition(".")
    return first + rest[:1].upper() + rest[1:]


async def _once(content: bytes) -> AsyncIterator[bytes]:
    yield content
