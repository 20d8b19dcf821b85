"""Cycles and groups (coordinators), and the review of registrations (accept / refuse)."""

from dataclasses import dataclass, field

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
    """Create or change a group; a group that ends before it starts, or with the same person
    as both facilitators, is refused (``Group.problems``)."""
    _require_coordinator(by)
    problems = group.problems()
    if problems:
        raise IntervisionError(next(iter(problems.values())))
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


@dataclass
class BulkResult:
    """What a bulk decision did: the registrations changed, those already in that status, and
    those the state machine or a rule refused, each with the translated reason."""

    changed: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # [(registration, message)]


#: At most this many registrations in one bulk decision (a page of the list is 50).
BULK_MAX = 500


def accept_many(cycle: Cycle, ids, by) -> BulkResult:
    """Accept several registrations of ``cycle`` at once: each one through
    ``set_registration_status`` (its transition checked, its own transaction), so that one
    refusal does not undo the others. Ids of other cycles or unknown ids are refused as a whole
    (``unknown_registration``): the list a coordinator ticked is not the list they saw."""
    _require_coordinator(by)
    wanted = sorted({int(pk) for pk in ids})
    if not wanted:
        raise IntervisionError("nothing_selected")
    if len(wanted) > BULK_MAX:
        raise IntervisionError("too_many_selected", max=BULK_MAX)
    found = list(
        cycle.registrations.filter(pk__in=wanted).order_by("last_name", "first_name", "pk")
    )
    if len(found) != len(wanted):
        raise IntervisionError("unknown_registration")
    result = BulkResult()
    for registration in found:
        if registration.status == Registration.Status.ACCEPTED:
            result.unchanged.append(registration)
            continue
        try:
            set_registration_status(registration, Registration.Status.ACCEPTED, by)
        except IntervisionError as error:
            result.refused.append((registration, error.message))
        else:
            result.changed.append(registration)
    return result
