"""Seats in intervision groups and their waiting lists, through the shared capacity service.

This module is the ONLY place of the intervisions app that touches ``booking``: a group is the
resource ``intervision-group:<id>`` (capacity = the cycle's maximum group size), a registration is
the holder. Locking, ordering of the waiting list and promotion are the booking service's
business; this adapter never locks, never sends e-mail and never changes a registration.
"""

from booking import rules
from booking import services as booking
from booking.models import Booking, Resource
from booking.services import BookingError

#: Promotion from a group's waiting list respects the cycle's "at most N per institution".
INSTITUTION_CAP = "intervisions.institution_cap"

__all__ = [
    "BookingError",
    "confirmed_count",
    "group_of",
    "release",
    "resize",
    "resource",
    "seat",
    "take",
    "take_all",
    "waiting",
    "waiting_groups",
]


def resource(group) -> Resource:
    return booking.get_or_create_resource(
        group.resource_key,
        capacity=group.cycle.group_max_size,
        label=f"{group.cycle} · {group.name}",
        waitlist_enabled=True,
        promotion_rule=INSTITUTION_CAP,
    )


@rules.register(INSTITUTION_CAP)
def institution_cap(waiting_booking: Booking) -> bool:
    """A waiting registration may take a freed seat only if its institution has fewer than the
    cycle's maximum in the group already (read-only: runs under the booking lock)."""
    from .models import Registration

    registration = Registration.objects.select_related("cycle").get(pk=waiting_booking.holder_id)
    if registration.organization_id is None:
        return True
    seated = waiting_booking.resource.bookings.confirmed().values_list("holder_id", flat=True)
    same_institution = Registration.objects.filter(
        pk__in=[int(pk) for pk in seated], organization_id=registration.organization_id
    ).count()
    return same_institution < registration.cycle.max_per_institution


def take(registration, group, *, waitlist: bool) -> Booking:
    """A confirmed seat in ``group`` (or a place on its waiting list when ``waitlist``)."""
    return booking.book(resource(group), registration, waitlist=waitlist)


def take_all(pairs) -> list[Booking]:
    """Confirmed seats for many (registration, group) pairs at once, all-or-nothing: every
    group's lock is taken together, sorted by key, before any seat is counted."""
    resources = {}
    for _registration, group in pairs:
        if group.pk not in resources:
            resources[group.pk] = resource(group)
    return booking.book_each([(resources[group.pk], registration) for registration, group in pairs])


def seat(registration) -> Booking | None:
    """The registration's active booking (confirmed or waiting) in any group of its cycle."""
    return (
        Booking.objects.active()
        .for_holder(registration)
        .filter(resource__key__startswith="intervision-group:")
        .select_related("resource")
        .first()
    )


def release(registration) -> tuple[Booking | None, Booking | None]:
    """Cancel the registration's seat or waiting place; returns (cancelled, promoted)."""
    current = seat(registration)
    if current is None:
        return None, None
    promoted = booking.cancel(current)
    return current, promoted


def waiting(group) -> list[Booking]:
    """The group's waiting list, in promotion order."""
    return list(resource(group).bookings.waiting())


def confirmed_count(group) -> int:
    return resource(group).bookings.confirmed().count()


def resize(group, capacity: int) -> list[Booking]:
    """Change a group's capacity; returns the bookings promoted from its waiting list."""
    return booking.set_capacity(resource(group), capacity)


def group_of(found: Booking) -> int:
    """The group id of a booking of this module."""
    return int(found.resource.key.rsplit(":", 1)[1])


def waiting_groups(registrations) -> dict[int, int]:
    """{registration id: group id} of the registrations among ``registrations`` that wait on a
    group's waiting list, in one query (the coordinators' list shows a page of them)."""
    from django.contrib.contenttypes.models import ContentType

    from .models import Registration

    ids = [str(r.pk) for r in registrations]
    if not ids:
        return {}
    rows = (
        Booking.objects.active()
        .filter(
            holder_type=ContentType.objects.get_for_model(Registration),
            holder_id__in=ids,
            resource__key__startswith="intervision-group:",
        )
        .select_related("resource")
    )
    return {int(b.holder_id): group_of(b) for b in rows if not b.is_confirmed}
