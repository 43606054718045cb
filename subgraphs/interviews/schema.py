"""The interviews GraphQL subgraph: Interview, the Application and User fields it adds, queries, mutations."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from subgraphs.interviews import models
from subgraphs.interviews.context import caller, loaders, service
from subgraphs.interviews.models import (
    InterviewQuery,
    ScheduleInterview,
    StartsAtKey,
    UpdateInterview,
)
from subgraphs.interviews.service import MAX_UPCOMING
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
from subgraphs.kit.scopes import APPLICATIONS_READ, INTERVIEWS_READ, INTERVIEWS_WRITE, scoped

InterviewType = strawberry.enum(models.InterviewType, description="How the interview happens.")


@strawberry.federation.type(keys=["id"], description="An application, owned by the applications subgraph.")
class Application:
    id: strawberry.ID

    # Nullable, as every field this subgraph adds to another's entity: if interviews cannot answer, only this
    # field is null, not the Application the applications subgraph answered (schema check enforces it).
    @strawberry.field(
        description="The caller's interviews for this application, soonest first; null if they cannot be "
        "read.",
        extensions=scoped(INTERVIEWS_READ),
    )
    async def interviews(self, info: Info, include_cancelled: bool = False) -> list[Interview] | None:
        found = await loaders(info).application_interviews.load(str(self.id))
        return [Interview.of(item) for item in found if include_cancelled or not item.cancelled]

    @classmethod
    def resolve_reference(cls, info: Info, id: strawberry.ID) -> Application:
        # Every id resolves for a signed-in caller, and `interviews` lists only the caller's own: an
        # application this subgraph has not heard of yet (created a moment ago, or during a broker outage)
        # has no interviews, `[]` — a null here made the router erase `createApplication`'s whole answer.
        # Someone else's application looks the same (`[]`), so ids still cannot be probed.
        caller(info)
        return cls(id=id)


@strawberry.federation.type(
    keys=["id"], description="A scheduled interview for one of the caller's applications."
)
class Interview:
    id: strawberry.ID
    starts_at: datetime = strawberry.field(description="When it starts (returned in UTC).")
    duration_minutes: int
    type: InterviewType  # type: ignore[valid-type]
    location: str | None = strawberry.field(description="Where an ONSITE interview takes place.")
    meeting_url: str | None = strawberry.field(description="The link of an ONLINE interview.")
    details: str | None
    created_at: datetime
    updated_at: datetime
    cancelled_at: datetime | None = strawberry.field(
        description="When it was cancelled; null while it is on."
    )
    application_id: strawberry.Private[str]

    @strawberry.field
    def cancelled(self) -> bool:
        return self.cancelled_at is not None

    # Nullable although every interview has one: its details come from the applications subgraph, and when
    # that cannot answer only this field is null, not the interview (nor the list it is in).
    @strawberry.field(
        description="The application it is for; null if the application cannot be read.",
        extensions=scoped(APPLICATIONS_READ),
    )
    def application(self) -> Application | None:
        return Application(id=strawberry.ID(self.application_id))

    @classmethod
    def of(cls, interview: models.Interview) -> Interview:
        return cls(
            id=strawberry.ID(interview.id),
            starts_at=interview.starts_at,
            duration_minutes=interview.duration_minutes,
            type=interview.type,
            location=interview.location,
            meeting_url=interview.meeting_url,
            details=interview.details,
            created_at=interview.created_at,
            updated_at=interview.updated_at,
            cancelled_at=interview.cancelled_at,
            application_id=interview.application_id,
        )

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID) -> Interview | None:
        found = await loaders(info).interview.load(str(id))
        return cls.of(found) if found is not None else None


@strawberry.federation.type(keys=["id"], description="A person, owned by the users subgraph.")
class User:
    id: strawberry.ID

    # Nullable, as every field this subgraph adds to another's entity: if interviews cannot answer, only this
    # field is null, not the whole User that the users subgraph answered (schema check enforces it).
    @strawberry.field(
        description="The person's next interviews that are not cancelled; only for yourself; null if they "
        "cannot be read.",
        extensions=scoped(INTERVIEWS_READ),
    )
    async def upcoming_interviews(self, info: Info, first: int | None = 5) -> list[Interview] | None:
        # Interviews are private: for anyone but the caller this is empty rather than an error, so that a
        # public profile query that also asks for it still works.
        user_id = caller(info)
        # `first: Int = 5` as in DESIGN.md's dashboard; an explicit null means the default too.
        first = 5 if first is None else first
        if not 1 <= first <= MAX_UPCOMING:
            raise BadUserInput(f"must be between 1 and {MAX_UPCOMING}", field="first")
        if str(self.id) != user_id:
            return []
        return [Interview.of(item) for item in await service(info).upcoming(user_id, first)]

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> User:
        return cls(id=id)


@strawberry.input(description="Which interviews `interviews` lists; all fields combine with AND.")
class InterviewFilter:
    starts_from: datetime | None = strawberry.field(
        name="from", default=None, description="Only interviews starting at or after this instant."
    )
    to: datetime | None = strawberry.field(default=None, description="Only interviews starting before this.")
    types: list[InterviewType] | None = None  # type: ignore[valid-type]
    include_cancelled: bool = False

    def to_query(self) -> InterviewQuery:
        return InterviewQuery(
            starts_from=self.starts_from,
            starts_before=self.to,
            types=frozenset(self.types or ()),
            include_cancelled=self.include_cancelled,
        )


@strawberry.input
class ScheduleInterviewInput:
    application_id: strawberry.ID
    starts_at: datetime = strawberry.field(
        description="Must carry a UTC offset, e.g. 2031-03-10T09:00:00+01:00."
    )
    duration_minutes: int = strawberry.field(description="1 to 1440.")
    type: InterviewType  # type: ignore[valid-type]
    location: str | None = strawberry.field(default=None, description="Only for ONSITE interviews.")
    meeting_url: str | None = strawberry.field(default=None, description="Only for ONLINE interviews; a URL.")
    details: str | None = None

    def to_command(self) -> ScheduleInterview:
        return ScheduleInterview(
            application_id=str(self.application_id),
            starts_at=self.starts_at,
            duration_minutes=self.duration_minutes,
            type=self.type,
            location=self.location,
            meeting_url=self.meeting_url,
            details=self.details,
        )


@strawberry.input(description="Fields left out stay as they are; null clears location, meetingUrl, details.")
class UpdateInterviewInput:
    starts_at: datetime | None = strawberry.UNSET
    duration_minutes: int | None = strawberry.UNSET
    type: InterviewType | None = strawberry.UNSET  # type: ignore[valid-type]
    location: str | None = strawberry.UNSET
    meeting_url: str | None = strawberry.UNSET
    details: str | None = strawberry.UNSET

    def to_command(self) -> UpdateInterview:
        return UpdateInterview(
            starts_at=kept(self.starts_at),
            duration_minutes=kept(self.duration_minutes),
            type=kept(self.type),
            location=kept(self.location),
            meeting_url=kept(self.meeting_url),
            details=kept(self.details),
        )


def _cursor(interview: models.Interview) -> str:
    return encode_cursor(interview.starts_at.isoformat(), interview.id)


def _after(cursor: str | None) -> StartsAtKey | None:
    position = decode_instant_cursor(cursor)
    return StartsAtKey(*position) if position is not None else None


@strawberry.type
class Query:
    @strawberry.field(
        description="One of your interviews; null if there is none with this id.",
        extensions=scoped(INTERVIEWS_READ),
    )
    async def interview(self, info: Info, id: strawberry.ID) -> Interview | None:
        found = await loaders(info).interview.load(str(id))
        return Interview.of(found) if found is not None else None

    @strawberry.field(
        description="Your interviews, soonest first (cancelled ones only if the filter asks).",
        extensions=scoped(INTERVIEWS_READ),
    )
    async def interviews(
        self,
        info: Info,
        filter: InterviewFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Interview]:
        user_id = caller(info)
        size = page_size(first)
        query = filter.to_query() if filter is not None else InterviewQuery()
        page = await service(info).find(user_id, query, size, _after(after))
        return connection(
            page.items,
            node=Interview.of,
            cursor=_cursor,
            has_next_page=page.has_next_page,
            total_count=page.total_count,
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Schedule an interview for one of your applications.", extensions=scoped(INTERVIEWS_WRITE)
    )
    async def schedule_interview(self, info: Info, input: ScheduleInterviewInput) -> Interview:
        return Interview.of(await service(info).schedule(caller(info), input.to_command()))

    @strawberry.mutation(
        description="Change an interview that is not cancelled.", extensions=scoped(INTERVIEWS_WRITE)
    )
    async def update_interview(self, info: Info, id: strawberry.ID, input: UpdateInterviewInput) -> Interview:
        return Interview.of(await service(info).update(caller(info), str(id), input.to_command()))

    @strawberry.mutation(
        description="Cancel an interview; it stays readable with `cancelled: true`.",
        extensions=scoped(INTERVIEWS_WRITE),
    )
    async def cancel_interview(self, info: Info, id: strawberry.ID) -> Interview:
        return Interview.of(await service(info).cancel(caller(info), str(id)))


schema = SubgraphSchema(
    query=Query,
    mutation=Mutation,
    types=[Application, Interview, User],
)
