"""Public pages: the programme (filters, free seats, map), its PDF, a slot, booking."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import pdf, programme
from ..errors import OpenDoorsError
from ..forms import ProgrammeFilterForm
from ..models import Slot, Visit
from ..services import visits as visit_services
from ..services.call import is_host
from .common import edition_from, show_error


def programme_page(request):
    edition = edition_from(request)
    form = ProgrammeFilterForm(request.GET or None, edition=edition)
    rows = programme.rows(edition, form.filters())
    mine = {}
    if request.user.is_authenticated:
        mine = {
            v.slot_id: v
            for v in Visit.objects.active()
            .filter(visitor=request.user, slot__participation__edition=edition)
            .select_related("booking")
        }
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "opendoors/programme.html",
        {
            "edition": edition,
            "form": form,
            "days": programme.grouped(rows),
            "count": len(rows),
            "mine": mine,
            "booking_open": visit_services.booking_open(edition),
            "map_points": programme.map_points(rows),
            "tiles_url": getattr(settings, "MAILLAGE_MAP_TILES_URL", ""),
            "tiles_attribution": getattr(settings, "MAILLAGE_MAP_ATTRIBUTION", ""),
            "query": query.urlencode(),
        },
    )


def programme_pdf(request):
    edition = edition_from(request)
    form = ProgrammeFilterForm(request.GET or None, edition=edition)
    rows = programme.rows(edition, form.filters())
    response = HttpResponse(
        pdf.programme(edition, programme.grouped(rows)), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'inline; filename="programme.pdf"'
    return response


def slot_detail(request, pk):
    slot = get_object_or_404(
        Slot.objects.in_programme().select_related(
            "participation__service__organization", "location"
        ),
        pk=pk,
    )
    edition = slot.participation.edition
    mine = None
    if request.user.is_authenticated:
        mine = (
            Visit.objects.active()
            .filter(slot=slot, visitor=request.user)
            .select_related("booking")
            .first()
        )
    return render(
        request,
        "opendoors/slot.html",
        {
            "slot": slot,
            "edition": edition,
            "participation": slot.participation,
            "address": slot.address(),
            "free": max(slot.capacity - slot.visits.confirmed().count(), 0),
            "mine": mine,
            "booking_open": visit_services.booking_open(edition),
            "is_host": is_host(request.user, slot.participation),
            "deadline": visit_services.cancel_deadline(slot),
        },
    )


@login_required
@require_POST
def book(request, pk):
    slot = get_object_or_404(Slot.objects.in_programme(), pk=pk)
    try:
        visit = visit_services.book_visit(slot, request.user)
    except OpenDoorsError as error:
        show_error(request, error)
    else:
        if visit.booking.is_confirmed:
            messages.success(
                request, _("Your visit is booked. A confirmation e-mail is on its way.")
            )
        else:
            messages.info(
                request,
                _("This visit is full: you are on its waiting list (position %(n)s).")
                % {"n": visit.booking.waiting_position()},
            )
    back = request.POST.get("next", "")
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect("opendoors:slot", pk=slot.pk)
