"""Intervision group composition engine (pure Python + OR-Tools CP-SAT).

Public API: ``compose`` (two-stage CP-SAT), ``compose_greedy`` (baseline), the input/output
dataclasses, ``CompositionError``, the independent checker and the CSV helpers.

Nothing in this package may ever import Django: the Django layer calls into it, never the
other way round.
"""

from .checker import check_composition, violations
from .csvio import read_groups, read_registrants, run_csv, write_assignments
from .greedy import compose_greedy
from .model import (
    Assignment,
    Composition,
    CompositionError,
    Group,
    GroupSummary,
    Registrant,
)
from .solver import compose

__all__ = [
    "Assignment",
    "Composition",
    "CompositionError",
    "Group",
    "GroupSummary",
    "Registrant",
    "check_composition",
    "compose",
    "compose_greedy",
    "read_groups",
    "read_registrants",
    "run_csv",
    "violations",
    "write_assignments",
]
