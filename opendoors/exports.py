"""Rows of the CSV/Excel exports (slots, bookings, evaluations) for core.tabular. Read only.

Words whose meaning here differs from other apps ("Slot" is a visit slot, "Confirmed" counts
visits) carry the msgctxt "open doors" (core/tests/test_catalogue_collisions.py)."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .models import Evaluation, Slot, Visit


def slots(edition):
    header = [
        pgettext("open doors", "Slot"),
        _("Service"),
        _("Organization"),
        _("Day"),
        _("Start"),
        _("End"),
        _("Capacity"),
        pgettext("open doors", "Confirmed"),
        _("Languages"),
        _("Status"),
    ]
    rows = []
    for slot in Slot.objects.filter(participation__edition=edition).select_related(
        "participation__service__organization"
    ):
        rows.append(
            [
                slot.pk,
                str(slot.participation.service),
                str(slot.participation.service.organization),
                slot.day.isoformat(),
                f"{slot.start_time:%H:%M}",
                f"{slot.end_time:%H:%M}",
                slot.capacity,
                slot.visits.confirmed().count(),
                " ".join(slot.languages or []),
                slot.participation.get_status_display(),
            ]
        )
    return header, rows


def bookings(edition):
    header = [
        pgettext("open doors", "Slot"),
        _("Service"),
        _("Day"),
        _("Start"),
        _("Visitor"),
        _("E-mail"),
        _("Function"),
        _("Organization"),
        _("Status"),
        _("Booked at"),
        pgettext("open doors", "Attendance"),
        _("Source"),
    ]
    rows = []
    for visit in Visit.objects.filter(
        slot__participation__edition=edition, booking__isnull=False
    ).select_related("slot__participation__service", "visitor", "organization", "booking"):
        rows.append(
            [
                visit.slot_id,
                str(visit.slot.participation.service),
                visit.slot.day.isoformat(),
                f"{visit.slot.start_time:%H:%M}",
                visit.visitor.get_full_name(),
                visit.visitor.email,
                visit.visitor.function,
                str(visit.organization or ""),
                visit.booking.get_status_display(),
                visit.booking.created_at.strftime("%Y-%m-%d %H:%M"),
                visit.get_attendance_display(),
                visit.get_source_display(),
            ]
        )
    return header, rows


def evaluations(edition):
    header = [
        pgettext("open doors", "Slot"),
        _("Service"),
        _("Day"),
        _("Usefulness"),
        _("Will orient"),
        _("Comment"),
    ]
    rows = []
    for ev in Evaluation.objects.filter(visit__slot__participation__edition=edition).select_related(
        "visit__slot__participation__service"
    ):
        slot = ev.visit.slot
        rows.append(
            [
                slot.pk,
                str(slot.participation.service),
                slot.day.isoformat(),
                ev.usefulness,
                ev.get_will_orient_display(),
                ev.comment,
            ]
        )
    return header, rows


EXPORTS = {"slots": slots, "bookings": bookings, "evaluations": evaluations}
