"""What the intervisions app keeps about people: the retention policy of its models, the export
of one person's data ("My data") and what erasing an account does here (registrations anonymised,
invoices kept). Read by ``privacy.registry``; never called directly by views.
"""

import contextlib
import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.policy import After, FieldRule, RecordPolicy, Upcoming
from privacy.registry import register_erasure, register_export, register_policy

from .models import Cycle, Group, Invoice, Registration
from .services import privacy


def _apply(now, dry_run: bool) -> int:
    today = timezone.localdate(now)
    if dry_run:
        return sum(c.registrations.personal().count() for c in Cycle.objects.to_anonymise(today))
    return sum(privacy.anonymise_ended_cycles(today=today).values())


def _schedule(now) -> list[Upcoming]:
    today = timezone.localdate(now)
    rows = []
    for cycle in Cycle.objects.filter(anonymised_at__isnull=True).order_by("end_date"):
        count = cycle.registrations.personal().count()
        if count:
            due = cycle.end_date + datetime.timedelta(days=cycle.retention_days + 1)
            rows.append(Upcoming(due=due if due > today else None, count=count, label=str(cycle)))
    return rows


ANONYMISED = After.ANONYMISE
register_policy(
    RecordPolicy(
        model="intervisions.Registration",
        key="intervision_registrations",
        title=_("Intervision registrations"),
        purpose=_(
            "To compose the groups, contact you during the cycle (a change of date or place), "
            "plan who hosts and presents, record attendance, issue the invoice and the "
            "certificate."
        ),
        kept=_(
            "Until the end of the yearly cycle, plus the delay the cycle states (90 days by "
            "default), so that we can contact you in case of change and answer questions about "
            "invoices."
        ),
        after=ANONYMISED,
        fields={
            "user": FieldRule(_("your account, to show your registration"), ANONYMISED),
            "first_name": FieldRule(_("your first name, for your group"), ANONYMISED),
            "last_name": FieldRule(_("your last name, for your group"), ANONYMISED),
            "email": FieldRule(_("your e-mail, to contact you during the cycle"), ANONYMISED),
            "phone": FieldRule(_("your phone, to reach you on a session day"), ANONYMISED),
            "function": FieldRule(_("your job, to balance the groups"), ANONYMISED),
            "institution_type": FieldRule(
                _("the kind of institution you work for, for the network's figures"),
                After.STATISTICS,
            ),
            "preferences": FieldRule(_("the groups you chose, to place you"), After.STATISTICS),
            "reason_code": FieldRule(
                _("why the composition placed you where it did"), After.STATISTICS
            ),
            "reason_details": FieldRule(_("details of the composition's reason"), After.STATISTICS),
            "consent_version": FieldRule(
                _("the version of this policy you accepted"), After.STATISTICS
            ),
        },
        apply=_apply,
        schedule=_schedule,
    )
)
register_policy(
    RecordPolicy(
        model="intervisions.Group",
        key="intervision_facilitators",
        title=_("Intervision facilitators"),
        purpose=_("Who facilitates a group, shown to its participants."),
        kept=_("While the cycle's data is kept; the link is cut when the account is erased."),
        after=After.WITH_ACCOUNT,
        fields={
            "facilitator_social": FieldRule(
                _("facilitator from the social sector"), After.WITH_ACCOUNT
            ),
            "facilitator_mental_health": FieldRule(
                _("facilitator from the mental-health sector"), After.WITH_ACCOUNT
            ),
        },
    )
)
register_policy(
    RecordPolicy(
        model="intervisions.Invoice",
        key="intervision_invoices",
        title=_("Invoices"),
        purpose=_("The invoice of a paying registration, addressed to your institution."),
        kept=_(
            "As long as accounting law requires. The invoice names the institution billed, not "
            "you, and stays when the registration is anonymised or the account erased."
        ),
        after=After.LEGAL,
        fields={
            "billed_to": FieldRule(_("the institution billed"), After.LEGAL),
        },
    )
)


def _registrations_of(user):
    return Registration.objects.filter(Q(user=user) | Q(email__iexact=user.email)).filter(
        anonymised_at__isnull=True
    )


def export(user) -> list[dict]:
    rows = []
    registrations = _registrations_of(user).select_related("cycle", "group", "organization")
    for r in registrations.order_by("created_at"):
        invoice = Invoice.objects.live().filter(registration=r).first()
        credited = Invoice.objects.filter(registration=r, cancelled=True).select_related(
            "credit_note"
        )
        rows.append(
            {
                "kind": "intervision_registration",
                "cycle": str(r.cycle),
                "first_name": r.first_name,
                "last_name": r.last_name,
                "email": r.email,
                "phone": r.phone,
                "function": r.function,
                "institution": r.organization.name,
                "sector": r.sector,
                "language": r.language,
                "preferences": [g.name for g in r.preferred_groups()],
                "status": r.status,
                "group": r.group.name if r.group_id and r.cycle.is_published else None,
                "fee": str(r.fee),
                "registered_at": r.created_at.isoformat(),
                "consent_at": r.consent_at.isoformat(),
                "consent_version": r.consent_version,
                "attendance": [
                    {"date": a.session.date.isoformat(), "status": a.status}
                    for a in r.attendances.select_related("session").order_by("session__date")
                ],
                "invoice": (
                    {
                        "number": invoice.number,
                        "billed_to": invoice.billed_to,
                        "amount": str(invoice.amount),
                        "issued_on": invoice.issued_on.isoformat(),
                        "paid": invoice.is_paid,
                    }
                    if invoice
                    else None
                ),
                "credited_invoices": [
                    {
                        "number": c.number,
                        "amount": str(c.amount),
                        "issued_on": c.issued_on.isoformat(),
                        "credit_note": c.credit_note.number,
                    }
                    for c in credited.order_by("year", "sequence")
                ],
            }
        )
    groups = Group.objects.filter(
        Q(facilitator_social=user) | Q(facilitator_mental_health=user)
    ).select_related("cycle")
    for group in groups:
        rows.append(
            {"kind": "intervision_facilitation", "cycle": str(group.cycle), "group": group.name}
        )
    return rows


def erase(user) -> int:
    """Withdraw the person from cycles still running (their seat goes to the waiting list), then
    anonymise every registration. Invoices stay: they point at the anonymised registration and
    name the institution billed."""
    from .errors import IntervisionError
    from .services import withdraw

    today = timezone.localdate()
    count = 0
    for registration in _registrations_of(user).select_related("cycle", "group"):
        if registration.cycle.end_date >= today:
            with contextlib.suppress(IntervisionError):
                withdraw(registration)
        with transaction.atomic():
            locked = Registration.objects.select_for_update().get(pk=registration.pk)
            privacy.anonymise_registration(locked, reason="account erased by its owner")
        count += 1
    return count


register_export("intervisions", _("Intervisions"), export)
register_erasure("intervisions", erase)
register_policy(
    RecordPolicy(
        model="intervisions.InvoiceIssuer",
        key="intervision_invoice_issuer",
        title=_("Invoices"),
        purpose=_("The public sheet of an organization in the directory."),
        kept=_("While the organization is in the directory."),
        after=After.PUBLIC,
        fields={
            # The network's invoicing address (an organization's, printed on its invoices).
            "email": FieldRule(_("the organization's public contact address"), After.PUBLIC),
        },
    )
)
