"""Greedy composition: the benchmark baseline and the warm start of the exact solver.

Pins first, then registrants with the fewest options first take their best open group
with room; groups left under their minimum size are cancelled one at a time (smallest
first) and their members re-routed; finally a local pass moves people to better choices.
Every returned assignment satisfies all hard constraints.

This module must never import Django nor OR-Tools (it must work without the solver).
"""

from __future__ import annotations

import math
import time
from collections import Counter

from .explain import build
from .model import Composition, CompositionError, Group, Registrant
from .validate import Instance, prepare


class _Greedy:
    def __init__(self, inst: Instance):
        self.inst = inst
        self.assign: list[int | None] = [None] * inst.n
        self.size: Counter[int] = Counter()
        self.per_inst: Counter[tuple[int, str]] = Counter()
        self.closed: set[int] = set()
        self.pinned_groups = {j for j in inst.pinned if j is not None}

    def fits(self, i: int, j: int) -> bool:
        g = self.inst.groups[j]
        if j in self.closed or self.size[j] >= g.max_size:
            return False
        key = self.inst.institution[i]
        return key is None or self.per_inst[(j, key)] < g.max_per_institution

    def put(self, i: int, j: int | None) -> None:
        old = self.assign[i]
        key = self.inst.institution[i]
        if old is not None:
            self.size[old] -= 1
            if key is not None:
                self.per_inst[(old, key)] -= 1
        self.assign[i] = j
        if j is not None:
            self.size[j] += 1
            if key is not None:
                self.per_inst[(j, key)] += 1

    def order(self) -> list[int]:
        free = [i for i in range(self.inst.n) if self.inst.pinned[i] is None]
        return sorted(free, key=lambda i: (len(self.inst.eligible[i]), i))

    def place_unplaced(self) -> None:
        for i in self.order():
            if self.assign[i] is None:
                for j, _rank in self.inst.eligible[i]:
                    if self.fits(i, j):
                        self.put(i, j)
                        break

    def can_leave(self, j: int) -> bool:
        """Someone may leave j if it keeps its minimum, or if j simply becomes empty."""
        left = self.size[j] - 1
        return left >= self.inst.groups[j].min_size or (left == 0 and j not in self.pinned_groups)

    def fill_pinned_group(self, j: int) -> None:
        """Pull registrants who listed j (unplaced first, then movable ones) up to min."""
        g = self.inst.groups[j]
        candidates = [i for i in self.order() if any(jj == j for jj, _ in self.inst.eligible[i])]
        candidates.sort(key=lambda i: self.assign[i] is not None)
        for i in candidates:
            if self.size[j] >= g.min_size:
                return
            current = self.assign[i]
            if current == j or not self.fits(i, j):
                continue
            if current is None or (current not in self.pinned_groups and self.can_leave(current)):
                self.put(i, j)
        if self.size[j] < g.min_size:
            raise CompositionError(
                f"Group '{g.id}' has pinned registrants but cannot reach its minimum size "
                f"{g.min_size} (greedy found {self.size[j]})"
            )

    def improve(self) -> None:
        """Move people to a better-ranked choice when it has room and nobody suffers."""
        changed = True
        while changed:
            changed = False
            for i in self.order():
                current = self.assign[i]
                if current is None:
                    continue
                for j, _rank in self.inst.eligible[i]:
                    if j == current:
                        break
                    if self.size[j] > 0 and self.fits(i, j) and self.can_leave(current):
                        self.put(i, j)
                        changed = True
                        break

    def run(self) -> list[int | None]:
        for i, j in enumerate(self.inst.pinned):
            if j is not None:
                self.put(i, j)
        self.place_unplaced()
        while True:
            under = [
                j
                for j in range(len(self.inst.groups))
                if j not in self.closed
                and j not in self.pinned_groups
                and 0 < self.size[j] < self.inst.groups[j].min_size
            ]
            if not under:
                break
            worst = min(under, key=lambda j: (self.size[j] / self.inst.groups[j].min_size, j))
            self.closed.add(worst)
            for i in range(self.inst.n):
                if self.assign[i] == worst:
                    self.put(i, None)
            self.place_unplaced()
        for j in sorted(self.pinned_groups):
            self.fill_pinned_group(j)
        self.improve()
        self.place_unplaced()
        return self.assign


def greedy_assign(inst: Instance) -> list[int | None]:
    """Raw greedy assignment (registrant index -> group index or None)."""
    return _Greedy(inst).run()


def compose_greedy(registrants: list[Registrant], groups: list[Group]) -> Composition:
    """Greedy baseline with the same output structure as ``compose`` (no bound: NaN gap)."""
    start = time.perf_counter()
    inst = prepare(registrants, groups)
    assign = greedy_assign(inst)
    return build(
        inst,
        assign,
        status="GREEDY",
        method="greedy",
        bound=math.nan,
        solve_time=time.perf_counter() - start,
    )
