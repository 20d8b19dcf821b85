"""Events use cases (the only writers of events rows): registration and its seats
(``registration``), organizers' tools (``organizing``), reports and follow-up (``followup``),
conversation tables (``tables``) and reminders (``reminders``). Import from here.
"""

from ..errors import EventError
from .followup import (
    add_attachment,
    add_expectation,
    can_edit_actions,
    publish_report,
    remove_attachment,
    save_action,
    save_report,
    set_expectation_status,
)
from .organizing import (
    SYSTEM,
    can_create,
    can_manage,
    capacity_problem,
    check_in,
    checked_in_count,
    default_attendance,
    default_organizer,
    option_capacity_problem,
    record_attendance,
    save_event,
    save_event_option,
    sync_resources,
)
from .registration import (
    cancel_by_token,
    cancel_registration,
    register,
    registration_for,
)
from .reminders import send_reminders
from .retention import anonymise_past_registrations
from .tables import add_table, assign_tables

__all__ = [
    "can_edit_actions",
    "checked_in_count",
    "default_attendance",
    "default_organizer",
    "option_capacity_problem",
    "remove_attachment",
    "SYSTEM",
    "capacity_problem",
    "anonymise_past_registrations",
    "can_create",
    "save_event_option",
    "add_attachment",
    "add_expectation",
    "add_table",
    "assign_tables",
    "can_manage",
    "cancel_by_token",
    "cancel_registration",
    "check_in",
    "EventError",
    "publish_report",
    "record_attendance",
    "register",
    "registration_for",
    "save_action",
    "save_event",
    "save_report",
    "send_reminders",
    "set_expectation_status",
    "sync_resources",
]
