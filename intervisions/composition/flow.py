"""Stage-1 primal heuristic: min-cost flow for a fixed set of open groups + local search.

Once the set of open (not cancelled) groups is fixed, maximising placements then minimising
ranks is a min-cost flow: registrant -> (institution, group) node (capacity = institution
cap) -> group (lower bound min_size, upper bound max_size) -> sink, plus an "unplaced" arc of
weight W per registrant. Such flows are integral and solved in milliseconds, so we search
over open sets (toggle one group at a time) and hand the best assignment to CP-SAT as hint.
The same network with every minimum relaxed gives a valid lower bound on the stage-1 loss.

This module must never import Django; it only proposes assignments, which are re-checked.
"""

from __future__ import annotations

import heapq
import itertools
import math
import random
import time

from ortools.graph.python import min_cost_flow

from .explain import placement_weight
from .model import CompositionError
from .validate import Instance


class OpenSetFlow:
    def __init__(self, inst: Instance):
        self.inst = inst
        n, n_groups = inst.n, len(inst.groups)
        self.sink = n + n_groups
        weight = placement_weight(inst)
        flow = min_cost_flow.SimpleMinCostFlow()
        inst_nodes: dict[tuple[str, int], int] = {}
        next_node = self.sink + 1
        self.person_arcs: list[tuple[int, int, int]] = []  # (arc, person, group)
        self.candidates: list[int] = [0] * n_groups
        for i, options in enumerate(inst.eligible):
            flow.set_node_supply(i, 1)
            for j, rank in options:
                self.candidates[j] += 1
                head = n + j
                key = inst.institution[i]
                if key is not None:
                    if (key, j) not in inst_nodes:
                        inst_nodes[(key, j)] = next_node
                        cap = inst.groups[j].max_per_institution
                        flow.add_arc_with_capacity_and_unit_cost(next_node, n + j, cap, 0)
                        next_node += 1
                    head = inst_nodes[(key, j)]
                arc = flow.add_arc_with_capacity_and_unit_cost(i, head, 1, inst.rank_cost(i, rank))
                self.person_arcs.append((arc, i, j))
            if inst.pinned[i] is None:
                flow.add_arc_with_capacity_and_unit_cost(i, self.sink, 1, weight if options else 0)
        self.group_arcs = [
            flow.add_arc_with_capacity_and_unit_cost(n + j, self.sink, 0, 0)
            for j in range(n_groups)
        ]
        self.flow = flow
        self.must_open = {j for j in inst.pinned if j is not None}
        self.usable = [j for j in range(n_groups) if self.candidates[j] > 0]

    def solve(self, opened: set[int], closed: set[int] | None = None) -> int | None:
        """Optimal stage-1 loss, or None if infeasible.

        Groups in ``opened`` must hold between min and max registrants. With ``closed``
        None every other group is cancelled; otherwise groups in ``closed`` are cancelled
        and the remaining ones are *free* (between 0 and max: the minimum is relaxed).
        """
        inst, n = self.inst, self.inst.n
        demand = 0
        for j, g in enumerate(inst.groups):
            is_closed = j not in opened if closed is None else j in closed
            low = g.min_size if j in opened else 0
            high = 0 if is_closed else g.max_size
            self.flow.set_node_supply(n + j, -low)
            self.flow.set_arc_capacity(self.group_arcs[j], high - low)
            demand += low
        self.flow.set_node_supply(self.sink, -(n - demand))
        if self.flow.solve() != min_cost_flow.SimpleMinCostFlow.OPTIMAL:
            return None
        return self.flow.optimal_cost()

    def sizes(self) -> list[int]:
        out = [0] * len(self.inst.groups)
        for arc, _i, j in self.person_arcs:
            if self.flow.flow(arc) > 0:
                out[j] += 1
        return out

    def assignment(self) -> list[int | None]:
        """Assignment of the last successful ``solve``."""
        assign: list[int | None] = [None] * self.inst.n
        for arc, i, j in self.person_arcs:
            if self.flow.flow(arc) > 0:
                assign[i] = j
        return assign

    def relaxed_bound(self) -> int:
        """Loss with every group free (no minimum): a valid lower bound on stage 1."""
        cost = self.solve(set(self.must_open), set())
        if cost is None:
            raise CompositionError(
                "No composition satisfies the coordinator pins: the groups holding pinned "
                "registrants cannot all reach their minimum size at the same time"
            )
        return cost


