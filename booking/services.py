"""The capacity service: the one door to book, cancel, promote and resize, for every app that
has seats (today events and their options, and intervision groups).

Every function here owns its transaction and takes the locks described in ``booking.locking``.
Callers pass resources and a *holder* (any saved model instance: a registration...), and get
``Booking`` rows back; they notify people themselves (this module never sends e-mail).
``Booking.status`` is never written anywhere else.
"""

import time
from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import ServiceError

from . import rules
from .locking import lock_resources, race_window_seconds
from .models import Booking, Resource

Status = Booking.Status


class BookingError(ServiceError):
    messages = {
        "full": _("Sorry, there is no seat left."),
        "option_full": _("Sorry, there is no seat left for “%(label)s”."),
        "already_booked": _("You are already registered (or on the waiting list)."),
        "capacity_below_confirmed": _(
            "The capacity cannot be lower than the %(confirmed)s confirmed bookings."
        ),
        "capacity_invalid": _("The capacity must be a positive number, or empty for unlimited."),
        "busy": _("Many people are booking at the same time. Please try again in a moment."),
        "not_active": _("This booking is not active anymore."),
        "no_resources": _("Nothing to book."),
    }


def get_or_create_resource(
    key: str,
    *,
    capacity: int | None,
    label: str = "",
    waitlist_enabled: bool = True,
    promotion_rule: str = "",
) -> Resource:
    """The resource of that key, created with these values when new (an existing one keeps its
    capacity: change it with set_capacity(), which promotes waiting people)."""
    if capacity is not None and capacity <= 0:
        raise BookingError("capacity_invalid")
    rules.get(promotion_rule)  # an unknown rule fails here, not when a seat is freed
    resource, created = Resource.objects.get_or_create(
        key=key,
        defaults={
            "capacity": capacity,
            "label": label,
            "waitlist_enabled": waitlist_enabled,
            "promotion_rule": promotion_rule,
        },
    )
    if not created and (resource.label != label and label):
        resource.label = label
        resource.save(update_fields=["label"])
    return resource


def _holder_filter(holder) -> dict:
    return {
        "holder_type": ContentType.objects.get_for_model(holder),
        "holder_id": str(holder.pk),
    }


def _free_seats(resource: Resource) -> int | None:
    if resource.capacity is None:
        return None
    return resource.capacity - resource.bookings.confirmed().count()


def _promote(resource: Resource) -> list[Booking]:
    """Give free seats to the waiting list, in order. Caller holds the resource's lock.

    Each promotion is a conditional UPDATE (``status = 'waiting'``): a waiting booking cancelled
    meanwhile (cancelling takes no lock) is skipped, never resurrected as confirmed. A booking
    that fails the resource's promotion rule (booking.rules) keeps its place in the queue.
    """
    free = _free_seats(resource)
    if free == 0:
        return []
    rule = rules.get(resource.promotion_rule)
    promoted: list[Booking] = []
    now = timezone.now()
    # The lock keeps new bookings out, so one pass over the queue in order is enough.
    for booking in resource.bookings.waiting():
        if free is not None and free <= 0:
            break
        if rule is not None and not rule(booking):
            continue
        changed = Booking.objects.filter(pk=booking.pk, status=Status.WAITING).update(
            status=Status.CONFIRMED, promoted_at=now
        )
        if changed:
            booking.status, booking.promoted_at = Status.CONFIRMED, now
            promoted.append(booking)
            if free is not None:
                free -= 1
    return promoted


def _book_locked(resource: Resource, holder, *, waitlist: bool, option=False) -> Booking:
    """Decide and write one booking. Caller holds the resource's lock."""
    holder_fields = _holder_filter(holder)
    if resource.bookings.active().filter(**holder_fields).exists():
        raise BookingError("already_booked")
    _promote(resource)  # nobody may jump the queue if seats were freed without promotion
    free = _free_seats(resource)
    window = race_window_seconds()
    if window:
        time.sleep(window)  # test-only: widens the gap between counting and writing
    if free is None or free > 0:
        status = Status.CONFIRMED
    elif waitlist and resource.waitlist_enabled:
        status = Status.WAITING
    elif option:
        raise BookingError("option_full", label=resource.label or resource.key)
    else:
        raise BookingError("full")
    booking = Booking(resource=resource, status=status, **holder_fields)
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as error:  # the partial unique index: a double submit
        raise BookingError("already_booked") from error
    return booking


def _locked(resources):
    try:
        return lock_resources(resources)
    except OperationalError as error:  # lock_timeout on PostgreSQL
        raise BookingError("busy") from error


def book(resource: Resource, holder, *, waitlist: bool = True) -> Booking:
    """Book a seat for ``holder``: confirmed if a seat is left, else waiting (when allowed), else
    ``BookingError("full")``. ``BookingError("already_booked")`` if the holder already has an
    active booking of this resource."""
    with transaction.atomic():
        fresh = _locked([resource])[resource.key]
        return _book_locked(fresh, holder, waitlist=waitlist)


