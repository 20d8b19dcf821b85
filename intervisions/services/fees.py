"""Invoices of paying registrations: numbered YYYY-NNNN, unique and without gaps per year
(the number is taken under a row lock in the same transaction as the invoice), payments and
reminders for the unpaid ones."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..errors import IntervisionError
from ..models import Invoice, InvoiceSequence, Registration
from . import notifications
from .cycles import _require_coordinator


def _next_number(year: int) -> int:
    InvoiceSequence.objects.get_or_create(year=year)
    sequence = InvoiceSequence.objects.select_for_update().get(year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return sequence.last


def issue_invoice(registration: Registration, *, today=None) -> Invoice:
    """The registration's invoice (created once; the same one afterwards)."""
    if registration.cycle.is_free or not registration.fee:
        raise IntervisionError("free_cycle")
    if registration.anonymised_at:
        raise IntervisionError("anonymised")
    today = today or timezone.localdate()
    with transaction.atomic():
        existing = Invoice.objects.filter(registration=registration).first()
        if existing:
            return existing
        invoice = Invoice.objects.create(
            registration=registration,
            year=today.year,
            sequence=_next_number(today.year),
            billed_to=registration.organization.name,
            amount=registration.fee,
            issued_on=today,
        )
    notifications.send(registration, "invoice", {"invoice": invoice})
    return invoice


def issue_invoices(cycle, by, *, today=None) -> list[Invoice]:
    """Invoices for every placed, accepted, paying registration that has none yet."""
    _require_coordinator(by)
    todo = cycle.registrations.filter(
        status=Registration.Status.ACCEPTED, group__isnull=False, invoice__isnull=True, fee__gt=0
    ).personal()
    return [issue_invoice(r, today=today) for r in todo.order_by("pk")]


def mark_paid(invoice: Invoice, by, *, paid: bool = True) -> Invoice:
    _require_coordinator(by)
    invoice.paid_at = timezone.now() if paid else None
    invoice.save(update_fields=["paid_at"])
    return invoice


def remind_unpaid_invoices(*, today=None) -> int:
    """Send a reminder for invoices unpaid after the delay (and not reminded within it)."""
    days = int(getattr(settings, "INTERVISIONS_REMINDER_DAYS", 30))
    now = timezone.now()
    if today is not None:  # a run "as of" another day (tests, catching up by hand)
        now = timezone.make_aware(datetime.datetime.combine(today, datetime.time(12)))
    today = timezone.localdate(now)
    limit = today - datetime.timedelta(days=days)
    sent = 0
    due = Invoice.objects.unpaid().filter(
        issued_on__lte=limit, registration__anonymised_at__isnull=True
    )
    for invoice in due.select_related("registration__cycle", "registration__user"):
        if invoice.reminded_at and timezone.localdate(invoice.reminded_at) > limit:
            continue
        notifications.send(invoice.registration, "invoice_reminder", {"invoice": invoice})
        invoice.reminded_at = now
        invoice.save(update_fields=["reminded_at"])
        sent += 1
    return sent
