"""Belgian closure calendar used to schedule intervision sessions in Brussels.

What it is for: answering "should a group avoid meeting on this date, and
why?" by combining

* Belgian (federal) public holidays, which apply to every group, and
* school holidays of the communities a group cares about: ``"fr"`` (French
  Community / Fédération Wallonie-Bruxelles, reformed calendar since
  2022-2023), ``"nl"`` (Flemish Community, classic calendar) and ``"de"``
  (German-speaking Community),
* plus ad-hoc closures supplied by the caller (pedagogical days, strikes...).

The dates come from the ``holidays`` package (>= 0.109), whose ``Belgium``
class implements the official rules for the ``PUBLIC`` category and, per
community subdivision, the ``SCHOOL`` category (Besluit van de Vlaamse
Regering van 17 april 1991; décret de la Communauté française du 31 mars
2022). Rules, sources and verified years are listed in ``docs/scheduling.md``.

What it must never do: import Django, touch a database or reach the network.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays as holidays_lib
from holidays.constants import PUBLIC, SCHOOL

from . import SchedulingError

#: Community code -> subdivision name in ``holidays.Belgium``.
COMMUNITIES: dict[str, str] = {"fr": "French", "nl": "Flemish", "de": "German"}

PUBLIC_HOLIDAY = "public"
SCHOOL_HOLIDAY = "school"
EXTRA_CLOSURE = "extra"

if SCHOOL not in holidays_lib.Belgium.supported_categories:  # pragma: no cover
    raise ImportError(
        "intervisions.scheduling needs a 'holidays' release with Belgian school "
        f"holidays (>= 0.109); found {holidays_lib.__version__}."
    )

# Names are requested in English; the Django layer translates by ``kind`` and
# shows ``name`` as supplementary information.
_LANGUAGE = "en_US"


@dataclass(frozen=True, order=True)
class Closure:
    """One reason why a date is unsuitable for a session."""

    day: date
    kind: str  # PUBLIC_HOLIDAY, SCHOOL_HOLIDAY or EXTRA_CLOSURE
    name: str  # English name, e.g. "Armistice Day", "Autumn Break"
    community: str | None = None  # "fr" / "nl" / "de" for school holidays

    def describe(self) -> str:
        if self.kind == PUBLIC_HOLIDAY:
            return f"{self.name} (public holiday)"
        if self.kind == SCHOOL_HOLIDAY:
            return f"{self.name} ({(self.community or '').upper()} school holidays)"
        return self.name


def normalize_communities(communities: Iterable[str] | str | None) -> tuple[str, ...]:
    """Validate community codes; return them lower-cased, de-duplicated, in order."""
    if communities is None:
        return ()
    if isinstance(communities, str):
        communities = (communities,)
    result: list[str] = []
    for raw in communities:
        code = str(raw).strip().lower()
        if code not in COMMUNITIES:
            raise SchedulingError(
                "unknown_community",
                f"Unknown community {raw!r}; expected one of {', '.join(COMMUNITIES)}.",
                {"community": raw, "allowed": tuple(COMMUNITIES)},
            )
        if code not in result:
            result.append(code)
    return tuple(result)


@lru_cache(maxsize=64)
def _public_year(year: int) -> dict[date, tuple[str, ...]]:
    found = holidays_lib.country_holidays(
        "BE", years=year, categories=(PUBLIC,), language=_LANGUAGE
    )
    return {day: tuple(found.get_list(day)) for day in found}


@lru_cache(maxsize=256)
def _school_year(community: str, year: int) -> dict[date, tuple[str, ...]]:
    found = holidays_lib.country_holidays(
        "BE",
        subdiv=COMMUNITIES[community],
        years=year,
        categories=(SCHOOL,),
        language=_LANGUAGE,
    )
    return {day: tuple(found.get_list(day)) for day in found}


def public_holidays(year: int) -> dict[date, str]:
    """Belgian public holidays of a calendar year, as ``{date: English name}``."""
    return {day: "; ".join(names) for day, names in sorted(_public_year(year).items())}


def school_holidays(community: str, year: int) -> dict[date, str]:
    """School holidays (incl. weekends inside breaks) of one community and calendar year."""
    (code,) = normalize_communities((community,))
    return {day: "; ".join(names) for day, names in sorted(_school_year(code, year).items())}


class ClosureCalendar:
    """Closures for a group: public holidays + chosen communities + extra dates.

    ``extra_closures`` is either an iterable of dates or a mapping
    ``{date: label}`` (the label is shown in explanations).
    """

    def __init__(
        self,
        communities: Iterable[str] | str | None = ("fr", "nl"),
        extra_closures: Iterable[date] | Mapping[date, str] = (),
    ):
        self.communities = normalize_communities(communities)
        if isinstance(extra_closures, Mapping):
            extras = dict(extra_closures)
        else:
            extras = dict.fromkeys(extra_closures, "Extra closure")
        for day in extras:
            if not isinstance(day, date):
                raise SchedulingError(
                    "invalid_closure",
                    f"Extra closures must be dates, got {day!r}.",
                    {"value": day},
                )
        self.extra_closures: dict[date, str] = {_as_date(d): label for d, label in extras.items()}

    def closures(self, day: date) -> tuple[Closure, ...]:
        """All reasons why ``day`` is closed; empty tuple if it is free."""
        day = _as_date(day)
        found: list[Closure] = []
        public_names = _public_year(day.year).get(day, ())
        found.extend(Closure(day, PUBLIC_HOLIDAY, name) for name in public_names)
        seen = set(public_names)
        for community in self.communities:
            for name in _school_year(community, day.year).get(day, ()):
                # Public holidays are repeated in the school lists; keep one entry.
                if name not in seen:
                    found.append(Closure(day, SCHOOL_HOLIDAY, name, community))
        if day in self.extra_closures:
            found.append(Closure(day, EXTRA_CLOSURE, self.extra_closures[day]))
        return tuple(found)

    def is_closed(self, day: date) -> bool:
        return bool(self.closures(day))

    def closed_days(self, start: date, end: date) -> dict[date, tuple[Closure, ...]]:
        """Every closed date between ``start`` and ``end`` (inclusive)."""
        result: dict[date, tuple[Closure, ...]] = {}
        day = _as_date(start)
        while day <= end:
            reasons = self.closures(day)
            if reasons:
                result[day] = reasons
            day += timedelta(days=1)
        return result


def _as_date(value: date) -> date:
    # datetime is a subclass of date; compare and hash on the calendar day only.
    return date(value.year, value.month, value.day)
