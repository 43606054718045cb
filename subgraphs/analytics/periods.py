"""Calendar months and weeks in a time zone, as labelled spans of epoch seconds the store counts in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

# perMonth never lists more than ten years of months (the longest range allowed).
MAX_MONTHS = 121


@dataclass(frozen=True, slots=True)
class Span:
    """[start, end) in epoch seconds, and how it is shown (YYYY-MM, or the Monday of a week)."""

    label: str
    start: float
    end: float


def month_of(moment: datetime, zone: tzinfo) -> date:
    """The first day of the calendar month `moment` falls in, in `zone`."""
    return moment.astimezone(zone).date().replace(day=1)


def week_of(moment: datetime, zone: tzinfo) -> date:
    """The Monday of the ISO week `moment` falls in, in `zone`."""
    day = moment.astimezone(zone).date()
    return day - timedelta(days=day.weekday())


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def midnight(day: date, zone: tzinfo) -> float:
    """Epoch seconds of the start of `day` in `zone`."""
    return datetime.combine(day, time(), tzinfo=zone).timestamp()


def months(first: date, last: date, zone: tzinfo) -> list[Span]:
    """Every month from `first` to `last` (first days), the latest MAX_MONTHS of them."""
    starts = [first]
    while starts[-1] < last:
        starts.append(next_month(starts[-1]))
    starts = starts[-MAX_MONTHS:]
    ends = [*starts[1:], next_month(starts[-1])]
    return [
        Span(start.strftime("%Y-%m"), midnight(start, zone), midnight(end, zone))
        for start, end in zip(starts, ends, strict=True)
    ]


def weeks(last: date, count: int, zone: tzinfo) -> list[Span]:
    """The `count` weeks ending with the one starting on Monday `last`, oldest first."""
    mondays = [last - timedelta(weeks=back) for back in range(count - 1, -1, -1)]
    return [
        Span(monday.isoformat(), midnight(monday, zone), midnight(monday + timedelta(weeks=1), zone))
        for monday in mondays
    ]


def clipped(spans: list[Span], start: datetime | None, end: datetime | None) -> list[Span]:
    """The spans cut to [start, end) (None is open): a partial first or last month counts only the range."""
    low = start.timestamp() if start is not None else None
    high = end.timestamp() if end is not None else None
    return [
        Span(
            span.label,
            span.start if low is None else max(span.start, low),
            span.end if high is None else min(span.end, high),
        )
        for span in spans
    ]
