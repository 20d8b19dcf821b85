"""Pure-Python scheduling rules for intervision cycles.

What it is for: computing the monthly session dates of an intervision group
(skipping Belgian public holidays and community school holidays), rotating the
hosting institution and drawing up the presenters' rota.

What it must never do: import Django, touch a database, read settings or reach
the network. The Django layer (models, views, tasks) calls into this package
with plain values (dates, ids) and persists the results itself. Errors are
raised as :class:`SchedulingError`, whose stable ``code`` lets that layer show
a translated message.

See ``docs/scheduling.md`` for the rules, the sources of holiday dates and the
known limitations.
"""

from __future__ import annotations

from typing import Any


class SchedulingError(ValueError):
    """A scheduling request that cannot be satisfied or is malformed.

    ``code`` is a stable, machine-readable identifier (e.g. ``"not_enough_slots"``)
    meant to be mapped to a translated message; ``params`` holds the values to
    interpolate. ``str(error)`` is a short English explanation.
    """

    def __init__(self, code: str, message: str, params: dict[str, Any] | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = dict(params or {})

    def __repr__(self) -> str:
        return f"SchedulingError(code={self.code!r}, message={self.message!r})"


# Re-exports for convenience; they come after SchedulingError on purpose because
# the submodules import it from here.
from .calendar import Adjustment, Schedule, generate_sessions, plan_sessions  # noqa: E402
from .holidays import COMMUNITIES, Closure, ClosureCalendar  # noqa: E402
from .rotation import (  # noqa: E402
    Candidate,
    host_rotation,
    presenter_rota,
    swap_presenters,
)

__all__ = [
    "COMMUNITIES",
    "Adjustment",
    "Candidate",
    "Closure",
    "ClosureCalendar",
    "Schedule",
    "SchedulingError",
    "generate_sessions",
    "host_rotation",
    "plan_sessions",
    "presenter_rota",
    "swap_presenters",
]
