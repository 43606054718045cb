"""Export and import use cases on every SQL backend: exactly the filtered list with every field and the status
history; imports with a per-row report; each bad input a clear error naming its field or row, nothing
half-done."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from openpyxl import Workbook, load_workbook
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from subgraphs.applications.events import ApplicationCreated
from subgraphs.applications.models import (
    Application,
    ApplicationQuery,
    ApplicationSource,
    ApplicationStatus,
    CreateApplication,
    EmploymentType,
    Salary,
    SalaryPeriod,
    TimelineKind,
    WorkMode,
    status_history_table,
    timeline_table,
)
from subgraphs.applications.service import ApplicationService
from subgraphs.applications.transfer.service import ImportReport, RowOutcome, TransferService
from subgraphs.applications.transfer.writers import Format
from subgraphs.kit.blobs import LocalBlobStore
from subgraphs.kit.errors import BadUserInput
from tests.subgraphs.applications.conftest import RecordedEvents
from tests.subgraphs.applications.transfer.conftest import LIMITS, content_of

pytestmark = pytest.mark.usefixtures("backend_engine")

CSV_HEADER = "company,position,status\r\n"
DEADLINE = datetime(2031, 4, 1, 17, 0, tzinfo=UTC)


async def tracked(applications: ApplicationService, owner: str = "alice") -> list[Application]:
    """Three applications of `owner`: one with every field and two status changes, one risky, one plain."""
    full = await applications.create(
        owner,
        CreateApplication(
            company="Acme",
            position="Backend Engineer",
            location="Berlin",
            salary=Salary(min=60_000, max=80_000, currency="EUR", period=SalaryPeriod.YEAR),
            job_url="https://jobs.example/1",
            description='Build things.\nLine two, with "quotes" and ; semicolons',
            notes="Met them at a fair",
            source=ApplicationSource.REFERRAL,
            source_detail="Jane at Acme",
            priority=4,
            work_mode=WorkMode.REMOTE,
            employment_type=EmploymentType.FULL_TIME,
            deadline=DEADLINE,
            tags=["python", "backend team"],
        ),
    )
    await applications.change_status(owner, full.id, ApplicationStatus.APPLIED, "sent by email")
    full = await applications.change_status(owner, full.id, ApplicationStatus.INTERVIEW, None)
    risky = await applications.create(
        owner, CreateApplication(company='=HYPERLINK("http://evil","x")', position="+1 Engineer", notes="@me")
    )
    plain = await applications.create(owner, CreateApplication(company="Globex", position="Designer"))
    return [full, risky, plain]


async def export(
    transfer: TransferService, exports: LocalBlobStore, format: Format, **query: object
) -> bytes:
    found = await transfer.export("alice", format, ApplicationQuery(**query))  # type: ignore[arg-type]
    return content_of(exports, found)


async def importing(
    transfer: TransferService,
    content: bytes,
    *,
    owner: str = "bob",
    commit: bool = False,
    filename: str = "applications.csv",
    format: Format | None = None,
    mapping: list[tuple[str, str]] | None = None,
) -> ImportReport:
    return await transfer.import_file(
        owner, filename=filename, content=content, format=format, mapping=mapping, commit=commit
    )


def csv_rows(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "Excel reads a CSV as UTF-8 only with a BOM"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


async def everything(applications: ApplicationService, owner: str) -> list[tuple[object, ...]]:
    """What a person's applications are, without ids and the time of the import: what a round trip keeps."""
    page = await applications.find(owner, ApplicationQuery(), 100, None)
    histories = await applications.timelines(owner, [item.id for item in page.items])
    return sorted(
        (
            item.company, item.position, item.location, item.salary, item.job_url, item.description,
            item.status, item.notes, item.applied_at, item.created_at, item.source, item.source_detail,
            item.priority, item.work_mode, item.employment_type, item.deadline, item.tags,
            tuple((change.status, change.note, change.changed_at) for change in history),
        )
        for item, history in zip(page.items, histories, strict=True)
    )  # fmt: skip


