"""Seats left for a page of events, in one query (for badges "full", "n seats left").
Informative only: the booking service decides under its lock. Never writes."""

from django.db.models import Count, Q

from booking.models import Booking, Resource


def attach_seats(events) -> list:
    events = list(events)
    keys = {f"event:{e.pk}": e for e in events}
    resources = Resource.objects.filter(key__in=keys).annotate(
        confirmed=Count("bookings", filter=Q(bookings__status=Booking.Status.CONFIRMED)),
        waiting=Count("bookings", filter=Q(bookings__status=Booking.Status.WAITING)),
    )
    for event in events:
        event.seats_left = event.capacity
        event.waiting_count = 0
    for resource in resources:
        event = keys[resource.key]
        if resource.capacity is not None:
            event.seats_left = max(resource.capacity - resource.confirmed, 0)
        event.waiting_count = resource.waiting
    return events


def attach_option_seats(options) -> list:
    """Seats left of each option (``option.seats_left``: None = no limit), in one query."""
    options = list(options)
    keys = {option.resource_key: option for option in options}
    for option in options:
        option.seats_left = option.capacity
    resources = Resource.objects.filter(key__in=keys).annotate(
        confirmed=Count("bookings", filter=Q(bookings__status=Booking.Status.CONFIRMED))
    )
    for resource in resources:
        option = keys[resource.key]
        if resource.capacity is not None:
            option.seats_left = max(resource.capacity - resource.confirmed, 0)
    return options
