"""Stage 1 as a mixed-integer programme solved by HiGHS (shipped inside the OR-Tools wheel).

Variables x[i, g] (registrant i in chosen group g) and open[g]; constraints: at most one
group per registrant (exactly the pinned one for pins), min*open <= size <= max*open,
x <= open (this strong linking makes the LP relaxation tight), institution caps. The
objective is the stage-1 loss: W per unplaced placeable registrant + (rank - 1) per placed
one. On realistic instances the LP relaxation is almost integral and HiGHS proves the
optimum in well under a second, where CP-SAT's bound stalls (see docs/composition.md).
Uses OR-Tools' MathOpt API, which keeps the incumbent and dual bound at a time limit.

This module must never import Django; its answer is only a proposal, re-checked by the caller.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass

from ortools.math_opt.python import mathopt

from .explain import placement_weight
from .validate import Instance


@dataclass
class MipResult:
    assign: list[int | None] | None
    bound: float
    optimal: bool
    infeasible: bool = False


def _build(inst: Instance):
    model = mathopt.Model(name="intervision-stage1")
    weight = placement_weight(inst)
    x: dict[tuple[int, int], mathopt.Variable] = {}
    members: dict[int, list[int]] = defaultdict(list)
    objective = []
    for i, options in enumerate(inst.eligible):
        if not options:
            continue
        for j, rank in options:
            x[i, j] = model.add_binary_variable(name=f"x_{i}_{j}")
            members[j].append(i)
            objective.append(inst.rank_cost(i, rank) * x[i, j])
        if inst.pinned[i] is not None:
            model.add_linear_constraint(x[i, inst.pinned[i]] == 1)
        else:
            unplaced = model.add_variable(lb=0, ub=1, name=f"u_{i}")  # integral at optimum
            model.add_linear_constraint(
                mathopt.fast_sum(x[i, j] for j, _ in options) + unplaced == 1
            )
            objective.append(weight * unplaced)
    pinned_groups = {j for j in inst.pinned if j is not None}
    for j, g in enumerate(inst.groups):
        if not members[j]:
            continue
        is_open = model.add_binary_variable(name=f"open_{j}")
        size = mathopt.fast_sum(x[i, j] for i in members[j])
        model.add_linear_constraint(size - g.max_size * is_open <= 0)
        model.add_linear_constraint(size - g.min_size * is_open >= 0)
        for i in members[j]:
            model.add_linear_constraint(x[i, j] - is_open <= 0)
        if j in pinned_groups:
            model.add_linear_constraint(is_open == 1)
        by_inst: dict[str, list[int]] = defaultdict(list)
        for i in members[j]:
            if inst.institution[i] is not None:
                by_inst[inst.institution[i]].append(i)
        for same in by_inst.values():
            if len(same) > g.max_per_institution:
                model.add_linear_constraint(
                    mathopt.fast_sum(x[i, j] for i in same) <= g.max_per_institution
                )
    model.minimize(mathopt.fast_sum(objective))
    return model, x


def solve_stage1(inst: Instance, time_limit: float) -> MipResult | None:
    """Solve stage 1 with HiGHS; None when HiGHS is not available in this OR-Tools build."""
    model, x = _build(inst)
    params = mathopt.SolveParameters(
        time_limit=datetime.timedelta(seconds=max(time_limit, 0.01)),
        relative_gap_tolerance=0.0,
        absolute_gap_tolerance=0.5,  # integer objective: a gap below 1 proves optimality
        enable_output=False,
    )
    try:
        result = mathopt.solve(model, mathopt.SolverType.HIGHS, params=params)
    except (RuntimeError, ValueError):  # solver missing from this build, or refused
        return None
    reason = result.termination.reason
    if reason == mathopt.TerminationReason.INFEASIBLE:
        return MipResult(None, math.inf, True, infeasible=True)
    dual = result.termination.objective_bounds.dual_bound
    bound = math.ceil(dual - 1e-6) if math.isfinite(dual) else -math.inf
    if not result.has_primal_feasible_solution():
        return MipResult(None, bound, False)
    values = result.variable_values()
    assign: list[int | None] = [None] * inst.n
    for (i, j), var in x.items():
        if values[var] > 0.5:
            assign[i] = j
    return MipResult(assign, bound, reason == mathopt.TerminationReason.OPTIMAL)
