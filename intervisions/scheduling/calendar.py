"""Monthly session dates for an intervision cycle.

What it is for: turning a group's fixed slot ("2nd Tuesday", or just
"Tuesday") into one concrete date per month, from the month of ``start``
until ``count`` sessions are planned, while avoiding Belgian public holidays,
the school holidays of the group's communities and any extra closures.

Rules (see ``docs/scheduling.md``):

* natural date of a month = the ``week_of_month``-th ``weekday`` of the month
  (``-1`` = last), or the first ``weekday`` on/after ``start`` when
  ``week_of_month`` is ``None``;
* if the natural date is closed, the session shifts to the next open same
  weekday *in the same month*; if there is none the month is skipped;
* a natural date before ``start`` or after ``end`` is not shifted: the month
  is skipped (a "2nd Tuesday" group does not silently become "3rd Tuesday");
* if fewer than ``count`` sessions fit, :class:`SchedulingError` with code
  ``"not_enough_slots"`` is raised.

What it must never do: import Django, touch a database or reach the network.
Times of day are out of scope here: a date is either free or closed.
"""

from __future__ import annotations

import calendar as stdlib_calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from . import SchedulingError
from .holidays import Closure, ClosureCalendar

WEEKDAY_NAMES = tuple(stdlib_calendar.day_name)  # Monday .. Sunday, English
_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", -1: "last"}

SHIFTED = "session_shifted"
SKIPPED = "month_skipped"
CLOSED = "closed"
BEFORE_START = "before_start"
AFTER_END = "after_end"


@dataclass(frozen=True)
class BlockedDate:
    """A candidate date that was rejected, with the reasons."""

    day: date
    reason: str  # CLOSED, BEFORE_START or AFTER_END
    closures: tuple[Closure, ...] = ()

    def describe(self) -> str:
        if self.reason == BEFORE_START:
            return f"{self.day.isoformat()}: before the start of the cycle"
        if self.reason == AFTER_END:
            return f"{self.day.isoformat()}: after the end of the cycle"
        return f"{self.day.isoformat()}: " + ", ".join(c.describe() for c in self.closures)


@dataclass(frozen=True)
class Adjustment:
    """A month whose natural date could not be used (shifted or skipped)."""

    year: int
    month: int
    natural: date
    scheduled: date | None  # the shifted date, None when the month is skipped
    blocked: tuple[BlockedDate, ...]

    @property
    def code(self) -> str:
        return SHIFTED if self.scheduled else SKIPPED

    def describe(self) -> str:
        why = "; ".join(b.describe() for b in self.blocked)
        if self.scheduled:
            return f"{self.natural.isoformat()} moved to {self.scheduled.isoformat()} ({why})"
        label = f"{stdlib_calendar.month_name[self.month]} {self.year}"
        return f"{label} skipped: no free date ({why})"


@dataclass(frozen=True)
class Schedule:
    """Result of :func:`plan_sessions`: the dates plus why some moved."""

    sessions: tuple[date, ...]
    adjustments: tuple[Adjustment, ...]

    def explain(self) -> list[str]:
        """One English sentence per shifted or skipped month."""
        return [adjustment.describe() for adjustment in self.adjustments]


def describe_slot(weekday: int, week_of_month: int | None = None) -> str:
    """E.g. ``"2nd Tuesday"`` or ``"Tuesday"``."""
    name = WEEKDAY_NAMES[weekday]
    return f"{_ORDINALS[week_of_month]} {name}" if week_of_month else name


