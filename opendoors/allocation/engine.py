"""The allocation of visits by ranked wishes, with OR-Tools CP-SAT, in lexicographic order:

1. maximise the number of professionals who get at least one visit they asked for;
2. keeping that, maximise the number of wishes met;
3. keeping both, minimise the sum of ranks of the wishes met (a first choice before a third);
4. keeping all three, spread visits fairly: minimise the sum over people of k(k+1)/2 for k
   visits (convex), so that nobody gets three while someone else could get a second.

Stages 1-3 are solved as ONE weighted objective whose weights provably keep the lexicographic
order (see ``_weights``: ranks are bounded, so one more wish met outweighs any rank sum and one
more person served outweighs any number of wishes and ranks); stage 4 is a second, small solve
with the first solution as hint and the first three values fixed.

Hard rules (each one a constraint, re-checked by ``checker.violations`` on the result): slot
capacity, at most N visits per person, never two slots of one service for one person, no two
visits of one person that overlap on one day or, in different municipalities, leave less than
the travel margin between them, optional maximum visitors per service. A person's conflicts are
posted as "at most one" over the maximal cliques of their own conflict graph (a few wishes each),
which is tighter than pairwise exclusions; wishes that can never be granted get no variable.

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


def _maximal_cliques(nodes: list[int], adjacent: dict[int, set[int]]) -> list[list[int]]:
    """Maximal cliques of a small graph (Bron-Kerbosch with pivot); a person has a few wishes."""
    cliques: list[list[int]] = []

    def expand(r: list[int], p: set[int], x: set[int]) -> None:
        if not p and not x:
            cliques.append(r)
            return
        pivot = max(p | x, key=lambda n: len(adjacent[n] & p))
        for node in list(p - adjacent[pivot]):
            expand(r + [node], p & adjacent[node], x & adjacent[node])
            p.discard(node)
            x.add(node)

    expand([], set(nodes), set())
    return cliques


class _Model:
    """The CP-SAT model: one boolean per grantable wish, the rules between them, and per person
    ordered "at least k visits" booleans (the first one is "served")."""

    def __init__(self, slots: dict[str, Slot], wishes: list[Wish], rules: Rules):
        self.model = m = cp_model.CpModel()
        service_cap = rules.max_per_service
        # No variable for a wish that can never be granted (no seat, or its service is closed).
        self.wishes = [
            w
            for w in wishes
            if slots[w.slot].capacity > 0
            and service_cap.get(slots[w.slot].service, 1) > 0
            and rules.max_per_person > 0
        ]
        self.x = {(w.professional, w.slot): m.NewBoolVar("") for w in self.wishes}
        by_person: dict[str, list[Wish]] = defaultdict(list)
        by_slot: dict[str, list] = defaultdict(list)
        by_service: dict[str, list] = defaultdict(list)
        for w in self.wishes:
            var = self.x[(w.professional, w.slot)]
            by_person[w.professional].append(w)
            by_slot[w.slot].append(var)
            by_service[slots[w.slot].service].append(var)
        for slot_id, variables in by_slot.items():
            if len(variables) > slots[slot_id].capacity:
                m.Add(sum(variables) <= slots[slot_id].capacity)
        for service, cap in service_cap.items():
            if len(by_service.get(service, [])) > cap:
                m.Add(sum(by_service[service]) <= cap)
        #: per person, a linear expression: 1 when served; and k(k+1)/2 for k visits.
        self.served: dict[str, object] = {}
        self.spread: dict[str, object] = {}
        self.limits: dict[str, int] = {}
        for person, own in by_person.items():
            variables = [self.x[(person, w.slot)] for w in own]
            adjacent = {i: set() for i in range(len(own))}
            for i, a in enumerate(own):
                for j in range(i + 1, len(own)):
                    if conflicts(slots[a.slot], slots[own[j].slot], rules.travel_minutes):
                        adjacent[i].add(j)
                        adjacent[j].add(i)
            limit = min(rules.max_per_person, len(own))
            self.limits[person] = limit
            for clique in _maximal_cliques(list(adjacent), adjacent):
                if len(clique) > 1:
                    m.AddAtMostOne(variables[i] for i in clique)
            if limit < len(own):
                m.Add(sum(variables) <= limit)
            # count = sum of ordered level booleans: level k true iff at least k visits.
            levels = [m.NewBoolVar("") for _ in range(limit)]
            for lower, upper in zip(levels, levels[1:], strict=False):
                m.AddImplication(upper, lower)
            m.Add(sum(levels) == sum(variables))
            self.served[person] = levels[0]
            self.spread[person] = sum((k + 1) * lvl for k, lvl in enumerate(levels))

    def _weights(self) -> tuple[int, int]:
        """(per person served, per wish met) such that W_served * served + sum(W_met - rank)
        over the wishes met orders solutions exactly like (served, met, -rank sum).

        With R = the largest possible rank sum (each person's ``limit`` highest ranks) and M =
        the most wishes that can be met (sum of limits): W_met > R, so one more wish met beats
        any rank difference; W_served > W_met * M + R, so one more person beats everything."""
        highest: dict[str, list[int]] = defaultdict(list)
        for w in self.wishes:
            highest[w.professional].append(w.rank)
        rank_bound = sum(sum(sorted(ranks)[-self.limits[p] :]) for p, ranks in highest.items())
        met_bound = sum(self.limits.values())
        w_met = rank_bound + 1
        w_served = w_met * met_bound + rank_bound + 1
        if w_served * len(self.limits) >= 2**62:  # ranks beyond any real wish list
            raise AllocationError("ranks are too large to order the solutions")
        return w_served, w_met

    def lexicographic(self):
        w_served, w_met = self._weights()
        return w_served * sum(self.served.values()) + sum(
            (w_met - w.rank) * self.x[(w.professional, w.slot)] for w in self.wishes
        )

    def met(self):
        return sum(self.x.values())

    def rank_cost(self):
        return sum(w.rank * self.x[(w.professional, w.slot)] for w in self.wishes)

    def spread_cost(self):
        return sum(self.spread.values())


def _solve(model, time_limit: float, workers: int, seed: int):
    """Solve with the full linear relaxation in the search (``max_lp``): with the capacity rows
    and the person cliques in the LP, its bound closes the gap at once (measured: without it,
    the default worker keeps a gap of about 5 % for minutes at the real scale)."""
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.max_time_in_seconds = max(time_limit, 0.05)
    params.num_workers = max(1, workers)
    params.random_seed = seed
    params.linearization_level = 2  # the single worker's setting
    if workers > 1:  # the full-problem worker among the parallel ones
        params.subsolvers.append("max_lp")
    return solver, solver.Solve(model)


def allocate(
    slots: list[Slot] | dict[str, Slot],
    wishes: list[Wish],
    rules: Rules | None = None,
    *,
    time_limit: float = 30.0,
    workers: int = 1,
    seed: int = 0,
) -> Allocation:
    """The best assignment of wishes to slots under ``rules`` (see the module docstring).

    One solver worker by default: the result is then reproducible (same input, same
    allocation), and on the 2 shared cores it was as fast as two at the real scale and faster
    at 10 times it (``bench/opendoors.py``, docs/benchmarks.md)."""
    started = time.perf_counter()
    rules = rules or Rules()
    if isinstance(slots, list):
        slots = {s.id: s for s in slots}
    _check_input(slots, wishes)
    built = _Model(slots, wishes, rules)
    if not built.x:
        result = figures(slots, wishes, [], "OPTIMAL")
        result.seconds = time.perf_counter() - started
        return result
    model = built.model
    status_name = "OPTIMAL"
    # Stages 1-3: one weighted objective (exact lexicographic order, see _Model._weights).
    model.Maximize(built.lexicographic())
    solver, status = _solve(model, time_limit * 0.8, workers, seed)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):  # the empty set is always feasible
        raise AllocationError(f"the solver found no assignment ({solver.StatusName(status)})")
    if status != cp_model.OPTIMAL:
        status_name = "FEASIBLE"
    solution = {key: int(solver.Value(var)) for key, var in built.x.items()}
    served = sum(int(solver.Value(v)) for v in built.served.values())
    met = sum(solution.values())
    ranks = sum(w.rank * solution[(w.professional, w.slot)] for w in built.wishes)
    # Stage 4: keep the three values, spread visits fairly, starting from the first solution.
    model.Add(sum(built.served.values()) >= served)
    model.Add(built.met() >= met)
    model.Add(built.rank_cost() <= ranks)
    model.ClearHints()
    for key, var in built.x.items():
        model.AddHint(var, solution[key])
    model.Minimize(built.spread_cost())
    remaining = max(time_limit - (time.perf_counter() - started), 0.05)
    solver, status = _solve(model, remaining, workers, seed)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        solution = {key: int(solver.Value(var)) for key, var in built.x.items()}
        if status != cp_model.OPTIMAL:
            status_name = "FEASIBLE"
    else:
        status_name = "FEASIBLE"
    assignment = [key for key, chosen in solution.items() if chosen]
    problems = violations(slots, wishes, assignment, rules)
    if problems:  # a bug, never a user error: refuse to return it
        raise RuntimeError("allocation broke a rule: " + "; ".join(problems[:5]))
    result = figures(slots, wishes, assignment, status_name)
    result.seconds = time.perf_counter() - started
    return result
