"""Tests for intervisions.scheduling (pure Python: no Django, no database).

Run with: ``.venv/bin/python -m pytest intervisions/tests/test_scheduling.py -p no:django``
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervisions.scheduling import (
    Candidate,
    ClosureCalendar,
    SchedulingError,
    generate_sessions,
    host_rotation,
    plan_sessions,
    presenter_rota,
    swap_presenters,
)
from intervisions.scheduling.holidays import public_holidays, school_holidays

D = date.fromisoformat
MON, TUE, WED, THU, FRI = range(5)
CYCLE_2025 = (D("2025-10-01"), D("2026-06-30"))


def test_package_does_not_import_django():
    code = "import sys, intervisions.scheduling; assert 'django' not in sys.modules"
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=root
    )
    assert done.returncode == 0, done.stderr


# --- holidays -----------------------------------------------------------------

# Official break dates (first and last day off, weekends included).
# FR 2024-25 and 2025-26: enseignement.be calendars as republished by schools;
# FR 2026-27: décret du 31 mars 2022 rule (2026-2029 calendar on enseignement.be);
# NL: Besluit van de Vlaamse Regering van 17 april 1991, art. 4-5 (vlaanderen.be).
OFFICIAL_BREAKS = [
    ("fr", "2024-10-21", "2024-11-03"),
    ("fr", "2024-12-23", "2025-01-05"),
    ("fr", "2025-02-24", "2025-03-09"),
    ("fr", "2025-04-28", "2025-05-11"),
    ("fr", "2025-07-05", "2025-08-24"),
    ("fr", "2025-10-20", "2025-11-02"),
    ("fr", "2025-12-22", "2026-01-04"),
    ("fr", "2026-02-16", "2026-03-01"),
    ("fr", "2026-04-27", "2026-05-10"),
    ("fr", "2026-07-04", "2026-08-23"),
    ("fr", "2026-10-19", "2026-11-02"),  # 1 Nov 2026 is a Sunday: 2 Nov off too
    ("fr", "2026-12-21", "2027-01-03"),
    ("fr", "2027-02-22", "2027-03-07"),
    ("fr", "2027-04-26", "2027-05-09"),
    ("nl", "2024-10-28", "2024-11-03"),
    ("nl", "2024-12-23", "2025-01-05"),
    ("nl", "2025-03-03", "2025-03-09"),
    ("nl", "2025-04-07", "2025-04-21"),  # Easter on 20 April: ends on Easter Monday
    ("nl", "2025-07-01", "2025-08-31"),
    ("nl", "2025-10-27", "2025-11-02"),
    ("nl", "2025-12-22", "2026-01-04"),
    ("nl", "2026-02-16", "2026-02-22"),
    ("nl", "2026-04-06", "2026-04-19"),
    ("nl", "2026-07-01", "2026-08-31"),
    ("nl", "2026-11-02", "2026-11-08"),  # 1 Nov 2026 is a Sunday: starts 2 Nov
    ("nl", "2026-12-21", "2027-01-03"),
    ("nl", "2027-02-08", "2027-02-14"),
    ("nl", "2027-03-29", "2027-04-11"),  # Easter in March: starts Easter Monday
    ("nl", "2027-07-01", "2027-08-31"),
]


def _is_school_off(community: str, day: date) -> bool:
    return day in school_holidays(community, day.year)


@pytest.mark.parametrize(("community", "first", "last"), OFFICIAL_BREAKS)
def test_official_school_breaks(community, first, last):
    first, last = D(first), D(last)
    day = first
    while day <= last:
        assert _is_school_off(community, day), day
        day += timedelta(days=1)
    before = first - timedelta(days=3 if first.weekday() == MON else 1)
    assert not _is_school_off(community, before), before
    after = last + timedelta(days=1)
    assert not _is_school_off(community, after), after


@pytest.mark.parametrize(
    "day",
    ["2025-11-11", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2025-12-25"],
)
def test_public_holidays(day):
    assert D(day) in public_holidays(D(day).year)


def test_communities_do_not_leak():
    fr, nl = ClosureCalendar(("fr",)), ClosureCalendar(("nl",))
    assert nl.is_closed(D("2026-04-07")) and not fr.is_closed(D("2026-04-07"))
    assert fr.is_closed(D("2026-04-28")) and not nl.is_closed(D("2026-04-28"))
    assert not ClosureCalendar(()).is_closed(D("2026-04-07"))
    assert D("2025-12-26") not in public_holidays(2025)  # bank holiday only


def test_unknown_community():
    with pytest.raises(SchedulingError) as info:
        ClosureCalendar(("en",))
    assert info.value.code == "unknown_community"


# --- calendar ------------------------------------------------------------------


def test_second_tuesday_shifts_away_from_armistice():
    schedule = plan_sessions(*CYCLE_2025, TUE, 9, week_of_month=2, communities=())
    assert D("2025-11-11") not in schedule.sessions
    assert D("2025-11-18") in schedule.sessions
    (adjustment,) = [a for a in schedule.adjustments if a.month == 11]
    assert adjustment.code == "session_shifted"
    assert "Armistice Day" in adjustment.describe()


def test_easter_monday_and_school_holidays_per_community():
    args = (D("2026-04-01"), D("2026-04-30"), MON, 1)
    assert generate_sessions(*args, week_of_month=1, communities=()) == [D("2026-04-13")]
    assert generate_sessions(*args, week_of_month=1, communities=("fr",)) == [D("2026-04-13")]
    assert generate_sessions(*args, week_of_month=1, communities=("nl",)) == [D("2026-04-20")]


def test_fr_group_ignores_flemish_holidays_and_vice_versa():
    args = (D("2026-04-01"), D("2026-05-31"), TUE, 2)
    assert generate_sessions(*args, week_of_month=1, communities="fr") == [
        D("2026-04-07"),
        D("2026-05-12"),  # 5 May: FR spring break
    ]
    assert generate_sessions(*args, week_of_month=1, communities="nl") == [
        D("2026-04-21"),  # 7 and 14 April: NL Easter break
        D("2026-05-05"),
    ]


def test_month_skipped_when_no_free_weekday():
    schedule = plan_sessions(*CYCLE_2025, MON, 7, week_of_month=3)
    assert [(a.year, a.month, a.code) for a in schedule.adjustments] == [
        (2025, 10, "month_skipped"),
        (2026, 2, "month_skipped"),
    ]
    assert "Carnival Break" in schedule.explain()[1]
    with pytest.raises(SchedulingError) as info:
        generate_sessions(*CYCLE_2025, MON, 8, week_of_month=3)
    assert info.value.code == "not_enough_slots"
    assert info.value.params["available"] == 7
    assert info.value.params["skipped_months"] == ((2025, 10), (2026, 2))


def test_start_after_the_monthly_slot_skips_that_month():
    schedule = plan_sessions(D("2025-10-15"), CYCLE_2025[1], TUE, 8, week_of_month=2)
    assert schedule.sessions[0] == D("2025-11-18")
    assert schedule.explain()[0].startswith("October 2025 skipped")
    assert "before the start" in schedule.explain()[0]


def test_extra_closures_and_too_many_sessions():
    sessions = generate_sessions(*CYCLE_2025, THU, 9, week_of_month=2)
    assert len(sessions) == 9
    moved = generate_sessions(
        *CYCLE_2025, THU, 9, week_of_month=2, extra_closures={sessions[0]: "Study day"}
    )
    assert moved[0] == sessions[0] + timedelta(days=7)
    with pytest.raises(SchedulingError) as info:
        generate_sessions(*CYCLE_2025, THU, 10)
    assert info.value.code == "not_enough_slots"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"weekday": 7}, "invalid_weekday"),
        ({"count": 0}, "invalid_count"),
        ({"week_of_month": 5}, "invalid_week_of_month"),
        ({"start": D("2026-07-01")}, "invalid_range"),
        ({"communities": ("fr", "xx")}, "unknown_community"),
    ],
)
def test_invalid_calendar_input(kwargs, code):
    args = {"start": CYCLE_2025[0], "end": CYCLE_2025[1], "weekday": TUE, "count": 3}
    args.update(kwargs)
    with pytest.raises(SchedulingError) as info:
        generate_sessions(**args)
    assert info.value.code == code


@settings(max_examples=60, deadline=None)
@given(
    year=st.sampled_from([2024, 2025, 2026]),
    weekday=st.integers(0, 4),
    week_of_month=st.sampled_from([None, 1, 2, 3, 4, -1]),
    communities=st.sets(st.sampled_from(["fr", "nl", "de"])),
    count=st.integers(1, 10),
)
def test_calendar_properties(year, weekday, week_of_month, communities, count):
    start, end = date(year, 10, 1), date(year + 1, 6, 30)
    closures = ClosureCalendar(communities)
    try:
        schedule = plan_sessions(
            start, end, weekday, count, week_of_month=week_of_month, communities=communities
        )
    except SchedulingError as error:
        assert error.code == "not_enough_slots"
        assert error.params["available"] < count
        return
    sessions = schedule.sessions
    assert len(sessions) == count
    assert list(sessions) == sorted(sessions)
    assert len({(d.year, d.month) for d in sessions}) == count
    for day in sessions:
        assert start <= day <= end and day.weekday() == weekday
        assert not closures.is_closed(day)
    shifted = {a.scheduled for a in schedule.adjustments if a.scheduled}
    for day in sessions:
        if week_of_month == -1 and day not in shifted:
            assert (day + timedelta(days=7)).month != day.month
        elif week_of_month and day not in shifted:
            assert (day.day - 1) // 7 + 1 == week_of_month


# --- host rotation --------------------------------------------------------------

SESSIONS = generate_sessions(*CYCLE_2025, TUE, 9, week_of_month=2)


@settings(max_examples=200, deadline=None)
@given(
    n_sessions=st.integers(0, 12),
    specs=st.lists(
        st.tuples(st.booleans(), st.integers(0, 2), st.sampled_from([None, "a", "b", "c"])),
        max_size=15,
    ),
    pin_mask=st.lists(st.booleans(), min_size=12, max_size=12),
    seed=st.integers(0, 5),
)
def test_host_rotation_properties(n_sessions, specs, pin_mask, seed):
    dates = [date(2025, 10, 7) + timedelta(weeks=4 * i) for i in range(n_sessions)]
    candidates = [
        Candidate(i, tuple(range(n)), can_host, sector)
        for i, (can_host, n, sector) in enumerate(specs)
    ]
    pinned = {d: 100 + i for i, d in enumerate(dates) if pin_mask[i] and i % 3 == 0}
    result = host_rotation(dates, candidates, seed=seed, pinned=pinned)
    assert list(result) == dates
    hosts = [h for h in result.values() if h is not None]
    assert len(hosts) == len(set(hosts))  # nobody hosts twice
    assert all(result[d] == h for d, h in pinned.items())
    eligible = {c.institution_id for c in candidates if c.can_host and c.registrant_ids}
    chosen = [h for d, h in result.items() if d not in pinned and h is not None]
    assert set(chosen) <= eligible
    assert len(chosen) == min(len(dates) - len(pinned), len(eligible))
    assert result == host_rotation(dates, candidates, seed=seed, pinned=pinned)


def test_hosts_alternate_sectors_and_spread_over_the_year():
    candidates = [Candidate(i, (i,), True, "abc"[i % 3]) for i in range(9)]
    result = host_rotation(SESSIONS, candidates)
    sectors = [candidates[h].sector for h in result.values()]
    assert all(a != b for a, b in pairwise(sectors))
    few = host_rotation(SESSIONS, candidates[:3])
    hosted = [i for i, h in enumerate(few.values()) if h is not None]
    assert hosted == [1, 4, 7]  # evenly spread, not bunched at the start


def test_pinned_hosts_and_errors():
    candidates = [Candidate(i, (i,)) for i in range(3)] + [Candidate(9, (), True)]
    result = host_rotation(SESSIONS[:4], candidates, pinned={SESSIONS[0]: 2, SESSIONS[1]: None})
    assert result[SESSIONS[0]] == 2 and result[SESSIONS[1]] is None
    assert sorted(result[d] for d in SESSIONS[2:4]) == [0, 1]  # 9 has no member left
    for kwargs, code in [
        ({"pinned": {D("2030-01-01"): 1}}, "unknown_session"),
        ({"pinned": {SESSIONS[0]: 1, SESSIONS[1]: 1}}, "host_pinned_twice"),
    ]:
        with pytest.raises(SchedulingError) as info:
            host_rotation(SESSIONS, candidates, **kwargs)
        assert info.value.code == code
    with pytest.raises(SchedulingError) as info:
        host_rotation(SESSIONS, candidates + [Candidate(0, (5,))])
    assert info.value.code == "duplicate_candidate"


# --- presenters ------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    n_sessions=st.integers(1, 12),
    n_people=st.integers(0, 30),
    fix=st.lists(st.tuples(st.integers(0, 29), st.integers(0, 11)), max_size=5),
)
def test_presenter_rota_properties(n_sessions, n_people, fix):
    dates = [date(2025, 10, 7) + timedelta(weeks=4 * i) for i in range(n_sessions)]
    fixed = {p: dates[s % n_sessions] for p, s in fix if p < n_people}
    rota = presenter_rota(dates, range(n_people), fixed=fixed)
    presenters = [p for ids in rota.values() for p in ids]
    assert sorted(presenters) == list(range(n_people))  # everyone exactly once
    assert all(p in rota[d] for p, d in fixed.items())
    if not fixed:
        sizes = [len(ids) for ids in rota.values()]
        assert max(sizes) - min(sizes) <= 1


def test_presenter_rota_spread_cap_and_errors():
    rota = presenter_rota(SESSIONS, "abcdef")
    assert [len(ids) for ids in rota.values()] == [0, 1, 1, 0, 1, 1, 0, 1, 1]
    assert max(len(ids) for ids in presenter_rota(SESSIONS, range(18), per_session=3).values()) == 2
    with pytest.raises(SchedulingError) as info:
        presenter_rota(SESSIONS, range(19), per_session=2)
    assert info.value.code == "rota_over_capacity"
    for kwargs, code in [
        ({"fixed": {"z": SESSIONS[0]}}, "unknown_participant"),
        ({"fixed": {"a": D("2030-01-01")}}, "unknown_session"),
        (
            {"fixed": {"a": SESSIONS[0], "b": SESSIONS[0]}, "per_session": 1},
            "session_over_capacity",
        ),
    ]:
        with pytest.raises(SchedulingError) as info:
            presenter_rota(SESSIONS, "abc", **kwargs)
        assert info.value.code == code
    fixed = presenter_rota(SESSIONS, "abc", fixed={"a": SESSIONS[0], "b": SESSIONS[0]})
    assert fixed[SESSIONS[0]] == ["a", "b"] and sum(map(len, fixed.values())) == 3


def test_swap_presenters():
    rota = presenter_rota(SESSIONS, "abcdefghi")
    swapped = swap_presenters(rota, "a", "i")
    assert swapped[SESSIONS[0]] == ["i"] and swapped[SESSIONS[-1]] == ["a"]
    assert rota[SESSIONS[0]] == ["a"]  # input untouched
    assert swap_presenters(swapped, "a", "i") == rota
    for missing in (("a", "zz"), ("zz", "a")):
        with pytest.raises(SchedulingError) as info:
            swap_presenters(rota, *missing)
        assert info.value.code == "presenter_not_found"
        assert "zz" in str(info.value)
