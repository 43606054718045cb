"""Application use cases: validate, load, change and commit, with the matching event in one transaction.

Bulk use cases (`change_statuses`, `delete_many`) run the single one per id, each in its own transaction:
one id's failure never undoes another's, and every change has exactly the event it has alone.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.applications import timeline
from subgraphs.applications.events import (
    ApplicationCreated,
    ApplicationDeleted,
    ApplicationSnapshot,
    ApplicationStatusChanged,
    ApplicationUpdated,
    EventRecorder,
)
from subgraphs.applications.models import (
    KEEP,
    Application,
    ApplicationOrder,
    ApplicationQuery,
    ApplicationStatus,
    BulkOutcome,
    BulkResult,
    CreateApplication,
    PageKey,
    Salary,
    StatusChange,
    StatusCounts,
    UpdateApplication,
)
from subgraphs.applications.store import ApplicationStore, SqlApplicationStore
from subgraphs.applications.timeline_service import TimelineService
from subgraphs.applications.timeline_store import SqlTimelineStore
from subgraphs.kit import validation
from subgraphs.kit.erasure import erase_outbox, is_erased, remember_erased
from subgraphs.kit.errors import BadUserInput, Conflict, NotFound, Unauthenticated
from subgraphs.kit.input_checks import control_character_in

MAX_NAME_LENGTH = 200
MAX_DESCRIPTION_LENGTH = 50_000
MAX_NOTES_LENGTH = 10_000
MAX_STATUS_NOTE_LENGTH = 2_000
MAX_SEARCH_LENGTH = 200
MAX_RECENT = 100
MAX_SOURCE_DETAIL_LENGTH = 200
MIN_PRIORITY, MAX_PRIORITY = 1, 5
MAX_TAGS = 20
MAX_TAG_LENGTH = 40
# Ids one bulk mutation takes: each is its own transaction, so this bounds one request's work.
MAX_BULK_IDS = 100
# Snapshots are written this many applications per transaction: bounded memory and lock time on a big table.
SNAPSHOT_BATCH = 500
# GraphQL's Int is 32-bit; no salary comes near it, and a bigger number is a typo.
MAX_SALARY = 2_147_483_647
# "Applied tomorrow" is a time-zone slip; "applied next month" is a typo.
APPLIED_AT_SLACK = timedelta(days=1)
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def utc_now() -> datetime:
    """The current instant, timezone-aware UTC."""
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class ApplicationPage:
    """One page of `applications`: the items, whether more follow, and how many match in total."""

    items: list[Application]
    has_next_page: bool
    total_count: int


class ApplicationService:
    """The application use cases; every read and write is scoped to the calling user (`user_id`)."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        record: EventRecorder,
        *,
        clock: Callable[[], datetime] = utc_now,
        store: Callable[[AsyncSession], ApplicationStore] = SqlApplicationStore,
    ) -> None:
        # `record` writes an event to the outbox inside the session it is given, i.e. in the same
        # transaction as the change (DESIGN.md, Events).
        self._sessions = sessions
        self._record = record
        self._clock = clock
        self._store = store
        # Notes, contact links and the entries other subgraphs' events add (the timeline's own use cases).
        self.timeline = TimelineService(sessions, clock=clock)

    async def create(self, user_id: str, command: CreateApplication) -> Application:
        """Track a new application and record `application.created`.

        Its timeline starts with its first status. An application created as already sent (any status but
        SAVED) without `appliedAt` counts as sent now.
        """
        now = self._clock()
        application = new_application(user_id, command, now)
        async with self._sessions.begin() as session:
            if await is_erased(session, user_id):
                # A deleted account's access token stays valid for minutes: it must not write again.
                raise Unauthenticated("this account was deleted")
            store = self._store(session)
            await store.add(application)
            await store.add_status_change(StatusChange(application.id, application.status, None, now))
            await SqlTimelineStore(session).add(timeline.created(application))
            await self._record(session, ApplicationCreated(application))
        return application

    async def update(self, user_id: str, application_id: str, changes: UpdateApplication) -> Application:
        """Apply `changes` to the caller's application; record `application.updated` if anything changed."""
        async with self._sessions.begin() as session:
            store = self._store(session)
            current = await store.get(user_id, application_id, for_update=True)
            if current is None:
                raise NotFound("application not found", field="id")
            changed = _apply(current, changes, self._clock())
            if changed == current:
                return current
            changed = replace(changed, updated_at=self._clock())
            await store.update(changed)
            entry = timeline.updated(current, changed)
            if entry is not None:
                await SqlTimelineStore(session).add(entry)
            await self._record(session, ApplicationUpdated(changed, previous=current))
        return changed

    async def change_status(
        self, user_id: str, application_id: str, status: ApplicationStatus, note: str | None
    ) -> Application:
        """Move the caller's application to `status`, add it to the timeline with `note`, and record
        `application.status_changed`.

        Any status may follow any other (people correct mistakes); the first move out of SAVED sets
        `appliedAt` unless it is already set. Moving to the status it already has is CONFLICT.
        """
        cleaned_note = validation.optional_text(note, "note", max_length=MAX_STATUS_NOTE_LENGTH)
        application, moved = await self._move(user_id, application_id, status, cleaned_note)
        if not moved:
            raise Conflict(f"the application is already {status.value}", field="status")
        return application

    async def change_statuses(
        self, user_id: str, application_ids: Sequence[str], status: ApplicationStatus, note: str | None
    ) -> list[BulkResult]:
        """`change_status` for each of the caller's applications in `application_ids` (at most
        MAX_BULK_IDS; a repeated id counts once), each in its own transaction with its own event.

        One id's outcome never depends on another's: NOT_FOUND for an id that is not the caller's,
        UNCHANGED for one already in `status` (nothing written), CHANGED otherwise.
        """
        ids = _bulk_ids(application_ids)
        cleaned_note = validation.optional_text(note, "note", max_length=MAX_STATUS_NOTE_LENGTH)
        results: list[BulkResult] = []
        for application_id in ids:
            try:
                application, moved = await self._move(user_id, application_id, status, cleaned_note)
            except NotFound:
                results.append(BulkResult(application_id, BulkOutcome.NOT_FOUND, None))
                continue
            outcome = BulkOutcome.CHANGED if moved else BulkOutcome.UNCHANGED
            results.append(BulkResult(application_id, outcome, application))
        return results

    async def _move(
        self, user_id: str, application_id: str, status: ApplicationStatus, note: str | None
    ) -> tuple[Application, bool]:
        """(the application after the move, True), or (as it is, False) if it already has `status`."""
        async with self._sessions.begin() as session:
            store = self._store(session)
            current = await store.get(user_id, application_id, for_update=True)
            if current is None:
                raise NotFound("application not found", field="id")
            if current.status is status:
                return current, False
            now = self._clock()
            applied_at = current.applied_at
            if applied_at is None and status is not ApplicationStatus.SAVED:
                applied_at = now
            changed = replace(current, status=status, applied_at=applied_at, updated_at=now)
            await store.update(changed)
            await store.add_status_change(StatusChange(application_id, status, note, now))
            await SqlTimelineStore(session).add(timeline.status_changed(changed, current.status, note))
            await self._record(
                session, ApplicationStatusChanged(changed, previous_status=current.status, note=note)
            )
        return changed, True

    async def delete(self, user_id: str, application_id: str) -> Application:
        """Delete the caller's application, its timeline and contact links, and record `application.deleted`.

        Its interviews go through that event (the interviews subgraph owns them).
        """
        async with self._sessions.begin() as session:
            store = self._store(session)
            current = await store.get(user_id, application_id, for_update=True)
            if current is None:
                raise NotFound("application not found", field="id")
            await SqlTimelineStore(session).forget_application(application_id)
            await store.delete(user_id, application_id)
            await self._record(session, ApplicationDeleted(current))
        return current

    async def delete_many(self, user_id: str, application_ids: Sequence[str]) -> list[BulkResult]:
        """`delete` for each of the caller's applications in `application_ids` (at most MAX_BULK_IDS; a
        repeated id counts once), each in its own transaction with its own event: DELETED or NOT_FOUND."""
        results: list[BulkResult] = []
        for application_id in _bulk_ids(application_ids):
            try:
                await self.delete(user_id, application_id)
            except NotFound:
                results.append(BulkResult(application_id, BulkOutcome.NOT_FOUND, None))
            else:
                results.append(BulkResult(application_id, BulkOutcome.DELETED, None))
        return results

    async def erase_owner(self, user_id: str) -> None:
        """`user.deleted`: delete the person's applications and timelines, their events still in the outbox,
        and remember the id so nothing is created for it again. Idempotent (a re-delivery deletes nothing).

        No `application.deleted` is published per application: every consumer erases the person itself.
        """
        async with self._sessions.begin() as session:
            await SqlTimelineStore(session).erase_owner(user_id)
            await self._store(session).erase_owner(user_id)
            await erase_outbox(session, user_id)
            await remember_erased(session, user_id)

    async def publish_snapshots(
        self, owner_id: str | None = None, *, batch_size: int = SNAPSHOT_BATCH
    ) -> int:
        """Record an `application.snapshot` (the application and its whole timeline) for every application,
        or every one of `owner_id`; returns how many. The backfill path of consumers deployed late or
        rebuilding their views (`jobgraph analytics rebuild`).

        The snapshots go through the outbox like any event, so the running relay publishes them with the
        same guarantees; each batch is its own transaction, and an application changed meanwhile is
        published again by that change, with a newer `updatedAt` that wins over the snapshot.
        """
        published, after = 0, None
        while True:
            async with self._sessions.begin() as session:
                store = self._store(session)
                batch = await store.batch_after(after, batch_size, owner_id)
                if not batch:
                    return published
                histories: dict[str, list[StatusChange]] = {}
                for owner in {application.owner_id for application in batch}:
                    ids = [application.id for application in batch if application.owner_id == owner]
                    histories.update(await store.timelines(owner, ids))
                for application in batch:
                    history = tuple(histories.get(application.id, ()))
                    await self._record(session, ApplicationSnapshot(application, history))
            published += len(batch)
            after = batch[-1].id

    async def get_many(self, user_id: str, application_ids: Sequence[str]) -> list[Application | None]:
        """The caller's applications for each id in order, None where absent or someone else's (one query)."""
        async with self._sessions.begin() as session:
            found = await self._store(session).get_many(user_id, application_ids)
        by_id = {application.id: application for application in found}
        return [by_id.get(application_id) for application_id in application_ids]

    async def find(
        self,
        user_id: str,
        query: ApplicationQuery,
        first: int,
        after: PageKey | None,
        order: ApplicationOrder = ApplicationOrder.NEWEST,
    ) -> ApplicationPage:
        """A page of the caller's applications matching `query`, in `order`, after the position `after`
        (which must be a position in `order`: BAD_USER_INPUT `after` otherwise).

        `first` is assumed already checked by the pagination helper; one extra row tells whether more follow.
        """
        query = checked_query(query)
        if after is not None and after.order is not order:
            raise BadUserInput("is a cursor of another order", field="after")
        async with self._sessions.begin() as session:
            store = self._store(session)
            rows = await store.page(user_id, query, after, first + 1, order)
            total = await store.count(user_id, query)
        return ApplicationPage(items=rows[:first], has_next_page=len(rows) > first, total_count=total)

    async def recent(self, user_id: str, first: int) -> list[Application]:
        """The caller's `first` newest applications."""
        if not 1 <= first <= MAX_RECENT:
            raise BadUserInput(f"must be between 1 and {MAX_RECENT}", field="first")
        async with self._sessions.begin() as session:
            return await self._store(session).page(user_id, ApplicationQuery(), None, first)

    async def counts(self, user_id: str) -> StatusCounts:
        """How many of the caller's applications are in each status."""
        async with self._sessions.begin() as session:
            return await self._store(session).counts_by_status(user_id)

    async def timelines(self, user_id: str, application_ids: Sequence[str]) -> list[list[StatusChange]]:
        """The timeline of each of the caller's applications, in `application_ids` order (one query)."""
        async with self._sessions.begin() as session:
            found = await self._store(session).timelines(user_id, application_ids)
        return [found.get(application_id, []) for application_id in application_ids]


