"""Organization and service pages (everything a professional needs to orient someone), and the
"report an error" form for logged-in professionals."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..forms import ErrorReportForm
from ..hours import format_ranges
from ..hsds.serialize import service_queryset
from ..models import Address, Location, Organization, Service
from ..services import DirectoryError, can_edit_organization, report_error
from .common import map_points


def organization_list(request):
    query = request.GET.get("q", "").strip()
    organizations = Organization.objects.published()
    if query:
        organizations = organizations.filter(
            Q(name_fr__icontains=query)
            | Q(name_nl__icontains=query)
            | Q(alternate_name__icontains=query)
        )
    page = Paginator(organizations.order_by("name_fr"), 50).get_page(request.GET.get("page"))
    return render(request, "directory/organization_list.html", {"page": page, "query": query})


def _map_context():
    return {
        "tiles_url": getattr(settings, "MAILLAGE_MAP_TILES_URL", ""),
        "tiles_attribution": getattr(settings, "MAILLAGE_MAP_ATTRIBUTION", ""),
    }


def organization_detail(request, pk):
    organization = get_object_or_404(
        Organization.objects.select_related("parent").prefetch_related(
            Prefetch(
                "locations",
                queryset=Location.objects.prefetch_related(
                    Prefetch("addresses", queryset=Address.objects.select_related("municipality"))
                ),
            ),
            "phones",
        ),
        pk=pk,
    )
    if organization.merged_into_id:  # merged by a coordinator: the kept sheet, permanently
        return redirect(organization.final_record(), permanent=True)
    can_edit = can_edit_organization(request.user, organization)
    if organization.status != "published" and not can_edit:
        raise Http404
    services = Service.objects.filter(organization=organization)
    if not can_edit:
        services = services.published()
    context = {
        "organization": organization,
        "services": services.order_by("name"),
        "can_edit": can_edit,
        "report_form": ErrorReportForm(),
    }
    return render(request, "directory/organization_detail.html", context)


def service_detail(request, pk):
    service = get_object_or_404(service_queryset(), pk=pk)
    can_edit = can_edit_organization(request.user, service.organization)
    if not service.is_public and not can_edit:
        raise Http404
    today = timezone.localdate()
    terms_by_taxonomy = {}
    for term in service.terms.all():
        terms_by_taxonomy.setdefault(term.taxonomy, []).append(term)
    context = {
        "service": service,
        "organization": service.organization,
        "can_edit": can_edit,
        "terms_by_taxonomy": sorted(terms_by_taxonomy.items(), key=lambda kv: kv[0].position),
        "hours": format_ranges(
            [(s.weekday, s.opens_at, s.closes_at) for s in service.schedules.all()],
            language=request.LANGUAGE_CODE,
        ).splitlines(),
        "closures": [c for c in service.closures.all() if c.end_date >= today],
        "phones_public": [p for p in service.phones.all() if p.audience != "professionals"],
        "phones_professionals": [p for p in service.phones.all() if p.audience == "professionals"],
        "locations": [sal.location for sal in service.at_locations.all()],
        "map_points": map_points([service]),
        "stale": service.is_stale(today),
        "report_form": ErrorReportForm(),
        **_map_context(),
    }
    return render(request, "directory/service_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def report_error_view(request, pk, service_pk=None):
    """The form alone (where a sign-in leads back to), and where a refused report comes back
    with its text and the reason; a sent report returns to the sheet."""
    organization = get_object_or_404(Organization.objects.published(), pk=pk)
    service = None
    if service_pk:
        service = get_object_or_404(
            Service.objects.published(), pk=service_pk, organization=organization
        )
    form = ErrorReportForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            report_error(request.user, organization, form.cleaned_data["message"], service=service)
        except DirectoryError as error:
            form.add_error("message", error.message)
        else:
            messages.success(
                request, _("Thank you: the organization and the coordinators have been told.")
            )
            return redirect(service or organization)
    context = {"form": form, "organization": organization, "service": service}
    return render(
        request, "directory/report_error.html", context, status=400 if form.errors else 200
    )
