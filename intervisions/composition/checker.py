"""Independent hard-constraint checker for compositions (used by tests, bench and solver).

Deliberately re-implements the rules from the raw ``Registrant``/``Group`` lists instead of
reusing the solver's prepared instance, so that a modelling bug cannot hide itself.

This module must never import Django nor OR-Tools, and must never modify its inputs.
"""

from __future__ import annotations

from collections import Counter

from .model import Composition, Group, Registrant


def _lang(value: str) -> str:
    return (value or "").strip().upper()


def violations(
    registrants: list[Registrant], groups: list[Group], placement: dict[str, str | None]
) -> list[str]:
    """Every broken hard constraint, as readable strings (empty list: all good).

    ``placement`` maps each registrant id to a group id or None (unplaced).
    """
    out: list[str] = []
    by_id = {g.id: g for g in groups}
    size: Counter[str] = Counter()
    per_inst: Counter[tuple[str, str]] = Counter()
    ids = {r.id for r in registrants}
    for rid in placement:
        if rid not in ids:
            out.append(f"{rid}: not a registrant")
    for r in registrants:
        if r.id not in placement:
            out.append(f"{r.id}: missing from the result")
            continue
        gid = placement[r.id]
        if r.pinned_group and gid != r.pinned_group:
            out.append(f"{r.id}: pinned to {r.pinned_group} but got {gid}")
        if gid is None:
            continue
        if gid not in by_id:
            out.append(f"{r.id}: unknown group {gid}")
            continue
        if not r.pinned_group and gid not in r.choices:
            out.append(f"{r.id}: placed in {gid}, which is not among their choices")
        if _lang(by_id[gid].language) != _lang(r.language):
            out.append(f"{r.id}: language {r.language} placed in {gid} ({by_id[gid].language})")
        size[gid] += 1
        if (r.institution or "").strip():
            per_inst[(gid, r.institution.strip())] += 1
    for g in groups:
        n = size[g.id]
        if n > g.max_size:
            out.append(f"{g.id}: {n} members > max_size {g.max_size}")
        if 0 < n < g.min_size:
            out.append(f"{g.id}: {n} members < min_size {g.min_size} (and not cancelled)")
    for (gid, institution), n in per_inst.items():
        if n > by_id[gid].max_per_institution:
            out.append(f"{gid}: {n} members from {institution} > {by_id[gid].max_per_institution}")
    return out


def check_composition(
    registrants: list[Registrant], groups: list[Group], comp: Composition
) -> list[str]:
    """Hard constraints plus the result's own consistency (reasons, lists, summaries)."""
    placement = {rid: a.group for rid, a in comp.assignments.items()}
    out = violations(registrants, groups, placement)
    size = Counter(g for g in placement.values() if g is not None)
    unplaced = sorted(rid for rid, g in placement.items() if g is None)
    if sorted(comp.unplaced) != unplaced:
        out.append("unplaced list does not match the assignments")
    if sorted(comp.cancelled_groups) != sorted(g.id for g in groups if size[g.id] == 0):
        out.append("cancelled_groups does not match the empty groups")
    for rid, a in comp.assignments.items():
        if not a.reason or not a.reason_code:
            out.append(f"{rid}: no reason given")
        if a.group is None and a.choice_rank is not None:
            out.append(f"{rid}: unplaced but has a choice rank")
    choices = {r.id: r.choices for r in registrants}
    for rid, a in comp.assignments.items():
        if a.group is not None and rid in choices:
            expected = choices[rid].index(a.group) + 1 if a.group in choices[rid] else None
            if a.choice_rank != expected:
                out.append(f"{rid}: choice_rank {a.choice_rank} should be {expected}")
    for g in groups:
        summary = comp.groups.get(g.id)
        if summary is None or summary.size != size[g.id]:
            out.append(f"{g.id}: group summary missing or wrong size")
    return out
