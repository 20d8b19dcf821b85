"""Benchmark of the intervision composition engine: CP-SAT two-stage solver vs greedy.

Generates deterministic, realistic instances (about 15 people per group, several weekday
slots, FR ~70% / NL ~30%, sectors correlated with institutions, 3 ranked choices, a few
coordinator pins) of 60, 300 and 1,000 registrants and prints one table row per method.

Run: .venv/bin/python bench/compose.py [--time-limit 10] [--sizes 60,300,1000]
This script must never import Django; it is a benchmark, not a test (no assertions on time).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from intervisions.composition import (  # noqa: E402
    Composition,
    Group,
    Registrant,
    check_composition,
    compose,
    compose_greedy,
)

SECTORS = ["social", "mental_health", "health", "housing", "youth", "employment"]
SECTOR_WEIGHTS = [35, 30, 12, 9, 8, 6]
ITYPES = ["public_cpas", "non_profit", "hospital", "mental_health_service", "private_practice"]
DAYS = ["mon", "tue", "wed", "thu", "fri"]
TIMES = ["am", "pm"]


def make_instance(
    n: int, seed: int = 0, n_choices: int = 3, min_sizes: tuple[int, ...] = (6, 7, 8)
) -> tuple[list[Registrant], list[Group]]:
    rng = random.Random(seed * 1_000_003 + n)
    n_groups = max(4, math.ceil(n / 14))
    n_slots = max(2, min(len(DAYS) * len(TIMES), round(n_groups / 7)))
    slots = [f"{d}-{t}" for d in DAYS for t in TIMES][:n_slots]
    groups: list[Group] = []
    n_nl = max(1, round(n_groups * 0.3))
    for k in range(n_groups):
        lang = "NL" if k < n_nl else "FR"
        slot = slots[k % n_slots]
        groups.append(
            Group(
                id=f"{lang}-{k:03d}",
                language=lang,
                min_size=rng.choice(min_sizes),
                max_size=rng.choice([14, 15, 15, 16]),
                slot=slot,
            )
        )
    popularity = {g.id: rng.uniform(0.3, 3.0) for g in groups}
    # institutions: sizes 1..25 (long tail), a main sector, a type and a main language
    institutions = []
    total = 0
    while total < n:
        size = min(int(rng.paretovariate(1.2)), max(3, n // 40))
        institutions.append(
            (
                f"inst{len(institutions):04d}",
                rng.choices(SECTORS, SECTOR_WEIGHTS)[0],
                rng.choice(ITYPES),
                "NL" if rng.random() < 0.3 else "FR",
                size,
            )
        )
        total += size
    people = []
    for inst_id, sector, itype, lang, size in institutions:
        for _ in range(size):
            people.append((inst_id, sector, itype, lang))
    people = people[:n]
    registrants = []
    for k, (inst_id, sector, itype, lang) in enumerate(people):
        if rng.random() < 0.2:
            sector = rng.choices(SECTORS, SECTOR_WEIGHTS)[0]
        if rng.random() < 0.1:
            lang = "NL" if lang == "FR" else "FR"
        mine = [g for g in groups if g.language == lang]
        my_slots = rng.sample(slots, k=min(2, len(slots)))
        pool = [g for g in mine if g.slot in my_slots] or mine
        choices: list[str] = []
        while len(choices) < min(n_choices, len(mine)):
            source = pool if len(choices) < len(pool) else mine
            candidates = [g for g in source if g.id not in choices]
            weights = [popularity[g.id] for g in candidates]
            choices.append(rng.choices(candidates, weights)[0].id)
        registrants.append(
            Registrant(
                id=f"r{k:05d}",
                institution=inst_id,
                sector=sector,
                language=lang,
                choices=choices,
                institution_type=itype,
            )
        )
    # a few coordinator pins (about 1%), on the person's first choice, within the caps
    pinned_count: Counter[str] = Counter()
    pinned_inst: Counter[tuple[str, str]] = Counter()
    for r in rng.sample(registrants, k=max(1, n // 100)):
        gid = r.choices[0]
        if pinned_count[gid] < 3 and pinned_inst[(gid, r.institution)] < 1:
            r.pinned_group = gid
            pinned_count[gid] += 1
            pinned_inst[(gid, r.institution)] += 1
    return registrants, groups


def sector_imbalance(comp: Composition, by_slot: bool) -> float:
    """Mean over open groups of the total-variation distance between the group's sector mix
    and a reference mix (0 = perfectly mixed): all placed people of the same language, or
    (``by_slot``) the placed people of the group's slot class, the target of stage 2."""
    reference: dict[tuple[str, str], Counter[str]] = {}

    def key(summary) -> tuple[str, str]:
        return (summary.language, summary.slot if by_slot else "")

    for summary in comp.groups.values():
        reference.setdefault(key(summary), Counter()).update(summary.sectors)
    dists = []
    for summary in comp.groups.values():
        if summary.cancelled:
            continue
        ref = reference[key(summary)]
        total = sum(ref.values())
        sectors = set(ref) | set(summary.sectors)
        dists.append(
            0.5
            * sum(abs(summary.sectors.get(s, 0) / summary.size - ref[s] / total) for s in sectors)
        )
    return sum(dists) / len(dists) if dists else 0.0


