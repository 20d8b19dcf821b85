"""Registration with capacity, waiting list in order, options, deadlines, e-mails and tokens."""

import datetime
import io

import pytest
from django.core import mail
from icalendar import Calendar

from booking.models import Booking
from booking.services import BookingError
from events import services
from events.errors import EventError
from events.links import cancel_token
from events.tests.factories import EventFactory, EventOptionFactory, in_days
from maillage.testing.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def guest(event, n, **extra):
    return services.register(
        event,
        name=f"Personne {n}",
        email=f"p{n}@example.org",
        organization_name="CPAS",
        consent=True,
        **extra,
    )


def test_capacity_then_waiting_list_promoted_in_order(event):
    people = [guest(event, n) for n in range(5)]
    assert [r.status for r in people] == ["confirmed", "confirmed", "waiting", "waiting", "waiting"]
    assert people[3].booking.waiting_position() == 2
    mail.outbox.clear()
    promoted = services.cancel_registration(people[1])
    assert promoted.pk == people[2].pk
    assert event.registrations.confirmed().count() == 2
    assert list(event.registrations.waiting()) == [people[3], people[4]]
    recipients = {m.to[0]: m for m in mail.outbox}
    assert "p2@example.org" in recipients and "p1@example.org" in recipients
    promotion = recipients["p2@example.org"]
    assert "place" in promotion.subject.lower()
    assert promotion.attachments and promotion.attachments[0][2] == "text/calendar"


def test_confirmation_email_carries_a_valid_ics(event):
    guest(event, 1)
    message = mail.outbox[-1]
    filename, content, mimetype = message.attachments[0]
    calendar = Calendar.from_ical(content)
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == 1 and str(vevents[0]["summary"]) == event.title
    assert "/annulation/" in message.body


def test_never_more_than_capacity_with_waitlist_disabled():
    event = EventFactory(capacity=1, waitlist_enabled=False)
    guest(event, 1)
    with pytest.raises(BookingError) as error:
        guest(event, 2)
    assert error.value.code == "full"
    assert event.registrations.count() == 1  # nothing left behind


def test_same_email_twice_refused(event):
    guest(event, 1)
    with pytest.raises(EventError) as error:
        services.register(
            event,
            name="Autre",
            email="P1@example.org",
            organization_name="Service social",
            consent=True,
        )
    assert error.value.code == "already_registered"
    assert "déjà" in error.value.message


def test_consent_required_for_guests(event):
    with pytest.raises(EventError, match="accepter|Accept|données"):
        services.register(event, name="X", email="x@example.org")


def test_logged_in_one_click(event, user):
    registration = services.register(event, user=user)
    assert registration.email == user.email and registration.status == "confirmed"
    assert services.registration_for(event, user=user) == registration


def test_cancellation_after_deadline_refused():
    event = EventFactory(cancellation_deadline=in_days(-1))
    registration = guest(event, 1)
    with pytest.raises(EventError) as error:
        services.cancel_registration(registration)
    assert error.value.code == "cancellation_closed"
    # the organizer can still cancel
    services.cancel_registration(registration, by_organizer=True)
    registration.refresh_from_db()
    registration.booking.refresh_from_db()
    assert registration.cancelled_at is not None
    assert registration.booking.status == "cancelled"


def test_registration_windows():
    save_the_date = EventFactory(registration_opens_at=in_days(3))
    assert save_the_date.registration_state() == "save_the_date"
    with pytest.raises(EventError) as error:
        guest(save_the_date, 1)
    assert error.value.code == "registration_not_open"
    closed = EventFactory(registration_deadline=in_days(-1))
    with pytest.raises(EventError, match="clôturées|closed|fermées"):
        guest(closed, 1)
    free = EventFactory(registration_required=False)
    with pytest.raises(EventError):
        guest(free, 1)


