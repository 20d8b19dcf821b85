"""Synthetic open doors instances at the past edition's scale, for the benchmark and the tests.

``instance(scale, seed)``: 50 x scale services with 3 slots each of 2-4 seats over 5 days in 8
municipalities, 130 x scale professionals with 5 ranked wishes each (popularity skew).
Deterministic for a given seed. This module must never import Django nor a solver.
"""

from __future__ import annotations

import datetime as dt
import random

from .model import Slot, Wish


def instance(scale: int, seed: int) -> tuple[list[Slot], list[Wish]]:
    rng = random.Random(seed)
    monday = dt.date(2025, 11, 3)
    communes = [f"210{n:02d}" for n in (2, 5, 9, 13, 15, 17, 18, 19)]
    slots = []
    for s in range(50 * scale):
        commune = rng.choice(communes)
        for k in range(3):
            start = rng.choice([540, 600, 660, 780, 840, 900])
            slots.append(
                Slot(
                    f"s{s}-{k}",
                    f"svc{s}",
                    monday + dt.timedelta(days=rng.randrange(5)),
                    start,
                    start + 60,
                    commune,
                    rng.choice([2, 3, 3, 4]),
                )
            )
    weights = [1 / (1 + i) ** 0.6 for i in range(len(slots))]
    rng.shuffle(weights)
    wishes = []
    for p in range(130 * scale):
        chosen = set()
        while len(chosen) < 5:
            chosen.add(rng.choices(range(len(slots)), weights)[0])
        wishes += [Wish(f"p{p}", slots[i].id, r) for r, i in enumerate(chosen, start=1)]
    return slots, wishes
