"""Allocation of open doors visits by ranked wishes: a pure engine (no Django import).

Entry points: ``allocate(slots, wishes, rules)`` returns an ``Allocation``; ``violations()``
re-checks any assignment independently; ``first_come()`` simulates first-come booking (for the
benchmark); ``run_csv()`` is the CSV front end of the ``allocate_visits`` command.
"""

from .checker import conflicts, violations
from .csvio import read_slots, read_wishes, run_csv
from .engine import allocate
from .firstcome import first_come
from .model import Allocation, AllocationError, Rules, Slot, Wish

__all__ = [
    "Allocation",
    "AllocationError",
    "Rules",
    "Slot",
    "Wish",
    "allocate",
    "conflicts",
    "first_come",
    "read_slots",
    "read_wishes",
    "run_csv",
    "violations",
]
