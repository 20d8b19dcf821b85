"""A group's page (facilitators, members, coordinators), attendance sheets, calendar and rota,
the place of each session."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from privacy.audit import log_read

from .. import services
from ..errors import IntervisionError
from ..forms import AttendanceForm, SessionPlaceForm, SwapForm
from ..models import Attendance, Group, Session
from ..services.attendance import has_started
from ..services.calendar import can_manage, host_address, members, regenerate_calendar, rehost
from ..services.places import set_session_place


def _visible(user, group) -> bool:
    if can_manage(user, group):
        return True
    return group.cycle.is_published and group.registrations.active().filter(user=user).exists()


@login_required
def group_detail(request, pk: int):
    group = get_object_or_404(
        Group.objects.select_related("cycle", "facilitator_social", "facilitator_mental_health"),
        pk=pk,
    )
    if not _visible(request.user, group):
        raise PermissionDenied
    manager = can_manage(request.user, group)
    people = members(group)
    log_read(request, "intervision_group_members", group)
    sessions = [
        (s, host_address(s), [p.registration for p in s.presentations.all()])
        for s in group.sessions.select_related("host").prefetch_related(
            "presentations__registration"
        )
    ]
    context = {
        "group": group,
        "cycle": group.cycle,
        "members": people,
        "sessions": sessions,
        "manager": manager,
        "summary": services.attendance_summary(group) if manager else [],
        "swap_form": SwapForm(members=people),
    }
    return render(request, "intervisions/group.html", context)


@login_required
@require_POST
def plan(request, pk: int):
    group = get_object_or_404(Group, pk=pk)
    plan = None
    try:
        if request.POST.get("what") == "hosts":
            rehost(group, request.user)
        else:
            plan = regenerate_calendar(group, request.user)
    except IntervisionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The calendar has been generated."))
        if plan is not None and (plan.places_kept or plan.places_dropped):
            messages.info(request, _places_message(plan))
    return redirect("intervisions:group", pk=pk)


def _places_message(plan) -> str:
    kept = ngettext(
        "%(count)d session place kept", "%(count)d session places kept", plan.places_kept
    ) % {"count": plan.places_kept}
    dropped = ngettext(
        "%(count)d dropped (its date left the calendar or its host changed)",
        "%(count)d dropped (their date left the calendar or their host changed)",
        plan.places_dropped,
    ) % {"count": plan.places_dropped}
    return _("%(kept)s, %(dropped)s.") % {"kept": kept, "dropped": dropped}


@login_required
@require_POST
def swap(request, pk: int):
    group = get_object_or_404(Group, pk=pk)
    people = members(group)
    form = SwapForm(request.POST, members=people)
    if form.is_valid():
        by_pk = {r.pk: r for r in people}
        try:
            services.swap_presenters(
                group, by_pk[form.cleaned_data["a"]], by_pk[form.cleaned_data["b"]], request.user
            )
        except IntervisionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The presenters have exchanged their sessions."))
    return redirect("intervisions:group", pk=pk)


@login_required
def attendance(request, pk: int):
    session = get_object_or_404(Session.objects.select_related("group__cycle"), pk=pk)
    group = session.group
    if not can_manage(request.user, group):
        raise PermissionDenied
    people = members(group)
    log_read(request, "intervision_attendance", session)
    current = dict(
        Attendance.objects.filter(session=session).values_list("registration_id", "status")
    )
    started = has_started(session)
    notice = ""
    if not started:  # the sheet opens when the session starts; the page says from when
        notice = IntervisionError(
            "session_not_started",
            start=formats.date_format(session.starts_at(), "DATETIME_FORMAT"),
        ).message
    form = AttendanceForm(request.POST or None, members=people, initial_statuses=current)
    if request.method == "POST" and started and form.is_valid():
        try:
            services.record_attendance(session, form.statuses(), request.user)
        except IntervisionError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Attendance saved."))
            return redirect("intervisions:group", pk=group.pk)
    return render(
        request,
        "intervisions/attendance.html",
        {"session": session, "group": group, "form": form, "started": started, "notice": notice},
    )


@login_required
def session_place(request, pk: int):
    """A coordinator or a facilitator of the group sets where a session takes place."""
    session = get_object_or_404(
        Session.objects.select_related("group__cycle", "host", "location"), pk=pk
    )
    group = session.group
    if not can_manage(request.user, group):
        raise PermissionDenied
    initial = {
        "location": session.location_id if session.location_id else None,
        "other_address": session.other_address,
        "access_note": session.access_note,
    }
    form = SessionPlaceForm(request.POST or None, session=session, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            set_session_place(
                session,
                request.user,
                location=data.get("location"),
                other_address=data["other_address"],
                access_note=data["access_note"],
            )
        except IntervisionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The place of the session has been saved."))
            return redirect("intervisions:group", pk=group.pk)
    context = {"session": session, "group": group, "form": form, "venue": host_address(session)}
    return render(request, "intervisions/session_place.html", context)
