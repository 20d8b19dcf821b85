"""PDF documents (fpdf2, pure Python): attendance certificates and numbered invoices.

Uses fpdf2's core Helvetica font (Latin-1): characters outside it are replaced, never dropped
silently into an error. Returns bytes; never writes files, never sends e-mail.
"""

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _
from fpdf import FPDF

REPLACEMENTS = {"—": "-", "–": "-", "·": "-", "’": "'", "€": "EUR", "“": '"', "”": '"'}


def _latin(text) -> str:
    text = str(text)
    for bad, good in REPLACEMENTS.items():
        text = text.replace(bad, good)
    return text.encode("latin-1", "replace").decode("latin-1")


def _document(title: str) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_title(_latin(title))
    pdf.set_author(_latin(getattr(settings, "INTERVISIONS_ISSUER", "Maillage")))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(
        0,
        6,
        _latin(getattr(settings, "INTERVISIONS_ISSUER", "Maillage")),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(
        0,
        5,
        _latin(getattr(settings, "INTERVISIONS_ISSUER_ADDRESS", "")),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(10)
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 10, _latin(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 11)
    return pdf


def _line(pdf: FPDF, text: str, bold: bool = False) -> None:
    pdf.set_font("Helvetica", "B" if bold else "", 11)
    pdf.multi_cell(0, 7, _latin(text), new_x="LMARGIN", new_y="NEXT")


def certificate(registration, attended: int, total: int) -> bytes:
    cycle, group = registration.cycle, registration.group
    hours = attended * cycle.session_minutes / 60
    pdf = _document(_("Attendance certificate"))
    _line(
        pdf,
        _("We certify that %(name)s (%(institution)s) took part in the intervision cycle:")
        % {"name": registration.full_name, "institution": registration.organization.name},
    )
    pdf.ln(2)
    _line(pdf, str(cycle), bold=True)
    if group:
        _line(pdf, _("Group: %(group)s") % {"group": group.name})
    _line(
        pdf,
        _("Sessions attended: %(attended)s of %(total)s (%(hours)s hours).")
        % {"attended": attended, "total": total, "hours": formats.number_format(hours, 1)},
    )
    pdf.ln(8)
    _line(pdf, _("Done on %(date)s.") % {"date": formats.date_format(_today(), "DATE_FORMAT")})
    return bytes(pdf.output())


def invoice(inv) -> bytes:
    registration = inv.registration
    pdf = _document(_("Invoice %(number)s") % {"number": inv.number})
    _line(pdf, _("Date: %(date)s") % {"date": formats.date_format(inv.issued_on, "DATE_FORMAT")})
    _line(pdf, _("Billed to: %(name)s") % {"name": inv.billed_to})
    if not registration.anonymised_at:
        _line(pdf, _("Participant: %(name)s") % {"name": registration.full_name})
    pdf.ln(4)
    _line(
        pdf, _("Registration for the intervision cycle %(cycle)s") % {"cycle": registration.cycle}
    )
    rate = _("member rate") if registration.is_member else _("non-member rate")
    _line(pdf, f"{rate}: {formats.number_format(inv.amount, 2)} EUR", bold=True)
    pdf.ln(4)
    iban = getattr(settings, "INTERVISIONS_IBAN", "")
    if iban:
        _line(
            pdf,
            _("To pay by bank transfer to %(iban)s with the reference %(number)s.")
            % {"iban": iban, "number": inv.number},
        )
    _line(pdf, _("Paid") if inv.is_paid else _("Not paid yet"), bold=True)
    return bytes(pdf.output())


def _today():
    from django.utils import timezone

    return timezone.localdate()
