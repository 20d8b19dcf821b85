"""Independent check of an assignment against every rule of the open doors week.

Used by the engine on its own result, by the property-based tests and by the first-come
simulation. This module must never import Django nor a solver; it only reads plain data.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .model import Rules, Slot, Wish


def conflicts(a: Slot, b: Slot, travel_minutes: int) -> bool:
    """True when one person cannot attend both slots: same service, or same day and overlapping,
    or same day in different municipalities with less than the travel margin between them."""
    if a.id == b.id:
        return True
    if a.service == b.service:
        return True
    if a.day != b.day:
        return False
    margin = 0 if a.municipality == b.municipality else travel_minutes
    return not (a.end + margin <= b.start or b.end + margin <= a.start)


def violations(
    slots: dict[str, Slot], wishes: list[Wish], assignment: list[tuple[str, str]], rules: Rules
) -> list[str]:
    """Every broken rule, as readable sentences (empty list: the assignment is valid)."""
    problems: list[str] = []
    wished = {(w.professional, w.slot) for w in wishes}
    if len(set(assignment)) != len(assignment):
        problems.append("a (professional, slot) pair is granted twice")
    per_slot: Counter = Counter()
    per_service: Counter = Counter()
    per_person: dict[str, list[Slot]] = defaultdict(list)
    for person, slot_id in set(assignment):
        if (person, slot_id) not in wished:
            problems.append(f"{person} got {slot_id}, which they did not ask for")
            continue
        slot = slots[slot_id]
        per_slot[slot_id] += 1
        per_service[slot.service] += 1
        per_person[person].append(slot)
    for slot_id, count in per_slot.items():
        if count > slots[slot_id].capacity:
            problems.append(
                f"slot {slot_id}: {count} visitors > capacity {slots[slot_id].capacity}"
            )
    for service, cap in rules.max_per_service.items():
        if per_service[service] > cap:
            problems.append(f"service {service}: {per_service[service]} visitors > maximum {cap}")
    for person, visits in per_person.items():
        if len(visits) > rules.max_per_person:
            problems.append(f"{person}: {len(visits)} visits > maximum {rules.max_per_person}")
        for i, a in enumerate(visits):
            for b in visits[i + 1 :]:
                if conflicts(a, b, rules.travel_minutes):
                    problems.append(f"{person}: {a.id} and {b.id} cannot both be attended")
    return problems