def new_application(user_id: str, command: CreateApplication, now: datetime) -> Application:
    """The application `command` creates at `now`, validated (BadUserInput naming the input field); also what
    an import checks each row with."""
    applied_at = _check_applied_at(command.applied_at, now, "appliedAt")
    if applied_at is None and command.status is not ApplicationStatus.SAVED:
        applied_at = now
    return Application(
        id=str(uuid.uuid4()),
        owner_id=user_id,
        company=_name(command.company, "company"),
        position=_name(command.position, "position"),
        location=_location(command.location, "location"),
        salary=_salary(command.salary, "salary"),
        job_url=validation.optional_url(command.job_url, "jobUrl"),
        description=validation.optional_text(
            command.description, "description", max_length=MAX_DESCRIPTION_LENGTH
        ),
        status=command.status,
        notes=validation.optional_text(command.notes, "notes", max_length=MAX_NOTES_LENGTH),
        applied_at=applied_at,
        created_at=now,
        updated_at=now,
        source=command.source,
        source_detail=_source_detail(command.source_detail),
        priority=_priority(command.priority, "priority"),
        work_mode=command.work_mode,
        employment_type=command.employment_type,
        deadline=_instant(command.deadline, "deadline"),
        tags=normalise_tags(command.tags, "tags"),
    )


