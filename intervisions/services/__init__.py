"""Intervisions use cases: the only code that writes intervision rows, owns transactions and
sends notifications. Views, admin, commands and tasks call these functions.

- ``cycles``: cycles and groups (coordinators), reviewing registrations;
- ``registrations``: the public registration, withdrawal, personal links;
- ``composition``: automatic composition, pins and moves, publication, waiting lists;
- ``calendar``: sessions, host rotation, presenters' rota, swaps;
- ``attendance``: attendance sheets and people at risk of dropping out;
- ``fees``: numbered invoices, payments, reminders;
- ``privacy``: anonymisation after the cycle and the statistics that survive it.
"""

from ..errors import IntervisionError
from .attendance import at_risk, attendance_summary, record_attendance
from .calendar import plan_group, swap_presenters
from .composition import compose_cycle, move, publish, put_on_waiting_list, unpin
from .cycles import create_cycle, save_group, set_cycle_status, set_registration_status
from .fees import issue_invoice, issue_invoices, mark_paid, remind_unpaid_invoices
from .privacy import anonymise_cycle, anonymise_ended_cycles, statistics
from .registrations import (
    feed_token,
    page_token,
    register,
    registration_from_token,
    withdraw,
)

__all__ = [
    "IntervisionError",
    "anonymise_cycle",
    "anonymise_ended_cycles",
    "at_risk",
    "attendance_summary",
    "compose_cycle",
    "create_cycle",
    "feed_token",
    "issue_invoice",
    "issue_invoices",
    "mark_paid",
    "move",
    "page_token",
    "plan_group",
    "publish",
    "put_on_waiting_list",
    "record_attendance",
    "register",
    "registration_from_token",
    "remind_unpaid_invoices",
    "save_group",
    "set_cycle_status",
    "set_registration_status",
    "statistics",
    "swap_presenters",
    "unpin",
    "withdraw",
]
