"""Invoices of paying registrations and the credit notes that cancel them.

Invoices are numbered YYYY-NNNN and credit notes CN-YYYY-NNNN, each unique and without gaps per
year (the number is taken under a row lock in the same transaction as the document). An invoice
is never deleted or renumbered: a credit note cancels it. Each document copies the issuer and the
recipient as they are when it is issued. Also: payments and reminders for the unpaid ones.

A credit-noted invoice no longer counts: the registration can be invoiced again, under a new
number. At most one invoice of a registration is live (not cancelled). Two guards keep it so:
``issue_invoice`` locks the registration's row (``select_for_update``, PostgreSQL) before it
looks for a live invoice, so two coordinators issuing at once queue and the second gets the
first one's invoice; and the unique index ``intervisions_one_live_invoice`` refuses a second live
row whatever the path (SQLite, which has no row locks, serialises writers anyway). A refused
insert rolls the whole transaction back, the sequence's increment with it: no gap.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from directory.models import Address, address_may_be_shown

from ..errors import IntervisionError
from ..models import CreditNote, CreditNoteSequence, Invoice, InvoiceSequence, Registration
from . import notifications
from .cycles import _require_coordinator
from .issuer import require_issuer


def _next_number(sequence_model, year: int) -> int:
    sequence_model.objects.get_or_create(year=year)
    sequence = sequence_model.objects.select_for_update().get(year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return sequence.last


def billing_address(organization) -> str:
    """The institution's address for an invoice, on several lines: a postal address first, then
    a physical one; never the address of a confidential place (``address_may_be_shown``)."""
    addresses = Address.objects.filter(location__organization=organization).select_related(
        "location"
    )
    shown = [a for a in addresses if address_may_be_shown(a.location.is_confidential)]
    if not shown:
        return ""
    best = min(shown, key=lambda a: (a.address_type != "postal", a.address_type != "physical"))
    lines = [best.attention, best.address_1, best.address_2, f"{best.postal_code} {best.city}"]
    return "\n".join(line.strip() for line in lines if line and line.strip())


def issue_invoice(registration: Registration, *, today=None) -> Invoice:
    """The registration's live invoice: created when it has none (never, or only credit-noted
    ones), the same one afterwards."""
    if registration.cycle.is_free or not registration.fee:
        raise IntervisionError("free_cycle")
    if registration.anonymised_at:
        raise IntervisionError("anonymised")
    issuer = require_issuer()
    today = today or timezone.localdate()
    language = notifications.language_of(registration)
    with transaction.atomic():
        Registration.objects.select_for_update().filter(pk=registration.pk).first()
        existing = Invoice.objects.live().filter(registration=registration).first()
        if existing:
            return existing
        organization = registration.organization
        with translation.override(language):
            vat_mention = issuer.vat_mention  # modeltranslation: the invoice's language
        invoice = Invoice.objects.create(
            registration=registration,
            year=today.year,
            sequence=_next_number(InvoiceSequence, today.year),
            language=language,
            billed_to=organization.name,
            billed_to_address=billing_address(organization),
            billed_to_enterprise_number=organization.enterprise_number,
            amount=registration.fee,
            issued_on=today,
            due_on=today + datetime.timedelta(days=issuer.payment_days),
            issuer_name=issuer.name,
            issuer_address=issuer.address,
            issuer_enterprise_number=issuer.enterprise_number,
            issuer_iban=issuer.iban,
            issuer_bic=issuer.bic,
            vat_mention=vat_mention,
        )
    notifications.send(registration, "invoice", {"invoice": invoice})
    return invoice


def missing_invoices(cycle):
    """Placed, accepted, paying registrations of the cycle without a live invoice (none yet,
    or only invoices cancelled by a credit note)."""
    return (
        cycle.registrations.filter(
            status=Registration.Status.ACCEPTED,
            group__isnull=False,
            fee__gt=0,
        )
        .exclude(invoices__cancelled=False)
        .personal()
        .order_by("pk")
    )


def issue_invoices(cycle, by, *, today=None) -> list[Invoice]:
    """Invoices for every registration of ``missing_invoices``."""
    _require_coordinator(by)
    if cycle.is_free:
        raise IntervisionError("free_cycle")
    require_issuer()
    return [issue_invoice(r, today=today) for r in missing_invoices(cycle)]


def credit(invoice: Invoice, reason: str, by, *, today=None) -> CreditNote:
    """Cancel ``invoice`` with a credit note for its whole amount (once)."""
    _require_coordinator(by)
    if reason not in CreditNote.Reason.values:
        raise IntervisionError("invalid_reason")
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = Invoice.objects.select_for_update().get(pk=invoice.pk)
        if CreditNote.objects.filter(invoice=locked).exists():
            raise IntervisionError("already_credited", number=locked.number)
        note = CreditNote.objects.create(
            invoice=locked,
            year=today.year,
            sequence=_next_number(CreditNoteSequence, today.year),
            amount=locked.amount,
            issued_on=today,
            reason=reason,
        )
        locked.cancelled = True
        locked.save(update_fields=["cancelled"])
    return note


def mark_paid(invoice: Invoice, by, *, paid: bool = True) -> Invoice:
    _require_coordinator(by)
    if paid and invoice.is_cancelled:
        raise IntervisionError("already_credited", number=invoice.number)
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