def book_many(resources: Sequence[Resource], holder, *, waitlist: bool = True) -> list[Booking]:
    """Book a main resource (the first, e.g. the event's seats) and options (the others, e.g. the
    lunch) in one locked transaction, all-or-nothing.

    - the main resource is booked like ``book()``: confirmed, or waiting, or ``full``;
    - when the main booking is confirmed, every option must have a seat, otherwise
      ``BookingError("option_full")`` and nothing at all is booked;
    - when the main booking is waiting, options are not booked (the caller books them after the
      promotion, with ``book(option, holder, waitlist=False)``).
    """
    if not resources:
        raise BookingError("no_resources")
    with transaction.atomic():
        fresh = _locked(resources)  # sorted by key: no deadlock between two book_many calls
        main = _book_locked(fresh[resources[0].key], holder, waitlist=waitlist)
        bookings = [main]
        if main.is_confirmed:
            for option in resources[1:]:
                bookings.append(
                    _book_locked(fresh[option.key], holder, waitlist=False, option=True)
                )
        return bookings


def book_each(pairs: Sequence[tuple[Resource, object]], *, waitlist: bool = False) -> list[Booking]:
    """Book one seat per (resource, holder) pair, all-or-nothing, taking every lock at once in
    key order before the first seat is counted (``booking.locking`` rule 2 and 3): publishing a
    whole composition is one locked transaction, never one lock per person in a random order.
    Raises ``BookingError`` (``full``, ``already_booked``...) and books nothing then."""
    if not pairs:
        return []
    with transaction.atomic():
        fresh = _locked([resource for resource, _holder in pairs])
        return [
            _book_locked(fresh[resource.key], holder, waitlist=waitlist)
            for resource, holder in pairs
        ]


def _end(booking: Booking, status: str) -> bool:
    """Move an active booking to ``status`` (cancelled/refused); True if it freed a seat.

    Freeing needs no lock: each conditional UPDATE is atomic, so two simultaneous cancels of the
    same booking free its seat once, and a promotion racing a cancel is seen by one of them.
    """
    now = timezone.now()
    active = Booking.objects.filter(pk=booking.pk)
    freed = active.filter(status=Status.CONFIRMED).update(status=status, cancelled_at=now)
    if not freed:
        active.filter(status=Status.WAITING).update(status=status, cancelled_at=now)
    booking.refresh_from_db(fields=["status", "cancelled_at"])
    return bool(freed)


def cancel(booking: Booking) -> Booking | None:
    """Cancel a booking; if it held a seat, give that seat to the first waiting booking.

    Returns the promoted booking (the caller notifies its holder) or None. Cancelling twice is
    harmless (the second call does nothing and returns None).
    """
    promoted = cancel_many([booking])
    return promoted[0] if promoted else None


def cancel_many(bookings: Sequence[Booking]) -> list[Booking]:
    """Cancel several bookings of one holder (an event seat and its lunch) and return the
    bookings promoted in their place."""
    with transaction.atomic():
        freed = []
        for booking in bookings:
            if _end(booking, Status.CANCELLED) and booking.resource.capacity is not None:
                freed.append(booking.resource)
        if not freed:
            return []
        # Promotion gives a seat away: that needs the lock (sorted keys, once).
        locked = _locked(freed)
        promoted = []
        for resource in locked.values():
            promoted.extend(_promote(resource))
        return promoted


def refuse(booking: Booking) -> Booking | None:
    """An organizer refuses a booking (e.g. not part of the audience). Frees its seat like
    cancel() and returns the promoted booking, if any."""
    with transaction.atomic():
        if not _end(booking, Status.REFUSED):
            return None
        promoted = _promote(_locked([booking.resource])[booking.resource.key])
        return promoted[0] if promoted else None


def set_capacity(resource: Resource, capacity: int | None) -> list[Booking]:
    """Change the capacity (None = unlimited). Growing promotes waiting bookings in order (they
    are returned so that the caller notifies them); shrinking below the confirmed count is
    refused with ``BookingError("capacity_below_confirmed")``."""
    if capacity is not None and capacity <= 0:
        raise BookingError("capacity_invalid")
    with transaction.atomic():
        fresh = _locked([resource])[resource.key]
        confirmed = fresh.bookings.confirmed().count()
        if capacity is not None and capacity < confirmed:
            raise BookingError("capacity_below_confirmed", confirmed=confirmed)
        fresh.capacity = capacity
        fresh.save(update_fields=["capacity"])
        resource.capacity = capacity
        return _promote(fresh)


def set_waitlist_enabled(resource: Resource, enabled: bool) -> None:
    Resource.objects.filter(pk=resource.pk).update(waitlist_enabled=enabled)
    resource.waitlist_enabled = enabled


def confirmed_count(key: str) -> int:
    """Confirmed bookings of the resource of that key (0 if it does not exist yet); read
    without a lock, for forms and pages."""
    return Booking.objects.filter(resource__key=key, status=Status.CONFIRMED).count()


def active_booking(resource: Resource, holder) -> Booking | None:
    return resource.bookings.active().filter(**_holder_filter(holder)).first()
