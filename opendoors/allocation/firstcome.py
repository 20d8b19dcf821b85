"""First-come booking simulated on the same data (the benchmark's point of comparison).

Professionals arrive in a random order; each one books their wishes in rank order, skipping a
slot that is full, breaks the per-person or per-service limit, or conflicts with a visit they
already hold. This module must never import Django.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict

from .checker import conflicts
from .model import Allocation, Rules, Slot, Wish, figures


def first_come(
    slots: list[Slot] | dict[str, Slot], wishes: list[Wish], rules: Rules | None = None, seed=0
) -> Allocation:
    rules = rules or Rules()
    if isinstance(slots, list):
        slots = {s.id: s for s in slots}
    by_person: dict[str, list[Wish]] = defaultdict(list)
    for wish in wishes:
        by_person[wish.professional].append(wish)
    order = sorted(by_person)
    random.Random(seed).shuffle(order)
    taken: Counter = Counter()
    per_service: Counter = Counter()
    assignment = []
    for person in order:
        held: list[Slot] = []
        for wish in sorted(by_person[person], key=lambda w: w.rank):
            slot = slots[wish.slot]
            if len(held) >= rules.max_per_person or taken[slot.id] >= slot.capacity:
                continue
            cap = rules.max_per_service.get(slot.service)
            if cap is not None and per_service[slot.service] >= cap:
                continue
            if any(conflicts(slot, other, rules.travel_minutes) for other in held):
                continue
            held.append(slot)
            taken[slot.id] += 1
            per_service[slot.service] += 1
            assignment.append((person, slot.id))
    return figures(slots, wishes, assignment, "FIRST_COME")
