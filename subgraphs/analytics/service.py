"""Analytics use cases: apply an application event to the projection, and compute a person's numbers."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from subgraphs.analytics import periods
from subgraphs.analytics.categories import FAMILIES
from subgraphs.analytics.facts import facts_of
from subgraphs.analytics.models import (
    FUNNEL,
    STATUSES,
    Analytics,
    AnalyticsRange,
    ApplicationChange,
    Count,
    FunnelStep,
    StatusDuration,
    Totals,
)
from subgraphs.analytics.periods import month_of, week_of
from subgraphs.analytics.store import AnalyticsStore, SqlAnalyticsStore
from subgraphs.kit.erasure import erase_outbox, remember_erased
from subgraphs.kit.errors import BadUserInput

# "More than 10 years" is refused: ten years, leap days included, is at most 3,653 days.
MAX_RANGE = timedelta(days=3653)
MAX_WEEKS = 104
MAX_TIME_ZONE_LENGTH = 64
# Computed answers kept per process (a few KiB each).
CACHE_SIZE = 2048
SECONDS_PER_DAY = 86_400.0


def utc_now() -> datetime:
    """The current instant, timezone-aware UTC."""
    return datetime.now(UTC)


class AnalyticsService:
    """The analytics use cases; reads are scoped to the person asking, writes come only from events."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        clock: Callable[[], datetime] = utc_now,
        store: Callable[[AsyncSession], AnalyticsStore] = SqlAnalyticsStore,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._store = store
        # (owner, their version, what was counted) → the store's answer; an entry is never stale, since a
        # change bumps the version in its key (every replica reads the version from the database).
        self._computed: OrderedDict[tuple[object, ...], object] = OrderedDict()

    async def apply(self, change: ApplicationChange, *, session: AsyncSession) -> None:
        """Apply one application event in the caller's transaction (the consumer's, with its dedup row).

        Order-proof: fields change only when the event's version (`updatedAt`) is not older than the one
        already applied, timeline entries are a set, and a deletion is final — so any order, duplicate or
        redelivery of the same events ends in the same projection.
        """
        store = self._store(session)
        current = await store.lock(change.application_id, change.owner_id)
        if current.deleted:
            return
        await store.bump_version(current.owner_id)
        if change.deleted:
            await store.save(replace(current, deleted_at=change.occurred_at or self._clock()))
            await store.drop_timeline(current.id)
            await store.save_facts(current.id, None)
            return
        if change.version is not None and (current.version is None or change.version >= current.version):
            current = replace(current, **change.fields, version=change.version)  # type: ignore[arg-type]
            await store.save(current)
        await store.add_timeline(current.id, change.timeline)
        await store.save_facts(current.id, facts_of(current, await store.timeline(current.id)))

    async def erase_owner(self, owner_id: str, *, session: AsyncSession) -> None:
        """`user.deleted`: delete the person's projection (applications, timelines, version) and what this
        replica computed for them, and remember the id so late application events are dropped. Other
        replicas' cached numbers for the person are never read again (nobody can sign in as them) and
        leave their LRU cache in time."""
        await self._store(session).erase_owner(owner_id)
        await erase_outbox(session, owner_id)
        await remember_erased(session, owner_id)
        for key in [key for key in self._computed if key[0] == owner_id]:
            del self._computed[key]

    async def analytics(self, owner_id: str, period: AnalyticsRange) -> Analytics:
        """The owner's numbers for the applications sent in `period` (see the schema for each one)."""
        now = self._clock()
        async with self._sessions.begin() as session:
            store = self._store(session)
            version = await store.version(owner_id)
            totals = await self._remembered(
                (owner_id, version, period.start, period.end),
                lambda: store.totals(owner_id, period.start, period.end),
            )
            assert isinstance(totals, Totals)
            spans = _months(totals.first_sent, period, now)
            months = await self._counted(store, owner_id, version, spans)
        return _shape(owner_id, totals, months, period, now)

    async def _counted(
        self, store: AnalyticsStore, owner_id: str, version: int, spans: list[periods.Span]
    ) -> list[Count]:
        counts = await self._remembered(
            (owner_id, version, *spans), lambda: store.count_sent(owner_id, spans)
        )
        assert isinstance(counts, list)
        return [Count(span.label, count) for span, count in zip(spans, counts, strict=True)]

    async def _remembered(self, key: tuple[object, ...], compute: Callable[[], Awaitable[object]]) -> object:
        """The answer for `key`, computed on first use; the least recently used go past CACHE_SIZE."""
        if key in self._computed:
            self._computed.move_to_end(key)
            return self._computed[key]
        value = await compute()
        self._computed[key] = value
        if len(self._computed) > CACHE_SIZE:
            self._computed.popitem(last=False)
        return value

    async def weekly(self, analytics: Analytics, weeks: int) -> list[Count]:
        """Applications sent in each of the last `weeks` weeks (Monday to Sunday in the range's time zone)
        up to the week of `to` (or now), oldest first, zeros included; the range's `from` does not cut it."""
        if not 1 <= weeks <= MAX_WEEKS:
            raise BadUserInput(f"must be between 1 and {MAX_WEEKS}", field="weeks")
        period = analytics.range
        spans = periods.weeks(week_of(_last_instant(period, analytics.now), period.zone), weeks, period.zone)
        async with self._sessions.begin() as session:
            store = self._store(session)
            version = await store.version(analytics.owner_id)
            return await self._counted(store, analytics.owner_id, version, spans)

    async def wipe(self, owner_id: str | None = None) -> int:
        """Forget the projection (of `owner_id`, or everyone's) before a replay; tombstones stay."""
        async with self._sessions.begin() as session:
            store = self._store(session)
            await store.bump_version(owner_id)
            return await store.wipe(owner_id)

    def period(self, start: datetime | None, end: datetime | None, time_zone: str | None) -> AnalyticsRange:
        """The validated range: a known IANA time zone (default UTC), times without an offset read in it,
        `from` before `to`, at most ten years (an open `to` is now)."""
        name = (time_zone or "UTC").strip()
        try:
            if not name or len(name) > MAX_TIME_ZONE_LENGTH:
                raise ValueError(name)
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise BadUserInput(
                "is not a known IANA time zone such as Europe/Lisbon", field="timeZone"
            ) from None
        start = _aware(start, zone)
        end = _aware(end, zone)
        if start is not None and end is not None and start >= end:
            raise BadUserInput("must be after from", field="to")
        if start is not None and (end or self._clock()) - start > MAX_RANGE:
            raise BadUserInput("the range may cover at most 10 years", field="from")
        return AnalyticsRange(start=start, end=end, zone=zone, zone_name=name)


