"""The invoice and credit note PDFs: what a Belgian accountant expects on them (issuer with its
enterprise number, recipient institution and address, number, dates, VAT mention, IBAN, BIC and
structured communication).

Printed from the copy kept on the invoice (older invoices without one use the current issuer),
in the invoice's language whoever downloads it. Returns bytes; never writes to the database.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ..services.issuer import current_issuer
from .base import amount_table, boxed_block, day, document, facts, header_block, line, money, title


def _issuer(inv) -> dict:
    """The issuer as printed: the invoice's copy, else (older invoices) the current one."""
    if inv.issuer_name:
        return {
            "name": inv.issuer_name,
            "address": inv.issuer_address,
            "enterprise_number": inv.issuer_enterprise_number,
            "iban": inv.issuer_iban,
            "bic": inv.issuer_bic,
            "vat_mention": inv.vat_mention,
            "email": "",
        }
    current = current_issuer()
    if current is None:
        return {"name": getattr(settings, "INTERVISIONS_ISSUER", "Maillage"), "address": ""}
    return {
        "name": current.name,
        "address": current.address,
        "enterprise_number": current.enterprise_number,
        "iban": current.iban,
        "bic": current.bic,
        "vat_mention": current.vat_mention,
        "email": current.email,
    }


def _top(pdf, issuer: dict, inv) -> None:
    """Issuer at the top left, the institution billed on the right."""
    lines = (issuer.get("address") or "").splitlines()
    if issuer.get("enterprise_number"):
        lines.append(_("Enterprise number: %(number)s") % {"number": issuer["enterprise_number"]})
    if issuer.get("email"):
        lines.append(issuer["email"])
    top = pdf.get_y()
    header_block(pdf, issuer["name"], lines)
    left_bottom = pdf.get_y()
    recipient = [inv.billed_to, *inv.billed_to_address.splitlines()]
    if inv.billed_to_enterprise_number:
        recipient.append(
            _("Enterprise number: %(number)s") % {"number": inv.billed_to_enterprise_number}
        )
    right_bottom = boxed_block(pdf, 115, top + 12, _("Billed to"), recipient)
    pdf.set_xy(pdf.l_margin, max(left_bottom, right_bottom) + 10)


def _description(inv) -> str:
    registration = inv.registration
    text = _("Registration for the intervision cycle %(cycle)s") % {"cycle": registration.cycle}
    if not registration.anonymised_at:
        text += " - " + _("participant: %(name)s") % {"name": registration.full_name}
    rate = _("member rate") if registration.is_member else _("non-member rate")
    return f"{text} ({rate})"


def invoice(inv) -> bytes:
    with translation.override(inv.language):
        return _invoice(inv)


def _invoice(inv) -> bytes:
    issuer = _issuer(inv)
    pdf = document(
        _("Invoice %(number)s") % {"number": inv.number},
        issuer["name"],
        footer=_("Invoice %(number)s") % {"number": inv.number},
    )
    _top(pdf, issuer, inv)
    title(pdf, _("Invoice %(number)s") % {"number": inv.number})
    rows = [(_("Invoice date"), day(inv.issued_on))]
    if inv.due_on:
        rows.append((pgettext("invoice", "Due date"), day(inv.due_on)))
    rows.append((_("Structured communication"), inv.payment_reference))
    facts(pdf, rows)
    pdf.ln(6)
    amount_table(
        pdf,
        (pgettext("invoice", "Description"), _("Amount")),
        [(_description(inv), money(inv.amount))],
        (_("Total to pay"), money(inv.amount)),
    )
    pdf.ln(3)
    if issuer.get("vat_mention"):
        line(pdf, issuer["vat_mention"], size=10)
    pdf.ln(6)
    if issuer.get("iban"):
        values = {
            "amount": money(inv.amount),
            "iban": issuer["iban"],
            "bic": issuer.get("bic") or "-",
            "reference": inv.payment_reference,
        }
        if inv.due_on:
            values["due"] = day(inv.due_on)
            text = _(
                "Please pay %(amount)s by %(due)s to the account %(iban)s (BIC %(bic)s), with the "
                "structured communication %(reference)s."
            )
        else:
            text = _(
                "Please pay %(amount)s to the account %(iban)s (BIC %(bic)s), with the structured "
                "communication %(reference)s."
            )
        line(pdf, text % values)
    pdf.ln(4)
    if inv.is_cancelled:
        note = inv.credit_note
        line(
            pdf,
            _("Cancelled by the credit note %(number)s of %(date)s.")
            % {"number": note.number, "date": day(note.issued_on)},
            bold=True,
        )
    elif inv.is_paid:
        line(pdf, pgettext("invoice", "Paid"), bold=True)
    return bytes(pdf.output())


def credit_note(note) -> bytes:
    with translation.override(note.invoice.language):
        return _credit_note(note)


def _credit_note(note) -> bytes:
    inv = note.invoice
    issuer = _issuer(inv)
    pdf = document(
        _("Credit note %(number)s") % {"number": note.number},
        issuer["name"],
        footer=_("Credit note %(number)s") % {"number": note.number},
    )
    _top(pdf, issuer, inv)
    title(pdf, _("Credit note %(number)s") % {"number": note.number})
    facts(
        pdf,
        [
            (_("Date"), day(note.issued_on)),
            (_("Cancels the invoice"), f"{inv.number} ({day(inv.issued_on)})"),
            (_("Reason"), note.get_reason_display()),
        ],
    )
    pdf.ln(6)
    amount_table(
        pdf,
        (pgettext("invoice", "Description"), _("Amount")),
        [(_description(inv), money(-note.amount))],
        (_("Total credited"), money(-note.amount)),
    )
    pdf.ln(3)
    if issuer.get("vat_mention"):
        line(pdf, issuer["vat_mention"], size=10)
    pdf.ln(6)
    if inv.is_paid:
        line(pdf, _("The amount already paid will be refunded."))
    else:
        line(
            pdf,
            _("The invoice %(number)s is cancelled: nothing is to be paid.")
            % {"number": inv.number},
        )
    return bytes(pdf.output())
