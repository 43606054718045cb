"""Calendar months and weeks in a time zone, and counting sorted instants into them."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo

from subgraphs.analytics.models import Count

# perMonth never lists more than ten years of months (the longest range allowed).
MAX_MONTHS = 121


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
    """Epoch seconds of the start of `day` in `zone` (the first instant of the day, even across a DST gap)."""
    return datetime.combine(day, time(), tzinfo=zone).timestamp()


def count_months(sent: Sequence[float], first: date, last: date, zone: tzinfo) -> list[Count]:
    """How many of the ascending `sent` instants fall in each month from `first` to `last` (first days),
    zeros included; `first` is moved forward so at most MAX_MONTHS are listed."""
    months = [first]
    while months[-1] < last:
        months.append(next_month(months[-1]))
    months = months[-MAX_MONTHS:]
    bounds = [midnight(month, zone) for month in [*months, next_month(months[-1])]]
    return [
        Count(month.strftime("%Y-%m"), _between(sent, bounds[index], bounds[index + 1]))
        for index, month in enumerate(months)
    ]


def count_weeks(sent: Sequence[float], last: date, weeks: int, zone: tzinfo) -> list[Count]:
    """How many of the ascending `sent` instants fall in each of the `weeks` weeks ending with the one
    starting on Monday `last`, oldest first; each labelled by its Monday (ISO date)."""
    mondays = [last - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    bounds = [midnight(monday, zone) for monday in [*mondays, last + timedelta(weeks=1)]]
    return [
        Count(monday.isoformat(), _between(sent, bounds[index], bounds[index + 1]))
        for index, monday in enumerate(mondays)
    ]


def _between(sent: Sequence[float], start: float, end: float) -> int:
    return bisect_left(sent, end) - bisect_left(sent, start)
