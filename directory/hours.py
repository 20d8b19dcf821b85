"""Opening hours as text, both ways (pure Python, no Django import).

One line per day or day range, several ranges a day separated by commas, in French, Dutch or
English day names (three first letters are enough):

    lundi-vendredi 9:00-12:00, 13:30-17:00
    woensdag 14u-18u

``parse_ranges`` returns (weekday 0-6, opens, closes) triples or raises HoursError with the line
number; ``format_ranges`` writes them back, grouping identical days.
"""

import datetime
import re

DAY_PREFIXES = {
    **{p: i for i, p in enumerate(["lun", "mar", "mer", "jeu", "ven", "sam", "dim"])},
    **{p: i for i, p in enumerate(["maa", "din", "woe", "don", "vri", "zat", "zon"])},
    **{p: i for i, p in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])},
}
DAY_NAMES = {
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
_TIME = r"(\d{1,2})\s*(?:[:hu.]\s*(\d{2})?)?"
_RANGE = re.compile(_TIME + r"\s*[-–à]\s*" + _TIME)


class HoursError(ValueError):
    def __init__(self, line: int, text: str):
        self.line, self.text = line, text
        super().__init__(f"line {line}: {text!r}")


def _day(word: str) -> int | None:
    return DAY_PREFIXES.get(word.strip().lower()[:3])


def _time(hour: str, minute: str | None) -> datetime.time:
    return datetime.time(int(hour), int(minute or 0))


def parse_ranges(text: str) -> list[tuple[int, datetime.time, datetime.time]]:
    ranges = []
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = re.match(r"([^\d]+?)\s*(?:[-–]\s*([^\d\s]+))?\s+(?=\d)", line)
        if not match:
            raise HoursError(number, raw)
        first, last = _day(match.group(1)), _day(match.group(2)) if match.group(2) else None
        if first is None or (match.group(2) and last is None):
            raise HoursError(number, raw)
        days = list(range(first, (last if last is not None else first) + 1))
        times = line[match.end() :]
        found = list(_RANGE.finditer(times))
        if not found or not days:
            raise HoursError(number, raw)
        for found_range in found:
            try:
                opens = _time(found_range.group(1), found_range.group(2))
                closes = _time(found_range.group(3), found_range.group(4))
            except ValueError:
                raise HoursError(number, raw) from None
            if opens >= closes:
                raise HoursError(number, raw)
            ranges += [(day, opens, closes) for day in days]
    return sorted(set(ranges))


def format_ranges(ranges, language: str = "fr") -> str:
    names = DAY_NAMES.get(language, DAY_NAMES["fr"])
    by_day: dict[int, list] = {}
    for day, opens, closes in sorted(ranges):
        by_day.setdefault(day, []).append(f"{opens:%H:%M}-{closes:%H:%M}")
    lines, day_list = [], sorted(by_day)
    i = 0
    while i < len(day_list):
        j = i
        while (
            j + 1 < len(day_list)
            and day_list[j + 1] == day_list[j] + 1
            and by_day[day_list[j + 1]] == by_day[day_list[i]]
        ):
            j += 1
        label = names[day_list[i]] if i == j else f"{names[day_list[i]]}-{names[day_list[j]]}"
        lines.append(f"{label} {', '.join(by_day[day_list[i]])}")
        i = j + 1
    return "\n".join(lines)