def row(label: str, registrants, groups, comp: Composition, bound: float) -> list[str]:
    ranks = [a.choice_rank for a in comp.assignments.values() if a.choice_rank is not None]
    first = sum(1 for r in ranks if r == 1) / len(ranks) if ranks else 0.0
    mean_rank = sum(ranks) / len(ranks) if ranks else 0.0
    broken = len(check_composition(registrants, groups, comp))
    gap = 0.0 if comp.objective <= bound else (comp.objective - bound) / comp.objective
    return [
        label,
        comp.method,
        f"{comp.placed}/{len(registrants)}",
        f"{first:.1%}",
        f"{mean_rank:.3f}",
        f"{sector_imbalance(comp, by_slot=False):.3f}",
        f"{sector_imbalance(comp, by_slot=True):.3f}",
        str(broken),
        f"{comp.solve_time:.2f}",
        f"{comp.objective:.0f}",
        f"{gap:.3%}",
        comp.status,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="60,300,1000")
    parser.add_argument(
        "--no-stress", action="store_true", help="skip the 1000-person, 5-choice, min-10 case"
    )
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    header = [
        "n",
        "method",
        "placed",
        "1st choice",
        "mean rank",
        "TVD lang",
        "TVD slot",
        "violations",
        "time s",
        "loss",
        "gap",
        "status",
    ]
    rows = [header]
    notes = []
    cases = [(str(n), n, {}) for n in (int(s) for s in args.sizes.split(","))]
    if not args.no_stress:
        cases.append(("1000*", 1000, {"n_choices": 5, "min_sizes": (10,)}))
        cases.append(("600+", 600, {"n_choices": 4, "min_sizes": (10,)}))
    for label, n, options in cases:
        if label == "600+":  # the groups of the 1000 case, only 600 registrants
            registrants, groups = make_instance(1000, args.seed, **options)
            registrants = registrants[:n]
        else:
            registrants, groups = make_instance(n, args.seed, **options)
        solved = compose(
            registrants, groups, time_limit=args.time_limit, workers=args.workers, seed=args.seed
        )
        greedy = compose_greedy(registrants, groups)
        rows.append(row(label, registrants, groups, solved, solved.bound))
        rows.append(row(label, registrants, groups, greedy, solved.bound))
        notes.append(
            f"# n={label}: {len(groups)} groups, {len({g.slot for g in groups})} slots, "
            f"{len(solved.cancelled_groups)} cancelled (solver), stage-1 loss "
            f"{solved.objective:.0f} (bound {solved.bound:.0f}), stage-2 balance "
            f"{solved.balance_objective:.2f} (per-slot bounds {solved.balance_bound:.2f})"
        )
    print("\n".join(notes))
    widths = [max(len(r[c]) for r in rows) for c in range(len(header))]
    for r in rows:
        print(" | ".join(cell.rjust(w) for cell, w in zip(r, widths, strict=True)))
    print("loss = W*unplaced + sum(rank-1), W = n*(max rank-1)+1; gap = (loss - bound) / loss,")
    print("bound = the solver's proven stage-1 lower bound (the greedy row uses the same bound)")
    print("TVD lang / slot: mean total-variation distance between each open group's sector mix")
    print("and the mix of the placed people of its language / of its slot class (stage 2 target)")
    if not args.no_stress:
        print("1000*: stress case, 5 ranked choices and min_size 10 in every group")
        print("600+: over-supply, 600 registrants for the groups of 1000*, 4 choices, min_size 10")


if __name__ == "__main__":
    main()
