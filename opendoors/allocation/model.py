"""Plain data of the allocation engine: slots, wishes, rules and the result.

This module must never import Django nor any solver; it only describes the problem.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class AllocationError(ValueError):
    """A problem in the input (unknown slot, bad time, duplicate wish...), with a clear reason."""


@dataclass(frozen=True)
class Slot:
    """One visit slot: ``start``/``end`` are minutes since midnight on ``day``."""

    id: str
    service: str
    day: dt.date
    start: int
    end: int
    municipality: str
    capacity: int


@dataclass(frozen=True)
class Wish:
    """A professional wants a slot; rank 1 is the most wanted."""

    professional: str
    slot: str
    rank: int


@dataclass(frozen=True)
class Rules:
    #: At most this many visits per professional.
    max_per_person: int = 3
    #: Minutes needed between two visits of one person in different municipalities.
    travel_minutes: int = 30
    #: Optional cap on visitors per service over all its slots (service id -> max).
    max_per_service: dict[str, int] = field(default_factory=dict)


@dataclass
class Allocation:
    #: (professional, slot) pairs granted.
    assignment: list[tuple[str, str]]
    #: "OPTIMAL" when every stage was proven optimal, "FEASIBLE" when a time limit cut one.
    status: str
    professionals: int = 0
    served: int = 0
    wishes: int = 0
    wishes_met: int = 0
    first_choices: int = 0
    rank_sum: int = 0
    seconds: float = 0.0

    def by_professional(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for person, slot in self.assignment:
            result.setdefault(person, []).append(slot)
        return result

    def summary(self) -> str:
        return (
            f"{self.served}/{self.professionals} professionals served, "
            f"{self.wishes_met}/{self.wishes} wishes met, "
            f"{self.first_choices} first choices, solver status {self.status} "
            f"({self.seconds:.2f} s)"
        )


def figures(
    slots: dict[str, Slot], wishes: list[Wish], assignment: list[tuple[str, str]], status: str
) -> Allocation:
    """The figures of an assignment (served, wishes met, first choices, rank sum)."""
    rank = {(w.professional, w.slot): w.rank for w in wishes}
    granted = set(assignment)
    people = {w.professional for w in wishes}
    return Allocation(
        assignment=sorted(granted),
        status=status,
        professionals=len(people),
        served=len({p for p, _ in granted}),
        wishes=len(wishes),
        wishes_met=len(granted),
        first_choices=sum(1 for pair in granted if rank.get(pair) == 1),
        rank_sum=sum(rank.get(pair, 0) for pair in granted),
    )