# Export


async def test_a_json_export_has_every_field_and_the_status_history(
    applications: ApplicationService, transfer: TransferService, exports: LocalBlobStore
) -> None:
    full, _, _ = await tracked(applications)
    found = await transfer.export("alice", Format.JSON, ApplicationQuery())
    assert found.row_count == 3
    assert found.content_type == "application/json"
    assert found.filename.endswith(".json")
    records = json.loads(content_of(exports, found))["applications"]
    record = next(item for item in records if item["id"] == full.id)
    assert record == {
        "id": full.id,
        "company": "Acme",
        "position": "Backend Engineer",
        "status": "INTERVIEW",
        "location": "Berlin",
        "salaryMin": 60_000,
        "salaryMax": 80_000,
        "salaryCurrency": "EUR",
        "salaryPeriod": "YEAR",
        "jobUrl": "https://jobs.example/1",
        "description": full.description,
        "notes": "Met them at a fair",
        "appliedAt": record["statusHistory"][1]["changedAt"],
        "source": "REFERRAL",
        "sourceDetail": "Jane at Acme",
        "priority": 4,
        "workMode": "REMOTE",
        "employmentType": "FULL_TIME",
        "deadline": "2031-04-01T17:00:00Z",
        "tags": ["python", "backend team"],
        "createdAt": full.created_at.isoformat().replace("+00:00", "Z"),
        "updatedAt": full.updated_at.isoformat().replace("+00:00", "Z"),
        "statusHistory": [
            {"status": "SAVED", "note": None, "changedAt": record["createdAt"]},
            {
                "status": "APPLIED",
                "note": "sent by email",
                "changedAt": record["statusHistory"][1]["changedAt"],
            },
            {"status": "INTERVIEW", "note": None, "changedAt": record["updatedAt"]},
        ],
    }
    # JSON is data, not a spreadsheet: nothing is quoted.
    assert {item["company"] for item in records} == {"Acme", '=HYPERLINK("http://evil","x")', "Globex"}


async def test_an_export_holds_exactly_the_filtered_list(
    applications: ApplicationService, transfer: TransferService, exports: LocalBlobStore
) -> None:
    await tracked(applications)
    await tracked(applications, owner="bob")
    rows = csv_rows(
        await export(transfer, exports, Format.CSV, statuses=frozenset({ApplicationStatus.SAVED}))
    )
    assert sorted(row["company"] for row in rows) == ['\'=HYPERLINK("http://evil","x")', "Globex"]
    rows = csv_rows(await export(transfer, exports, Format.CSV, search="globex"))
    assert [row["company"] for row in rows] == ["Globex"]
    # Nothing of bob's, whatever the filter.
    assert len(csv_rows(await export(transfer, exports, Format.CSV))) == 3


async def test_an_empty_list_exports_a_header_only(
    transfer: TransferService, exports: LocalBlobStore
) -> None:
    found = await transfer.export("alice", Format.CSV, ApplicationQuery())
    assert found.row_count == 0
    assert content_of(exports, found).decode("utf-8-sig").startswith("id,company,position,status")


async def test_csv_and_xlsx_cells_a_spreadsheet_would_run_are_neutralised(
    applications: ApplicationService, transfer: TransferService, exports: LocalBlobStore
) -> None:
    await tracked(applications)
    rows = csv_rows(await export(transfer, exports, Format.CSV))
    risky = next(row for row in rows if "HYPERLINK" in row["company"])
    assert (risky["company"], risky["position"], risky["notes"]) == (
        '\'=HYPERLINK("http://evil","x")',
        "'+1 Engineer",
        "'@me",
    )
    book = load_workbook(io.BytesIO(await export(transfer, exports, Format.XLSX)))
    sheet = book["Applications"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells), "no cell of an export is a formula"
    assert '\'=HYPERLINK("http://evil","x")' in [cell.value for cell in cells]