def _start_sets(fl: OpenSetFlow, greedy_open: set[int]) -> list[set[int]]:
    """Greedy's open set, plus the groups that the min-relaxed optimum fills to their min."""
    fl.relaxed_bound()
    sizes = fl.sizes()
    relaxed = {j for j in fl.usable if sizes[j] >= max(fl.inst.groups[j].min_size, 1)}
    return [greedy_open | fl.must_open, relaxed | fl.must_open, set(fl.usable)]


def local_search(
    fl: OpenSetFlow, greedy: list[int | None] | None, bound: int, deadline: float, seed: int = 0
) -> tuple[list[int | None] | None, int | None]:
    """Toggle groups open/cancelled while the flow optimum improves; (assignment, loss)."""
    best_open: set[int] | None = None
    best_cost: int | None = None
    greedy_open = {j for j in greedy or [] if j is not None}
    for start in _start_sets(fl, greedy_open):
        cost = fl.solve(start)
        if cost is not None and (best_cost is None or cost < best_cost):
            best_open, best_cost = set(start), cost
    if best_open is None or best_cost is None:
        return greedy, None
    rng = random.Random(seed)
    order = [j for j in fl.usable if j not in fl.must_open]
    improved = True
    while improved and best_cost > bound and time.perf_counter() < deadline:
        improved = False
        rng.shuffle(order)
        for j in order:
            if time.perf_counter() >= deadline or best_cost <= bound:
                break
            trial = best_open ^ {j}
            cost = fl.solve(trial)
            if cost is not None and cost < best_cost:
                best_open, best_cost, improved = trial, cost, True
    fl.solve(best_open)
    return fl.assignment(), best_cost


def branch_and_bound(
    fl: OpenSetFlow, incumbent: list[int | None] | None, best: float | None, deadline: float
) -> tuple[list[int | None] | None, float, float, bool]:
    """Best-first search over cancellation decisions; min-relaxed flows give the bounds.

    Each node fixes some groups open (min..max) and some cancelled; the others are free
    (0..max). Its flow optimum is a lower bound for the node; when no free group ends up
    strictly between 0 and its minimum, that optimum is feasible. Returns (assignment or
    None if proven infeasible, loss, proven lower bound, proven optimal).
    """
    if incumbent is None or best is None:
        incumbent, best = None, math.inf
    counter = itertools.count()
    root = fl.relaxed_bound()
    heap = [(root, next(counter), frozenset(fl.must_open), frozenset())]
    while heap:
        node_bound, _, opened, closed = heap[0]
        if node_bound >= best:
            return incumbent, best, best, True
        if time.perf_counter() >= deadline:
            return incumbent, best, node_bound, False
        heapq.heappop(heap)
        if fl.solve(set(opened), set(closed)) is None:
            continue
        sizes = fl.sizes()
        groups = fl.inst.groups
        under = [j for j in fl.usable if j not in opened and 0 < sizes[j] < groups[j].min_size]
        if not under:  # relaxed optimum is feasible: a new incumbent
            incumbent, best = fl.assignment(), node_bound
            continue
        j = max(under, key=lambda k: (sizes[k] / groups[k].min_size, -k))
        for child_open, child_closed in ((opened | {j}, closed), (opened, closed | {j})):
            cost = fl.solve(set(child_open), set(child_closed))
            if cost is not None and cost < best:
                heapq.heappush(heap, (cost, next(counter), child_open, child_closed))
    return incumbent, best, best, True
