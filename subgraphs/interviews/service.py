"""Interview use cases: validate, load, change and commit, with the matching event in the same transaction."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.interviews.events import (
    CancelReason,
    EventRecorder,
    InterviewCancelled,
    InterviewScheduled,
    InterviewUpdated,
)
from subgraphs.interviews.models import (
    KEEP,
    Interview,
    InterviewQuery,
    InterviewType,
    KnownApplication,
    ScheduleInterview,
    StartsAtKey,
    UpdateInterview,
    idempotency_keys,
    interviews_table,
    known_applications_table,
)
from subgraphs.interviews.store import InterviewStore, SqlInterviewStore
from subgraphs.kit import validation
from subgraphs.kit.erasure import erase_outbox, erase_rows, is_erased, remember_erased
from subgraphs.kit.errors import BadUserInput, Conflict, NotFound, Unauthenticated

MIN_DURATION_MINUTES = 1
# A day: longer than any interview loop; anything beyond is a typo (minutes vs hours).
MAX_DURATION_MINUTES = 1440
MAX_LOCATION_LENGTH = 500
MAX_DETAILS_LENGTH = 10_000
MAX_UPCOMING = 100
# An unconfirmed claim older than this is dropped with its interviews (`drop_stale_claims`): its application
# never appeared, so it was a mistyped id. Far longer than any broker outage we plan for.
CLAIM_TTL = timedelta(days=7)


def utc_now() -> datetime:
    """The current instant, timezone-aware UTC."""
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class InterviewPage:
    """One page of `interviews`: the items, whether more follow, and how many match in total."""

    items: list[Interview]
    has_next_page: bool
    total_count: int


class InterviewService:
    """The interview use cases; every read and write is scoped to the calling user (`user_id`)."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        record: EventRecorder,
        *,
        clock: Callable[[], datetime] = utc_now,
        store: Callable[[AsyncSession], InterviewStore] = SqlInterviewStore,
    ) -> None:
        # `record` writes an event to the outbox inside the session it is given, i.e. in the same
        # transaction as the change (DESIGN.md, Events).
        self._sessions = sessions
        self._record = record
        self._clock = clock
        self._store = store

    async def schedule(self, user_id: str, command: ScheduleInterview) -> Interview:
        """Schedule an interview for one of the caller's applications and record `interview.scheduled`.

        No wait on the projection, which only the broker updates: an application id this subgraph has not
        heard of yet (created during a broker outage, or a moment ago) is claimed for the caller and the
        interview accepted; `application_created` later confirms the claim or, if the application is
        someone else's, cancels the claimant's interviews. An id known to be someone else's or deleted — or
        claimed by someone else, or not a UUID at all — is NOT_FOUND on `applicationId`, so ids of other
        people's applications cannot be probed.
        """
        _check_starts_at(command.starts_at, "startsAt")
        _check_duration(command.duration_minutes, "durationMinutes")
        location = _clean_location(command.location, command.type, "location")
        meeting_url = _clean_meeting_url(command.meeting_url, command.type, "meetingUrl")
        details = _clean_details(command.details, "details")
        async with self._sessions.begin() as session:
            if await is_erased(session, user_id):
                # A deleted account's access token stays valid for minutes: it must not claim or write again.
                raise Unauthenticated("this account was deleted")
            store = self._store(session)
            known = await store.lock_application(command.application_id)
            now = self._clock()
            if known is None and _is_uuid(command.application_id):
                claim = KnownApplication(command.application_id, user_id, claimed_at=now)
                await store.remember_application(claim)
            elif known is None or known.owner_id != user_id or known.deleted:
                raise NotFound("application not found", field="applicationId")
            interview = Interview(
                id=str(uuid.uuid4()),
                owner_id=user_id,
                application_id=command.application_id,
                starts_at=command.starts_at.astimezone(UTC),
                duration_minutes=command.duration_minutes,
                type=command.type,
                location=location,
                meeting_url=meeting_url,
                details=details,
                created_at=now,
                updated_at=now,
            )
            await store.add(interview)
            await self._record(session, InterviewScheduled(interview))
        return interview

    async def update(self, user_id: str, interview_id: str, changes: UpdateInterview) -> Interview:
        """Apply `changes` to the caller's interview and record `interview.updated` (if anything changed).

        Changing `type` clears `location` / `meetingUrl` when they no longer apply and the update does not
        set them; setting one that does not apply to the resulting type is BAD_USER_INPUT.
        """
        async with self._sessions.begin() as session:
            store = self._store(session)
            current = await store.get(user_id, interview_id)
            if current is None:
                raise NotFound("interview not found", field="id")
            if current.cancelled:
                raise Conflict("a cancelled interview cannot be changed", field="id")
            changed = _apply(current, changes)
            if changed == current:
                return current
            changed = replace(changed, updated_at=self._clock())
            await store.update(changed)
            await self._record(session, InterviewUpdated(changed, previous=current))
        return changed

    async def cancel(self, user_id: str, interview_id: str) -> Interview:
        """Cancel the caller's interview (it stays readable) and record `interview.cancelled`."""
        async with self._sessions.begin() as session:
            store = self._store(session)
            current = await store.get(user_id, interview_id)
            if current is None:
                raise NotFound("interview not found", field="id")
            if current.cancelled:
                raise Conflict("the interview is already cancelled", field="id")
            now = self._clock()
            cancelled = replace(current, cancelled_at=now, updated_at=now)
            await store.update(cancelled)
            await self._record(session, InterviewCancelled(cancelled, reason=CancelReason.CANCELLED))
        return cancelled

    async def get(self, user_id: str, interview_id: str) -> Interview | None:
        """The caller's interview, or None (also for someone else's)."""
        async with self._sessions.begin() as session:
            return await self._store(session).get(user_id, interview_id)

    async def get_many(self, user_id: str, interview_ids: Sequence[str]) -> list[Interview | None]:
        """The caller's interviews for each id in order, None where absent or someone else's (one query)."""
        async with self._sessions.begin() as session:
            found = await self._store(session).get_many(user_id, interview_ids)
        by_id = {interview.id: interview for interview in found}
        return [by_id.get(interview_id) for interview_id in interview_ids]

    async def find(
        self, user_id: str, query: InterviewQuery, first: int, after: StartsAtKey | None
    ) -> InterviewPage:
        """A page of the caller's interviews matching `query`, by start time ascending.

        `first` is assumed already checked by the pagination helper; one extra row tells whether more follow.
        """
        if query.starts_from and query.starts_before and query.starts_before < query.starts_from:
            raise BadUserInput("`to` must not be before `from`", field="filter.to")
        async with self._sessions.begin() as session:
            store = self._store(session)
            rows = await store.page(user_id, query, after, first + 1)
            total = await store.count(user_id, query)
        return InterviewPage(items=rows[:first], has_next_page=len(rows) > first, total_count=total)

    async def upcoming(self, user_id: str, first: int) -> list[Interview]:
        """The caller's next `first` interviews that are not cancelled and start now or later."""
        if not 1 <= first <= MAX_UPCOMING:
            raise BadUserInput(f"`first` must be between 1 and {MAX_UPCOMING}", field="first")
        async with self._sessions.begin() as session:
            return await self._store(session).upcoming(user_id, self._clock(), first)

    async def for_applications(self, user_id: str, application_ids: Sequence[str]) -> list[list[Interview]]:
        """The caller's interviews of each application, in the order of `application_ids` (one query)."""
        async with self._sessions.begin() as session:
            found = await self._store(session).for_applications(user_id, application_ids)
        grouped: dict[str, list[Interview]] = defaultdict(list)
        for interview in found:
            grouped[interview.application_id].append(interview)
        return [grouped.get(application_id, []) for application_id in application_ids]

    async def owned_applications(self, user_id: str, application_ids: Sequence[str]) -> list[bool]:
        """For each id, whether it is an application of the caller that is not deleted (one query)."""
        async with self._sessions.begin() as session:
            known = await self._store(session).known_applications(application_ids)
        owned = {item.id for item in known if item.owner_id == user_id and not item.deleted}
        return [application_id in owned for application_id in application_ids]

    async def application_created(
        self, application_id: str, owner_id: str, *, session: AsyncSession | None = None
    ) -> None:
        """Learn that `owner_id` owns `application_id` (from `application.created`); idempotent.

        A claim by `owner_id` becomes confirmed. A claim by anyone else is overruled: the claimant's
        interviews of it are deleted and announced as `interview.cancelled` (reason `application_deleted`:
        for the claimant the application is gone), and the row becomes `owner_id`'s. A tombstone stays.

        With `session`, the change joins that transaction (an event handler's, which also records the event
        as processed); otherwise it commits on its own.
        """
        async with self._unit(session) as active:
            store = self._store(active)
            known = await store.lock_application(application_id)
            if known is None:
                await store.remember_application(KnownApplication(application_id, owner_id))
                return
            if not known.claimed:
                return
            if known.owner_id != owner_id:
                await self._drop_interviews(active, application_id)
            await store.confirm_application(application_id, owner_id)

    async def drop_stale_claims(self) -> int:
        """Forget claims older than `CLAIM_TTL` that no `application.created` confirmed, deleting their
        interviews (announced as cancelled); returns how many claims went. Run periodically by the app."""
        async with self._sessions.begin() as session:
            store = self._store(session)
            stale = await store.claims_before(self._clock() - CLAIM_TTL)
            for claim in stale:
                await self._drop_interviews(session, claim.id)
                await store.drop_application(claim.id)
        return len(stale)

    async def application_deleted(
        self, application_id: str, owner_id: str, *, session: AsyncSession | None = None
    ) -> list[Interview]:
        """Forget a deleted application and delete its interviews (from `application.deleted`); idempotent.

        Each deleted interview that was still on is announced as `interview.cancelled` (reason
        `application_deleted`) so reminders stop. The tombstone stays, so a late `application.created`
        cannot revive the application. Returns the interviews deleted. `session` as for
        `application_created`.
        """
        async with self._unit(session) as active:
            store = self._store(active)
            now = self._clock()
            await store.forget_application(KnownApplication(application_id, owner_id, deleted_at=now))
            return await self._drop_interviews(active, application_id)

    async def erase_owner(self, user_id: str, *, session: AsyncSession) -> None:
        """`user.deleted`: delete the person's interviews (no `interview.cancelled`: notifications erases
        the person's reminders itself), their applications in the projection and their events still in the
        outbox, and remember the id so late application events are dropped."""
        owned = [interviews_table.c.owner_id, known_applications_table.c.owner_id, idempotency_keys.c.owner]
        await erase_rows(session, user_id, owned)
        await erase_outbox(session, user_id)
        await remember_erased(session, user_id)

    async def _drop_interviews(self, session: AsyncSession, application_id: str) -> list[Interview]:
        """Delete the application's interviews, announcing each one still on as cancelled."""
        now = self._clock()
        deleted = await self._store(session).delete_for_application(application_id)
        for interview in deleted:
            if not interview.cancelled:
                cancelled = replace(interview, cancelled_at=now, updated_at=now)
                await self._record(
                    session, InterviewCancelled(cancelled, reason=CancelReason.APPLICATION_DELETED)
                )
        return deleted

    @asynccontextmanager
    async def _unit(self, session: AsyncSession | None) -> AsyncIterator[AsyncSession]:
        """The caller's transaction if it brought one, else a new one that commits on success."""
        if session is not None:
            yield session
            return
        async with self._sessions.begin() as own:
            yield own