async def test_the_csv_history_column_and_the_xlsx_history_sheet(
    applications: ApplicationService, transfer: TransferService, exports: LocalBlobStore
) -> None:
    full, _, _ = await tracked(applications)
    row = next(row for row in csv_rows(await export(transfer, exports, Format.CSV)) if row["id"] == full.id)
    entries = json.loads(row["statusHistory"])
    assert [entry[0] for entry in entries] == ["SAVED", "APPLIED", "INTERVIEW"]
    assert entries[1][2] == "sent by email" and len(entries[0]) == 2
    book = load_workbook(io.BytesIO(await export(transfer, exports, Format.XLSX)))
    history = [row for row in book["Status history"].iter_rows(values_only=True)]
    assert history[0] == ("applicationId", "status", "changedAt", "note")
    assert [(row[1], row[3]) for row in history if row[0] == full.id] == [
        ("SAVED", None),
        ("APPLIED", "sent by email"),
        ("INTERVIEW", None),
    ]


async def test_an_export_beyond_its_limit_asks_for_a_narrower_filter(
    applications: ApplicationService, transfer: TransferService
) -> None:
    for number in range(LIMITS.max_export_rows + 1):
        await applications.create(
            "alice", CreateApplication(company=f"Company {number}", position="Engineer")
        )
    with pytest.raises(BadUserInput) as raised:
        await transfer.export("alice", Format.JSON, ApplicationQuery())
    assert raised.value.field == "filter"


# Round trips


@pytest.mark.parametrize("format", [Format.CSV, Format.XLSX])
async def test_a_round_trip_into_another_account_reproduces_the_applications(
    applications: ApplicationService,
    transfer: TransferService,
    exports: LocalBlobStore,
    recorded: RecordedEvents,
    format: Format,
) -> None:
    await tracked(applications)
    content = await export(transfer, exports, format)
    recorded.clear()
    report = await importing(transfer, content, commit=True, filename=f"mine.{format.extension}")
    assert [row.outcome for row in report.rows] == [RowOutcome.CREATED] * 3
    assert await everything(applications, "bob") == await everything(applications, "alice")
    (full,) = (await applications.find("bob", ApplicationQuery(search="Acme"), 10, None)).items
    assert (full.source, full.work_mode, full.tags) == (
        ApplicationSource.REFERRAL,
        WorkMode.REMOTE,
        ("python", "backend team"),
    )
    assert [type(event) for event in recorded] == [ApplicationCreated] * 3
    assert {event.application.owner_id for event in recorded} == {"bob"}


@pytest.mark.parametrize("format", [Format.CSV, Format.XLSX])
async def test_the_new_fields_are_columns_that_read_back(
    applications: ApplicationService, transfer: TransferService, exports: LocalBlobStore, format: Format
) -> None:
    content = (
        b"company,position,source,sourceDetail,priority,Work mode,employment type,deadline,labels\r\n"
        b"Acme,Engineer,referral,Jane,5,hybrid,part-time,2031-05-01T09:00:00+02:00,Python; remote-first\r\n"
        b"Globex,Designer,,,,,,,\r\n"
    )
    report = await importing(transfer, content, commit=True)
    assert [row.outcome for row in report.rows] == [RowOutcome.CREATED] * 2
    assert [field for _, field in report.columns] == [
        "company", "position", "source", "sourceDetail", "priority", "workMode", "employmentType",
        "deadline", "tags",
    ]  # fmt: skip
    page = (await applications.find("bob", ApplicationQuery(), 10, None)).items
    acme = next(item for item in page if item.company == "Acme")
    assert (
        acme.source, acme.source_detail, acme.priority, acme.work_mode, acme.employment_type, acme.deadline,
        acme.tags,
    ) == (
        ApplicationSource.REFERRAL, "Jane", 5, WorkMode.HYBRID, EmploymentType.PART_TIME,
        datetime(2031, 5, 1, 7, 0, tzinfo=UTC), ("python", "remote-first"),
    )  # fmt: skip
    globex = next(item for item in page if item.company == "Globex")
    assert (globex.source, globex.priority, globex.deadline, globex.tags) == (None, None, None, ())
    exported = await transfer.export("bob", format, ApplicationQuery())
    again = await importing(
        transfer, content_of(exports, exported), owner="carol", commit=True, filename=f"b.{format.extension}"
    )
    assert again.count(RowOutcome.CREATED) == 2
    assert await everything(applications, "carol") == await everything(applications, "bob")


