"""What a signed-in person registered for, as the events section of the "my registrations" page
(core.my_registrations) and the "you are registered" block of an event page. Read-only."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from booking.models import Booking
from core.my_registrations import Section

from .links import personal_feed_url
from .models import Registration

#: Past registrations stay on the page this long (then the agenda's history is enough).
PAST_DAYS = 365


def chosen_options(registration) -> list[dict]:
    """The options this person asked for (the lunch...), and whether each has a seat."""
    booked = {
        booking.resource.key
        for booking in registration.option_bookings.filter(
            status=Booking.Status.CONFIRMED
        ).select_related("resource")
    }
    return [
        {"label": option.label, "booked": option.resource_key in booked}
        for option in registration.wanted_options.all()
    ]


def describe(registration, now=None) -> dict:
    """What the pages show of one registration."""
    now = now or timezone.now()
    event = registration.event
    return {
        "registration": registration,
        "event": event,
        "confirmed": registration.booking_id is not None and registration.booking.is_confirmed,
        "waiting_position": (
            registration.booking.waiting_position() if registration.booking_id else None
        ),
        "options": chosen_options(registration),
        "is_past": event.ends_at < now,
        "can_cancel": now < event.can_cancel_until(),
    }


def my_event_registrations(user, now=None) -> list[dict]:
    """Active registrations of the person (by account, or by the account's e-mail address):
    upcoming ones first (soonest first), then those of the past year (latest first)."""
    now = now or timezone.now()
    registrations = (
        Registration.objects.filter(Q(user=user) | Q(email__iexact=user.email))
        .filter(cancelled_at__isnull=True, event__ends_at__gte=now - timezone.timedelta(PAST_DAYS))
        .select_related("event__organizer", "event__location", "booking", "table")
        .prefetch_related("wanted_options", "event__location__addresses")
        .order_by("event__starts_at", "pk")
    )
    items = [describe(registration, now) for registration in registrations]
    upcoming = [item for item in items if not item["is_past"]]
    past = [item for item in reversed(items) if item["is_past"]]
    return upcoming + past


def section(user) -> Section:
    return Section(
        key="events",
        title=_("Meetings of the agenda"),
        template="events/_my_registrations.html",
        items=my_event_registrations(user),
        links=[
            (
                _("Add my registrations to my calendar (personal iCal link)"),
                personal_feed_url(user),
            ),
            (_("Agenda"), reverse("events:agenda")),
        ],
    )
