"""Why one person cannot take two visits: the engine's rules applied to database slots.

Reads slots, never writes. Turns ``allocation.checker.conflicts`` into the reason a person sees.
"""

from .allocation import Slot as PlainSlot
from .allocation.checker import conflicts


def plain(slot) -> PlainSlot:
    """A database Slot as the engine's plain slot (municipality from the place's address)."""
    address = slot.address()
    municipality = ""
    if address is not None and address.municipality_id:
        municipality = address.municipality.nis_code
    start = slot.start_time.hour * 60 + slot.start_time.minute
    end = slot.end_time.hour * 60 + slot.end_time.minute
    return PlainSlot(
        str(slot.pk),
        str(slot.participation.service_id),
        slot.day,
        start,
        end,
        municipality or f"place:{slot.location_id}",
        slot.capacity,
    )


def conflict_reason(new, other, travel_minutes: int) -> str | None:
    """None when both can be attended, else "same_service", "overlap" or "travel"."""
    a, b = plain(new), plain(other)
    if not conflicts(a, b, travel_minutes):
        return None
    if a.service == b.service:
        return "same_service"
    if not conflicts(a, b, 0):
        return "travel"
    return "overlap"
