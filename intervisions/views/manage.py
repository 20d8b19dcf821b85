"""Coordinators' pages: cycles, groups, registrations live, composition, publication (after a
confirmation that says what it will do), exports. Invoices are in ``documents``."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.permissions import coordinator_required
from core.params import id_list_param
from privacy.audit import log_read

from .. import exports, services
from ..errors import IntervisionError
from ..forms import CycleForm, GroupForm, MoveForm
from ..models import Cycle, Group, Registration
from ..services.cycles import accept_many, save_cycle
from ..services.previews import publish_preview
from . import cycle_page
from .common import file_response


@coordinator_required
def cycles(request):
    rows = Cycle.objects.annotate(
        n=Count("registrations", filter=Q(registrations__status__in=["pending", "accepted"]))
    )
    return render(request, "intervisions/manage/cycles.html", {"cycles": rows})


@coordinator_required
def cycle_form(request, pk: int | None = None):
    cycle = get_object_or_404(Cycle, pk=pk) if pk else None
    form = CycleForm(request.POST or None, instance=cycle)
    if request.method == "POST" and form.is_valid():
        try:
            if cycle is None:
                cycle = services.create_cycle(request.user, **form.cleaned_data)
            else:
                save_cycle(request.user, form.save(commit=False))
        except IntervisionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The cycle has been saved."))
            return redirect("intervisions:manage_cycle", pk=cycle.pk)
    return render(request, "intervisions/manage/cycle_form.html", {"form": form, "cycle": cycle})


@coordinator_required
def group_form(request, cycle_pk: int, pk: int | None = None):
    cycle = get_object_or_404(Cycle, pk=cycle_pk)
    group = get_object_or_404(Group, pk=pk, cycle=cycle) if pk else Group(cycle=cycle)
    form = GroupForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_group(request.user, form.save(commit=False))
        except IntervisionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The group has been saved."))
            return redirect("intervisions:manage_cycle", pk=cycle.pk)
    return render(
        request,
        "intervisions/manage/group_form.html",
        {"form": form, "cycle": cycle, "group": group},
    )


@coordinator_required
def manage_cycle(request, pk: int):
    cycle = get_object_or_404(Cycle, pk=pk)
    log_read(request, "intervision_registrations", cycle)
    return render(request, "intervisions/manage/cycle.html", cycle_page.context(cycle, request))


def _back(request, cycle):
    """Back to the cycle page the coordinator came from (same filters and page), never
    elsewhere."""
    base = reverse("intervisions:manage_cycle", args=[cycle.pk])
    target = request.POST.get("next", "")
    if target.startswith(base + "?") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return redirect(target)
    return redirect(base)


@coordinator_required
@require_POST
def bulk_accept(request, pk: int):
    """Accept the registrations ticked in the list, each through the service."""
    cycle = get_object_or_404(Cycle, pk=pk)
    try:
        result = accept_many(cycle, id_list_param(request, "registration"), request.user)
    except IntervisionError as error:
        messages.error(request, error.message)
        return _back(request, cycle)
    if result.changed or result.unchanged:
        messages.success(
            request,
            ngettext(
                "%(n)s registration accepted.", "%(n)s registrations accepted.", len(result.changed)
            )
            % {"n": len(result.changed)}
            + (
                " "
                + ngettext(
                    "%(n)s was already accepted.",
                    "%(n)s were already accepted.",
                    len(result.unchanged),
                )
                % {"n": len(result.unchanged)}
                if result.unchanged
                else ""
            ),
        )
    if result.refused:
        messages.error(
            request,
            ngettext(
                "%(n)s registration could not be accepted: %(who)s",
                "%(n)s registrations could not be accepted: %(who)s",
                len(result.refused),
            )
            % {
                "n": len(result.refused),
                "who": "; ".join(f"{r.full_name} ({message})" for r, message in result.refused),
            },
        )
    return _back(request, cycle)


@coordinator_required
@require_POST
def cycle_status(request, pk: int):
    cycle = get_object_or_404(Cycle, pk=pk)
    try:
        services.set_cycle_status(cycle, request.POST.get("status", ""), request.user)
    except IntervisionError as error:
        messages.error(request, error.message)
    return redirect("intervisions:manage_cycle", pk=pk)


@coordinator_required
@require_POST
def compose(request, pk: int):
    cycle = get_object_or_404(Cycle, pk=pk)
    try:
        result = services.compose_cycle(cycle, request.user)
    except IntervisionError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Proposal ready: %(placed)s placed, %(unplaced)s without a group.")
            % {"placed": result.placed, "unplaced": len(result.unplaced)},
        )
    return redirect("intervisions:manage_cycle", pk=pk)


@coordinator_required
def publish(request, pk: int):
    """GET: what publication will do (how many placed, without a group, e-mails); POST
    (confirmed): publish."""
    cycle = get_object_or_404(Cycle, pk=pk)
    if request.method != "POST" or request.POST.get("confirm") != "yes":
        if cycle.is_published:
            messages.error(request, IntervisionError("already_published").message)
            return redirect("intervisions:manage_cycle", pk=pk)
        context = {"cycle": cycle, "preview": publish_preview(cycle)}
        return render(request, "intervisions/manage/publish_confirm.html", context)
    try:
        counts = services.publish(cycle, request.user)
    except IntervisionError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _(
                "Groups published: %(placed)s people placed, %(waiting)s on a waiting list, "
                "%(unplaced)s without a group. Everyone has been told by e-mail."
            )
            % counts,
        )
    return redirect("intervisions:manage_cycle", pk=pk)


@coordinator_required
@require_POST
def registration_action(request, pk: int):
    registration = get_object_or_404(Registration, pk=pk)
    cycle = registration.cycle
    action = request.POST.get("action", "")
    try:
        if action in ("accepted", "refused"):
            services.set_registration_status(registration, action, request.user)
        elif action == "move":
            form = MoveForm(request.POST, cycle=cycle, prefix=f"m{registration.pk}")
            if form.is_valid():
                services.move(registration, form.cleaned_data["group"], request.user)
        elif action == "unpin":
            services.unpin(registration, request.user)
        elif action == "waitlist":
            form = MoveForm(request.POST, cycle=cycle, prefix=f"m{registration.pk}")
            if form.is_valid() and form.cleaned_data["group"]:
                services.put_on_waiting_list(registration, form.cleaned_data["group"], request.user)
        else:
            raise IntervisionError("invalid_status")
    except IntervisionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Saved."))
    return _back(request, cycle)


@coordinator_required
def export(request, pk: int, fmt: str):
    cycle = get_object_or_404(Cycle, pk=pk)
    name = f"intervisions-{cycle.season}"
    log_read(request, "intervision_registrations", cycle, fmt="xlsx" if fmt == "xlsx" else "csv")
    if fmt == "xlsx":
        return file_response(
            exports.to_xlsx(cycle),
            f"{name}.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    return file_response(exports.to_csv(cycle), f"{name}.csv", "text/csv; charset=utf-8")
