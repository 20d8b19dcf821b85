"""Platform pages: home, the audit trail, the scheduled jobs for coordinators, and the JSON
suggestions of the searchable pickers (``core.widgets``)."""

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from territory.models import Municipality

from . import audit, pickers
from .my_registrations import sections_for
from .permissions import coordinator_required


def home(request):
    # By name: core is the lowest layer and never imports the directory.
    organizations = apps.get_model("directory", "Organization")
    context = {
        "organization_count": organizations.objects.published().count(),
        "municipality_count": Municipality.objects.count(),
    }
    return render(request, "core/home.html", context)


@login_required
def audit_log(request):
    if not request.user.is_coordinator:
        raise PermissionDenied
    model = request.GET.get("model", "")
    page = Paginator(audit.entries(model), audit.PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "rows": audit.with_changes(page), "model": model}
    return render(request, "core/audit_log.html", context)


@coordinator_required
def jobs(request):
    from .jobs import JOBS
    from .models import JobRun

    now = timezone.localtime()
    latest = JobRun.objects.latest_per_job()
    rows = [{"job": job, "run": latest.get(job.name), "next": job.next_start(now)} for job in JOBS]
    return render(request, "core/jobs.html", {"rows": rows})


@require_GET
def picker_suggestions(request, source):
    """``?q=``: the rows of a picker source matching the text (at most ``pickers.LIMIT``); without
    text, the signed-in person's own rows. Only rows the source offers to anybody (e.g.
    published organizations): the form validates the chosen id again on submit."""
    found = pickers.get(source)
    if found is None:
        raise Http404
    if not found.may_use(request.user):
        raise PermissionDenied  # e.g. people's names: coordinators only
    query = " ".join(str(request.GET.get("q", "")).split())[: pickers.MAX_QUERY]
    if query:
        rows, mine = found.find(found.queryset(), query, pickers.LIMIT + 1), False
    else:
        rows = found.own(request.user, pickers.LIMIT + 1)
        mine = bool(rows)
    results = [
        {"id": str(row.pk), "label": found.label_of(row), "detail": found.describe(row)}
        for row in rows[: pickers.LIMIT]
    ]
    response = JsonResponse({"results": results, "more": len(rows) > pickers.LIMIT, "mine": mine})
    response["Cache-Control"] = "private, max-age=60"
    return response


@login_required
def my_registrations(request):
    """Everything I signed up to: each app contributes its section (core.my_registrations)."""
    return render(request, "core/my_registrations.html", {"sections": sections_for(request.user)})
