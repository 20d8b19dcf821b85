"""Host rotation and presenters' rota for an intervision cycle.

What it is for: given the session dates of a group,

* :func:`host_rotation` picks which participant institution hosts each session
  (itinerant groups): an institution hosts at most once, hosted sessions are
  spread over the year, consecutive hosts alternate sectors when sectors are
  known, pinned hosts are kept, and sessions left without a candidate get
  ``None`` (the coordinator then books a neutral venue);
* :func:`presenter_rota` gives every participant exactly one session to
  present a situation, spread evenly over the year, keeping fixed choices;
* :func:`swap_presenters` exchanges the sessions of two presenters.

Everything is deterministic: the same input (and ``seed``) gives the same
output. Ids are opaque hashables (database primary keys, UUIDs...).

What it must never do: import Django, touch a database or reach the network.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from . import SchedulingError

Rota = dict[date, list[Hashable]]


@dataclass(frozen=True)
class Candidate:
    """An institution that could host the group.

    ``registrant_ids`` are the group members from this institution: an
    institution with no member left in the group is never chosen (pinning it
    explicitly is still allowed). ``sector`` (optional, free text such as
    "psychiatry" or "housing") is used to alternate sectors between sessions.
    """

    institution_id: Hashable
    registrant_ids: tuple[Hashable, ...] = ()
    can_host: bool = True
    sector: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "registrant_ids", tuple(self.registrant_ids))

    @property
    def eligible(self) -> bool:
        return bool(self.can_host and self.registrant_ids)


def host_rotation(
    session_dates: Iterable[date],
    candidates: Iterable[Candidate],
    *,
    seed: int = 0,
    pinned: Mapping[date, Hashable | None] | None = None,
) -> dict[date, Hashable | None]:
    """Map each session date (chronological order) to a host institution id or ``None``.

    ``pinned`` fixes hosts chosen beforehand (``None`` = neutral venue on
    purpose). As many free sessions as possible get a host; when there are
    fewer hosts than sessions, hosted sessions are spread evenly.
    """
    dates = _session_list(session_dates)
    pinned = dict(pinned or {})
    _check_known_sessions(pinned, dates)
    pinned_hosts = [host for host in pinned.values() if host is not None]
    repeated = sorted({repr(h) for h in pinned_hosts if pinned_hosts.count(h) > 1})
    if repeated:
        raise SchedulingError(
            "host_pinned_twice",
            f"An institution can host only once; pinned more than once: {', '.join(repeated)}.",
            {"institutions": tuple(repeated)},
        )

    by_id: dict[Hashable, Candidate] = {}
    for candidate in candidates:
        if candidate.institution_id in by_id:
            raise SchedulingError(
                "duplicate_candidate",
                f"Institution {candidate.institution_id!r} is listed twice as host candidate.",
                {"institution": candidate.institution_id},
            )
        by_id[candidate.institution_id] = candidate

    taken = set(pinned_hosts)
    pool = [c for c in by_id.values() if c.eligible and c.institution_id not in taken]
    free = [day for day in dates if day not in pinned]
    hosted = {free[i] for i in _spread(len(free), min(len(free), len(pool)))}

    rng = random.Random(seed)
    rng.shuffle(pool)
    groups: dict[Hashable, deque[Candidate]] = {}
    for candidate in pool:
        groups.setdefault(_sector_key(candidate, candidate.institution_id), deque()).append(
            candidate
        )
    rank = {key: i for i, key in enumerate(groups)}  # seeded, via the shuffle above

    result: dict[date, Hashable | None] = {}
    previous: Hashable | None = None
    for day in dates:
        if day in pinned:
            host = pinned[day]
        elif day in hosted:
            available = [key for key, group in groups.items() if group]
            preferred = [key for key in available if key != previous] or available
            key = max(preferred, key=lambda k: (len(groups[k]), -rank[k]))
            host = groups[key].popleft().institution_id
        else:
            host = None
        result[day] = host
        if host is not None:
            previous = _sector_key(by_id.get(host), host)
    return result


def presenter_rota(
    session_dates: Iterable[date],
    participant_ids: Iterable[Hashable],
    *,
    per_session: int | None = None,
    fixed: Mapping[Hashable, date] | None = None,
) -> Rota:
    """Map each session date to the participants presenting that day.

    Every participant presents exactly once. Sessions get as equal a number of
    presenters as possible (at most ``per_session`` if given), spread over
    the year; the first session is the first left without presenter.
    ``fixed`` maps a participant to the session they already chose. Raises
    ``SchedulingError`` ("rota_over_capacity") when everyone cannot fit, or
    ("session_over_capacity") when fixed choices exceed ``per_session``.
    """
    dates = _session_list(session_dates)
    participants = list(participant_ids)
    repeated = sorted({repr(p) for p in participants if participants.count(p) > 1})
    if repeated:
        raise SchedulingError(
            "duplicate_participant",
            f"Participants listed more than once: {', '.join(repeated)}.",
            {"participants": tuple(repeated)},
        )
    fixed = dict(fixed or {})
    known = set(participants)
    for participant in fixed:
        if participant not in known:
            raise SchedulingError(
                "unknown_participant",
                f"Participant {participant!r} is not in the group.",
                {"participant": participant},
            )
    _check_known_sessions(dict.fromkeys(fixed.values()), dates)

    total, sessions = len(participants), len(dates)
    if per_session is not None and (
        isinstance(per_session, bool) or not isinstance(per_session, int) or per_session < 1
    ):
        raise SchedulingError(
            "invalid_per_session",
            f"Presenters per session must be a positive integer, got {per_session!r}.",
            {"per_session": per_session},
        )
    capacity = per_session if per_session is not None else -(-total // max(sessions, 1))
    if total > capacity * sessions:
        raise SchedulingError(
            "rota_over_capacity",
            f"{total} participants cannot each present once in {sessions} sessions "
            f"with at most {capacity} presenter(s) per session.",
            {"participants": total, "sessions": sessions, "per_session": capacity},
        )

    index = {day: i for i, day in enumerate(dates)}
    fixed_count = [0] * sessions
    for day in fixed.values():
        fixed_count[index[day]] += 1
    for i, n in enumerate(fixed_count):
        # Without an explicit per_session, fixed choices are always accepted.
        if per_session is not None and n > per_session:
            raise SchedulingError(
                "session_over_capacity",
                f"{n} presenters are fixed on {dates[i].isoformat()}; the maximum is {per_session}.",
                {"session": dates[i], "fixed": n, "per_session": per_session},
            )

    quotas = [max(q, f) for q, f in zip(_even_quotas(total, sessions), fixed_count, strict=True)]
    for _ in range(sum(quotas) - total):  # fixed choices overfilled some sessions
        reducible = [i for i in range(sessions) if quotas[i] > fixed_count[i]]
        quotas[max(reducible, key=lambda i: (quotas[i], i))] -= 1

    rota: Rota = {day: [p for p in participants if fixed.get(p) == day] for day in dates}
    queue = deque(p for p in participants if p not in fixed)
    for i, day in enumerate(dates):
        for _ in range(quotas[i] - fixed_count[i]):
            rota[day].append(queue.popleft())
    return rota


def swap_presenters(rota: Mapping[date, Iterable[Hashable]], a: Hashable, b: Hashable) -> Rota:
    """Return a new rota where presenters ``a`` and ``b`` exchanged sessions.

    The input is not modified. Raises ``SchedulingError`` ("presenter_not_found"
    or "presenter_ambiguous") if either is absent or appears more than once.
    """
    copy: Rota = {day: list(ids) for day, ids in rota.items()}
    for person in (a, b):
        found = sum(ids.count(person) for ids in copy.values())
        if found == 0:
            raise SchedulingError(
                "presenter_not_found",
                f"{person!r} is not in the presenters' rota.",
                {"participant": person},
            )
        if found > 1:
            raise SchedulingError(
                "presenter_ambiguous",
                f"{person!r} presents more than once; swap by hand.",
                {"participant": person},
            )
    day_a = next(day for day, ids in copy.items() if a in ids)
    day_b = next(day for day, ids in copy.items() if b in ids)
    if day_a == day_b:
        return copy
    copy[day_a] = [b if p == a else p for p in copy[day_a]]
    copy[day_b] = [a if p == b else p for p in copy[day_b]]
    return copy


def _session_list(session_dates: Iterable[date]) -> list[date]:
    dates = list(session_dates)
    for day in dates:
        if not isinstance(day, date):
            raise SchedulingError(
                "invalid_session", f"Session dates must be dates, got {day!r}.", {"value": day}
            )
    if len(set(dates)) != len(dates):
        raise SchedulingError(
            "duplicate_session", "The same session date is listed twice.", {"sessions": dates}
        )
    return sorted(dates)


def _check_known_sessions(by_date: Mapping[date, object], dates: list[date]) -> None:
    unknown = sorted(set(by_date) - set(dates), key=str)
    if unknown:
        listed = ", ".join(str(day) for day in unknown)
        raise SchedulingError(
            "unknown_session",
            f"Not a session of this cycle: {listed}.",
            {"sessions": tuple(unknown)},
        )


def _sector_key(candidate: Candidate | None, institution_id: Hashable) -> Hashable:
    sector = candidate.sector if candidate is not None else None
    if isinstance(sector, str):
        sector = sector.strip().casefold()
    if sector is not None and sector != "":
        return ("sector", sector)
    return ("institution", institution_id)  # unknown sector: never "the same" as another


def _spread(total: int, k: int) -> list[int]:
    """``k`` distinct indices in ``range(total)``, evenly spaced (centred)."""
    return [(2 * i + 1) * total // (2 * k) for i in range(k)]


def _even_quotas(total: int, sessions: int) -> list[int]:
    """Split ``total`` over ``sessions`` slots, sizes differing by at most one, spread."""
    return [(i + 1) * total // sessions - i * total // sessions for i in range(sessions)]