def _apply(current: Interview, changes: UpdateInterview) -> Interview:
    """The interview after `changes`, validated; raises BadUserInput naming the offending input field."""
    starts_at = current.starts_at
    if changes.starts_at is not KEEP:
        if changes.starts_at is None:
            raise BadUserInput("startsAt cannot be cleared", field="startsAt")
        _check_starts_at(changes.starts_at, "startsAt")
        starts_at = changes.starts_at.astimezone(UTC)
    duration = current.duration_minutes
    if changes.duration_minutes is not KEEP:
        if changes.duration_minutes is None:
            raise BadUserInput("durationMinutes cannot be cleared", field="durationMinutes")
        _check_duration(changes.duration_minutes, "durationMinutes")
        duration = changes.duration_minutes
    kind = current.type
    if changes.type is not KEEP:
        if changes.type is None:
            raise BadUserInput("type cannot be cleared", field="type")
        kind = changes.type
    location = current.location if kind is InterviewType.ONSITE else None
    if changes.location is not KEEP:
        location = _clean_location(changes.location, kind, "location")
    meeting_url = current.meeting_url if kind is InterviewType.ONLINE else None
    if changes.meeting_url is not KEEP:
        meeting_url = _clean_meeting_url(changes.meeting_url, kind, "meetingUrl")
    details = current.details
    if changes.details is not KEEP:
        details = _clean_details(changes.details, "details")
    return replace(
        current,
        starts_at=starts_at,
        duration_minutes=duration,
        type=kind,
        location=location,
        meeting_url=meeting_url,
        details=details,
    )