async def test_a_new_field_with_a_bad_value_refuses_its_row_naming_the_column(
    transfer: TransferService,
) -> None:
    content = (
        "company,position,priority,workMode,deadline,tags\r\n"
        "Acme,Engineer,9,,,\r\n"
        "Acme,Engineer,,on the moon,,\r\n"
        "Acme,Engineer,,,next week,\r\n"
        f"Acme,Engineer,,,,{'x' * 200}\r\n"
    ).encode()
    report = await importing(transfer, content)
    assert [[error.field for error in row.errors] for row in report.rows] == [
        ["priority"],
        ["workMode"],
        ["deadline"],
        ["tags"],
    ]


# Timelines of imported applications


async def test_an_import_starts_each_timeline_with_its_creation_and_status_changes(
    applications: ApplicationService, transfer: TransferService, exports: LocalBlobStore
) -> None:
    await tracked(applications)
    await importing(transfer, await export(transfer, exports, Format.CSV), commit=True)
    (full,) = (await applications.find("bob", ApplicationQuery(search="Acme"), 10, None)).items
    (history,) = await applications.timelines("bob", [full.id])
    (entries,) = await applications.timeline.entries("bob", [full.id])
    assert [(entry.kind, entry.at, entry.status, entry.previous_status, entry.note) for entry in entries] == [
        (TimelineKind.CREATED, full.created_at, ApplicationStatus.SAVED, None, None),
        (
            TimelineKind.STATUS_CHANGED,
            history[1].changed_at,
            ApplicationStatus.APPLIED,
            ApplicationStatus.SAVED,
            "sent by email",
        ),
        (
            TimelineKind.STATUS_CHANGED,
            history[2].changed_at,
            ApplicationStatus.INTERVIEW,
            ApplicationStatus.APPLIED,
            None,
        ),
    ]
    plain = await applications.find("bob", ApplicationQuery(search="Globex"), 10, None)
    (plain_entries,) = await applications.timeline.entries("bob", [plain.items[0].id])
    assert [(entry.kind, entry.status) for entry in plain_entries] == [
        (TimelineKind.CREATED, ApplicationStatus.SAVED)
    ]


async def test_a_preview_writes_no_timeline(backend_engine: AsyncEngine, transfer: TransferService) -> None:
    await importing(transfer, (CSV_HEADER + "Acme,Engineer,APPLIED\r\n").encode())
    async with async_sessionmaker(backend_engine)() as session:
        entries = await session.execute(sa.select(sa.func.count()).select_from(timeline_table))
        assert entries.scalar() == 0


# Import


async def test_a_preview_reports_each_row_and_creates_nothing(
    applications: ApplicationService, transfer: TransferService, recorded: RecordedEvents
) -> None:
    content = (CSV_HEADER + "Acme,Engineer,APPLIED\r\nGlobex,,SAVED\r\nInitech,Tester,HIRED\r\n").encode()
    report = await importing(transfer, content)
    assert not report.committed
    assert [(row.row, row.outcome) for row in report.rows] == [
        (2, RowOutcome.WOULD_CREATE),
        (3, RowOutcome.REFUSED),
        (4, RowOutcome.REFUSED),
    ]
    assert [(error.field, error.message) for error in report.rows[1].errors] == [
        ("position", "must not be empty")
    ]
    (unknown,) = report.rows[2].errors
    assert unknown.field == "status" and "'HIRED' is not one of SAVED, APPLIED" in unknown.message
    assert (await applications.counts("bob")).total == 0
    assert recorded == []


