"""Host pages: enrol a service, offer slots, see who comes, message visitors, attendance.

Only members (accepted) of the service's organization pass ``_host_participation``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from booking.services import BookingError
from privacy.audit import log_read

from ..errors import OpenDoorsError
from ..forms import EnrolForm, MessageForm, SlotForm
from ..models import Participation, Slot, Visit
from ..services import call
from ..services import visits as visit_services
from .common import edition_from, show_error


def _host_participation(request, pk) -> Participation:
    participation = get_object_or_404(
        Participation.objects.select_related("edition", "service__organization"), pk=pk
    )
    if not call.is_host(request.user, participation):
        raise PermissionDenied
    return participation


def _host_slot(request, pk) -> Slot:
    slot = get_object_or_404(
        Slot.objects.select_related("participation__edition", "participation__service"), pk=pk
    )
    if not call.is_host(request.user, slot.participation):
        raise PermissionDenied
    return slot


@login_required
def host_home(request):
    edition = edition_from(request, published_only=False)
    participations = Participation.objects.filter(
        edition=edition, service__organization_id__in=request.user.organization_ids()
    ).select_related("service")
    form = EnrolForm(
        request.POST or None,
        services=call.enrollable_services(request.user),
        initial={
            "host_name": request.user.get_full_name(),
            "host_email": request.user.email,
            "host_phone": request.user.phone,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            participation = call.enrol(
                edition,
                form.cleaned_data["service"],
                request.user,
                host_name=form.cleaned_data["host_name"],
                host_email=form.cleaned_data["host_email"],
                host_phone=form.cleaned_data["host_phone"],
            )
        except OpenDoorsError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your service is enrolled. Now offer your visit slots."))
            return redirect("opendoors:participation", pk=participation.pk)
    return render(
        request,
        "opendoors/host_home.html",
        {
            "edition": edition,
            "participations": participations,
            "form": form,
            "call_open": call.call_is_open(edition),
        },
    )


@login_required
def participation(request, pk):
    participation = _host_participation(request, pk)
    slots = list(participation.slots.all())
    return render(
        request,
        "opendoors/participation.html",
        {
            "participation": participation,
            "slots": slots,
            "free": call.seats_left(slots),
            "warnings": call.warnings(participation),
        },
    )


@login_required
def slot_form(request, pk, slot_pk=None):
    participation = _host_participation(request, pk)
    slot = get_object_or_404(Slot, pk=slot_pk, participation=participation) if slot_pk else None
    initial = {}
    if slot:
        initial = {
            f: getattr(slot, f)
            for f in (
                "start_time",
                "end_time",
                "capacity",
                "languages",
                "location",
                "description_fr",
                "description_nl",
                "description_en",
                "accessibility_fr",
                "accessibility_nl",
                "accessibility_en",
            )
        }
        initial["day"] = slot.day.isoformat()
    form = SlotForm(request.POST or None, participation=participation, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            call.save_slot(participation, request.user, form.slot_data(), slot)
        except OpenDoorsError as error:
            form.add_error(None, error.message)
        except BookingError as error:  # a capacity below the confirmed seats
            form.add_error("capacity", error.message)
        else:
            messages.success(request, _("The slot is saved."))
            return redirect("opendoors:participation", pk=participation.pk)
    return render(
        request,
        "opendoors/slot_form.html",
        {
            "participation": participation,
            "form": form,
            "slot": slot,
            "warnings": call.warnings(participation),
        },
    )


@login_required
@require_POST
def slot_delete(request, pk):
    slot = _host_slot(request, pk)
    try:
        call.delete_slot(slot, request.user)
    except OpenDoorsError as error:
        show_error(request, error)
    else:
        messages.success(request, _("The slot is deleted."))
    return redirect("opendoors:participation", pk=slot.participation_id)


@login_required
def visitors(request, pk):
    slot = _host_slot(request, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = visit_services.send_message(slot, request.user, **form.cleaned_data)
        except OpenDoorsError as error:
            show_error(request, error)
        else:
            messages.success(request, _("Message sent to %(n)s visitor(s).") % {"n": sent})
            return redirect("opendoors:visitors", pk=slot.pk)
    log_read(request, "opendoors_visitors", slot)
    return render(
        request,
        "opendoors/visitors.html",
        {
            "slot": slot,
            "participation": slot.participation,
            "visits": visit_services.visitors(slot),
            "form": form,
            "attendance_choices": Visit.Attendance.choices,
        },
    )


@login_required
@require_POST
def attendance(request, pk):
    visit = get_object_or_404(Visit.objects.select_related("slot__participation", "booking"), pk=pk)
    try:
        visit_services.mark_attendance(visit, request.user, request.POST.get("attendance", ""))
    except OpenDoorsError as error:
        if error.code == "not_host":
            raise PermissionDenied from error
        show_error(request, error)
    return redirect("opendoors:visitors", pk=visit.slot_id)
