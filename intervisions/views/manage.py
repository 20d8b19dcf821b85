"""Coordinators' pages: cycles, groups, registrations live, composition, publication (after a
confirmation that says what it will do), exports. Invoices are in ``documents``."""

from collections import Counter

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import coordinator_required
from directory.models import Sector
from privacy.audit import log_read

from .. import exports, reasons, services
from ..errors import IntervisionError
from ..forms import CycleForm, GroupForm, MoveForm
from ..models import Cycle, Group, Registration
from ..services.composition import waiting_group
from ..services.cycles import save_cycle
from ..services.previews import publish_preview
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
        services.save_group(request.user, form.save(commit=False))
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
    groups = list(
        cycle.groups.select_related("facilitator_social", "facilitator_mental_health").annotate(
            size=Count("registrations", filter=Q(registrations__status__in=["pending", "accepted"]))
        )
    )
    names = {g.pk: g.name for g in groups}
    sectors = dict(Sector.choices)
    mix: dict = {}
    for gid, sector in cycle.registrations.placed().values_list("group_id", "sector"):
        mix.setdefault(gid, Counter())[sector] += 1
    for g in groups:
        g.mix = ", ".join(
            f"{sectors.get(k, k)} {n}" for k, n in mix.get(g.pk, Counter()).most_common()
        )
    status = request.GET.get("status", "")
    registrations = cycle.registrations.select_related("organization", "group").order_by(
        "group__name", "last_name", "pk"
    )
    if status in Registration.Status.values:
        registrations = registrations.filter(status=status)
    rows = []
    for r in registrations:
        rows.append(
            {
                "r": r,
                "reason": reasons.explain(r, names),
                "preferences": [names.get(pk, "?") for pk in r.preferences],
                "waiting": waiting_group(r) if cycle.is_published and not r.group_id else None,
                "move_form": MoveForm(
                    cycle=cycle, initial={"group": r.group_id}, prefix=f"m{r.pk}"
                ),
            }
        )
    context = {
        "cycle": cycle,
        "groups": groups,
        "rows": rows,
        "status": status,
        "statuses": Registration.Status.choices,
        "stats": services.statistics(cycle),
        "open_groups": [g for g in groups if not g.cancelled],
        "composition": cycle.composition,
    }
    return render(request, "intervisions/manage/cycle.html", context)


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
    return redirect("intervisions:manage_cycle", pk=cycle.pk)


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
