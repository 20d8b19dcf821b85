"""The allocation of visits by ranked wishes, with OR-Tools CP-SAT, in lexicographic stages:

1. maximise the number of professionals who get at least one visit they asked for;
2. keeping that, maximise the number of wishes met;
3. keeping both, minimise the sum of ranks of the wishes met (a first choice before a third);
4. keeping all three, spread visits fairly: minimise the sum over people of k(k+1)/2 for k
   visits (convex), so that nobody gets three while someone else could get a second.

Hard rules (each one a constraint, re-checked by ``checker.violations`` on the result): slot
capacity, at most N visits per person, never two slots of one service for one person, no two
visits of one person that overlap on one day or, in different municipalities, leave less than
the travel margin between them, optional maximum visitors per service.

This module must never import Django and never returns an assignment that breaks a rule.
"""

from __future__ import annotations

import time
from collections import defaultdict

from ortools.sat.python import cp_model

from .checker import conflicts, violations
from .model import Allocation, AllocationError, Rules, Slot, Wish, figures


def _check_input(slots: dict[str, Slot], wishes: list[Wish]) -> None:
    seen = set()
    for wish in wishes:
        if wish.slot not in slots:
            raise AllocationError(f"wish of {wish.professional}: unknown slot {wish.slot!r}")
        if wish.rank < 1:
            raise AllocationError(f"wish of {wish.professional}: rank must be >= 1")
        key = (wish.professional, wish.slot)
        if key in seen:
            raise AllocationError(f"{wish.professional} wishes slot {wish.slot} twice")
        seen.add(key)


class _Model:
    """The CP-SAT model shared by every stage (stages add a bound, then a new objective)."""

    def __init__(self, slots: dict[str, Slot], wishes: list[Wish], rules: Rules):
        self.model = cp_model.CpModel()
        m = self.model
        self.wishes = wishes
        self.x = {(w.professional, w.slot): m.NewBoolVar("") for w in wishes}
        by_person: dict[str, list[Wish]] = defaultdict(list)
        by_slot: dict[str, list] = defaultdict(list)
        by_service: dict[str, list] = defaultdict(list)
        for w in wishes:
            var = self.x[(w.professional, w.slot)]
            by_person[w.professional].append(w)
            by_slot[w.slot].append(var)
            by_service[slots[w.slot].service].append(var)
        for slot_id, variables in by_slot.items():
            if len(variables) > slots[slot_id].capacity:
                m.Add(sum(variables) <= slots[slot_id].capacity)
        for service, cap in rules.max_per_service.items():
            if len(by_service.get(service, [])) > cap:
                m.Add(sum(by_service[service]) <= cap)
        self.served = {}
        self.count = {}
        self.levels = {}
        for person, own in by_person.items():
            variables = [self.x[(person, w.slot)] for w in own]
            limit = min(rules.max_per_person, len(own))
            m.Add(sum(variables) <= limit)
            for i, a in enumerate(own):
                for b in own[i + 1 :]:
                    if conflicts(slots[a.slot], slots[b.slot], rules.travel_minutes):
                        m.AddBoolOr(
                            [self.x[(person, a.slot)].Not(), self.x[(person, b.slot)].Not()]
                        )
            served = m.NewBoolVar("")
            m.Add(served <= sum(variables))
            self.served[person] = served
            # count = sum of ordered level booleans: level k true iff at least k visits.
            levels = [m.NewBoolVar("") for _ in range(limit)]
            for lower, upper in zip(levels, levels[1:], strict=False):
                m.AddImplication(upper, lower)
            m.Add(sum(levels) == sum(variables))
            self.levels[person] = levels

    def met(self):
        return sum(self.x.values())

    def rank_cost(self):
        return sum(w.rank * self.x[(w.professional, w.slot)] for w in self.wishes)

    def spread_cost(self):
        return sum((k + 1) * lvl for levels in self.levels.values() for k, lvl in enumerate(levels))


def allocate(
    slots: list[Slot] | dict[str, Slot],
    wishes: list[Wish],
    rules: Rules | None = None,
    *,
    time_limit: float = 30.0,
    workers: int = 2,
    seed: int = 0,
) -> Allocation:
    """The best assignment of wishes to slots under ``rules`` (see the module docstring)."""
    started = time.perf_counter()
    rules = rules or Rules()
    if isinstance(slots, list):
        slots = {s.id: s for s in slots}
    _check_input(slots, wishes)
    if not wishes:
        result = figures(slots, wishes, [], "OPTIMAL")
        result.seconds = time.perf_counter() - started
        return result
    built = _Model(slots, wishes, rules)
    model = built.model
    stages = [
        (sum(built.served.values()), True),
        (built.met(), True),
        (built.rank_cost(), False),
        (built.spread_cost(), False),
    ]
    status_name = "OPTIMAL"
    solution: dict[tuple[str, str], int] | None = None
    share = time_limit / len(stages)
    for objective, maximise in stages:
        if solution is not None:
            model.ClearHints()
            for key, var in built.x.items():
                model.AddHint(var, solution[key])
        (model.Maximize if maximise else model.Minimize)(objective)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(share, 0.05)
        solver.parameters.num_workers = max(1, workers)
        solver.parameters.random_seed = seed
        status = solver.Solve(model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            if solution is None:  # cannot happen: the empty assignment is always feasible
                raise AllocationError(
                    f"the solver found no assignment ({solver.StatusName(status)})"
                )
            status_name = "FEASIBLE"
            break
        if status != cp_model.OPTIMAL:
            status_name = "FEASIBLE"
        solution = {key: int(solver.Value(var)) for key, var in built.x.items()}
        value = int(round(solver.ObjectiveValue()))
        # Keep this stage's value while optimising the next one.
        model.Add(objective >= value) if maximise else model.Add(objective <= value)
    assignment = [key for key, chosen in solution.items() if chosen]
    problems = violations(slots, wishes, assignment, rules)
    if problems:  # a bug, never a user error: refuse to return it
        raise RuntimeError("allocation broke a rule: " + "; ".join(problems[:5]))
    result = figures(slots, wishes, assignment, status_name)
    result.seconds = time.perf_counter() - started
    return result