async def test_a_commit_creates_the_valid_rows_and_refuses_the_others(
    applications: ApplicationService, transfer: TransferService
) -> None:
    content = (CSV_HEADER + "Acme,Engineer,APPLIED\r\nInitech,Tester,HIRED\r\n").encode()
    report = await importing(transfer, content, commit=True)
    assert [row.outcome for row in report.rows] == [RowOutcome.CREATED, RowOutcome.REFUSED]
    (created,) = (await applications.find("bob", ApplicationQuery(), 10, None)).items
    assert (created.id, created.company, created.status) == (
        report.rows[0].application_id,
        "Acme",
        ApplicationStatus.APPLIED,
    )
    assert created.applied_at is not None


async def failing_outbox(session: AsyncSession, events: Sequence[object]) -> None:
    """An outbox that fails after the applications and their histories were written."""
    raise RuntimeError("the outbox is gone")


async def test_a_commit_that_fails_midway_creates_nothing(
    backend_engine: AsyncEngine, applications: ApplicationService, exports: LocalBlobStore
) -> None:
    sessions = async_sessionmaker(backend_engine, expire_on_commit=False)
    transfer = TransferService(sessions, failing_outbox, exports, limits=LIMITS)
    content = (CSV_HEADER + "Acme,Engineer,APPLIED\r\nGlobex,Designer,SAVED\r\n").encode()
    with pytest.raises(RuntimeError):
        await importing(transfer, content, commit=True)
    assert (await applications.counts("bob")).total == 0
    async with sessions() as session:
        history = await session.execute(sa.select(sa.func.count()).select_from(status_history_table))
        assert history.scalar() == 0
        entries = await session.execute(sa.select(sa.func.count()).select_from(timeline_table))
        assert entries.scalar() == 0


async def test_headers_match_case_insensitively_with_synonyms(transfer: TransferService) -> None:
    content = (
        "EMPLOYER;Job Title;Stage;Pay Period;Currency;Min Salary;Favourite colour\r\n"
        "Acme;Engineer;offer;month;eur;4,000;blue\r\n"
    )
    report = await importing(transfer, content.encode())
    assert dict(report.columns) == {
        "EMPLOYER": "company",
        "Job Title": "position",
        "Stage": "status",
        "Pay Period": "salaryPeriod",
        "Currency": "salaryCurrency",
        "Min Salary": "salaryMin",
    }
    assert report.ignored_columns == ("Favourite colour",)
    assert [row.outcome for row in report.rows] == [RowOutcome.WOULD_CREATE]


async def test_an_explicit_mapping_wins_over_header_names(transfer: TransferService) -> None:
    content = b"Firm,Company,Job\r\nAcme,ignored,Engineer\r\n"
    report = await importing(transfer, content, mapping=[("firm", "company")], commit=True)
    assert dict(report.columns) == {"Firm": "company", "Job": "position"}
    assert report.rows[0].company == "Acme"


@pytest.mark.parametrize(
    ("mapping", "field"),
    [([("Nope", "company")], "mapping.0.column"), ([("Job", "salary")], "mapping.0.field")],
)
async def test_a_mapping_naming_no_column_or_no_field_is_refused(
    transfer: TransferService, mapping: list[tuple[str, str]], field: str
) -> None:
    with pytest.raises(BadUserInput) as raised:
        await importing(transfer, b"Company,Job\r\nAcme,Engineer\r\n", mapping=mapping)
    assert raised.value.field == field


