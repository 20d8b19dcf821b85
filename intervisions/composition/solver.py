"""Group composition in two lexicographic stages (entry point: ``compose``).

Stage 1 (whole instance): maximise the number of people placed, then minimise preference
ranks, under every hard constraint (capacity, min size or cancellation, institution cap,
language, chosen groups only, pins). Solved as a MIP by HiGHS (mip.py), with a greedy start
and, as a fallback, a branch-and-bound over cancellations whose nodes are min-cost flows
(flow.py). Its proven bound is the one reported in ``Composition.bound``/``gap``.
Stage 2 (one CP-SAT model per slot class = groups sharing language and slot): keep each
registrant in the slot class stage 1 gave them and keep the stage-1 rank cost of that class,
then redistribute people among the class's groups to balance sectors, then institution types.
See docs/composition.md.

This module must never import Django; it must never return an assignment that breaks a hard
constraint (every result is re-checked by the independent ``checker.violations``).
"""

from __future__ import annotations

import math
import time
from collections import defaultdict

from ortools.sat.python import cp_model

from .checker import violations
from .explain import build, placement_loss
from .flow import OpenSetFlow, branch_and_bound, local_search
from .greedy import greedy_assign
from .mip import solve_stage1
from .model import Composition, CompositionError, Group, Registrant
from .validate import Instance, prepare

_PINS_IMPOSSIBLE = (
    "No composition satisfies the coordinator pins: the groups holding pinned registrants "
    "cannot all reach their minimum size"
)
SECTOR_WEIGHT = 3
ITYPE_WEIGHT = 1
STAGE1_SHARE = 0.8


def _solver(time_limit: float, workers: int, seed: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit, 0.05)
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.random_seed = seed
    return solver


def _assignment_vars(
    model: cp_model.CpModel,
    inst: Instance,
    people: list[int],
    allowed: dict[int, list[tuple[int, int | None]]],
    group_ids: list[int],
):
    """x[i, j] booleans, open[j] booleans, capacity/min/institution-cap constraints."""
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    members: dict[int, list[int]] = defaultdict(list)
    for i in people:
        row = []
        for j, _rank in allowed[i]:
            x[i, j] = model.new_bool_var(f"x_{i}_{j}")
            members[j].append(i)
            row.append(x[i, j])
        if inst.pinned[i] is not None:
            model.add(x[i, inst.pinned[i]] == 1)
        else:
            model.add_exactly_one(row)
    is_open: dict[int, cp_model.IntVar] = {}
    pinned_groups = {inst.pinned[i] for i in people if inst.pinned[i] is not None}
    for j in group_ids:
        if not members[j]:
            continue
        g = inst.groups[j]
        is_open[j] = model.new_bool_var(f"open_{j}")
        size = sum(x[i, j] for i in members[j])
        model.add(size <= g.max_size * is_open[j])
        model.add(size >= g.min_size * is_open[j])
        for i in members[j]:
            model.add_implication(x[i, j], is_open[j])
        if j in pinned_groups:
            model.add(is_open[j] == 1)
        by_inst: dict[str, list[int]] = defaultdict(list)
        for i in members[j]:
            if inst.institution[i] is not None:
                by_inst[inst.institution[i]].append(i)
        for same in by_inst.values():
            if len(same) > g.max_per_institution:
                model.add(sum(x[i, j] for i in same) <= g.max_per_institution)
    return x, is_open, members


def _stage1(inst: Instance, deadline: float, time_limit: float, seed: int):
    """Placement + ranks for the whole instance: (assignment, proven lower bound, status).

    HiGHS MIP first; if it is unavailable or not proven optimal in time, the flow local
    search and branch-and-bound (flow.py) continue with whatever time is left. The bound
    is the best of the valid bounds found (min-relaxed flow, MIP, branch-and-bound).
    """
    try:
        best: list[int | None] | None = greedy_assign(inst)
    except CompositionError:  # greedy could not fill a pinned group; the search may
        best = None
    best_cost = placement_loss(inst, best) if best is not None else math.inf
    fl = OpenSetFlow(inst)
    bound = fl.relaxed_bound()  # raises CompositionError if the pins are impossible
    if best_cost <= bound:
        return best, float(bound), "OPTIMAL"
    result = solve_stage1(inst, max(deadline - time.perf_counter(), 0.05))
    if result is not None:
        if result.infeasible:
            raise CompositionError(_PINS_IMPOSSIBLE)
        if result.assign is not None and not _broken(inst, result.assign):
            cost = placement_loss(inst, result.assign)
            if cost < best_cost:
                best, best_cost = result.assign, cost
        bound = max(bound, result.bound)
        if best_cost <= bound:
            return best, float(bound), "OPTIMAL"
    ls_deadline = min(deadline, time.perf_counter() + min(0.5, 0.05 * time_limit))
    assign, cost = local_search(fl, best, bound, ls_deadline, seed)
    if assign is not None and cost is not None and cost < best_cost:
        best, best_cost = assign, cost
    assign, cost, bnb_bound, proven = branch_and_bound(fl, best, best_cost, deadline)
    if assign is None:
        if proven:
            raise CompositionError(_PINS_IMPOSSIBLE)
        raise CompositionError(
            "No composition found within the time limit: check that the groups holding "
            "pinned registrants can reach their minimum size"
        )
    best, best_cost = assign, cost
    bound = max(bound, bnb_bound)
    if proven or best_cost <= bound:
        return best, float(min(bound, best_cost)), "OPTIMAL"
    return best, float(bound), "FEASIBLE"


