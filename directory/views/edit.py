"""Editing by an organization's members (and coordinators): the organization's sheet, its
services, "everything is still correct", and proposing a new organization."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services as directory_services
from ..duplicates import matches_for
from ..forms import LocationForm, OrganizationForm, ProposeOrganizationForm, ServiceForm
from ..models import Location, Organization, PublicationStatus, Service, Taxonomy
from ..services import DirectoryError, can_edit_organization
from ..services.duplicates import candidates


@login_required
def organization_edit(request, pk):
    organization = get_object_or_404(Organization, pk=pk)
    if not can_edit_organization(request.user, organization):
        raise PermissionDenied
    form = OrganizationForm(request.POST or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        changes = {f: form.cleaned_data[f] for f in form.Meta.fields}
        organization.refresh_from_db()
        try:
            directory_services.update_organization(request.user, organization, changes)
        except DirectoryError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The organization's sheet is saved."))
            return redirect(organization)
    return render(
        request, "directory/organization_form.html", {"form": form, "organization": organization}
    )


@login_required
def organization_propose(request):
    form = ProposeOrganizationForm(request.POST or None)
    similar = []
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in OrganizationForm.Meta.fields}
        from ..duplicates import Candidate

        new = Candidate(
            id=None,
            name=data.get("name_fr") or data.get("name_nl"),
            enterprise_number=data.get("enterprise_number") or "",
        )
        similar = [(c, why) for c, why in matches_for(new, candidates())][:10]
        if similar and not form.cleaned_data["confirm_not_duplicate"]:
            messages.warning(request, DirectoryError("similar_organizations").message)
        else:
            try:
                organization = directory_services.propose_organization(request.user, **data)
            except DirectoryError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you: a coordinator will check the organization before it is published."
                    ),
                )
                return redirect(organization)
    organizations = Organization.objects.in_bulk([c.id for c, _why in similar])
    return render(
        request,
        "directory/organization_propose.html",
        {"form": form, "similar": [(organizations.get(c.id), why) for c, why in similar]},
    )


def _taxonomies():
    return list(Taxonomy.objects.prefetch_related("terms").order_by("position"))


@login_required
def service_create(request, pk):
    organization = get_object_or_404(Organization, pk=pk)
    if not can_edit_organization(request.user, organization):
        raise PermissionDenied
    form = ServiceForm(request.POST or None, organization=organization, taxonomies=_taxonomies())
    if request.method == "POST" and form.is_valid():
        try:
            service = directory_services.create_service(
                request.user, organization, **form.service_arguments()
            )
        except DirectoryError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The service is saved."))
            return redirect(service)
    return render(
        request, "directory/service_form.html", {"form": form, "organization": organization}
    )


@login_required
def service_edit(request, pk):
    service = get_object_or_404(Service.objects.select_related("organization"), pk=pk)
    if not can_edit_organization(request.user, service.organization):
        raise PermissionDenied
    form = ServiceForm(request.POST or None, service=service, taxonomies=_taxonomies())
    if request.method == "POST" and form.is_valid():
        try:
            directory_services.update_service(request.user, service, **form.service_arguments())
        except DirectoryError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The service is saved."))
            return redirect(service)
    return render(
        request,
        "directory/service_form.html",
        {"form": form, "organization": service.organization, "service": service},
    )


@login_required
@require_POST
def service_verify(request, pk):
    service = get_object_or_404(Service.objects.select_related("organization"), pk=pk)
    try:
        directory_services.verify_service(request.user, service)
    except DirectoryError as error:
        raise PermissionDenied(error.message) from None
    messages.success(request, _("Thank you: the sheet is marked as verified today."))
    return redirect(service)


@login_required
@require_POST
def service_publication(request, pk):
    service = get_object_or_404(Service.objects.select_related("organization"), pk=pk)
    status = request.POST.get("status")
    if status not in PublicationStatus.values:
        raise PermissionDenied
    try:
        directory_services.set_service_publication(request.user, service, status)
    except DirectoryError as error:
        raise PermissionDenied(error.message) from None
    return redirect(service)


@login_required
def location_edit(request, pk, location_pk=None):
    """Add (no location_pk) or edit a place of the organization."""
    organization = get_object_or_404(Organization, pk=pk)
    if not can_edit_organization(request.user, organization):
        raise PermissionDenied
    location = None
    if location_pk:
        location = get_object_or_404(Location, pk=location_pk, organization=organization)
    initial = LocationForm.initial_from(location) if location else None
    form = LocationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            directory_services.save_location(
                request.user, organization, form.cleaned_data, location=location
            )
        except DirectoryError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The place is saved."))
            return redirect(organization)
    return render(
        request,
        "directory/location_form.html",
        {"form": form, "organization": organization, "location": location},
    )