async def test_missing_required_columns_are_listed(transfer: TransferService) -> None:
    with pytest.raises(BadUserInput) as raised:
        await importing(transfer, b"location,notes\r\nBerlin,hello\r\n")
    assert raised.value.field == "file"
    assert "no column for company, position" in str(raised.value)


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ("Acme,Engineer,abc,EUR,", "salaryMin", "must be a whole number"),
        ("Acme,Engineer,10,,", "salaryCurrency", "give the currency of the salary"),
        ("Acme,Engineer,10,EURO,", "salaryCurrency", "must be a three-letter ISO 4217 code such as EUR"),
        ("Acme,Engineer,,,yesterday", "appliedAt", "must be a date and time such as 2031-03-10T09:00:00Z"),
        (
            "Acme,Engineer,,,2031-03-10T09:00:00",
            "appliedAt",
            "must include a UTC offset, e.g. 2031-03-10T09:00:00+01:00",
        ),
        ("Acme,Engineer,,,2040-01-01T00:00:00Z", "appliedAt", "cannot be in the future"),
        ("Acme\x00,Engineer,,,", "company", "contains the control character '\\x00'"),
    ],
)
async def test_a_bad_cell_refuses_its_row_naming_the_column(
    transfer: TransferService, row: str, field: str, message: str
) -> None:
    content = ("company,position,salaryMin,salaryCurrency,appliedAt\r\n" + row + "\r\n").encode()
    report = await importing(transfer, content, commit=True)
    (refused,) = report.rows
    assert refused.outcome is RowOutcome.REFUSED
    assert [(error.field, error.message) for error in refused.errors] == [(field, message)]


async def test_a_history_that_does_not_end_in_the_status_refuses_the_row(transfer: TransferService) -> None:
    history = '[["SAVED","2031-02-01T08:00:00Z"],["APPLIED","2031-02-02T08:00:00Z"]]'
    cell = history.replace('"', '""')
    content = f'company,position,status,statusHistory\r\nAcme,Engineer,OFFER,"{cell}"\r\n'
    (row,) = (await importing(transfer, content.encode())).rows
    assert [(error.field, error.message) for error in row.errors] == [
        ("statusHistory", "ends with APPLIED, not the status OFFER")
    ]
    content = 'company,position,statusHistory\r\nAcme,Engineer,"[[""MAYBE"",""2031-02-01T08:00:00Z""]]"\r\n'
    (row,) = (await importing(transfer, content.encode())).rows
    assert row.errors[0].field == "statusHistory" and "'MAYBE' is not one of" in row.errors[0].message


async def test_an_import_without_history_starts_one_at_its_status(
    applications: ApplicationService, transfer: TransferService
) -> None:
    await importing(
        transfer,
        b"company,position,status,createdAt\r\nAcme,Engineer,APPLIED,2031-02-01T08:00:00Z\r\n",
        commit=True,
    )
    (created,) = (await applications.find("bob", ApplicationQuery(), 10, None)).items
    created_at = datetime(2031, 2, 1, 8, 0, tzinfo=UTC)
    assert (created.created_at, created.applied_at) == (created_at, created_at)
    (history,) = await applications.timelines("bob", [created.id])
    assert [(change.status, change.changed_at) for change in history] == [
        (ApplicationStatus.APPLIED, created_at)
    ]


async def test_utf8_with_and_without_a_bom_reads_the_same(transfer: TransferService) -> None:
    text = "company,position\r\nCafé Müller,Ingénieur\r\n"
    for content in (text.encode(), b"\xef\xbb\xbf" + text.encode()):
        report = await importing(transfer, content)
        assert (report.rows[0].company, report.rows[0].position) == ("Café Müller", "Ingénieur")
        assert dict(report.columns) == {"company": "company", "position": "position"}


async def test_a_file_that_is_not_utf8_names_the_byte_and_line(
    applications: ApplicationService, transfer: TransferService
) -> None:
    content = "company,position\r\nAcme,Engineer\r\nCafé,Tester\r\n".encode("latin-1")
    with pytest.raises(BadUserInput) as raised:
        await importing(transfer, content, commit=True)
    assert raised.value.field == "file"
    assert "byte 36 (line 3)" in str(raised.value)
    assert (await applications.counts("bob")).total == 0


