"""The applications GraphQL subgraph: Application, the User fields of the dashboard, queries, mutations.

`applications(filter, orderBy, first, after)` filters by status, text, dates, location, work mode, source,
employment type, priority, tags and salary, in one of the `ApplicationOrder`s with cursors of that order
(cursors.py); `changeApplicationsStatus` and `deleteApplications` change up to 100 at once, per id.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime

import strawberry
from strawberry.federation.schema_directives import ListSize
from strawberry.file_uploads import Upload
from strawberry.types import Info

from subgraphs.applications import cursors, models, timeline
from subgraphs.applications.context import caller, live, loaders, service, transfer
from subgraphs.applications.events import LIVE
from subgraphs.applications.models import ApplicationQuery, CreateApplication, PageKey, UpdateApplication
from subgraphs.applications.service import MAX_BULK_IDS, MAX_RECENT, MAX_TAG_LENGTH, MAX_TAGS
from subgraphs.applications.transfer import service as transfers
from subgraphs.applications.transfer.writers import Format
from subgraphs.kit.errors import BadUserInput
from subgraphs.kit.keep import kept
from subgraphs.kit.pagination import PAGE_SIZE, Connection, connection, page_size
from subgraphs.kit.schema import SubgraphSchema
from subgraphs.kit.scopes import APPLICATIONS_READ, APPLICATIONS_WRITE, scoped

ApplicationStatus = strawberry.enum(models.ApplicationStatus, description="Where an application stands.")
SalaryPeriod = strawberry.enum(models.SalaryPeriod, description="What one salary amount pays for.")
ApplicationFileFormat = strawberry.enum(
    Format,
    name="ApplicationFileFormat",
    description="A file of applications: exports write all three, imports read CSV and XLSX.",
)
ImportRowOutcome = strawberry.enum(
    transfers.RowOutcome,
    name="ImportRowOutcome",
    description="What an import did, or in a preview would do, with one row.",
)
ApplicationSource = strawberry.enum(models.ApplicationSource, description="Where the job was found.")
WorkMode = strawberry.enum(models.WorkMode, description="Where the work is done.")
EmploymentType = strawberry.enum(models.EmploymentType, description="What kind of contract the job is.")
ApplicationOrder = strawberry.enum(
    models.ApplicationOrder,
    description="How `applications` are ordered; the id breaks ties, so cursors are stable. NEWEST and "
    "OLDEST by creation, RECENTLY_UPDATED by last change, COMPANY A to Z ignoring case, PRIORITY 5 to 1, "
    "DEADLINE soonest first; without a priority or deadline last.",
)
BulkOutcome = strawberry.enum(
    models.BulkOutcome, name="ApplicationBulkOutcome", description="What a bulk mutation did to one id."
)

TAGS_DESCRIPTION = (
    f"Trimmed, lower-cased, each once; at most {MAX_TAGS} tags of at most {MAX_TAG_LENGTH} characters."
)
TimelineKind = strawberry.enum(
    models.TimelineKind, description="What happened in a timeline entry; it decides which details are set."
)


@strawberry.type(description="A salary range in whole units of `currency` per `period`.")
class Salary:
    min: int | None
    max: int | None
    currency: str = strawberry.field(description="ISO 4217 code, e.g. EUR.")
    period: SalaryPeriod  # type: ignore[valid-type]

    @classmethod
    def of(cls, salary: models.Salary | None) -> Salary | None:
        if salary is None:
            return None
        return cls(min=salary.min, max=salary.max, currency=salary.currency, period=salary.period)


@strawberry.type(description="One entry of an application's timeline.")
class StatusChange:
    status: ApplicationStatus  # type: ignore[valid-type]
    note: str | None
    changed_at: datetime


@strawberry.type(description="One field an update changed; old and new values only for short fields.")
class FieldChange:
    field: str = strawberry.field(description="The field's API name, e.g. `company`.")
    old: str | None = strawberry.field(description="Its value before, as text; null if empty or long.")
    new: str | None = strawberry.field(description="Its value after, as text; null if empty or long.")


@strawberry.type(
    description="One event of an application's life. The detail fields that apply to its `kind` are set, "
    "the others are null."
)
class TimelineEntry:
    id: strawberry.ID
    at: datetime = strawberry.field(description="When it happened.")
    kind: TimelineKind  # type: ignore[valid-type]
    summary: str = strawberry.field(description="The entry in one sentence (times in UTC).")
    status: ApplicationStatus | None = strawberry.field(  # type: ignore[valid-type]
        description="CREATED: the first status; STATUS_CHANGED: the new one."
    )
    previous_status: ApplicationStatus | None = strawberry.field(  # type: ignore[valid-type]
        description="STATUS_CHANGED: the status before."
    )
    note: str | None = strawberry.field(description="NOTE: the note; STATUS_CHANGED: the note given.")
    # A few fields change at a time: the router's cost estimate assumes 3, not its default list size.
    changed_fields: list[FieldChange] = strawberry.field(
        description="UPDATED: what changed; else empty.",
        directives=[
            ListSize(
                assumed_size=3, slicing_arguments=None, sized_fields=None, require_one_slicing_argument=False
            )
        ],
    )
    interview_id: strawberry.ID | None = strawberry.field(description="INTERVIEW_*: the interview.")
    interview_starts_at: datetime | None = strawberry.field(
        description="INTERVIEW_*: when it starts (RESCHEDULED: the new time)."
    )
    previous_starts_at: datetime | None = strawberry.field(
        description="INTERVIEW_RESCHEDULED: when it was to start before."
    )
    file_id: strawberry.ID | None = strawberry.field(description="DOCUMENT_*: the file.")
    file_name: str | None = strawberry.field(description="DOCUMENT_*: the file's name.")
    contact_id: strawberry.ID | None = strawberry.field(description="CONTACT_*: the contact.")
    contact_name: str | None = strawberry.field(description="CONTACT_*: the contact's name then.")

    @classmethod
    def of(cls, entry: models.TimelineEntry) -> TimelineEntry:
        return cls(
            id=strawberry.ID(entry.id),
            at=entry.at,
            kind=entry.kind,
            summary=timeline.summary(entry),
            status=entry.status,
            previous_status=entry.previous_status,
            note=entry.note,
            changed_fields=[
                FieldChange(field=change.field, old=change.old, new=change.new)
                for change in entry.changed_fields
            ],
            interview_id=strawberry.ID(entry.interview_id) if entry.interview_id else None,
            interview_starts_at=entry.interview_starts_at,
            previous_starts_at=entry.previous_starts_at,
            file_id=strawberry.ID(entry.file_id) if entry.file_id else None,
            file_name=entry.file_name,
            contact_id=strawberry.ID(entry.contact_id) if entry.contact_id else None,
            contact_name=entry.contact_name,
        )


@strawberry.federation.type(keys=["id"], description="A contact, owned by the contacts subgraph.")
class Contact:
    id: strawberry.ID

    # Nullable, as every field this subgraph adds to another's entity (schema check enforces it).
    @strawberry.field(
        description="Your applications this contact is linked to, oldest link first; empty for anyone "
        "else's contact, null if they cannot be read.",
        extensions=scoped(APPLICATIONS_READ),
    )
    async def applications(self, info: Info) -> list[Application] | None:
        ids = await loaders(info).linked_applications.load(str(self.id))
        found = await loaders(info).application.load_many(ids)
        return [Application.of(item) for item in found if item is not None]

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> Contact:
        return cls(id=id)


@strawberry.federation.type(keys=["id"], description="A job application of the signed-in person.")
class Application:
    id: strawberry.ID
    company: str
    position: str
    location: str | None
    salary: Salary | None
    job_url: str | None = strawberry.field(description="The job posting.")
    description: str | None = strawberry.field(description="The job description, as text.")
    status: ApplicationStatus  # type: ignore[valid-type]
    notes: str | None
    applied_at: datetime | None = strawberry.field(description="When it was sent; null while SAVED.")
    created_at: datetime
    updated_at: datetime
    source: ApplicationSource | None = strawberry.field(  # type: ignore[valid-type]
        description="Where the job was found."
    )
    source_detail: str | None = strawberry.field(
        description="Free text about the source: who referred, which board."
    )
    priority: int | None = strawberry.field(description="How much it is wanted: 1 (least) to 5 (most).")
    work_mode: WorkMode | None  # type: ignore[valid-type]
    employment_type: EmploymentType | None  # type: ignore[valid-type]
    deadline: datetime | None = strawberry.field(description="When the application must be in.")
    tags: list[str] = strawberry.field(description=TAGS_DESCRIPTION)

    @strawberry.field(description="Every status it has had, oldest first, with the notes given.")
    async def status_history(self, info: Info) -> list[StatusChange]:
        timeline = await loaders(info).timeline.load(str(self.id))
        return [
            StatusChange(status=item.status, note=item.note, changed_at=item.changed_at) for item in timeline
        ]

    @strawberry.field(
        description="Everything that happened to it, oldest first: created, changed, status changes with "
        "their notes, your notes, interviews scheduled, moved or cancelled, documents attached or removed, "
        "contacts linked or unlinked."
    )
    async def timeline(self, info: Info) -> list[TimelineEntry]:
        entries = await loaders(info).timeline_entries.load(str(self.id))
        return [TimelineEntry.of(entry) for entry in entries]

    @strawberry.field(
        description="The contacts linked to it, oldest link first (`linkContact`); null if they cannot be "
        "read."
    )
    async def contacts(self, info: Info) -> list[Contact] | None:
        ids = await loaders(info).linked_contacts.load(str(self.id))
        return [Contact(id=strawberry.ID(contact_id)) for contact_id in ids]

    @classmethod
    def of(cls, application: models.Application) -> Application:
        return cls(
            id=strawberry.ID(application.id),
            company=application.company,
            position=application.position,
            location=application.location,
            salary=Salary.of(application.salary),
            job_url=application.job_url,
            description=application.description,
            status=application.status,
            notes=application.notes,
            applied_at=application.applied_at,
            created_at=application.created_at,
            updated_at=application.updated_at,
            source=application.source,
            source_detail=application.source_detail,
            priority=application.priority,
            work_mode=application.work_mode,
            employment_type=application.employment_type,
            deadline=application.deadline,
            tags=list(application.tags),
        )

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID) -> Application | None:
        # Only the caller's own applications resolve; anyone else's is null, so ids cannot be probed.
        found = await loaders(info).application.load(str(id))
        return cls.of(found) if found is not None else None


@strawberry.federation.type(shareable=True, description="How many applications are in one status.")
class StatusCount:
    status: ApplicationStatus  # type: ignore[valid-type]
    count: int


@strawberry.type(description="The dashboard's numbers.")
class ApplicationCounts:
    total: int
    in_progress: int = strawberry.field(description="Sent and not closed: APPLIED, INTERVIEW or OFFER.")
    by_status: list[StatusCount] = strawberry.field(description="Every status, in course order, zeros too.")


@strawberry.federation.type(keys=["id"], description="A person, owned by the users subgraph.")
class User:
    id: strawberry.ID

    @strawberry.field(
        description="Your application numbers; null for anyone else (they are private) or if they cannot be "
        "read.",
        extensions=scoped(APPLICATIONS_READ),
    )
    async def application_counts(self, info: Info) -> ApplicationCounts | None:
        user_id = caller(info)
        if str(self.id) != user_id:
            return None
        counts = await service(info).counts(user_id)
        return ApplicationCounts(
            total=counts.total,
            in_progress=counts.in_progress,
            by_status=[StatusCount(status=status, count=count) for status, count in counts.by_status.items()],
        )

    # Nullable, as every field this subgraph adds to another's entity: if applications cannot answer, only
    # this field is null, not the whole User that the users subgraph answered (schema check enforces it).
    @strawberry.field(
        description="Your newest applications; empty for anyone else, null if they cannot be read.",
        extensions=scoped(APPLICATIONS_READ),
    )
    async def recent_applications(self, info: Info, first: int | None = 5) -> list[Application] | None:
        user_id = caller(info)
        # `first: Int = 5` as in DESIGN.md's dashboard; an explicit null means the default too.
        first = 5 if first is None else first
        if not 1 <= first <= MAX_RECENT:
            raise BadUserInput(f"must be between 1 and {MAX_RECENT}", field="first")
        if str(self.id) != user_id:
            return []
        return [Application.of(item) for item in await service(info).recent(user_id, first)]

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> User:
        return cls(id=id)


@strawberry.input(description="Which applications `applications` lists; the fields combine with AND.")
class ApplicationFilter:
    status: list[ApplicationStatus] | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Any of these statuses (all when null or empty)."
    )
    search: str | None = strawberry.field(
        default=None, description="Case-insensitive text in the company or the position."
    )
    created_from: datetime | None = strawberry.field(default=None, description="Created at or after.")
    created_to: datetime | None = strawberry.field(default=None, description="Created at or before.")
    applied_from: datetime | None = strawberry.field(default=None, description="Sent at or after.")
    applied_to: datetime | None = strawberry.field(default=None, description="Sent at or before.")
    location: str | None = strawberry.field(
        default=None, description="Case-insensitive text in the location."
    )
    work_modes: list[WorkMode] | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Any of these work modes."
    )
    sources: list[ApplicationSource] | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Any of these sources."
    )
    employment_types: list[EmploymentType] | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Any of these employment types."
    )
    min_priority: int | None = strawberry.field(default=None, description="Priority at least this (1-5).")
    max_priority: int | None = strawberry.field(default=None, description="Priority at most this (1-5).")
    tags: list[str] | None = strawberry.field(default=None, description="Has every one of these tags.")
    salary_min: int | None = strawberry.field(
        default=None,
        description="The salary range reaches at least this amount (amounts compare as written: no currency "
        "or period conversion; no salary: no match).",
    )
    salary_max: int | None = strawberry.field(
        default=None, description="The salary range starts at most at this amount (as salaryMin)."
    )
    salary_currency: str | None = strawberry.field(
        default=None, description="The salary is in this ISO 4217 currency."
    )

    def to_query(self) -> ApplicationQuery:
        return ApplicationQuery(
            statuses=frozenset(self.status or ()),
            search=self.search,
            created_from=self.created_from,
            created_to=self.created_to,
            applied_from=self.applied_from,
            applied_to=self.applied_to,
            location=self.location,
            sources=frozenset(self.sources or ()),
            work_modes=frozenset(self.work_modes or ()),
            employment_types=frozenset(self.employment_types or ()),
            min_priority=self.min_priority,
            max_priority=self.max_priority,
            tags=tuple(self.tags or ()),
            salary_min=self.salary_min,
            salary_max=self.salary_max,
            salary_currency=self.salary_currency,
        )


@strawberry.input(description="A salary range: at least one of min and max.")
class SalaryInput:
    min: int | None = None
    max: int | None = None
    currency: str = strawberry.field(description="ISO 4217 code, e.g. EUR.")
    period: SalaryPeriod = models.SalaryPeriod.YEAR  # type: ignore[valid-type]

    def to_salary(self) -> models.Salary:
        return models.Salary(min=self.min, max=self.max, currency=self.currency, period=self.period)


@strawberry.input
class CreateApplicationInput:
    company: str
    position: str
    location: str | None = None
    salary: SalaryInput | None = None
    job_url: str | None = strawberry.field(default=None, description="An http(s) link to the posting.")
    description: str | None = None
    status: ApplicationStatus = models.ApplicationStatus.SAVED  # type: ignore[valid-type]
    notes: str | None = None
    applied_at: datetime | None = strawberry.field(
        default=None, description="When it was sent (default: now, unless the status is SAVED)."
    )
    source: ApplicationSource | None = None  # type: ignore[valid-type]
    source_detail: str | None = None
    priority: int | None = strawberry.field(default=None, description="1 (least wanted) to 5 (most).")
    work_mode: WorkMode | None = None  # type: ignore[valid-type]
    employment_type: EmploymentType | None = None  # type: ignore[valid-type]
    deadline: datetime | None = None
    tags: list[str] | None = strawberry.field(default=None, description=TAGS_DESCRIPTION)

    def to_command(self) -> CreateApplication:
        return CreateApplication(
            company=self.company,
            position=self.position,
            location=self.location,
            salary=self.salary.to_salary() if self.salary is not None else None,
            job_url=self.job_url,
            description=self.description,
            status=self.status,
            notes=self.notes,
            applied_at=self.applied_at,
            source=self.source,
            source_detail=self.source_detail,
            priority=self.priority,
            work_mode=self.work_mode,
            employment_type=self.employment_type,
            deadline=self.deadline,
            tags=self.tags or (),
        )


@strawberry.input(description="Fields left out stay as they are; null clears the optional ones.")
class UpdateApplicationInput:
    company: str | None = strawberry.UNSET
    position: str | None = strawberry.UNSET
    location: str | None = strawberry.UNSET
    salary: SalaryInput | None = strawberry.UNSET
    job_url: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    notes: str | None = strawberry.UNSET
    applied_at: datetime | None = strawberry.UNSET
    source: ApplicationSource | None = strawberry.UNSET  # type: ignore[valid-type]
    source_detail: str | None = strawberry.UNSET
    priority: int | None = strawberry.UNSET
    work_mode: WorkMode | None = strawberry.UNSET  # type: ignore[valid-type]
    employment_type: EmploymentType | None = strawberry.UNSET  # type: ignore[valid-type]
    deadline: datetime | None = strawberry.UNSET
    tags: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="The whole new set of tags; null or [] removes them all."
    )

    def to_command(self) -> UpdateApplication:
        salary = kept(self.salary)
        return UpdateApplication(
            company=kept(self.company),
            position=kept(self.position),
            location=kept(self.location),
            salary=salary.to_salary() if isinstance(salary, SalaryInput) else salary,
            job_url=kept(self.job_url),
            description=kept(self.description),
            notes=kept(self.notes),
            applied_at=kept(self.applied_at),
            source=kept(self.source),
            source_detail=kept(self.source_detail),
            priority=kept(self.priority),
            work_mode=kept(self.work_mode),
            employment_type=kept(self.employment_type),
            deadline=kept(self.deadline),
            tags=kept(self.tags),
        )


@strawberry.type(description="A file of your applications, to download from `url` until `expiresAt`.")
class ApplicationExport:
    url: str = strawberry.field(description="A signed link; anyone holding it can download until it expires.")
    filename: str
    content_type: str
    row_count: int = strawberry.field(description="How many applications the file holds.")
    expires_at: datetime

    @classmethod
    def of(cls, export: transfers.ExportFile) -> ApplicationExport:
        return cls(
            url=export.url,
            filename=export.filename,
            content_type=export.content_type,
            row_count=export.row_count,
            expires_at=export.expires_at,
        )


@strawberry.input(
    description="Read the file's column `column` (its header) as the field `field` (e.g. company)."
)
class ImportColumnInput:
    column: str
    field: str


@strawberry.type(description="Which file column an import reads as which field.")
class ImportColumn:
    column: str
    field: str


@strawberry.type(description="Why a row is refused: the field (column) and the reason.")
class ImportRowError:
    field: str
    message: str


@strawberry.type(description="One data row of an imported file; the header is row 1.")
class ImportRow:
    row: int
    outcome: ImportRowOutcome  # type: ignore[valid-type]
    company: str | None
    position: str | None
    application_id: strawberry.ID | None = strawberry.field(description="The application created (CREATED).")
    errors: list[ImportRowError]


@strawberry.type(description="The per-row report of an import (a preview when `committed` is false).")
class ApplicationImport:
    committed: bool
    created_count: int = strawberry.field(description="Rows created (CREATED, or WOULD_CREATE in a preview).")
    refused_count: int
    columns: list[ImportColumn]
    ignored_columns: list[str] = strawberry.field(description="Columns of the file that no field reads.")
    rows: list[ImportRow]

    @classmethod
    def of(cls, report: transfers.ImportReport) -> ApplicationImport:
        created = transfers.RowOutcome.CREATED if report.committed else transfers.RowOutcome.WOULD_CREATE
        return cls(
            committed=report.committed,
            created_count=report.count(created),
            refused_count=report.count(transfers.RowOutcome.REFUSED),
            columns=[ImportColumn(column=column, field=field) for column, field in report.columns],
            ignored_columns=list(report.ignored_columns),
            rows=[
                ImportRow(
                    row=row.row,
                    outcome=row.outcome,
                    company=row.company,
                    position=row.position,
                    application_id=strawberry.ID(row.application_id) if row.application_id else None,
                    errors=[ImportRowError(field=error.field, message=error.message) for error in row.errors],
                )
                for row in report.rows
            ],
        )


async def _content(file: Upload, limit: int) -> bytes:
    """At most `limit + 1` bytes of the upload: enough to tell that it is too big without reading it all."""
    read = getattr(file, "read", None)
    if read is None:
        raise BadUserInput("must be a file", field="file")
    content = await read(limit + 1)
    return bytes(content)


@strawberry.type(description="What a bulk mutation did to one of its ids.")
class ApplicationBulkResult:
    id: strawberry.ID
    outcome: BulkOutcome  # type: ignore[valid-type]
    application: Application | None = strawberry.field(
        description="The application as it is now; null when NOT_FOUND or DELETED."
    )

    @classmethod
    def of(cls, result: models.BulkResult) -> ApplicationBulkResult:
        application = Application.of(result.application) if result.application is not None else None
        return cls(id=strawberry.ID(result.id), outcome=result.outcome, application=application)


@strawberry.type
class Query:
    @strawberry.field(
        description="One of your applications; null if there is none with this id.",
        extensions=scoped(APPLICATIONS_READ),
    )
    async def application(self, info: Info, id: strawberry.ID) -> Application | None:
        found = await loaders(info).application.load(str(id))
        return Application.of(found) if found is not None else None

    @strawberry.field(
        description="Your applications, newest first unless `orderBy` says otherwise.",
        directives=[PAGE_SIZE],
        extensions=scoped(APPLICATIONS_READ),
    )
    async def applications(
        self,
        info: Info,
        filter: ApplicationFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        order_by: ApplicationOrder | None = models.ApplicationOrder.NEWEST,  # type: ignore[valid-type]
    ) -> Connection[Application]:
        user_id = caller(info)
        size = page_size(first)
        # An explicit null means the default, as for `first`.
        order = models.ApplicationOrder.NEWEST if order_by is None else order_by
        query = filter.to_query() if filter is not None else ApplicationQuery()
        page = await service(info).find(user_id, query, size, cursors.decode(after, order), order)
        return connection(
            page.items,
            node=Application.of,
            cursor=lambda item: cursors.encode(PageKey.of(order, item)),
            has_next_page=page.has_next_page,
            total_count=page.total_count,
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Start tracking an application.", extensions=scoped(APPLICATIONS_WRITE))
    async def create_application(self, info: Info, input: CreateApplicationInput) -> Application:
        return Application.of(await service(info).create(caller(info), input.to_command()))

    @strawberry.mutation(
        description="Change the details of an application (its status has its own mutation).",
        extensions=scoped(APPLICATIONS_WRITE),
    )
    async def update_application(
        self, info: Info, id: strawberry.ID, input: UpdateApplicationInput
    ) -> Application:
        return Application.of(await service(info).update(caller(info), str(id), input.to_command()))

    @strawberry.mutation(
        description="Move an application to another status; the timeline keeps the note.",
        extensions=scoped(APPLICATIONS_WRITE),
    )
    async def change_application_status(
        self,
        info: Info,
        id: strawberry.ID,
        status: ApplicationStatus,  # type: ignore[valid-type]
        note: str | None = None,
    ) -> Application:
        changed = await service(info).change_status(caller(info), str(id), status, note)
        return Application.of(changed)

    @strawberry.mutation(
        description="Add a note (1 to 5,000 characters) to the timeline of an application.",
        extensions=scoped(APPLICATIONS_WRITE),
    )
    async def add_timeline_note(self, info: Info, application_id: strawberry.ID, note: str) -> TimelineEntry:
        entry = await service(info).timeline.add_note(caller(info), str(application_id), note)
        return TimelineEntry.of(entry)

    @strawberry.mutation(
        description="Link one of your contacts to one of your applications (CONFLICT if already linked).",
        extensions=scoped(APPLICATIONS_WRITE),
    )
    async def link_contact(
        self, info: Info, application_id: strawberry.ID, contact_id: strawberry.ID
    ) -> Application:
        linked = await service(info).timeline.link_contact(caller(info), str(application_id), str(contact_id))
        return Application.of(linked)

    @strawberry.mutation(
        description="Unlink a contact from an application (NOT_FOUND if it is not linked).",
        extensions=scoped(APPLICATIONS_WRITE),
    )
    async def unlink_contact(
        self, info: Info, application_id: strawberry.ID, contact_id: strawberry.ID
    ) -> Application:
        application = await service(info).timeline.unlink_contact(
            caller(info), str(application_id), str(contact_id)
        )
        return Application.of(application)

    @strawberry.mutation(
        description="Write your applications matching `filter` (all when null), each with its status "
        "history, to a file and get a link to download it.",
        extensions=scoped(APPLICATIONS_READ),
    )
    async def export_applications(
        self,
        info: Info,
        format: ApplicationFileFormat,  # type: ignore[valid-type]
        filter: ApplicationFilter | None = None,
    ) -> ApplicationExport:
        query = filter.to_query() if filter is not None else ApplicationQuery()
        return ApplicationExport.of(await transfer(info).export(caller(info), format, query))

    @strawberry.mutation(
        description="Read applications from a CSV or XLSX file (a GraphQL multipart upload): columns by "
        "header name or `mapping`; a preview unless `commit`, then each valid row is created and the others "
        "refused.",
        extensions=scoped(APPLICATIONS_WRITE),
    )
    async def import_applications(
        self,
        info: Info,
        file: Upload,
        format: ApplicationFileFormat | None = None,  # type: ignore[valid-type]
        mapping: list[ImportColumnInput] | None = None,
        commit: bool = False,
    ) -> ApplicationImport:
        user_id = caller(info)
        service = transfer(info)
        report = await service.import_file(
            user_id,
            filename=str(getattr(file, "filename", None) or ""),
            content=await _content(file, service.limits.max_import_bytes),
            format=format,
            mapping=[(item.column, item.field) for item in mapping] if mapping is not None else None,
            commit=commit,
        )
        return ApplicationImport.of(report)

    @strawberry.mutation(
        description="Delete an application, its timeline and its interviews; returns its id.",
        extensions=scoped(APPLICATIONS_WRITE),
    )
    async def delete_application(self, info: Info, id: strawberry.ID) -> strawberry.ID:
        deleted = await service(info).delete(caller(info), str(id))
        return strawberry.ID(deleted.id)

    @strawberry.mutation(
        description=f"Move up to {MAX_BULK_IDS} applications to a status, each on its own (one failing "
        "changes nothing of the others); an id given twice counts once. UNCHANGED: already in that status.",
        extensions=scoped(APPLICATIONS_WRITE),
    )
    async def change_applications_status(
        self,
        info: Info,
        ids: list[strawberry.ID],
        status: ApplicationStatus,  # type: ignore[valid-type]
        note: str | None = None,
    ) -> list[ApplicationBulkResult]:
        results = await service(info).change_statuses(caller(info), [str(item) for item in ids], status, note)
        return [ApplicationBulkResult.of(result) for result in results]

    @strawberry.mutation(
        description=f"Delete up to {MAX_BULK_IDS} applications with their timelines and interviews, each on "
        "its own; an id given twice counts once.",
        extensions=scoped(APPLICATIONS_WRITE),
    )
    async def delete_applications(self, info: Info, ids: list[strawberry.ID]) -> list[ApplicationBulkResult]:
        results = await service(info).delete_many(caller(info), [str(item) for item in ids])
        return [ApplicationBulkResult.of(result) for result in results]


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="Each of your applications as it is after it is created or changed.", extensions=scoped()
    )
    async def application_changed(self, info: Info) -> AsyncGenerator[Application, None]:
        user_id = caller(info)
        async for event in live(info).listen(user_id, LIVE):
            # The event says which one; the store says how it is now (it may have changed again or gone).
            (found,) = await service(info).get_many(user_id, [str(event.data.get("id"))])
            if found is not None:
                yield Application.of(found)


schema = SubgraphSchema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=[Application, User, Contact],
)
