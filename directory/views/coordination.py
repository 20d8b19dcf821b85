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
from ..duplicates import Candidate, address_key, find_pairs, phone_key
from ..models import Address, ErrorReport, Organization, Phone, PublicationStatus, Service
from ..services import merge as merge_services


def candidates() -> list[Candidate]:
    """Every organization as a duplicate-detection record (3 queries)."""
    records = {
        o.pk: Candidate(
            id=o.pk, name=o.name_fr or o.name_nl or o.name, enterprise_number=o.enterprise_number
        )
        for o in Organization.objects.exclude(status=PublicationStatus.ARCHIVED).only(
            "pk", "name", "name_fr", "name_nl", "enterprise_number"
        )
    }
    for org_id, number in Phone.objects.filter(organization__isnull=False).values_list(
        "organization_id", "number"
    ):
        if org_id in records and phone_key(number):
            records[org_id].phones.add(phone_key(number))
    for org_id, number in Phone.objects.filter(service__isnull=False).values_list(
        "service__organization_id", "number"
    ):
        if org_id in records and phone_key(number):
            records[org_id].phones.add(phone_key(number))
    for org_id, street, postal_code in Address.objects.values_list(
        "location__organization_id", "address_1", "postal_code"
    ):
        if org_id in records:
            records[org_id].addresses.add(address_key(street, postal_code))
    return list(records.values())


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
    pairs = find_pairs(candidates(), skip=merge_services.not_duplicate_pairs())
    page = Paginator(pairs, 50).get_page(request.GET.get("page"))
    organizations = Organization.objects.in_bulk([r.id for pair in page for r in pair[:2]])
    rows = [(organizations[a.id], organizations[b.id], why) for a, b, why in page]
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