def plan_sessions(
    start: date,
    end: date,
    weekday: int,
    count: int,
    *,
    week_of_month: int | None = None,
    communities: Iterable[str] | str | None = ("fr", "nl"),
    extra_closures: Iterable[date] | Mapping[date, str] = (),
) -> Schedule:
    """Plan ``count`` monthly sessions between ``start`` and ``end`` (inclusive).

    ``weekday`` follows :meth:`date.weekday` (0 = Monday). ``week_of_month`` is
    1-4, -1 (last) or ``None`` (first suitable weekday of the month).
    """
    _validate(start, end, weekday, count, week_of_month)
    start, end = (date(d.year, d.month, d.day) for d in (start, end))  # drop any time part
    closures = ClosureCalendar(communities, extra_closures)
    sessions: list[date] = []
    adjustments: list[Adjustment] = []
    year, month = start.year, start.month
    while len(sessions) < count and date(year, month, 1) <= end:
        natural = _natural_date(year, month, weekday, week_of_month, start)
        scheduled, blocked = _first_open(natural, start, end, closures)
        if scheduled:
            sessions.append(scheduled)
        if blocked:
            adjustments.append(Adjustment(year, month, natural, scheduled, tuple(blocked)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    if len(sessions) < count:
        skipped = [a for a in adjustments if a.scheduled is None]
        months = ", ".join(f"{a.year}-{a.month:02d}" for a in skipped) or "none"
        raise SchedulingError(
            "not_enough_slots",
            f"Only {len(sessions)} of {count} sessions fit on the "
            f"{describe_slot(weekday, week_of_month)} between {start.isoformat()} "
            f"and {end.isoformat()} (months skipped: {months}).",
            {
                "count": count,
                "available": len(sessions),
                "start": start,
                "end": end,
                "sessions": tuple(sessions),
                "skipped_months": tuple((a.year, a.month) for a in skipped),
            },
        )
    return Schedule(tuple(sessions), tuple(adjustments))


def generate_sessions(
    start: date,
    end: date,
    weekday: int,
    count: int,
    *,
    week_of_month: int | None = None,
    communities: Iterable[str] | str | None = ("fr", "nl"),
    extra_closures: Iterable[date] | Mapping[date, str] = (),
) -> list[date]:
    """Session dates only; use :func:`plan_sessions` for the explanations."""
    schedule = plan_sessions(
        start,
        end,
        weekday,
        count,
        week_of_month=week_of_month,
        communities=communities,
        extra_closures=extra_closures,
    )
    return list(schedule.sessions)


def _validate(start: date, end: date, weekday: int, count: int, week_of_month: int | None) -> None:
    if not isinstance(start, date) or not isinstance(end, date) or start > end:
        raise SchedulingError(
            "invalid_range",
            f"The cycle must start on or before its end ({start} > {end}).",
            {"start": start, "end": end},
        )
    if isinstance(weekday, bool) or weekday not in range(7):
        raise SchedulingError(
            "invalid_weekday",
            f"Weekday must be 0 (Monday) to 6 (Sunday), got {weekday!r}.",
            {"weekday": weekday},
        )
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise SchedulingError(
            "invalid_count",
            f"The number of sessions must be a positive integer, got {count!r}.",
            {"count": count},
        )
    if week_of_month is not None and week_of_month not in _ORDINALS:
        raise SchedulingError(
            "invalid_week_of_month",
            f"Week of month must be 1-4, -1 (last) or None, got {week_of_month!r}.",
            {"week_of_month": week_of_month},
        )


def _natural_date(
    year: int, month: int, weekday: int, week_of_month: int | None, start: date
) -> date:
    first = date(year, month, 1)
    first_match = first + timedelta(days=(weekday - first.weekday()) % 7)
    if week_of_month is None:
        step = timedelta(days=7)
        # In the start month: first match on/after start (or the last one before it).
        while first_match < start and (first_match + step).month == month:
            first_match += step
        return first_match
    if week_of_month > 0:
        return first_match + timedelta(days=7 * (week_of_month - 1))
    last = date(year, month, stdlib_calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _first_open(
    natural: date, start: date, end: date, closures: ClosureCalendar
) -> tuple[date | None, list[BlockedDate]]:
    """First open date from ``natural`` on, same weekday and month; plus rejects."""
    if natural < start:
        return None, [BlockedDate(natural, BEFORE_START)]
    blocked: list[BlockedDate] = []
    day = natural
    while day.month == natural.month:
        if day > end:
            blocked.append(BlockedDate(day, AFTER_END))
            break
        reasons = closures.closures(day)
        if not reasons:
            return day, blocked
        blocked.append(BlockedDate(day, CLOSED, reasons))
        day += timedelta(days=7)
    return None, blocked
