"""Waiting time in working hours: weekdays 9:00-17:00 (the helpdesk's opening hours), Belgian
public holidays excluded. Pure Python (``holidays``), no Django import; times are local."""

import datetime as dt
from functools import lru_cache

import holidays

OPEN = dt.time(9, 0)
CLOSE = dt.time(17, 0)
HOURS_PER_DAY = 8.0


@lru_cache(maxsize=32)
def _holidays(year: int):
    return holidays.country_holidays("BE", years=year)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def working_hours(start: dt.datetime, end: dt.datetime) -> float:
    """Working hours between two naive local datetimes (0 when end <= start)."""
    if end <= start:
        return 0.0
    total = 0.0
    day = start.date()
    while day <= end.date():
        if is_working_day(day):
            opens = dt.datetime.combine(day, OPEN)
            closes = dt.datetime.combine(day, CLOSE)
            lo, hi = max(start, opens), min(end, closes)
            if hi > lo:
                total += (hi - lo).total_seconds() / 3600
        day += dt.timedelta(days=1)
    return round(total, 2)
