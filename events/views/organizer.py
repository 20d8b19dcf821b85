"""Organizers' pages: registrants (list, print, CSV/Excel), check-in, attendance count,
conversation tables. Access: events.services.can_manage."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ServiceError
from privacy.audit import log_read

from .. import exports, services
from ..errors import EventError
from ..forms import AttendanceForm, SubGroupForm
from ..models import Event


def _managed_event(request, pk):
    event = get_object_or_404(Event.objects.select_related("organizer"), pk=pk)
    if not services.can_manage(request.user, event):
        raise PermissionDenied
    return event


def _registrants(event):
    return (
        event.registrations.filter(cancelled_at__isnull=True)
        .select_related("booking", "organization", "table", "booking__resource")
        .prefetch_related("option_bookings__resource")
        .order_by("booking__status", "booking__created_at", "pk")
    )


@login_required
def registrants(request, pk):
    event = _managed_event(request, pk)
    people = list(_registrants(event))
    log_read(
        request, "event_registrants", event, fmt="print" if request.GET.get("print") else "page"
    )
    template = (
        "events/registrants_print.html" if request.GET.get("print") else "events/registrants.html"
    )
    return render(
        request,
        template,
        {
            "event": event,
            "confirmed": [r for r in people if r.booking_id and r.booking.is_confirmed],
            "waiting": [r for r in people if r.booking_id and r.booking.is_waiting],
            "attendance_form": AttendanceForm(
                initial={"attendance_count": services.default_attendance(event)}
            ),
            "checked_in": sum(1 for r in people if r.checked_in_at),
            "check_in_open": timezone.localdate() >= timezone.localdate(event.starts_at),
        },
    )


@login_required
def export(request, pk, fmt):
    event = _managed_event(request, pk)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    people = _registrants(event)
    log_read(request, "event_registrants", event, fmt=fmt)
    name = slugify(event.title)[:40] or f"event-{event.pk}"
    if fmt == "csv":
        response = HttpResponse(exports.to_csv(people), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    response = HttpResponse(
        exports.to_xlsx(people, event.title),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@login_required
@require_POST
def check_in(request, pk, registration_pk):
    event = _managed_event(request, pk)
    registration = get_object_or_404(event.registrations, pk=registration_pk)
    error = None
    try:
        services.check_in(
            registration, present=request.POST.get("present") == "1", user=request.user
        )
    except ServiceError as refused:
        error = refused.message
    if request.htmx:
        return render(
            request, "events/_checkin.html", {"event": event, "r": registration, "error": error}
        )
    if error:
        messages.error(request, error)
    return redirect("events:registrants", pk=event.pk)


@login_required
@require_POST
def attendance(request, pk):
    event = _managed_event(request, pk)
    form = AttendanceForm(request.POST)
    if form.is_valid():
        try:
            services.record_attendance(
                event, form.cleaned_data["attendance_count"], user=request.user
            )
            messages.success(request, _("Attendance count recorded."))
        except ServiceError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, EventError("attendance_not_a_number").message)
    return redirect("events:registrants", pk=event.pk)


@login_required
@require_POST
def cancel_for(request, pk, registration_pk):
    event = _managed_event(request, pk)
    registration = get_object_or_404(event.registrations, pk=registration_pk)
    try:
        services.cancel_registration(registration, by_organizer=True)
        messages.success(request, _("Registration cancelled."))
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("events:registrants", pk=event.pk)


@login_required
def tables(request, pk):
    event = _managed_event(request, pk)
    log_read(request, "event_tables", event)
    form = SubGroupForm(request.POST or None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add" and form.is_valid():
            services.add_table(event, user=request.user, **form.cleaned_data)
            return redirect("events:tables", pk=event.pk)
        if action == "assign":
            try:
                services.assign_tables(event, user=request.user)
                messages.success(request, _("Participants are assigned to tables."))
            except ServiceError as error:
                messages.error(request, error.message)
            return redirect("events:tables", pk=event.pk)
    groups = [(t, list(t.members.confirmed().order_by("name"))) for t in event.subgroups.all()]
    unassigned = event.registrations.confirmed().filter(table__isnull=True).order_by("name")
    template = "events/tables_print.html" if request.GET.get("print") else "events/tables.html"
    return render(
        request,
        template,
        {"event": event, "form": form, "groups": groups, "unassigned": unassigned},
    )
