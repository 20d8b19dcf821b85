"""Promotion rules: who on a waiting list may take a freed seat.

By default the first waiting booking gets the seat (first come, first served). A resource may
name a rule (``Resource.promotion_rule``) registered here by the app that owns it; a waiting
booking that fails the rule keeps its place in the queue and the next one is considered. Rules
run while the booking service holds the resource's lock: they only read, never write nor send.

    from booking import rules

    @rules.register("intervisions.institution_cap")
    def institution_cap(booking) -> bool: ...
"""

from collections.abc import Callable

_RULES: dict[str, Callable] = {}


def register(name: str):
    def decorator(func: Callable) -> Callable:
        _RULES[name] = func
        return func

    return decorator


def get(name: str) -> Callable | None:
    """The rule of that name; None for "" (first come, first served). An unknown name is an
    error in the owning app, not in the data: fail loudly."""
    if not name:
        return None
    if name not in _RULES:
        raise LookupError(f"No booking promotion rule named {name!r} is registered.")
    return _RULES[name]