def _balance_terms(model, inst: Instance, people: list[int], x, members, group_ids, attr, weight):
    values = getattr(inst, attr)
    totals: dict[str, int] = defaultdict(int)
    for i in people:
        if values[i]:
            totals[values[i]] += 1
    n = len(people)
    terms = []
    for j in group_ids:
        if not members[j]:
            continue
        size = sum(x[i, j] for i in members[j])
        for value, total in totals.items():
            if total == n:
                continue
            count = sum(x[i, j] for i in members[j] if values[i] == value)
            dev = model.new_int_var(0, n * inst.groups[j].max_size, f"d_{attr}_{j}_{value}")
            model.add(dev >= n * count - total * size)
            model.add(dev >= total * size - n * count)
            terms.append(weight * dev)
    return terms


def _stage2_class(inst, assign, group_ids, time_limit, workers, seed):
    """Rebalance one slot class; returns (new assignment for its people, objective, bound)."""
    in_class = set(group_ids)
    people = [i for i, j in enumerate(assign) if j in in_class]
    if len(group_ids) < 2 or not people:
        return {}, 0.0, 0.0
    allowed = {i: [(j, r) for j, r in inst.eligible[i] if j in in_class] for i in people}
    model = cp_model.CpModel()
    x, _open, members = _assignment_vars(model, inst, people, allowed, group_ids)
    rank_cost = {(i, j): inst.rank_cost(i, r) for i in people for j, r in allowed[i]}
    budget = sum(rank_cost[i, assign[i]] for i in people)
    model.add(sum(rank_cost[key] * var for key, var in x.items()) <= budget)
    terms = _balance_terms(model, inst, people, x, members, group_ids, "sector", SECTOR_WEIGHT)
    terms += _balance_terms(model, inst, people, x, members, group_ids, "itype", ITYPE_WEIGHT)
    if not terms:
        return {}, 0.0, 0.0
    model.minimize(sum(terms))
    for (i, j), var in x.items():
        model.add_hint(var, assign[i] == j)
    solver = _solver(time_limit, workers, seed)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {}, math.nan, math.nan
    new = {i: j for (i, j), var in x.items() if solver.boolean_value(var)}
    scale = len(people)  # deviations are scaled by the class size: report them in people
    return new, solver.objective_value / scale, solver.best_objective_bound / scale


def _balance_value(inst: Instance, assign: list[int | None], group_ids: list[int]) -> float:
    """Stage-2 objective of a slot class, computed directly (in people units)."""
    in_class = set(group_ids)
    people = [i for i, j in enumerate(assign) if j in in_class]
    n = len(people)
    total = 0.0
    for attr, weight in (("sector", SECTOR_WEIGHT), ("itype", ITYPE_WEIGHT)):
        values = getattr(inst, attr)
        totals = defaultdict(int)
        for i in people:
            if values[i]:
                totals[values[i]] += 1
        for j in group_ids:
            members = [i for i in people if assign[i] == j]
            for value, count in totals.items():
                here = sum(1 for i in members if values[i] == value)
                total += weight * abs(n * here - count * len(members))
    return total / n if n else 0.0


def _broken(inst: Instance, assign: list[int | None]) -> list[str]:
    placement = {
        r.id: (inst.groups[j].id if j is not None else None)
        for r, j in zip(inst.registrants, assign, strict=True)
    }
    return violations(inst.registrants, inst.groups, placement)


def compose(
    registrants: list[Registrant],
    groups: list[Group],
    *,
    time_limit: float = 10.0,
    workers: int = 2,
    seed: int = 0,
) -> Composition:
    """Compose intervision groups; see docs/composition.md for the model and guarantees."""
    start = time.perf_counter()
    inst = prepare(registrants, groups)
    deadline = start + max(time_limit * STAGE1_SHARE, 0.1)
    assign, bound, status = _stage1(inst, deadline, time_limit, seed)

    classes = [ids for ids in inst.slot_classes.values() if len(ids) > 1]
    loads = [sum(1 for j in assign if j in set(ids)) for ids in classes]
    balance_obj = balance_bound = 0.0
    for k, ids in enumerate(classes):
        remaining = time_limit - (time.perf_counter() - start)
        if remaining <= 0.05 or not loads[k]:
            continue
        share = remaining * loads[k] / max(sum(loads[k:]), 1)
        new, _obj, bnd = _stage2_class(inst, assign, ids, share, workers, seed)
        if not new:
            continue
        candidate = list(assign)
        for i, j in new.items():
            candidate[i] = j
        if placement_loss(inst, candidate) <= placement_loss(inst, assign) and not _broken(
            inst, candidate
        ):
            assign = candidate
        if bnd == bnd:  # a CP-SAT bound is valid whichever solution we keep
            balance_bound += max(bnd, 0.0)
    balance_obj = sum(_balance_value(inst, assign, ids) for ids in classes)
    problems = _broken(inst, assign)
    if problems:  # defensive: should never happen
        raise RuntimeError("composition broke hard constraints: " + "; ".join(problems[:5]))
    return build(
        inst,
        assign,
        status=status,
        method="solver",
        bound=bound,
        balance_objective=balance_obj,
        balance_bound=balance_bound,
        solve_time=time.perf_counter() - start,
    )
