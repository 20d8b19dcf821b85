"""Check-ins and the saved head count agree (the count defaults to the check-ins, a count
below them is refused, a later check-in raises a lower count), check-in opens on the day of the
event, and the print list of registrants gives the signature the widest column."""

import datetime
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Event
from events.tests.factories import EventFactory, in_days

pytestmark = pytest.mark.django_db


# --- 3. Check-ins and head count ----------------------------------------------------------


@pytest.fixture
def today_event(db):
    event = EventFactory(capacity=5)
    people = [
        services.register(
            event, name=f"P{i}", email=f"p{i}@example.org", organization_name="SSM", consent=True
        )
        for i in range(3)
    ]
    now = timezone.now()
    Event.objects.filter(pk=event.pk).update(starts_at=now, ends_at=now)
    event.refresh_from_db()
    return event, people


def test_count_defaults_to_the_check_ins(client, coordinator, today_event):
    event, people = today_event
    for registration in people[:2]:
        services.check_in(registration, user=coordinator)
    client.force_login(coordinator)
    response = client.get(reverse("events:registrants", args=[event.pk]))
    assert response.context["attendance_form"]["attendance_count"].value() == 2
    assert "2 personnes enregistrées comme présentes." in response.content.decode()


def test_count_below_check_ins_is_refused(client, coordinator, today_event):
    event, people = today_event
    for registration in people:
        services.check_in(registration, user=coordinator)
    client.force_login(coordinator)
    response = client.post(
        reverse("events:attendance", args=[event.pk]), {"attendance_count": "2"}, follow=True
    )
    event.refresh_from_db()
    assert event.attendance_count is None
    assert "3 personnes sont enregistrées comme présentes : le nombre ne peut pas être " + (
        "inférieur."
    ) in response.content.decode().replace("\u202f", " ")
    client.post(reverse("events:attendance", args=[event.pk]), {"attendance_count": "4"})
    event.refresh_from_db()
    assert event.attendance_count == 4


def test_a_later_check_in_raises_a_lower_saved_count(coordinator, today_event):
    event, people = today_event
    services.check_in(people[0], user=coordinator)
    services.record_attendance(event, 1, user=coordinator)
    services.check_in(people[1], user=coordinator)
    event.refresh_from_db()
    assert event.attendance_count == 2


def test_check_in_the_day_before_is_refused_with_a_message(client, coordinator):
    event = EventFactory(starts_at=in_days(1))
    registration = services.register(
        event, name="Awa", email="awa@example.org", organization_name="SSM", consent=True
    )
    client.force_login(coordinator)
    response = client.post(
        reverse("events:check_in", args=[event.pk, registration.pk]), {"present": "1"}, follow=True
    )
    registration.refresh_from_db()
    assert registration.checked_in_at is None
    day = timezone.localdate(event.starts_at)
    assert f"le jour de l'événement ({day.day} " in response.content.decode()
    htmx = client.post(
        reverse("events:check_in", args=[event.pk, registration.pk]),
        {"present": "1"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert 'role="alert"' in htmx and 'aria-pressed="false"' in htmx


def test_check_in_on_the_day_and_after_is_accepted(coordinator):
    event = EventFactory()
    registration = services.register(
        event, name="Awa", email="awa@example.org", organization_name="SSM", consent=True
    )
    yesterday = timezone.now() - datetime.timedelta(days=1)
    Event.objects.filter(pk=event.pk).update(starts_at=yesterday, ends_at=yesterday)
    registration.refresh_from_db()
    services.check_in(registration, user=coordinator)
    registration.refresh_from_db()
    assert registration.checked_in_at is not None


def test_registrants_page_before_the_day_offers_no_check_in(client, coordinator):
    event = EventFactory(starts_at=in_days(3))
    services.register(
        event, name="Awa", email="awa@example.org", organization_name="SSM", consent=True
    )
    client.force_login(coordinator)
    html = client.get(reverse("events:registrants", args=[event.pk])).content.decode()
    assert "Le pointage des présences ouvre le jour de l'événement" in html
    assert 'aria-pressed="false"' not in html


def test_print_list_signature_column_is_the_widest(client, coordinator, today_event):
    event, _ = today_event
    client.force_login(coordinator)
    html = client.get(reverse("events:registrants", args=[event.pk]), {"print": 1})
    assert 'class="col-signature"' in html.content.decode()
    css = (Path(__file__).parents[1] / "static/events/events.css").read_text()
    widths = {
        name: float(value)
        for name, value in re.findall(
            r"table\.attendance-list \.col-([a-z]+) \{ width: ([\d.]+)%; \}", css
        )
    }
    assert len(widths) == 6
    assert max(widths, key=widths.get) == "signature"
    assert widths["signature"] > 1.5 * max(v for k, v in widths.items() if k != "signature")
