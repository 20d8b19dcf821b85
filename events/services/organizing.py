"""Organizers' use cases: save an event (keeping its seats in the booking service in step),
check people in (from the day of the event), record the attendance count (never below the
check-ins), the default organizer (the network's coordinating body). Who may do it:
``can_manage``.

Every use case takes the acting ``user``; code that acts on its own (the admin's save after
its own checks, commands, the demo loader, benchmarks) says so with ``user=SYSTEM``. A missing
user (None, or anonymous) is refused, never taken as "no check".
"""

from django.db import transaction
from django.utils import formats, timezone

from booking import services as booking
from booking.services import BookingError
from directory.models import Organization

from ..errors import EventError
from ..models import Event


def can_manage(user, event_or_series) -> bool:
    """Coordinators, and members of the organizing organization."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_coordinator or event_or_series.organizer_id in user.organization_ids()


class _System:
    """The caller acts as the platform itself (no person to check)."""

    is_authenticated = False

    def __repr__(self):
        return "SYSTEM"


#: Pass ``user=SYSTEM`` to say explicitly that no person's rights are checked.
SYSTEM = _System()


def person(user):
    """The user to record as author, or None when the platform acts (SYSTEM)."""
    return user if getattr(user, "is_authenticated", False) else None


def _require(user, event) -> None:
    if user is SYSTEM:
        return
    if not can_manage(user, event):
        raise EventError("not_allowed")


def capacity_problem(event: Event, capacity) -> BookingError | None:
    """The refusal save_event() would raise for this capacity (read without the lock, for
    forms; save_event() checks again under the lock)."""
    if not (event.pk and event.registration_required and capacity is not None):
        return None
    confirmed = booking.confirmed_count(event.resource_key)
    if capacity < confirmed:
        return BookingError("capacity_below_confirmed", confirmed=confirmed)
    return None


def _basin_of(event: Event):
    if event.location_id:
        address = event.location.addresses.select_related("municipality").first()
        if address and address.basin_id:
            return address.basin
        if address and address.municipality_id:
            return address.municipality.basins.first()
    return event.series.basin if event.series_id and event.series.basin_id else None


def sync_resources(event: Event, options=()) -> list:
    """The booking resources of the event (first) and of the given options (created if new).
    Capacities of existing resources change only through save_event()."""
    resources = [
        booking.get_or_create_resource(
            event.resource_key,
            capacity=event.capacity,
            label=str(event.title)[:200],
            waitlist_enabled=event.waitlist_enabled,
        )
    ]
    for option in options:
        resources.append(
            booking.get_or_create_resource(
                option.resource_key,
                capacity=option.capacity,
                label=str(option.label)[:200],
                waitlist_enabled=False,
            )
        )
    return resources


def save_event(event: Event, *, user=None) -> list:
    """Save an event and bring its seats in line: a larger capacity promotes people from the
    waiting list (they are notified); a capacity below the confirmed count raises BookingError.
    Returns the promoted registrations' bookings."""
    from .registration import notify_promoted

    if event.pk:
        _require(user, event)
    with transaction.atomic():
        if not event.basin_id:
            event.basin = _basin_of(event)
        if event.created_by_id is None and getattr(user, "is_authenticated", False):
            event.created_by = user
        event.save()
        promoted = []
        if event.registration_required:
            resource = sync_resources(event)[0]
            if resource.capacity != event.capacity:
                promoted = booking.set_capacity(resource, event.capacity)
            if resource.waitlist_enabled != event.waitlist_enabled:
                booking.set_waitlist_enabled(resource, event.waitlist_enabled)
            for option in event.options.all():
                option_resource = sync_resources(event, [option])[1]
                if option_resource.capacity != option.capacity:
                    booking.set_capacity(option_resource, option.capacity)
        notify_promoted(promoted)
    return promoted


def check_in(registration, *, present: bool = True, user=None) -> None:
    """Mark a person present (or not). Only from the day of the event: before, EventError.
    A saved head count below the check-ins is raised to their number, so both agree."""
    event = registration.event
    _require(user, event)
    if present:
        day = timezone.localdate(event.starts_at)
        if timezone.localdate() < day:
            raise EventError("check_in_too_early", date=formats.date_format(day, "j F Y"))
    with transaction.atomic():
        registration.checked_in_at = timezone.now() if present else None
        registration.save(update_fields=["checked_in_at"])
        count = checked_in_count(event)
        if event.attendance_count is not None and event.attendance_count < count:
            event.attendance_count = count
            event.save(update_fields=["attendance_count"])


def checked_in_count(event: Event) -> int:
    return event.registrations.filter(
        cancelled_at__isnull=True, checked_in_at__isnull=False
    ).count()


def default_attendance(event: Event) -> int:
    """What the head-count field shows: the saved count, or else the number of check-ins."""
    if event.attendance_count is not None:
        return event.attendance_count
    return checked_in_count(event)


def record_attendance(event: Event, count: int, *, user=None) -> None:
    """Save the head count; fewer people than those checked in is refused (EventError)."""
    _require(user, event)
    checked_in = checked_in_count(event)
    if count < checked_in:
        raise EventError("count_below_checkins", checked_in=checked_in)
    event.attendance_count = count
    event.save(update_fields=["attendance_count"])


def default_organizer(user):
    """The organizer proposed for a new event: for a coordinator, the network's coordinating
    body they belong to (else the first one); for others, their first organization."""
    if not getattr(user, "is_authenticated", False):
        return None
    published = Organization.objects.published().order_by("name")
    mine = published.filter(pk__in=user.organization_ids())
    if user.is_coordinator:
        bodies = published.coordinating_bodies()
        return bodies.filter(pk__in=mine).first() or bodies.first() or mine.first()
    return mine.first()


def can_create(user) -> bool:
    """Coordinators, and members of at least one organization."""
    return bool(getattr(user, "is_authenticated", False)) and (
        user.is_coordinator or bool(user.organization_ids())
    )


def option_capacity_problem(event: Event, capacity) -> EventError | None:
    """An option never has more seats than its event (None = unlimited)."""
    if capacity is not None and event.capacity is not None and capacity > event.capacity:
        return EventError("option_above_event", option=capacity, event=event.capacity)
    return None


def save_event_option(event: Event, label: str, capacity) -> None:
    """The event's single extra option (the lunch) from the organizers' form: created, renamed,
    resized (seats through the booking service), or removed when the label is empty and nobody
    booked it. More seats than the event: EventError."""
    from ..models import EventOption

    if label and (problem := option_capacity_problem(event, capacity)):
        raise problem

    option = event.options.first()
    if not label:
        if (
            option
            and not booking.get_or_create_resource(
                option.resource_key, capacity=option.capacity, waitlist_enabled=False
            )
            .bookings.active()
            .exists()
        ):
            option.delete()
        return
    if option is None:
        option = EventOption(event=event)
    option.label = label
    option.label_fr = option.label_fr or label
    option.capacity = capacity
    option.save()
    resource = booking.get_or_create_resource(
        option.resource_key, capacity=capacity, label=label[:200], waitlist_enabled=False
    )
    if resource.capacity != capacity:
        booking.set_capacity(resource, capacity)  # BookingError below the confirmed count
