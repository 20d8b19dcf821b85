"""Registration to an event: one click for a logged-in professional, a short form for others;
seats and waiting list through the booking service; cancellation by the person (until the
deadline) or by the organizer, which gives the seat to the first person waiting.
"""

from django.db import IntegrityError, transaction
from django.utils import formats, timezone

from booking import services as booking
from booking.services import BookingError

from ..errors import EventError
from ..links import read_cancel_token
from ..models import Event, Registration
from ..models.event import Audience
from .notices import tell
from .organizing import sync_resources


def _check_open(event: Event, now=None) -> None:
    state = event.registration_state(now)
    if state == "none":
        raise EventError("no_registration")
    if state == "save_the_date":
        date = formats.date_format(
            timezone.localtime(event.registration_opens_at), "DATETIME_FORMAT"
        )
        raise EventError("registration_not_open", date=date)
    if state == "closed":
        raise EventError("registration_closed")


def registration_for(event: Event, *, user=None, email: str = "") -> Registration | None:
    """The active registration of this user or e-mail address, if any."""
    registrations = event.registrations.filter(cancelled_at__isnull=True).select_related("booking")
    if user is not None:
        return (
            registrations.filter(user=user).first()
            or registrations.filter(email__iexact=user.email).first()
        )
    return registrations.filter(email__iexact=email).first()


def register(
    event: Event,
    *,
    user=None,
    name: str = "",
    email: str = "",
    organization=None,
    organization_name: str = "",
    language: str = "fr",
    options=(),
    table_choice=None,
    consent: bool = False,
    now=None,
) -> Registration:
    """Register someone; returns the registration (confirmed or waiting, see ``.status``).

    Raises EventError (closed, already registered, no consent) or BookingError (full, option
    full, busy). Nothing is written when it raises.
    """
    _check_open(event, now)
    if user is not None:
        email = user.email
        name = user.get_full_name() or user.email
        language = user.preferred_language or language
        if organization is None and not organization_name:
            organization = user.memberships.accepted().select_related("organization").first()
            organization = organization.organization if organization else None
    elif not consent:
        raise EventError("consent_required")
    elif event.audience == Audience.PROFESSIONALS and not (
        organization or organization_name.strip()
    ):
        raise EventError("organization_required")
    email = email.strip().lower()
    if registration_for(event, email=email):
        raise EventError("already_registered")
    options = list(options)
    if any(option.event_id != event.pk for option in options):
        raise EventError("option_unknown")
    resources = sync_resources(event, options)
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=event,
                user=user,
                name=name.strip(),
                email=email,
                organization=organization,
                organization_name=organization_name.strip(),
                language=language,
                consent_at=timezone.now(),
                table_choice=table_choice,
            )
            # The lock is taken here, as late as possible, for the seat and its options at once.
            bookings = booking.book_many(resources, registration)
            registration.booking = bookings[0]
            registration.save(update_fields=["booking"])
            registration.option_bookings.set(bookings[1:])
            registration.wanted_options.set(options)
    except IntegrityError as error:  # same e-mail registered at the same moment
        raise EventError("already_registered") from error
    confirmed = registration.booking.is_confirmed
    tell(registration, "registered" if confirmed else "waiting", with_ics=confirmed)
    return registration


def _book_wanted_options(registration: Registration) -> list[str]:
    """After a promotion: book the options this person asked for; return the labels that were
    full (the person keeps the seat without them)."""
    missing = []
    for option in registration.wanted_options.all():
        resource = booking.get_or_create_resource(
            option.resource_key,
            capacity=option.capacity,
            label=option.label,
            waitlist_enabled=False,
        )
        try:
            registration.option_bookings.add(booking.book(resource, registration, waitlist=False))
        except BookingError:
            missing.append(option.label)
    return missing


def _after_promotions(promoted) -> None:
    for seat in promoted:
        registration = Registration.objects.filter(booking=seat).select_related("event").first()
        if registration is None:  # an option's booking, or another app's resource
            continue
        missing = _book_wanted_options(registration)
        tell(registration, "promoted", {"missing_options": missing}, with_ics=True)


def cancel_registration(registration: Registration, *, by_organizer=False, now=None):
    """Cancel; returns the registration promoted in its place (already notified), or None."""
    now = now or timezone.now()
    event = registration.event
    if registration.cancelled_at:
        raise EventError("already_cancelled")
    if not by_organizer and now >= event.can_cancel_until():
        raise EventError("cancellation_closed")
    with transaction.atomic():
        changed = Registration.objects.filter(pk=registration.pk, cancelled_at__isnull=True).update(
            cancelled_at=now
        )
        if not changed:
            raise EventError("already_cancelled")
        registration.cancelled_at = now
        seats = [registration.booking, *registration.option_bookings.all()]
        promoted = booking.cancel_many([seat for seat in seats if seat is not None])
        _after_promotions(promoted)
    tell(registration, "cancelled")
    firsts = [Registration.objects.filter(booking=seat).first() for seat in promoted]
    return next((r for r in firsts if r is not None), None)


def cancel_by_token(token: str, *, now=None):
    data = read_cancel_token(token)
    registration = None
    if data:
        registration = (
            Registration.objects.select_related("event", "booking")
            .filter(pk=data.get("r"), email=data.get("e"))
            .first()
        )
    if registration is None:
        raise EventError("invalid_token")
    return registration, cancel_registration(registration, now=now)


def notify_promoted(promoted) -> None:
    """For callers that changed a capacity (organizers): book options and tell promoted people."""
    _after_promotions(promoted)
