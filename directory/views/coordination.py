"""Coordinators' pages: moderation (new organizations, error reports), stale sheets, likely
duplicates (merge, or "not a duplicate")."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import coordinator_required

from .. import services as directory_services
from ..models import ErrorReport, Organization, PublicationStatus, Service
from ..services import duplicates as duplicate_services
from ..services import merge as merge_services

#: Pairs on a page of the likely-duplicates report (``?page=`` for the next ones).
PAIRS_PER_PAGE = 25


@coordinator_required
def moderation(request):
    context = {
        "drafts": Organization.objects.awaiting_moderation().order_by("created_at"),
        "draft_services": Service.objects.awaiting_moderation().select_related("organization"),
        "reports": ErrorReport.objects.open().select_related("organization", "service", "reporter"),
    }
    return render(request, "directory/coordination/moderation.html", context)


@coordinator_required
@require_POST
def organization_status(request, pk):
    organization = get_object_or_404(Organization, pk=pk)
    status = request.POST.get("status")
    if status in PublicationStatus.values:
        directory_services.set_status(organization, request.user, status)
        messages.success(request, _("The organization's status is changed."))
    return redirect("directory:moderation")


@coordinator_required
@require_POST
def report_close(request, pk):
    report = get_object_or_404(ErrorReport, pk=pk)
    status = request.POST.get("status")
    if status in (ErrorReport.Status.FIXED, ErrorReport.Status.DISMISSED):
        directory_services.close_error_report(request.user, report, status)
    return redirect("directory:moderation")


@coordinator_required
def stale_sheets(request):
    services = (
        Service.objects.stale()
        .select_related("organization", "assured_by")
        .order_by("review_due", "name")
    )
    page = Paginator(services, 50).get_page(request.GET.get("page"))
    return render(
        request, "directory/coordination/stale.html", {"page": page, "today": timezone.localdate()}
    )


@coordinator_required
def duplicates(request):
    pairs = duplicate_services.likely_pairs()
    page = Paginator(pairs, PAIRS_PER_PAGE).get_page(request.GET.get("page"))
    organizations = Organization.objects.prefetch_related("locations__addresses").in_bulk(
        {pk for a, b, _why in page for pk in (a, b)}
    )
    rows = [
        (organizations[a], organizations[b], why)
        for a, b, why in page
        if a in organizations and b in organizations
    ]
    return render(
        request,
        "directory/coordination/duplicates.html",
        {"rows": rows, "page": page, "count": len(pairs)},
    )


def _pair(pk, other_pk):
    kept = get_object_or_404(Organization, pk=pk)
    merged = get_object_or_404(Organization, pk=other_pk)
    return kept, merged


@coordinator_required
def merge(request, pk, other_pk):
    """Confirm, then merge ``other_pk`` into ``pk`` (the kept organization)."""
    kept, merged = _pair(pk, other_pk)
    if request.method == "POST":
        try:
            report = merge_services.merge_organizations(request.user, kept, merged)
        except directory_services.DirectoryError as error:
            messages.error(request, error.message)
            return redirect("directory:duplicates")
        moved = ", ".join(f"{n} {kind}" for kind, n in merge_services.labelled(report.moved))
        messages.success(
            request,
            _("“%(merged)s” is merged into “%(kept)s”. Moved: %(moved)s.")
            % {"merged": merged.name, "kept": kept.name, "moved": moved or _("nothing")},
        )
        if report.kept_apart:
            apart = ", ".join(
                f"{n} {kind}" for kind, n in merge_services.labelled(report.kept_apart)
            )
            messages.warning(
                request,
                _("Left on the archived record (they would clash with the kept one's): %s") % apart,
            )
        return redirect(kept)
    error = None
    if kept.pk == merged.pk:
        error = directory_services.DirectoryError("merge_same").message
    elif kept.merged_into_id or merged.merged_into_id:
        error = directory_services.DirectoryError("already_merged").message
    context = {
        "kept": kept,
        "merged": merged,
        "preview": merge_services.merge_preview(merged),
        "error": error,
    }
    return render(
        request, "directory/coordination/merge.html", context, status=400 if error else 200
    )


@coordinator_required
@require_POST
def not_duplicate(request, pk, other_pk):
    a, b = _pair(pk, other_pk)
    try:
        merge_services.mark_not_duplicate(request.user, a, b)
    except directory_services.DirectoryError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("“%(a)s” and “%(b)s” will no longer be proposed as duplicates.")
            % {"a": a.name, "b": b.name},
        )
    return redirect("directory:duplicates")
