"""Plain data types of the intervision group composition engine.

Registrants and groups go in, a ``Composition`` comes out. Everything here is a plain
dataclass so that the Django layer can build inputs from its models and store outputs
without this package knowing anything about the ORM.

This module must never import Django (nor anything from the project's Django apps).
"""

from __future__ import annotations

from dataclasses import dataclass, field


class CompositionError(ValueError):
    """Invalid input (or an impossible set of coordinator pins); the message says why."""


@dataclass
class Registrant:
    id: str
    institution: str
    sector: str
    language: str
    choices: list[str]
    institution_type: str = ""
    pinned_group: str | None = None


@dataclass
class Group:
    id: str
    language: str
    min_size: int
    max_size: int
    max_per_institution: int = 2
    slot: str = ""


@dataclass
class Assignment:
    group: str | None
    choice_rank: int | None
    reason: str
    reason_code: str = ""
    #: For later choices / unplaced: [(group id, cause code)] for each better or eligible
    #: choice, cause in CAUSES, so that the Django layer can rebuild a translated message.
    details: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class GroupSummary:
    id: str
    language: str
    slot: str
    min_size: int
    max_size: int
    size: int
    cancelled: bool
    members: list[str] = field(default_factory=list)
    sectors: dict[str, int] = field(default_factory=dict)
    institution_types: dict[str, int] = field(default_factory=dict)
    max_from_one_institution: int = 0


@dataclass
class Composition:
    assignments: dict[str, Assignment]
    unplaced: list[str]
    cancelled_groups: list[str]
    groups: dict[str, GroupSummary]
    status: str
    method: str
    #: Placement+rank loss of the returned solution (lower is better, see docs/composition.md).
    objective: float
    #: Proven lower bound on that loss (equal to ``objective`` when proven optimal).
    bound: float
    #: (objective - bound) / objective, 0.0 when objective is 0 or proven optimal.
    gap: float
    #: Sector/institution-type imbalance after stage 2 (lower is better) and its bound.
    balance_objective: float = 0.0
    balance_bound: float = 0.0
    solve_time: float = 0.0

    @property
    def placed(self) -> int:
        return sum(1 for a in self.assignments.values() if a.group is not None)


# --- Stable reason codes (the Django layer translates them; ``reason`` is English text). ---

PINNED = "pinned"
FIRST_CHOICE = "first_choice"
LATER_CHOICE = "later_choice"

NO_CHOICE = "no_choice"
NO_CHOICE_IN_LANGUAGE = "no_choice_in_language"
ALL_CHOICES_CANCELLED = "all_choices_cancelled"
ALL_CHOICES_FULL = "all_choices_full"
INSTITUTION_LIMIT = "institution_limit"
FULL_OR_INSTITUTION_LIMIT = "full_or_institution_limit"
NOT_PLACED_SEARCH_LIMIT = "search_limit"

# Why a (better) chosen group did not get the registrant.
CAUSE_OTHER_LANGUAGE = "other_language"
CAUSE_CANCELLED = "cancelled"
CAUSE_FULL = "full"
CAUSE_INSTITUTION_LIMIT = "institution_limit"
CAUSE_MINIMUM_SIZE = "keeps_minimum_size"
CAUSE_TRADE_OFF = "trade_off"
CAUSE_AVAILABLE = "available"

CAUSE_MESSAGES = {
    CAUSE_OTHER_LANGUAGE: "other language",
    CAUSE_CANCELLED: "cancelled",
    CAUSE_FULL: "full",
    CAUSE_INSTITUTION_LIMIT: "institution limit reached",
    CAUSE_MINIMUM_SIZE: "needed to keep the current group at its minimum size",
    CAUSE_TRADE_OFF: "had room but the search did not use it",
    CAUSE_AVAILABLE: "had room",
}

UNPLACED_MESSAGES = {
    NO_CHOICE: "No group chosen",
    NO_CHOICE_IN_LANGUAGE: "No chosen group in the registrant's language",
    ALL_CHOICES_CANCELLED: "All chosen groups were cancelled (minimum size not reached)",
    ALL_CHOICES_FULL: "All chosen groups are full",
    INSTITUTION_LIMIT: "Institution limit reached in every chosen group",
    FULL_OR_INSTITUTION_LIMIT: "Chosen groups are full or at the institution limit",
    NOT_PLACED_SEARCH_LIMIT: "Not placed within the search time limit; a place may exist",
}


def ordinal(n: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def norm_language(value: str) -> str:
    """Languages are compared case-insensitively, ignoring surrounding spaces."""
    return (value or "").strip().upper()


def slot_key(group: Group) -> tuple[str, str]:
    """Groups sharing this key are interchangeable for the decomposition.

    An empty slot makes the group its own slot class.
    """
    slot = (group.slot or "").strip()
    return (norm_language(group.language), slot if slot else "\x00group:" + group.id)