def _shape(
    owner_id: str, totals: Totals, per_month: list[Count], period: AnalyticsRange, now: datetime
) -> Analytics:
    applied = totals.reached[0]
    return Analytics(
        total=totals.total,
        per_month=per_month,
        by_status=[Count(status.value, totals.by_status[status]) for status in STATUSES],
        by_position=[Count(family, totals.by_position.get(family, 0)) for family in FAMILIES],
        by_location=[
            Count(label, count)
            for label, count in sorted(totals.by_location.values(), key=lambda pair: (-pair[1], pair[0]))
        ],
        funnel=[
            FunnelStep(status, count, count / applied if applied else None)
            for status, count in zip(FUNNEL, totals.reached, strict=True)
        ],
        response_rate=totals.responded / applied if applied else None,
        median_days_to_response=(
            None
            if totals.median_response_seconds is None
            else totals.median_response_seconds / SECONDS_PER_DAY
        ),
        average_days_in_status=[
            StatusDuration(
                status,
                seconds / number / SECONDS_PER_DAY if number else None,
                number,
            )
            for status, (seconds, number) in totals.stays(now).items()
        ],
        owner_id=owner_id,
        range=period,
        now=now,
    )


def _months(first_sent: float | None, period: AnalyticsRange, now: datetime) -> list[periods.Span]:
    """Every month from `from` (or the first application) to `to` (or now) in the range's time zone, cut
    to the range."""
    last = month_of(_last_instant(period, now), period.zone)
    if period.start is not None:
        first = month_of(period.start, period.zone)
    elif first_sent is not None:
        first = min(month_of(datetime.fromtimestamp(first_sent, UTC), period.zone), last)
    else:
        first = last
    return periods.clipped(periods.months(first, last, period.zone), period.start, period.end)


def _last_instant(period: AnalyticsRange, now: datetime) -> datetime:
    # `to` is exclusive: a range ending at midnight on the 1st does not list that month.
    return period.end - timedelta(microseconds=1) if period.end is not None else now


def _aware(moment: datetime | None, zone: ZoneInfo) -> datetime | None:
    if moment is None or moment.utcoffset() is not None:
        return moment
    return moment.replace(tzinfo=zone)
