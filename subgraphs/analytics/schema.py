"""The analytics GraphQL subgraph: `User.analytics`, the caller's numbers, and the types they are made of."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from subgraphs.analytics import models
from subgraphs.analytics.context import caller, loaders, service
from subgraphs.kit.errors import Forbidden
from subgraphs.kit.schema import SubgraphSchema
from subgraphs.kit.scopes import ANALYTICS_READ, scoped

ApplicationStatus = strawberry.enum(models.ApplicationStatus, description="Where an application stands.")


@strawberry.federation.type(shareable=True, description="How many applications are in one status.")
class StatusCount:
    status: ApplicationStatus  # type: ignore[valid-type]
    count: int


@strawberry.type(description="Applications sent in one calendar month.")
class MonthCount:
    month: str = strawberry.field(description="The month as YYYY-MM, in the requested time zone.")
    count: int


@strawberry.type(description="Applications in one role family or place.")
class CategoryCount:
    category: str
    count: int


@strawberry.type(description="How many applications ever reached a step of the hiring process.")
class FunnelStep:
    status: ApplicationStatus  # type: ignore[valid-type]
    count: int
    rate: float | None = strawberry.field(
        description="`count` over the applications that reached APPLIED; null when none did."
    )


@strawberry.type(description="How long applications stay in one status.")
class StatusDuration:
    status: ApplicationStatus  # type: ignore[valid-type]
    average_days: float | None = strawberry.field(
        description="Mean length of a stay, finished ones and ongoing ones up to now; null without stays."
    )
    stays: int = strawberry.field(description="How many stays the average is over.")


@strawberry.type(description="Applications sent in one week.")
class WeekCount:
    week_start: str = strawberry.field(
        description="The Monday the week starts on (YYYY-MM-DD), in the time zone."
    )
    count: int


def _counts(items: list[models.Count]) -> list[CategoryCount]:
    return [CategoryCount(category=item.key, count=item.count) for item in items]


@strawberry.type(
    description=(
        "How a job search is going: the caller's applications sent (appliedAt, else createdAt) in the range. "
        "Computed from the applications events; a change shows here within about a second."
    )
)
class Analytics:
    result: strawberry.Private[models.Analytics]

    @strawberry.field(description="Applications sent in the range.")
    def total(self) -> int:
        return self.result.total

    @strawberry.field(
        description="Applications sent per calendar month of the range (from the first application when "
        "`from` is open, to `to` or now), zeros included, at most 121 months."
    )
    def per_month(self) -> list[MonthCount]:
        return [MonthCount(month=item.key, count=item.count) for item in self.result.per_month]

    @strawberry.field(
        description="Where the applications stand now: every status, in course order, zeros too."
    )
    def by_status(self) -> list[StatusCount]:
        return [
            StatusCount(status=models.ApplicationStatus(item.key), count=item.count)
            for item in self.result.by_status
        ]

    @strawberry.field(
        description="Role families: Full stack, Mobile, Frontend, Backend, DevOps, Data, Design, Product, "
        "Management, Other (every one, zeros too; rules in subgraphs/analytics/categories.py)."
    )
    def by_position(self) -> list[CategoryCount]:
        return _counts(self.result.by_position)

    @strawberry.field(
        description="Places, compared without case or extra spaces; remote roles count as Remote, none given "
        "as Unspecified. Most frequent first."
    )
    def by_location(self) -> list[CategoryCount]:
        return _counts(self.result.by_location)

    @strawberry.field(description="How many applications ever reached APPLIED, INTERVIEW and OFFER.")
    def funnel(self) -> list[FunnelStep]:
        return [
            FunnelStep(status=step.status, count=step.count, rate=step.rate) for step in self.result.funnel
        ]

    @strawberry.field(
        description="Share of the applications that reached APPLIED which got an answer (INTERVIEW, OFFER "
        "or REJECTED); null when none was sent."
    )
    def response_rate(self) -> float | None:
        return self.result.response_rate

    @strawberry.field(description="Median days from sending to the first answer; null without answers.")
    def median_days_to_response(self) -> float | None:
        return self.result.median_days_to_response

    @strawberry.field(description="Average days an application stays in each status, every status.")
    def average_days_in_status(self) -> list[StatusDuration]:
        return [
            StatusDuration(status=item.status, average_days=item.average_days, stays=item.stays)
            for item in self.result.average_days_in_status
        ]

    @strawberry.field(
        description="Applications sent in each of the last `weeks` weeks (1 to 104, Monday to Sunday in the "
        "time zone) up to the week of `to` or now, oldest first, zeros included."
    )
    async def weekly_activity(self, info: Info, weeks: int | None = 12) -> list[WeekCount]:
        # An explicit null means the default, as for `first` elsewhere.
        chosen = 12 if weeks is None else weeks
        counted = await service(info).weekly(self.result, chosen)
        return [WeekCount(week_start=item.key, count=item.count) for item in counted]


@strawberry.federation.type(keys=["id"], description="A person, owned by the users subgraph.")
class User:
    id: strawberry.ID

    @strawberry.field(
        description="Your job-search numbers for applications sent in [from, to) (open ends: all of them), "
        "months and weeks in `timeZone` (IANA, default UTC). Only on your own User: anyone else's is null "
        "with FORBIDDEN.",
        extensions=scoped(ANALYTICS_READ),
    )
    async def analytics(
        self,
        info: Info,
        from_: Annotated[datetime | None, strawberry.argument(name="from")] = None,
        to: datetime | None = None,
        time_zone: str | None = "UTC",
    ) -> Analytics | None:
        user_id = caller(info)
        if str(self.id) != user_id:
            raise Forbidden("analytics are private to their owner")
        period = service(info).period(from_, to, time_zone)
        return Analytics(result=await loaders(info).analytics.load(period))

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> User:
        return cls(id=id)


@strawberry.type
class Query:
    @strawberry.field(
        description="Your own analytics (the same as `me { analytics }`).", extensions=scoped(ANALYTICS_READ)
    )
    async def my_analytics(
        self,
        info: Info,
        from_: Annotated[datetime | None, strawberry.argument(name="from")] = None,
        to: datetime | None = None,
        time_zone: str | None = "UTC",
    ) -> Analytics:
        caller(info)
        period = service(info).period(from_, to, time_zone)
        return Analytics(result=await loaders(info).analytics.load(period))


schema = SubgraphSchema(query=Query, types=[User, Analytics])