def _apply(current: Application, changes: UpdateApplication, now: datetime) -> Application:
    """The application after `changes`, validated; raises BadUserInput naming the offending input field."""
    company = current.company
    if changes.company is not KEEP:
        if changes.company is None:
            raise BadUserInput("company cannot be cleared", field="company")
        company = _name(changes.company, "company")
    position = current.position
    if changes.position is not KEEP:
        if changes.position is None:
            raise BadUserInput("position cannot be cleared", field="position")
        position = _name(changes.position, "position")
    return replace(
        current,
        company=company,
        position=position,
        location=current.location if changes.location is KEEP else _location(changes.location, "location"),
        salary=current.salary if changes.salary is KEEP else _salary(changes.salary, "salary"),
        job_url=current.job_url
        if changes.job_url is KEEP
        else validation.optional_url(changes.job_url, "jobUrl"),
        description=current.description
        if changes.description is KEEP
        else validation.optional_text(changes.description, "description", max_length=MAX_DESCRIPTION_LENGTH),
        notes=current.notes
        if changes.notes is KEEP
        else validation.optional_text(changes.notes, "notes", max_length=MAX_NOTES_LENGTH),
        applied_at=current.applied_at
        if changes.applied_at is KEEP
        else _check_applied_at(changes.applied_at, now, "appliedAt"),
        source=current.source if changes.source is KEEP else changes.source,
        source_detail=current.source_detail
        if changes.source_detail is KEEP
        else _source_detail(changes.source_detail),
        priority=current.priority if changes.priority is KEEP else _priority(changes.priority, "priority"),
        work_mode=current.work_mode if changes.work_mode is KEEP else changes.work_mode,
        employment_type=current.employment_type
        if changes.employment_type is KEEP
        else changes.employment_type,
        deadline=current.deadline if changes.deadline is KEEP else _instant(changes.deadline, "deadline"),
        tags=current.tags if changes.tags is KEEP else normalise_tags(changes.tags, "tags"),
    )


