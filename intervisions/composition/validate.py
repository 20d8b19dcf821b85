"""Input validation and normalisation shared by the exact solver and the greedy baseline.

Turns lists of ``Registrant``/``Group`` into an index-based ``Instance`` (who may go where,
at which rank) or raises a single ``CompositionError`` listing every problem found.

This module must never import Django; it must never silently drop invalid input either.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import CompositionError, Group, Registrant, norm_language, slot_key

MAX_LISTED_ERRORS = 20


@dataclass
class Instance:
    registrants: list[Registrant]
    groups: list[Group]
    group_index: dict[str, int]
    #: eligible[i] = [(group index, rank or None)] in preference order; pinned -> single entry.
    eligible: list[list[tuple[int, int | None]]]
    pinned: list[int | None]
    #: Institution key used for the per-group cap, None for an empty institution (no cap).
    institution: list[str | None]
    sector: list[str]
    itype: list[str]
    #: Slot class (language, slot) -> group indices, in input order.
    slot_classes: dict[tuple[str, str], list[int]]

    @property
    def n(self) -> int:
        return len(self.registrants)

    def rank_cost(self, i: int, rank: int | None) -> int:
        """Cost of placing registrant i at ``rank``: 0 for 1st choice or a pin, rank-1 else."""
        if self.pinned[i] is not None or rank is None:
            return 0
        return rank - 1

    def max_rank_cost(self) -> int:
        return max((len(r.choices) - 1 for r in self.registrants), default=0)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_groups(groups: list[Group], errors: list[str]) -> dict[str, int]:
    index: dict[str, int] = {}
    for j, g in enumerate(groups):
        label = f"Group '{g.id}'"
        if not isinstance(g.id, str) or not g.id.strip():
            errors.append(f"Group #{j + 1}: empty id")
            continue
        if g.id in index:
            errors.append(f"{label}: duplicate group id")
            continue
        index[g.id] = j
        if not norm_language(g.language):
            errors.append(f"{label}: empty language")
        sizes = {
            "min_size": g.min_size,
            "max_size": g.max_size,
            "max_per_institution": g.max_per_institution,
        }
        bad = [name for name, value in sizes.items() if not _is_int(value)]
        if bad:
            errors.append(f"{label}: {', '.join(bad)} must be integer(s)")
            continue
        if g.min_size < 0:
            errors.append(f"{label}: min_size must be >= 0 (got {g.min_size})")
        if g.max_size < 1:
            errors.append(f"{label}: max_size must be >= 1 (got {g.max_size})")
        if g.min_size > g.max_size:
            errors.append(f"{label}: min_size {g.min_size} > max_size {g.max_size}")
        if g.max_per_institution < 1:
            errors.append(f"{label}: max_per_institution must be >= 1")
    return index


def _check_registrants(
    registrants: list[Registrant], groups: list[Group], index: dict[str, int], errors: list[str]
) -> None:
    seen: set[str] = set()
    for k, r in enumerate(registrants):
        if not isinstance(r.id, str) or not r.id.strip():
            errors.append(f"Registrant #{k + 1}: empty id")
            continue
        label = f"Registrant '{r.id}'"
        if r.id in seen:
            errors.append(f"{label}: duplicate registrant id")
        seen.add(r.id)
        if not norm_language(r.language):
            errors.append(f"{label}: empty language")
        if not isinstance(r.choices, (list, tuple)):
            errors.append(f"{label}: choices must be a list of group ids")
            continue
        for gid, count in Counter(r.choices).items():
            if count > 1:
                errors.append(f"{label}: group '{gid}' listed {count} times in choices")
        for gid in r.choices:
            if gid not in index:
                errors.append(f"{label}: choice '{gid}' is not a known group")
        if r.pinned_group is not None and r.pinned_group != "":
            if r.pinned_group not in index:
                errors.append(f"{label}: pinned to unknown group '{r.pinned_group}'")
            else:
                g = groups[index[r.pinned_group]]
                if norm_language(g.language) != norm_language(r.language):
                    errors.append(
                        f"{label}: pinned to group '{g.id}' whose language "
                        f"{norm_language(g.language)} differs from the registrant's "
                        f"{norm_language(r.language)}"
                    )


def _check_pins(inst: Instance, errors: list[str]) -> None:
    per_group: Counter[int] = Counter()
    per_inst: Counter[tuple[int, str]] = Counter()
    for i, j in enumerate(inst.pinned):
        if j is None:
            continue
        per_group[j] += 1
        if inst.institution[i] is not None:
            per_inst[(j, inst.institution[i])] += 1
    for j, count in per_group.items():
        g = inst.groups[j]
        if count > g.max_size:
            errors.append(
                f"Group '{g.id}': {count} registrants pinned but max_size is {g.max_size}"
            )
    for (j, institution), count in per_inst.items():
        g = inst.groups[j]
        if count > g.max_per_institution:
            errors.append(
                f"Group '{g.id}': {count} registrants of institution '{institution}' pinned "
                f"but max_per_institution is {g.max_per_institution}"
            )


def _raise(errors: list[str]) -> None:
    if errors:
        shown = errors[:MAX_LISTED_ERRORS]
        more = len(errors) - len(shown)
        tail = f"\n... and {more} more" if more else ""
        raise CompositionError("Invalid composition input:\n- " + "\n- ".join(shown) + tail)


def prepare(registrants: list[Registrant], groups: list[Group]) -> Instance:
    """Validate the input and build the index-based instance, or raise CompositionError."""
    registrants = list(registrants)
    groups = list(groups)
    errors: list[str] = []
    index = _check_groups(groups, errors)
    _check_registrants(registrants, groups, index, errors)
    _raise(errors)

    eligible: list[list[tuple[int, int | None]]] = []
    pinned: list[int | None] = []
    for r in registrants:
        lang = norm_language(r.language)
        if r.pinned_group:
            j = index[r.pinned_group]
            rank = r.choices.index(r.pinned_group) + 1 if r.pinned_group in r.choices else None
            pinned.append(j)
            eligible.append([(j, rank)])
            continue
        pinned.append(None)
        eligible.append(
            [
                (index[gid], rank)
                for rank, gid in enumerate(r.choices, start=1)
                if norm_language(groups[index[gid]].language) == lang
            ]
        )
    slot_classes: dict[tuple[str, str], list[int]] = {}
    for j, g in enumerate(groups):
        slot_classes.setdefault(slot_key(g), []).append(j)
    inst = Instance(
        registrants=registrants,
        groups=groups,
        group_index=index,
        eligible=eligible,
        pinned=pinned,
        institution=[(r.institution or "").strip() or None for r in registrants],
        sector=[(r.sector or "").strip() for r in registrants],
        itype=[(r.institution_type or "").strip() for r in registrants],
        slot_classes=slot_classes,
    )
    _check_pins(inst, errors)
    _raise(errors)
    check_pinned_groups_reachable(inst)
    return inst


def check_pinned_groups_reachable(inst: Instance) -> None:
    """A group holding pinned registrants cannot be cancelled: it must be able to reach min.

    Counts everyone who could join it (respecting the institution cap); raises if that is
    below min_size. Couplings between several such groups are left to the solver.
    """
    errors: list[str] = []
    pinned_groups = {j for j in inst.pinned if j is not None}
    for j in sorted(pinned_groups):
        g = inst.groups[j]
        per_inst: Counter[str] = Counter()
        free = 0
        for i, options in enumerate(inst.eligible):
            if any(jj == j for jj, _ in options):
                if inst.institution[i] is None:
                    free += 1
                else:
                    per_inst[inst.institution[i]] += 1
        reachable = free + sum(min(c, g.max_per_institution) for c in per_inst.values())
        if reachable < g.min_size:
            errors.append(
                f"Group '{g.id}' has pinned registrants so it cannot be cancelled, but at most "
                f"{reachable} registrants can join it (min_size {g.min_size})"
            )
    _raise(errors)
