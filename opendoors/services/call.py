"""The call to services: members enrol a service and offer slots; coordinators review.

Every status change of a participation goes through ``review_participation`` (one door) and
tells the host. Never decides who gets a seat (see ``visits``).
"""

import datetime as dt

from django.db import transaction
from django.db.models import Count, Q

from booking import services as booking_services
from booking.models import Booking

from ..errors import OpenDoorsError
from ..models import Edition, Participation, Slot, Visit
from . import notices

Status = Participation.Status


def is_host(user, participation: Participation) -> bool:
    return (
        user.is_authenticated and participation.service.organization_id in user.organization_ids()
    )


def enrollable_services(user):
    from directory.models import Service

    return Service.objects.filter(organization_id__in=user.organization_ids()).order_by("name")


def call_is_open(edition: Edition, today=None) -> bool:
    today = today or dt.date.today()
    return edition.call_opens_on <= today <= edition.call_closes_on


def enrol(edition: Edition, service, user, *, host_name, host_email, host_phone="", today=None):
    if not call_is_open(edition, today):
        raise OpenDoorsError("call_closed")
    if service.organization_id not in user.organization_ids():
        raise OpenDoorsError("not_member")
    if Participation.objects.filter(edition=edition, service=service).exists():
        raise OpenDoorsError("already_enrolled")
    return Participation.objects.create(
        edition=edition,
        service=service,
        enrolled_by=user,
        host_name=host_name,
        host_email=host_email,
        host_phone=host_phone,
    )


def _check_editable(participation: Participation, user, today=None):
    if not is_host(user, participation):
        raise OpenDoorsError("not_member")
    if participation.status == Status.REFUSED:
        raise OpenDoorsError("not_editable")


def _validate_slot(participation: Participation, data: dict):
    edition = participation.edition
    if not edition.starts_on <= data["day"] <= edition.ends_on:
        raise OpenDoorsError(
            "slot_outside_week", first=f"{edition.starts_on:%d/%m}", last=f"{edition.ends_on:%d/%m}"
        )
    if data["end_time"] <= data["start_time"]:
        raise OpenDoorsError("slot_times")
    if not 1 <= data["capacity"] <= edition.max_visitors_per_slot:
        raise OpenDoorsError("slot_capacity", max=edition.max_visitors_per_slot)
    if data["location"].organization_id != participation.service.organization_id:
        raise OpenDoorsError("slot_place")


def save_slot(participation: Participation, user, data: dict, slot: Slot | None = None) -> Slot:
    """Create or change a slot. A change after validation sends the answer back for review."""
    _check_editable(participation, user)
    _validate_slot(participation, data)
    with transaction.atomic():
        slot = slot or Slot(participation=participation)
        for field, value in data.items():
            setattr(slot, field, value)
        slot.save()
        if slot.resource is None:
            slot.resource = booking_services.get_or_create_resource(
                slot.resource_key, capacity=slot.capacity, label=str(slot)
            )
            slot.save(update_fields=["resource"])
        elif slot.resource.capacity != slot.capacity:
            booking_services.set_capacity(slot.resource, slot.capacity)
        if participation.status == Status.CHANGES:
            Participation.objects.filter(pk=participation.pk).update(status=Status.SUBMITTED)
    return slot


def delete_slot(slot: Slot, user) -> None:
    _check_editable(slot.participation, user)
    if slot.visits.active().exists():
        raise OpenDoorsError("slot_has_visitors")
    with transaction.atomic():
        resource = slot.resource
        Visit.objects.filter(slot=slot).delete()
        slot.delete()
        if resource is not None:
            resource.delete()


def review_participation(participation: Participation, decision: str, *, note: str = "") -> None:
    """Validate, ask for changes or refuse (with a reason); the host is told each time."""
    if decision not in (Status.VALIDATED, Status.CHANGES, Status.REFUSED):
        raise OpenDoorsError("wish_round_state")
    if decision in (Status.CHANGES, Status.REFUSED) and not note.strip():
        raise OpenDoorsError("reason_required")
    Participation.objects.filter(pk=participation.pk).update(status=decision, review_note=note)
    participation.status, participation.review_note = decision, note
    transaction.on_commit(lambda: notices.participation_reviewed(participation))


def warnings(participation: Participation) -> dict:
    """What the form shows beside the slots: too many slots, and last edition's figures."""
    edition = participation.edition
    count = participation.slots.count()
    result = {
        "too_many": count > edition.max_slots_per_service,
        "count": count,
        "max": edition.max_slots_per_service,
        "previous": None,
        "previous_service": None,
    }
    previous = edition.previous()
    if previous is not None:
        result["previous"] = slot_rates(Slot.objects.filter(participation__edition=previous))
        own = Slot.objects.filter(
            participation__edition=previous, participation__service=participation.service
        )
        if own.exists():
            result["previous_service"] = slot_rates(own)
    return result


def slot_rates(slots) -> dict:
    """Fill rate (confirmed seats / capacity) and cancellation rate (cancelled / booked)."""
    capacity = sum(slots.values_list("capacity", flat=True))
    visits = Visit.objects.filter(slot__in=slots)
    booked = visits.filter(
        booking__status__in=[Booking.Status.CONFIRMED, Booking.Status.CANCELLED]
    ).count()
    cancelled = visits.filter(booking__status=Booking.Status.CANCELLED).count()
    confirmed = visits.filter(booking__status=Booking.Status.CONFIRMED).count()
    return {
        "slots": slots.count(),
        "fill": round(100 * confirmed / capacity) if capacity else 0,
        "cancellation": round(100 * cancelled / booked) if booked else 0,
    }


def seats_left(slots) -> dict[int, int]:
    """slot pk -> free seats now, in one query (informative: booking decides under lock)."""
    counts = dict(
        Slot.objects.filter(pk__in=[s.pk for s in slots])
        .annotate(n=Count("visits", filter=Q(visits__booking__status=Booking.Status.CONFIRMED)))
        .values_list("pk", "n")
    )
    return {s.pk: max(s.capacity - counts.get(s.pk, 0), 0) for s in slots}
