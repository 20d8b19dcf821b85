"""The journal of a sheet (its change log, readable): for the people who keep the sheet and for
coordinators. An organization's journal also shows its places and its services."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from .. import journal
from ..models import ChangeRecord, Organization, Service
from ..services import can_edit_organization

PER_PAGE = 50


def _page(request, records, names, sheet, kind):
    page = Paginator(records.order_by("-last_action_date", "field_name"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "rows": journal.rows(page, names), "sheet": sheet, "kind": kind}
    return render(request, "directory/journal.html", context)


@login_required
def organization_journal(request, pk):
    organization = get_object_or_404(Organization, pk=pk)
    if not can_edit_organization(request.user, organization):
        raise PermissionDenied
    names = {
        s.pk: s.name for s in Service.objects.filter(organization=organization).only("pk", "name")
    }
    names |= {
        loc.pk: _("Place: %(name)s") % {"name": loc.name or "—"}
        for loc in organization.locations.only("pk", "name")
    }
    records = ChangeRecord.objects.filter(
        Q(resource_type="organization", resource_id=organization.pk)
        | Q(resource_type__in=["service", "location"], resource_id__in=list(names))
    )
    return _page(request, records, names, organization, "organization")


@login_required
def service_journal(request, pk):
    service = get_object_or_404(Service.objects.select_related("organization"), pk=pk)
    if not can_edit_organization(request.user, service.organization):
        raise PermissionDenied
    records = ChangeRecord.objects.filter(resource_type="service", resource_id=service.pk)
    return _page(request, records, {}, service, "service")