def _is_uuid(value: str) -> bool:
    # Applications are identified by UUIDs; anything else can never be confirmed, so it is not claimed.
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _check_starts_at(value: datetime, field: str) -> None:
    # A wall-clock time without an offset means different instants to the client and to the reminder job.
    if value.tzinfo is None or value.utcoffset() is None:
        raise BadUserInput("must include a UTC offset, e.g. 2031-03-10T09:00:00+01:00", field=field)


def _check_duration(value: int, field: str) -> None:
    if not MIN_DURATION_MINUTES <= value <= MAX_DURATION_MINUTES:
        raise BadUserInput(
            f"must be between {MIN_DURATION_MINUTES} and {MAX_DURATION_MINUTES} minutes", field=field
        )


def _clean_location(value: str | None, kind: InterviewType, field: str) -> str | None:
    location = validation.optional_text(value, field, max_length=MAX_LOCATION_LENGTH)
    if location is not None and kind is not InterviewType.ONSITE:
        raise BadUserInput("only ONSITE interviews have a location", field=field)
    return location


def _clean_meeting_url(value: str | None, kind: InterviewType, field: str) -> str | None:
    url = validation.optional_url(value, field)
    if url is not None and kind is not InterviewType.ONLINE:
        raise BadUserInput("only ONLINE interviews have a meeting URL", field=field)
    return url


def _clean_details(value: str | None, field: str) -> str | None:
    return validation.optional_text(value, field, max_length=MAX_DETAILS_LENGTH)
