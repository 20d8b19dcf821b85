"""Exact-ish group composition with OR-Tools CP-SAT, in two lexicographic stages.

Stage 1 (whole instance): maximise the number of people placed, then minimise preference
ranks, under every hard constraint (capacity, min size or cancellation, institution cap,
language, chosen groups only, pins). Once the open groups are chosen this is a min-cost flow,
so stage 1 is a branch-and-bound over cancellations with flow relaxations (flow.py), warm
started by the greedy baseline and a local search; CP-SAT takes over only if that search is
not proven optimal in time. The proven bound is reported in ``Composition.bound``/``gap``.
Stage 2 (one small model per slot class = groups sharing language and slot): keep each
registrant in the slot class stage 1 gave them and keep the stage-1 rank cost of that class,
then redistribute people among the class's groups to balance sectors, then institution types.
See docs/composition.md.

This module must never import Django; it must never return an assignment that breaks a hard
constraint (every result is re-checked by ``checker.check_composition``).
"""

from __future__ import annotations

import math
import time
from collections import defaultdict

from ortools.sat.python import cp_model

from .checker import violations
from .explain import build, placement_loss, placement_weight
from .flow import OpenSetFlow, branch_and_bound, local_search
from .greedy import greedy_assign
from .model import Composition, CompositionError, Group, Registrant
from .validate import Instance, prepare

SECTOR_WEIGHT = 3
ITYPE_WEIGHT = 1
STAGE1_SHARE = 0.6


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
    exactly_one: bool,
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
        elif exactly_one:
            model.add_exactly_one(row)
        else:
            model.add_at_most_one(row)
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


def _cp_sat_stage1(inst: Instance, hint: list[int | None], time_limit: float, workers, seed):
    """Monolithic CP-SAT model of stage 1 (fallback): (assignment, bound, optimal?)."""
    model = cp_model.CpModel()
    people = list(range(inst.n))
    allowed = {i: inst.eligible[i] for i in people}
    x, is_open, members = _assignment_vars(
        model, inst, people, allowed, list(range(len(inst.groups))), False
    )
    weight = placement_weight(inst)
    placeable = sum(1 for i in people if inst.eligible[i])
    terms = []
    for i in people:
        for j, rank in allowed[i]:
            terms.append((inst.rank_cost(i, rank) - weight) * x[i, j])
    model.minimize(weight * placeable + sum(terms))
    if hint is not None:
        for (i, j), var in x.items():
            model.add_hint(var, hint[i] == j)
        for j, var in is_open.items():
            model.add_hint(var, any(hint[i] == j for i in members[j]))
    solver = _solver(time_limit, workers, seed)
    status = solver.solve(model)
    if status == cp_model.INFEASIBLE:
        raise CompositionError(
            "No composition satisfies the coordinator pins: some groups holding pinned "
            "registrants cannot all reach their minimum size"
        )
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return hint, -math.inf, False
    assign: list[int | None] = [None] * inst.n
    for (i, j), var in x.items():
        if solver.boolean_value(var):
            assign[i] = j
    return assign, math.ceil(solver.best_objective_bound - 1e-6), status == cp_model.OPTIMAL


def _stage1(inst: Instance, deadline: float, time_limit: float, workers: int, seed: int):
    """Placement + ranks for the whole instance: (assignment, proven lower bound, status)."""
    try:
        hint: list[int | None] | None = greedy_assign(inst)
    except CompositionError:  # greedy could not fill a pinned group; the search may
        hint = None
    fl = OpenSetFlow(inst)
    root = fl.relaxed_bound()
    ls_deadline = min(deadline, time.perf_counter() + min(0.5, 0.05 * time_limit))
    assign, cost = local_search(fl, hint, root, ls_deadline, seed)
    if hint is not None and (cost is None or placement_loss(inst, hint) < cost):
        assign, cost = hint, placement_loss(inst, hint)
    assign, cost, bound, proven = branch_and_bound(fl, assign, cost, deadline)
    if proven and assign is None:
        raise CompositionError(
            "No composition satisfies the coordinator pins: the groups holding pinned "
            "registrants cannot all reach their minimum size"
        )
    if proven:
        return assign, float(bound), "OPTIMAL"
    remaining = deadline - time.perf_counter()
    if remaining > 0.2:
        cp_assign, cp_bound, cp_optimal = _cp_sat_stage1(inst, assign, remaining, workers, seed)
        bound = max(bound, cp_bound)
        if cp_assign is not None and placement_loss(inst, cp_assign) < cost:
            assign, cost = cp_assign, placement_loss(inst, cp_assign)
        if assign is not None and (cp_optimal or cost <= bound):
            return assign, float(min(bound, cost)), "OPTIMAL"
    if assign is None:
        raise CompositionError(
            "No composition found within the time limit: check that the groups holding "
            "pinned registrants can reach their minimum size"
        )
    return assign, float(bound), "FEASIBLE"


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
    x, _open, members = _assignment_vars(model, inst, people, allowed, group_ids, True)
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
    assign, bound, status = _stage1(inst, deadline, time_limit, workers, seed)

    classes = [ids for ids in inst.slot_classes.values() if len(ids) > 1]
    loads = [sum(1 for j in assign if j in set(ids)) for ids in classes]
    balance_obj = balance_bound = 0.0
    for k, ids in enumerate(classes):
        remaining = time_limit - (time.perf_counter() - start)
        if remaining <= 0.05 or not loads[k]:
            continue
        share = remaining * loads[k] / max(sum(loads[k:]), 1)
        new, obj, bnd = _stage2_class(inst, assign, ids, share, workers, seed)
        if not new:
            continue
        candidate = list(assign)
        for i, j in new.items():
            candidate[i] = j
        if placement_loss(inst, candidate) <= placement_loss(inst, assign) and not _broken(
            inst, candidate
        ):
            assign = candidate
            balance_obj += obj
            balance_bound += bnd
    problems = _broken(inst, assign)
    if problems:  # defensive: should never happen
        raise RuntimeError("composition broke hard constraints: " + "; ".join(problems[:5]))
    return build(
        inst,
        assign,
        status=status,
        method="cp-sat",
        bound=bound,
        balance_objective=balance_obj,
        balance_bound=balance_bound,
        solve_time=time.perf_counter() - start,
    )
