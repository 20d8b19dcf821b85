"""Coordinator pages: review the call, run and publish the wish round, dashboard, exports."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.permissions import coordinator_required
from core.tabular import csv_text, xlsx_bytes
from privacy.audit import log_read

from .. import charts, exports
from ..errors import OpenDoorsError
from ..forms import ReviewForm
from ..models import Edition, Participation, Wish
from ..services import call
from ..services import figures as figure_services
from ..services import wishes as wish_services
from .common import edition_from, show_error


@coordinator_required
def review_list(request):
    edition = edition_from(request, published_only=False)
    participations = (
        Participation.objects.filter(edition=edition)
        .select_related("service__organization")
        .prefetch_related("slots")
        .order_by("status", "service__name")
    )
    return render(
        request,
        "opendoors/review_list.html",
        {
            "edition": edition,
            "participations": participations,
            "editions": Edition.objects.all(),
        },
    )


@coordinator_required
def review(request, pk):
    participation = get_object_or_404(
        Participation.objects.select_related("edition", "service__organization"), pk=pk
    )
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            call.review_participation(
                participation, form.cleaned_data["decision"], note=form.cleaned_data["note"]
            )
        except OpenDoorsError as error:
            form.add_error("note", error.message)
        else:
            messages.success(request, _("Decision saved; the host is told by e-mail."))
            return redirect(
                f"{reverse('opendoors:review_list')}?edition={participation.edition_id}"
            )
    slots = list(participation.slots.all())
    return render(
        request,
        "opendoors/review.html",
        {
            "participation": participation,
            "slots": slots,
            "form": form,
            "warnings": call.warnings(participation),
        },
    )


@coordinator_required
def wish_round(request):
    edition = edition_from(request, published_only=False)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "open":
                wish_services.open_wish_round(edition)
                messages.success(request, _("The wish round is open."))
            elif action == "allocate":
                wish_services.run_allocation(edition)
                messages.success(
                    request, _("The allocation is computed: check the figures, then publish.")
                )
            elif action == "publish":
                count = wish_services.publish_allocation(edition)
                messages.success(
                    request,
                    _(
                        "Published: %(n)s visits booked, everyone is told; first-come booking is open."
                    )
                    % {"n": count},
                )
            else:
                raise Http404
        except OpenDoorsError as error:
            show_error(request, error)
        return redirect(f"{reverse('opendoors:wish_round')}?edition={edition.pk}")
    wishes = Wish.objects.filter(slot__participation__edition=edition)
    return render(
        request,
        "opendoors/wish_round.html",
        {
            "edition": edition,
            "figures": edition.allocation_figures,
            "wish_count": wishes.count(),
            "people": wishes.values("visitor").distinct().count(),
        },
    )


@coordinator_required
def dashboard(request):
    edition = edition_from(request, published_only=False)
    return render(
        request,
        "opendoors/dashboard.html",
        {
            "edition": edition,
            "figures": figure_services.dashboard(edition),
            "editions": Edition.objects.all(),
        },
    )


@coordinator_required
def chart(request, name):
    if name not in charts.CHARTS:
        raise Http404
    edition = edition_from(request, published_only=False)
    svg = charts.CHARTS[name](figure_services.dashboard(edition))
    return HttpResponse(svg, content_type="image/svg+xml")


@coordinator_required
def export(request, what, fmt):
    if what not in exports.EXPORTS or fmt not in ("csv", "xlsx"):
        raise Http404
    edition = edition_from(request, published_only=False)
    header, rows = exports.EXPORTS[what](edition)
    if what != "slots":  # the slots export names no person
        log_read(request, f"opendoors_{what}", edition, fmt=fmt)
    filename = f"opendoors-{edition.pk}-{what}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(csv_text(header, rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            xlsx_bytes(header, rows, title=what),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
