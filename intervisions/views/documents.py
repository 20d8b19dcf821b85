"""Coordinators' invoicing pages (invoices of a cycle, issuing them after a confirmation that
says how many, credit notes, the issuer's details) and the PDFs: invoices, credit notes and
attendance certificates. Thin: every rule is in ``intervisions.services``."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.permissions import coordinator_required
from core.params import id_param
from privacy.audit import log_read

from .. import pdf, services
from ..errors import IntervisionError
from ..forms_invoices import CreditNoteForm, IssuerForm
from ..models import CreditNote, Cycle, Invoice, InvoiceIssuer, Registration
from ..services import fees
from ..services.attendance import certificate_facts
from ..services.calendar import can_manage
from ..services.issuer import current_issuer, save_issuer
from ..services.previews import invoices_preview
from .common import file_response


@coordinator_required
def invoices(request, pk: int):
    cycle = get_object_or_404(Cycle, pk=pk)
    if request.method == "POST":
        invoice = get_object_or_404(
            Invoice, pk=id_param(request, "invoice", posted=True), registration__cycle=cycle
        )
        try:
            services.mark_paid(invoice, request.user, paid=request.POST.get("action") == "paid")
        except IntervisionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Invoice %(number)s saved.") % {"number": invoice.number})
        return redirect("intervisions:invoices", pk=pk)
    rows = (
        Invoice.objects.filter(registration__cycle=cycle)
        .select_related("registration", "credit_note")
        .order_by("year", "sequence")
    )
    log_read(request, "intervision_invoices", cycle)
    context = {
        "cycle": cycle,
        "invoices": rows,
        "issuer": current_issuer(),
        "preview": invoices_preview(cycle),
    }
    return render(request, "intervisions/manage/invoices.html", context)


@coordinator_required
def issue_invoices(request, pk: int):
    """GET: how many invoices would be issued; POST (confirmed): issue them."""
    cycle = get_object_or_404(Cycle, pk=pk)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            issued = services.issue_invoices(cycle, request.user)
        except IntervisionError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                ngettext("%(n)s invoice issued.", "%(n)s invoices issued.", len(issued))
                % {"n": len(issued)},
            )
        return redirect("intervisions:invoices", pk=pk)
    context = {"cycle": cycle, "preview": invoices_preview(cycle), "issuer": current_issuer()}
    return render(request, "intervisions/manage/issue_invoices.html", context)


@coordinator_required
def credit(request, pk: int):
    """Cancel an invoice with a credit note (a form with the reason, then the note's PDF)."""
    invoice = get_object_or_404(Invoice.objects.select_related("registration__cycle"), pk=pk)
    form = CreditNoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            note = fees.credit(invoice, form.cleaned_data["reason"], request.user)
        except IntervisionError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Credit note %(note)s issued: the invoice %(number)s is cancelled.")
                % {"note": note.number, "number": invoice.number},
            )
        return redirect("intervisions:invoices", pk=invoice.registration.cycle_id)
    context = {"invoice": invoice, "cycle": invoice.registration.cycle, "form": form}
    return render(request, "intervisions/manage/credit.html", context)


@coordinator_required
def issuer(request):
    """Who issues the invoices: name, address, BCE/KBO number, IBAN, BIC, VAT mention."""
    instance = current_issuer() or InvoiceIssuer(pk=1)  # pk 1: the one issuer (constraint)
    form = IssuerForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            save_issuer(form.save(commit=False), request.user)
        except IntervisionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The invoice issuer has been saved."))
            back = request.GET.get("cycle", "")
            if back.isascii() and back.isdigit() and Cycle.objects.filter(pk=back).exists():
                return redirect("intervisions:invoices", pk=int(back))
            return redirect("intervisions:issuer")
    return render(request, "intervisions/manage/issuer.html", {"form": form})


@coordinator_required
def invoice_pdf(request, pk: int):
    invoice = get_object_or_404(Invoice, pk=pk)
    log_read(request, "intervision_invoice", invoice, fmt="pdf")
    return file_response(pdf.invoice(invoice), f"invoice-{invoice.number}.pdf", "application/pdf")


@coordinator_required
def credit_note_pdf(request, pk: int):
    note = get_object_or_404(CreditNote.objects.select_related("invoice__registration"), pk=pk)
    log_read(request, "intervision_invoice", note.invoice, fmt="pdf")
    return file_response(pdf.credit_note(note), f"credit-note-{note.number}.pdf", "application/pdf")


def certificate(request, pk: int):
    """A certificate, for coordinators and the group's facilitators."""
    registration = get_object_or_404(Registration, pk=pk, group__isnull=False)
    if not can_manage(request.user, registration.group):
        raise PermissionDenied
    try:
        facts = certificate_facts(registration)
    except IntervisionError as error:
        messages.error(request, error.message)
        return redirect("intervisions:group", pk=registration.group_id)
    return file_response(
        pdf.certificate(facts), f"certificate-{registration.pk}.pdf", "application/pdf"
    )