def _name(value: str, field: str) -> str:
    return validation.text(value, field, min_length=1, max_length=MAX_NAME_LENGTH)


def _location(value: str | None, field: str) -> str | None:
    return validation.optional_text(value, field, max_length=MAX_NAME_LENGTH)


def _salary(salary: Salary | None, field: str) -> Salary | None:
    """A valid salary range: a known currency code, at least one bound, 0 <= min <= max."""
    if salary is None:
        return None
    currency = salary.currency.strip().upper()
    if not _CURRENCY.match(currency):
        raise BadUserInput("must be a three-letter ISO 4217 code such as EUR", field=f"{field}.currency")
    if salary.min is None and salary.max is None:
        raise BadUserInput("give at least one of min and max", field=f"{field}.min")
    for bound, value in (("min", salary.min), ("max", salary.max)):
        if value is not None and not 0 <= value <= MAX_SALARY:
            raise BadUserInput(f"must be between 0 and {MAX_SALARY}", field=f"{field}.{bound}")
    if salary.min is not None and salary.max is not None and salary.min > salary.max:
        raise BadUserInput("must not be less than min", field=f"{field}.max")
    return replace(salary, currency=currency)


def _check_applied_at(value: datetime | None, now: datetime, field: str) -> datetime | None:
    checked = _instant(value, field)
    if checked is not None and checked > now + APPLIED_AT_SLACK:
        raise BadUserInput("cannot be in the future", field=field)
    return checked