def test_lunch_option_has_its_own_capacity(event):
    lunch = EventOptionFactory(event=event, capacity=1)
    first = guest(event, 1, options=[lunch])
    assert [b.status for b in first.option_bookings.all()] == ["confirmed"]
    # the lunch is full, the event is not: registering with the lunch is refused as a whole
    with pytest.raises(BookingError) as error:
        guest(event, 2, options=[lunch])
    assert error.value.code == "option_full"
    assert event.registrations.filter(email="p2@example.org").count() == 0
    # ...and without the lunch it works: the event still has a seat
    second = guest(event, 2)
    assert second.status == "confirmed"
    assert second.option_bookings.count() == 0


def test_promoted_person_gets_the_lunch_if_still_available(event):
    lunch = EventOptionFactory(event=event, capacity=5)
    a, b = guest(event, 1, options=[lunch]), guest(event, 2)
    waiting = guest(event, 3, options=[lunch])
    assert waiting.status == "waiting" and waiting.option_bookings.count() == 0
    services.cancel_registration(a)
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert [bk.status for bk in waiting.option_bookings.all()] == ["confirmed"]
    assert b.status == "confirmed"


def test_cancel_by_signed_token(event):
    registration = guest(event, 1)
    _, promoted = services.cancel_by_token(cancel_token(registration))
    registration.refresh_from_db()
    assert registration.cancelled_at is not None
    assert promoted is None
    with pytest.raises(EventError):
        services.cancel_by_token("forged:token")


def test_larger_capacity_promotes_and_notifies(event):
    people = [guest(event, n) for n in range(4)]
    mail.outbox.clear()
    event.capacity = 3
    services.save_event(event, user=services.SYSTEM)
    people[2].refresh_from_db()
    assert people[2].booking.status == Booking.Status.CONFIRMED
    assert [m.to[0] for m in mail.outbox] == ["p2@example.org"]
    event.capacity = 1
    with pytest.raises(BookingError):
        services.save_event(event, user=services.SYSTEM)


def test_reminders_the_day_before(db):
    tomorrow = EventFactory(starts_at=in_days(1, hour=14))
    EventFactory(starts_at=in_days(3))
    guest(tomorrow, 1)
    mail.outbox.clear()
    from django.core.management import call_command

    call_command("send_event_reminders", stdout=io.StringIO())
    assert [m.to[0] for m in mail.outbox] == ["p1@example.org"]
    assert services.send_reminders() == 0  # only once


def test_can_manage(event, user, coordinator):
    assert services.can_manage(coordinator, event)
    assert not services.can_manage(user, event)
    member = UserFactory()
    from maillage.testing.factories import MembershipFactory

    MembershipFactory(user=member, organization=event.organizer)
    assert services.can_manage(member, event)
    assert not services.can_manage(member, EventFactory(organizer=OrganizationFactory()))


def test_past_registrations_are_anonymised(settings, user):
    settings.EVENTS_REGISTRATION_RETENTION_DAYS = 30
    old = EventFactory(starts_at=in_days(-40), capacity=5)
    recent = EventFactory(starts_at=in_days(-5), capacity=5)
    for event in (old, recent):
        services.register(
            event,
            name="Awa",
            email="awa@example.org",
            organization_name="Service social",
            consent=True,
            now=event.starts_at - datetime.timedelta(days=2),
        )
    services.register(recent, user=user, now=recent.starts_at - datetime.timedelta(days=2))
    out = io.StringIO()
    from django.core.management import call_command

    call_command("anonymise_event_registrations", stdout=out)
    assert out.getvalue().startswith("1 ")
    anonymised = old.registrations.get()
    assert anonymised.name == "—" and "awa" not in anonymised.email
    assert anonymised.status == "confirmed"  # the count stays for statistics
    assert recent.registrations.filter(email="awa@example.org").exists()
    assert services.anonymise_past_registrations() == 0


def test_professionals_only_event_asks_guests_for_their_organization(event):
    assert event.audience == "professionals"
    with pytest.raises(EventError) as error:
        services.register(event, name="Awa", email="awa@example.org", consent=True)
    assert error.value.code == "organization_required"
    assert "organisation" in error.value.message
    assert not event.registrations.exists()
    public = EventFactory(audience="public")
    registration = services.register(public, name="Awa", email="awa@example.org", consent=True)
    assert registration.booking.is_confirmed
