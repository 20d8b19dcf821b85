"""Intervisions: yearly cycles of closed peer-supervision groups, their registrations, sessions,
hosts, presenters, attendance and invoices.

Rows are written through ``intervisions.services`` only (one door per status). Seats in a group
and its waiting list live in the shared capacity service (``booking``), reached only through
``intervisions.seats``. This module never sends e-mail, never locks and never writes other apps'
rows.

One module per part: ``cycles`` (cycles and groups), ``registrations``, ``sessions`` (sessions,
presentations, attendance), ``invoices`` (invoices and credit notes) and ``issuer``.
"""

from .cycles import LANGUAGES, WEEKDAYS, WEEKS_OF_MONTH, Cycle, CycleQuerySet, Group
from .invoices import CreditNote, CreditNoteSequence, Invoice, InvoiceQuerySet, InvoiceSequence
from .issuer import InvoiceIssuer
from .registrations import Registration, RegistrationQuerySet
from .sessions import Attendance, Presentation, Session

__all__ = [
    "LANGUAGES",
    "WEEKDAYS",
    "WEEKS_OF_MONTH",
    "Attendance",
    "CreditNote",
    "CreditNoteSequence",
    "Cycle",
    "CycleQuerySet",
    "Group",
    "Invoice",
    "InvoiceIssuer",
    "InvoiceQuerySet",
    "InvoiceSequence",
    "Presentation",
    "Registration",
    "RegistrationQuerySet",
    "Session",
]