async def test_a_file_over_the_size_limit_is_refused_by_name(
    applications: ApplicationService, transfer: TransferService
) -> None:
    content = CSV_HEADER.encode() + b"Acme,Engineer,SAVED\r\n" * (LIMITS.max_import_bytes // 20)
    with pytest.raises(BadUserInput) as raised:
        await importing(transfer, content, commit=True, filename="huge.csv")
    assert raised.value.field == "file"
    assert str(raised.value).startswith(f"huge.csv is {len(content)} bytes; an import takes at most")
    assert (await applications.counts("bob")).total == 0


async def test_a_file_over_the_row_limit_is_refused(transfer: TransferService) -> None:
    content = CSV_HEADER.encode() + b"Acme,Engineer,SAVED\r\n" * (LIMITS.max_import_rows + 1)
    with pytest.raises(BadUserInput, match=f"more than {LIMITS.max_import_rows} rows") as raised:
        await importing(transfer, content, commit=True)
    assert raised.value.field == "file"


@pytest.mark.parametrize(
    ("content", "format", "message"),
    [
        (b"", None, "is empty"),
        (b"PK\x03\x04 not really a zip", None, "is not an XLSX workbook"),
        (b"\r\n\r\n", Format.CSV, "has no header row naming its columns"),
        (b"company,position\r\nAcme,Engineer\r\n", Format.JSON, "imports read CSV or XLSX files"),
    ],
)
async def test_an_unreadable_file_is_one_clear_error(
    transfer: TransferService, content: bytes, format: Format | None, message: str
) -> None:
    with pytest.raises(BadUserInput, match=message):
        await importing(transfer, content, format=format, commit=True)


async def test_an_xlsx_from_a_spreadsheet_reads_typed_cells(
    applications: ApplicationService, transfer: TransferService
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Company", "Title", "Salary Min", "Currency", "Applied"])
    sheet.append(["Acme", "Engineer", 55000, "EUR", datetime(2031, 2, 3, 10, 0)])
    sheet.append([None, None, None, None, None])
    sheet.append(["Globex", None, 1.5, "EUR", None])
    out = io.BytesIO()
    book.save(out)
    report = await importing(transfer, out.getvalue(), commit=True, filename="sheet.xlsx")
    assert [(row.row, row.outcome) for row in report.rows] == [
        (2, RowOutcome.CREATED),
        (4, RowOutcome.REFUSED),
    ]
    # Cells that cannot be read are reported first; the checks of a whole application run once they can.
    assert [error.field for error in report.rows[1].errors] == ["salaryMin"]
    (created,) = (await applications.find("bob", ApplicationQuery(), 10, None)).items
    assert created.salary == Salary(min=55_000, max=None, currency="EUR", period=SalaryPeriod.YEAR)
    assert created.applied_at == datetime(2031, 2, 3, 10, 0, tzinfo=UTC)


async def test_old_exports_are_swept(
    applications: ApplicationService, transfer: TransferService, exports: LocalBlobStore
) -> None:
    await tracked(applications)
    found = await transfer.export("alice", Format.CSV, ApplicationQuery())
    assert await transfer.sweep() == 0
    path = exports.path(found.url.split("/blobs/")[1].split("?")[0])
    stale = path.stat().st_mtime - LIMITS.export_ttl.total_seconds() - 1
    import os

    os.utime(path, (stale, stale))
    assert await transfer.sweep() == 1
    assert not path.exists()


async def test_erasing_a_person_deletes_their_export_files_only(
    applications: ApplicationService, transfer: TransferService, exports: LocalBlobStore
) -> None:
    await tracked(applications, "alice")
    await tracked(applications, "bob")
    for owner in ("alice", "alice", "bob"):
        await transfer.export(owner, Format.CSV, ApplicationQuery())

    assert await transfer.erase_owner("alice") == 2
    assert await transfer.erase_owner("alice") == 0  # a redelivered user.deleted

    assert not (exports.root / "alice").exists()
    assert len(list((exports.root / "bob").iterdir())) == 1