def _instant(value: datetime | None, field: str) -> datetime | None:
    """`value` in UTC; an instant without a UTC offset is ambiguous, so BAD_USER_INPUT."""
    if value is None:
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        raise BadUserInput("must include a UTC offset, e.g. 2031-03-10T09:00:00+01:00", field=field)
    return value.astimezone(UTC)


def _source_detail(value: str | None) -> str | None:
    return validation.optional_text(value, "sourceDetail", max_length=MAX_SOURCE_DETAIL_LENGTH)


def _priority(value: int | None, field: str) -> int | None:
    if value is not None and not MIN_PRIORITY <= value <= MAX_PRIORITY:
        raise BadUserInput(f"must be between {MIN_PRIORITY} and {MAX_PRIORITY}", field=field)
    return value


def normalise_tags(tags: Sequence[str] | None, field: str) -> tuple[str, ...]:
    """`tags` trimmed, lower-cased and without repeats, in the order first given (None: no tags).

    At most MAX_TAGS of at most MAX_TAG_LENGTH characters each, none empty, no control characters (the
    store separates tags with a line break).
    """
    normalised: list[str] = []
    for tag in tags or ():
        cleaned = tag.strip().lower()
        if not cleaned:
            raise BadUserInput("a tag must not be empty", field=field)
        if len(cleaned) > MAX_TAG_LENGTH:
            raise BadUserInput(f"a tag must be at most {MAX_TAG_LENGTH} characters", field=field)
        if control_character_in(cleaned) is not None:
            raise BadUserInput("a tag must not contain control characters", field=field)
        if cleaned not in normalised:
            normalised.append(cleaned)
    if len(normalised) > MAX_TAGS:
        raise BadUserInput(f"at most {MAX_TAGS} tags", field=field)
    return tuple(normalised)


def checked_query(query: ApplicationQuery) -> ApplicationQuery:
    """`query` validated and normalised; BAD_USER_INPUT names the filter field (`filter.createdTo`...)."""
    for lowest, highest, name in (
        (query.created_from, query.created_to, "created"),
        (query.applied_from, query.applied_to, "applied"),
    ):
        lowest = _instant(lowest, f"filter.{name}From")
        highest = _instant(highest, f"filter.{name}To")
        if lowest is not None and highest is not None and lowest > highest:
            raise BadUserInput(f"must not be before {name}From", field=f"filter.{name}To")
    for bound in ("min", "max"):
        _priority(getattr(query, f"{bound}_priority"), f"filter.{bound}Priority")
        amount = getattr(query, f"salary_{bound}")
        if amount is not None and not 0 <= amount <= MAX_SALARY:
            raise BadUserInput(f"must be between 0 and {MAX_SALARY}", field=f"filter.salary{bound.title()}")
    if (
        query.min_priority is not None
        and query.max_priority is not None
        and query.min_priority > query.max_priority
    ):
        raise BadUserInput("must not be less than minPriority", field="filter.maxPriority")
    if query.salary_min is not None and query.salary_max is not None and query.salary_min > query.salary_max:
        raise BadUserInput("must not be less than salaryMin", field="filter.salaryMax")
    currency = query.salary_currency
    if currency is not None:
        currency = currency.strip().upper()
        if not _CURRENCY.match(currency):
            raise BadUserInput(
                "must be a three-letter ISO 4217 code such as EUR", field="filter.salaryCurrency"
            )
    return replace(
        query,
        search=validation.optional_text(query.search, "filter.search", max_length=MAX_SEARCH_LENGTH),
        location=validation.optional_text(query.location, "filter.location", max_length=MAX_NAME_LENGTH),
        created_from=_instant(query.created_from, "filter.createdFrom"),
        created_to=_instant(query.created_to, "filter.createdTo"),
        applied_from=_instant(query.applied_from, "filter.appliedFrom"),
        applied_to=_instant(query.applied_to, "filter.appliedTo"),
        tags=normalise_tags(query.tags, "filter.tags"),
        salary_currency=currency,
    )


def _bulk_ids(application_ids: Sequence[str]) -> list[str]:
    """The ids of a bulk mutation without repeats, in the order given; over MAX_BULK_IDS is BAD_USER_INPUT."""
    if len(application_ids) > MAX_BULK_IDS:
        raise BadUserInput(f"at most {MAX_BULK_IDS} ids at a time", field="ids")
    return list(dict.fromkeys(application_ids))
