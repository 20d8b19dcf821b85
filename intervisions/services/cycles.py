"""Cycles and groups (coordinators), and the review of registrations (accept / refuse)."""

from django.db import transaction

from .. import seats
from ..errors import IntervisionError
from ..models import Cycle, Registration
from . import notifications


def _require_coordinator(user) -> None:
    if user is None or not user.is_authenticated or not user.is_coordinator:
        raise IntervisionError("not_allowed")


def create_cycle(by, **fields) -> Cycle:
    _require_coordinator(by)
    cycle = Cycle(**fields)
    cycle.full_clean()
    cycle.save()
    return cycle


@transaction.atomic
def save_cycle(by, cycle: Cycle) -> Cycle:
    """Save a cycle edited by a coordinator; a new maximum group size resizes the seats."""
    _require_coordinator(by)
    cycle.save()
    if cycle.is_published:
        for group in cycle.groups.filter(cancelled=False):
            try:
                promoted = seats.resize(group, cycle.group_max_size)
            except seats.BookingError as error:
                raise IntervisionError("capacity_below", group=group.name) from error
            for booking in promoted:
                _announce_promotion(booking)
    return cycle


def _announce_promotion(booking) -> None:
    from .registrations import _seat_given

    notifications.send_group(_seat_given(booking), "promoted")


def save_group(by, group):
    _require_coordinator(by)
    group.full_clean()
    group.save()
    return group


def set_cycle_status(cycle: Cycle, status: str, by) -> Cycle:
    """Open or close registration (publication goes through ``composition.publish``)."""
    _require_coordinator(by)
    allowed = {Cycle.Status.DRAFT, Cycle.Status.OPEN, Cycle.Status.CLOSED}
    if status not in allowed:
        raise IntervisionError("invalid_status")
    if cycle.is_published:
        raise IntervisionError("already_published")
    cycle.status = status
    cycle.save(update_fields=["status"])
    return cycle


def set_registration_status(registration: Registration, status: str, by) -> Registration:
    """Accept or refuse a registration. Refusing frees its seat (for the waiting list)."""
    _require_coordinator(by)
    if status not in (Registration.Status.ACCEPTED, Registration.Status.REFUSED):
        raise IntervisionError("invalid_status")
    if registration.status == Registration.Status.WITHDRAWN:
        raise IntervisionError("not_active")
    registration.check_transition(status)
    promoted = None
    with transaction.atomic():
        if status == Registration.Status.REFUSED:
            from .calendar import forget_member

            group = registration.group
            _cancelled, promoted = seats.release(registration)
            registration.group = None
            registration.pinned = False
            if group is not None:
                forget_member(group, registration)
        registration.transition(status)
        registration.save(update_fields=["status", "group", "pinned"])
        if promoted is not None:
            from .registrations import _seat_given

            promoted = _seat_given(promoted)
    if status == Registration.Status.REFUSED:
        notifications.send(registration, "refused")
    if promoted is not None:
        notifications.send_group(promoted, "promoted")
    return registration
