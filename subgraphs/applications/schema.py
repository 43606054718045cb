"""The applications GraphQL subgraph: Application, the User fields of the dashboard, queries, mutations."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime

import strawberry
from strawberry.types import Info

from subgraphs.applications import models
from subgraphs.applications.context import caller, live, loaders, service
from subgraphs.applications.events import LIVE
from subgraphs.applications.models import ApplicationQuery, CreateApplication, CreatedAtKey, UpdateApplication
from subgraphs.applications.service import MAX_RECENT
from subgraphs.kit.errors import BadUserInput
from subgraphs.kit.keep import kept
from subgraphs.kit.pagination import (
    Connection,
    connection,
    decode_instant_cursor,
    encode_cursor,
    page_size,
)
from subgraphs.kit.schema import SubgraphSchema
from subgraphs.kit.scopes import APPLICATIONS_READ, APPLICATIONS_WRITE, scoped

ApplicationStatus = strawberry.enum(models.ApplicationStatus, description="Where an application stands.")
SalaryPeriod = strawberry.enum(models.SalaryPeriod, description="What one salary amount pays for.")


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

    @strawberry.field(description="Every status it has had, oldest first, with the notes given.")
    async def status_history(self, info: Info) -> list[StatusChange]:
        timeline = await loaders(info).timeline.load(str(self.id))
        return [
            StatusChange(status=item.status, note=item.note, changed_at=item.changed_at) for item in timeline
        ]

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

    def to_query(self) -> ApplicationQuery:
        return ApplicationQuery(statuses=frozenset(self.status or ()), search=self.search)


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
        )


def _cursor(application: models.Application) -> str:
    return encode_cursor(application.created_at.isoformat(), application.id)


def _after(cursor: str | None) -> CreatedAtKey | None:
    position = decode_instant_cursor(cursor)
    return CreatedAtKey(*position) if position is not None else None


@strawberry.type
class Query:
    @strawberry.field(
        description="One of your applications; null if there is none with this id.",
        extensions=scoped(APPLICATIONS_READ),
    )
    async def application(self, info: Info, id: strawberry.ID) -> Application | None:
        found = await loaders(info).application.load(str(id))
        return Application.of(found) if found is not None else None

    @strawberry.field(description="Your applications, newest first.", extensions=scoped(APPLICATIONS_READ))
    async def applications(
        self,
        info: Info,
        filter: ApplicationFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Application]:
        user_id = caller(info)
        size = page_size(first)
        query = filter.to_query() if filter is not None else ApplicationQuery()
        page = await service(info).find(user_id, query, size, _after(after))
        return connection(
            page.items,
            node=Application.of,
            cursor=_cursor,
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
        description="Delete an application, its timeline and its interviews; returns its id.",
        extensions=scoped(APPLICATIONS_WRITE),
    )
    async def delete_application(self, info: Info, id: strawberry.ID) -> strawberry.ID:
        deleted = await service(info).delete(caller(info), str(id))
        return strawberry.ID(deleted.id)


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
    types=[Application, User],
)
