"""A professional's own pages: my visits (and PDF), cancel, evaluate, rank wishes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .. import pdf, programme
from ..errors import OpenDoorsError
from ..forms import EvaluationForm
from ..models import Edition, Visit
from ..services import visits as visit_services
from ..services import wishes as wish_services
from .common import edition_from, show_error


def _my_visits(user):
    return list(
        Visit.objects.active()
        .filter(visitor=user)
        .select_related(
            "slot__participation__service__organization",
            "slot__participation__edition",
            "slot__location",
            "booking",
        )
        .order_by("slot__day", "slot__start_time")
    )


@login_required
def my_visits(request):
    visits = _my_visits(request.user)
    past = list(
        Visit.objects.confirmed()
        .filter(visitor=request.user)
        .select_related("slot__participation__service", "booking")
    )
    return render(
        request,
        "opendoors/my_visits.html",
        {
            "visits": visits,
            "to_evaluate": [v for v in past if visit_services.can_evaluate(v)],
            "deadlines": {v.pk: visit_services.cancel_deadline(v.slot) for v in visits},
        },
    )


@login_required
def my_visits_pdf(request):
    response = HttpResponse(
        pdf.my_visits(request.user, _my_visits(request.user)), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'inline; filename="my-visits.pdf"'
    return response


@login_required
def cancel(request, pk):
    """GET: "do you really want to cancel?" (what is cancelled, nothing changed);
    POST (from that page): cancel. The e-mails link here too."""
    visit = get_object_or_404(
        Visit.objects.select_related(
            "booking",
            "slot__participation__edition",
            "slot__participation__service",
            "slot__location",
        ),
        pk=pk,
        visitor=request.user,
    )
    if request.method != "POST":
        refusal = visit_services.cancel_refusal(visit, request.user)
        if refusal is not None:
            show_error(request, refusal)
            return redirect("opendoors:my_visits")
        return render(
            request,
            "opendoors/cancel_confirm.html",
            {
                "visit": visit,
                "slot": visit.slot,
                "deadline": visit_services.cancel_deadline(visit.slot),
            },
        )
    try:
        visit_services.cancel_visit(visit, request.user)
    except OpenDoorsError as error:
        show_error(request, error)
    else:
        messages.success(request, _("Your visit is cancelled. Thank you for freeing the seat."))
    return redirect("opendoors:my_visits")


@login_required
def evaluate(request, pk):
    visit = get_object_or_404(
        Visit.objects.select_related("booking", "slot__participation__service"),
        pk=pk,
        visitor=request.user,
    )
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            visit_services.evaluate(visit, request.user, **form.cleaned_data)
        except OpenDoorsError as error:
            show_error(request, error)
        else:
            messages.success(request, _("Thank you for your evaluation."))
        return redirect("opendoors:my_visits")
    return render(request, "opendoors/evaluate.html", {"visit": visit, "form": form})


@login_required
def wishes(request):
    edition = edition_from(request)
    rows = programme.rows(edition)
    current = {w.slot_id: w.rank for w in wish_services.wishes_of(edition, request.user)}
    if request.method == "POST":
        ranked, errors = _parse_ranks(request.POST, {r.slot.pk for r in rows})
        if errors:
            messages.error(request, errors)
        else:
            try:
                wish_services.save_wishes(edition, request.user, ranked)
            except OpenDoorsError as error:
                show_error(request, error)
            else:
                messages.success(request, _("Your wishes are saved (%(n)s).") % {"n": len(ranked)})
                return redirect("opendoors:wishes")
        current = {
            int(k[5:]): v
            for k, v in request.POST.items()
            if k.startswith("rank-") and k[5:].isdigit() and v.isdigit()
        }
    return render(
        request,
        "opendoors/wishes.html",
        {
            "edition": edition,
            "days": programme.grouped(rows),
            "current": current,
            "open": edition.wish_round == Edition.WishRound.OPEN,
            "max_wishes": wish_services.MAX_WISHES,
        },
    )


def _parse_ranks(data, allowed: set) -> tuple[list, str]:
    """rank-<slot id> = number; returns slot ids sorted by rank, or an error message."""
    pairs = []
    for key, value in data.items():
        if not key.startswith("rank-") or not value.strip():
            continue
        raw_id = key[5:]
        value = value.strip()
        if not raw_id.isdigit() or int(raw_id) not in allowed:
            return [], _("This visit is not in the programme.")
        if not value.isdigit() or not 1 <= int(value) <= wish_services.MAX_WISHES:
            return [], _("A rank is a number from 1 to %(max)s.") % {
                "max": wish_services.MAX_WISHES
            }
        pairs.append((int(value), int(raw_id)))
    ranks = [rank for rank, _slot in pairs]
    if len(set(ranks)) != len(ranks):
        return [], _("Each rank can be given once.")
    return [slot for _rank, slot in sorted(pairs)], ""
