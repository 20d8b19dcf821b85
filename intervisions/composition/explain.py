"""Turn a raw assignment (registrant index -> group index or None) into a ``Composition``.

Computes the coordinator-facing explanations (stable reason codes + English text +
structured details), the per-group summaries and the placement+rank loss that the
solver's bound refers to. Shared by the exact solver and the greedy baseline.

This module must never import Django and must never change the assignment it explains.
"""

from __future__ import annotations

from collections import Counter

from . import model as m
from .validate import Instance


def placement_weight(inst: Instance) -> int:
    """Weight of one unplaced registrant: more than every rank cost put together."""
    return inst.n * max(inst.max_rank_cost(), 0) + 1


def placement_loss(inst: Instance, assign: list[int | None]) -> int:
    """W * (placeable registrants left unplaced) + sum of (rank - 1) of non-pinned placed.

    A registrant is placeable when pinned or having a chosen group in their language.
    Lower is better; this is the stage-1 objective that ``Composition.bound`` bounds.
    """
    weight = placement_weight(inst)
    loss = 0
    for i, j in enumerate(assign):
        if j is None:
            if inst.eligible[i]:
                loss += weight
            continue
        rank = dict(inst.eligible[i]).get(j)
        loss += inst.rank_cost(i, rank)
    return loss


class _State:
    def __init__(self, inst: Instance, assign: list[int | None]):
        self.inst = inst
        self.size = Counter(j for j in assign if j is not None)
        self.per_inst = Counter(
            (j, inst.institution[i])
            for i, j in enumerate(assign)
            if j is not None and inst.institution[i] is not None
        )

    def cause(self, i: int, j: int, current: int | None) -> str:
        g = self.inst.groups[j]
        if m.norm_language(g.language) != m.norm_language(self.inst.registrants[i].language):
            return m.CAUSE_OTHER_LANGUAGE
        if self.size[j] == 0:
            return m.CAUSE_CANCELLED
        if self.size[j] >= g.max_size:
            return m.CAUSE_FULL
        key = self.inst.institution[i]
        if key is not None and self.per_inst[(j, key)] >= g.max_per_institution:
            return m.CAUSE_INSTITUTION_LIMIT
        if current is None:
            return m.CAUSE_AVAILABLE
        if self.size[current] <= self.inst.groups[current].min_size:
            return m.CAUSE_MINIMUM_SIZE
        return m.CAUSE_TRADE_OFF


def _details_text(details: list[tuple[str, str]], ranked: bool, choices: list[str]) -> str:
    parts = []
    for gid, cause in details:
        label = f"{m.ordinal(choices.index(gid) + 1)} choice" if ranked else gid
        parts.append(f"{label} {m.CAUSE_MESSAGES[cause]}")
    return ", ".join(parts)


def _placed(inst: Instance, state: _State, i: int, j: int) -> m.Assignment:
    r = inst.registrants[i]
    gid = inst.groups[j].id
    rank = r.choices.index(gid) + 1 if gid in r.choices else None
    if inst.pinned[i] is not None:
        return m.Assignment(gid, rank, "Pinned by coordinator", m.PINNED)
    if rank == 1:
        return m.Assignment(gid, 1, "1st choice", m.FIRST_CHOICE)
    assert rank is not None
    details = [
        (better, state.cause(i, inst.group_index[better], j)) for better in r.choices[: rank - 1]
    ]
    text = f"{m.ordinal(rank)} choice: " + _details_text(details, True, r.choices)
    return m.Assignment(gid, rank, text, m.LATER_CHOICE, details)


def _unplaced(inst: Instance, state: _State, i: int) -> m.Assignment:
    r = inst.registrants[i]
    if not r.choices:
        return m.Assignment(None, None, m.UNPLACED_MESSAGES[m.NO_CHOICE], m.NO_CHOICE)
    if not inst.eligible[i]:
        code = m.NO_CHOICE_IN_LANGUAGE
        return m.Assignment(None, None, m.UNPLACED_MESSAGES[code], code)
    details = [(inst.groups[j].id, state.cause(i, j, None)) for j, _rank in inst.eligible[i]]
    causes = {cause for _gid, cause in details}
    if m.CAUSE_AVAILABLE in causes:
        code = m.NOT_PLACED_SEARCH_LIMIT
    elif causes == {m.CAUSE_CANCELLED}:
        code = m.ALL_CHOICES_CANCELLED
    elif causes <= {m.CAUSE_FULL, m.CAUSE_CANCELLED}:
        code = m.ALL_CHOICES_FULL
    elif causes <= {m.CAUSE_INSTITUTION_LIMIT, m.CAUSE_CANCELLED}:
        code = m.INSTITUTION_LIMIT
    else:
        code = m.FULL_OR_INSTITUTION_LIMIT
    text = f"{m.UNPLACED_MESSAGES[code]} ({_details_text(details, False, r.choices)})"
    return m.Assignment(None, None, text, code, details)


def summaries(inst: Instance, assign: list[int | None]) -> dict[str, m.GroupSummary]:
    out: dict[str, m.GroupSummary] = {}
    members: dict[int, list[int]] = {j: [] for j in range(len(inst.groups))}
    for i, j in enumerate(assign):
        if j is not None:
            members[j].append(i)
    for j, g in enumerate(inst.groups):
        idx = members[j]
        per_inst = Counter(inst.institution[i] for i in idx if inst.institution[i] is not None)
        out[g.id] = m.GroupSummary(
            id=g.id,
            language=m.norm_language(g.language),
            slot=g.slot,
            min_size=g.min_size,
            max_size=g.max_size,
            size=len(idx),
            cancelled=not idx,
            members=[inst.registrants[i].id for i in idx],
            sectors=dict(Counter(inst.sector[i] for i in idx)),
            institution_types=dict(Counter(inst.itype[i] for i in idx)),
            max_from_one_institution=max(per_inst.values(), default=0),
        )
    return out


def build(
    inst: Instance,
    assign: list[int | None],
    *,
    status: str,
    method: str,
    bound: float,
    balance_objective: float = 0.0,
    balance_bound: float = 0.0,
    solve_time: float = 0.0,
) -> m.Composition:
    state = _State(inst, assign)
    assignments: dict[str, m.Assignment] = {}
    for i, j in enumerate(assign):
        rid = inst.registrants[i].id
        assignments[rid] = (
            _placed(inst, state, i, j) if j is not None else _unplaced(inst, state, i)
        )
    loss = float(placement_loss(inst, assign))
    if bound != bound:  # NaN: no bound known (greedy)
        gap = float("nan")
    else:
        gap = 0.0 if loss <= bound or loss == 0 else (loss - bound) / loss
    return m.Composition(
        assignments=assignments,
        unplaced=[inst.registrants[i].id for i, j in enumerate(assign) if j is None],
        cancelled_groups=[g.id for j, g in enumerate(inst.groups) if state.size[j] == 0],
        groups=summaries(inst, assign),
        status=status,
        method=method,
        objective=loss,
        bound=bound,
        gap=gap,
        balance_objective=balance_objective,
        balance_bound=balance_bound,
        solve_time=solve_time,
    )
