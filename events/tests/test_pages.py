"""Pages: agenda with filters and month view, event page, registration views, iCal feeds
(parsed back with icalendar), organizers' list and exports."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from openpyxl import load_workbook

from events import services
from events.links import feed_token
from events.models import Event, EventType
from events.tests.factories import EventFactory, SeriesFactory, in_days
from maillage.testing.factories import MembershipFactory
from territory.models import Basin

pytestmark = pytest.mark.django_db


def test_agenda_lists_upcoming_with_filters_and_save_the_date(client):
    workshop = EventFactory(
        title="Atelier du changement",
        event_type=EventType.objects.get(code="change-workshop"),
        basin=Basin.objects.get(code="sud-est"),
    )
    EventFactory(title="Table passée", starts_at=in_days(-20))
    EventFactory(title="Brouillon", status="draft")
    later = EventFactory(
        title="Concertation à venir", registration_opens_at=in_days(5), starts_at=in_days(30)
    )
    page = client.get(reverse("events:agenda")).content.decode()
    assert "Atelier du changement" in page and "Concertation à venir" in page
    assert "Table passée" not in page and "Brouillon" not in page
    assert "Réservez la date" in page
    filtered = client.get(reverse("events:agenda"), {"type": "change-workshop", "basin": "sud-est"})
    assert workshop.title in filtered.content.decode()
    assert later.title not in filtered.content.decode()


def test_month_view_is_a_table_with_caption(client):
    event = EventFactory(title="Rendez-vous de la prévention santé")
    local = event.starts_at.astimezone()
    response = client.get(reverse("events:month", args=[local.year, local.month]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption>" in html and 'scope="col"' in html
    assert event.title in html
    assert client.get(reverse("events:month", args=[2026, 13])).status_code == 404


def test_guest_registration_form_and_waiting_list(client):
    event = EventFactory(capacity=1)
    url = reverse("events:register", args=[event.pk])
    data = {
        "name": "Awa Diallo",
        "email": "awa@example.org",
        "organization_name": "CPAS",
        "consent": "on",
    }
    assert client.post(url, data).status_code == 200
    data["email"] = "bram@example.org"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "vous êtes numéro 1 sur la liste" in " ".join(response.content.decode().split())
    assert event.registrations.waiting().count() == 1
    again = client.post(url, data)
    assert again.status_code == 400
    assert 'role="alert"' in again.content.decode()
    missing_consent = client.post(url, {"name": "X", "email": "x@example.org"})
    assert missing_consent.status_code == 400


def test_logged_in_register_and_cancel(client, user):
    event = EventFactory()
    client.force_login(user)
    client.post(reverse("events:register", args=[event.pk]))
    assert services.registration_for(event, user=user).status == "confirmed"
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'id="registration-status"' in page
    client.post(reverse("events:cancel", args=[event.pk]))
    assert services.registration_for(event, user=user) is None


def _parse(response):
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_ical_feeds_parse_back(client, user):
    series = SeriesFactory(title="Concertation Santé mentale Nord")
    session = EventFactory(
        series=series,
        title="CT Santé mentale #2",
        event_type=EventType.objects.get(code="thematic-consultation"),
    )
    other = EventFactory(
        title="Formation non-demande", event_type=EventType.objects.get(code="training")
    )
    all_events = _parse(client.get(reverse("events_feeds:all")))
    summaries = {str(e["summary"]) for e in all_events.walk("VEVENT")}
    assert {session.title, other.title} <= summaries
    by_type = _parse(client.get(reverse("events_feeds:type", args=["training"])))
    assert [str(e["summary"]) for e in by_type.walk("VEVENT")] == [other.title]
    by_series = _parse(client.get(reverse("events_feeds:series", args=[series.pk])))
    assert [str(e["summary"]) for e in by_series.walk("VEVENT")] == [session.title]
    services.register(other, user=user)
    personal = _parse(client.get(reverse("events_feeds:personal", args=[feed_token(user)])))
    vevent = personal.walk("VEVENT")[0]
    assert str(vevent["summary"]) == other.title
    assert vevent.decoded("dtstart") == other.starts_at
    assert client.get(reverse("events_feeds:personal", args=["bad"])).status_code == 404


def test_organizer_list_exports_and_check_in(client, user):
    event = EventFactory(capacity=1)
    MembershipFactory(user=user, organization=event.organizer)
    first = services.register(
        event,
        name="=HYPERLINK(1)",
        email="a@example.org",
        organization_name="Service social",
        consent=True,
    )
    services.register(
        event, name="Bram", email="b@example.org", organization_name="Service social", consent=True
    )
    url = reverse("events:registrants", args=[event.pk])
    assert client.get(url).status_code == 302  # login required
    client.force_login(user)
    html = client.get(url).content.decode()
    assert "b@example.org" in html and "<caption>" in html
    assert "a@example.org" in client.get(url, {"print": 1}).content.decode()
    csv_text = client.get(reverse("events:export", args=[event.pk, "csv"])).content.decode()
    assert "'=HYPERLINK(1)" in csv_text  # formula injection neutralised
    xlsx = client.get(reverse("events:export", args=[event.pk, "xlsx"])).content
    rows = list(load_workbook(io.BytesIO(xlsx)).active.values)
    assert len(rows) == 3
    today = timezone.now()  # check-in opens on the day of the event
    Event.objects.filter(pk=event.pk).update(starts_at=today, ends_at=today)
    client.post(reverse("events:check_in", args=[event.pk, first.pk]), {"present": "1"})
    first.refresh_from_db()
    assert first.checked_in_at is not None
    client.post(reverse("events:attendance", args=[event.pk]), {"attendance_count": "27"})
    event.refresh_from_db()
    assert event.attendance_count == 27


def test_non_organizer_is_refused(client, user):
    event = EventFactory()
    client.force_login(user)
    assert client.get(reverse("events:registrants", args=[event.pk])).status_code == 403
    assert client.get(reverse("events:report_edit", args=[event.pk])).status_code == 403


def test_series_page_shows_previous_sessions_and_reports(client, coordinator):
    series = SeriesFactory()
    past = EventFactory(series=series, title="CT #1", starts_at=in_days(-60))
    report = services.save_report(past, "<p>Compte rendu</p>", user=services.SYSTEM)
    services.publish_report(report, user=services.SYSTEM)
    upcoming = EventFactory(series=series, title="CT #2")
    page = client.get(upcoming.get_absolute_url()).content.decode()
    assert "CT #1" in page and "#report-title" in page
    assert "CT #2" in client.get(series.get_absolute_url()).content.decode()


def test_cancel_link_from_the_email(client):
    from events.links import cancel_token

    event = EventFactory(capacity=1)
    first = services.register(
        event, name="Awa", email="awa@example.org", organization_name="Service social", consent=True
    )
    second = services.register(
        event,
        name="Bram",
        email="bram@example.org",
        organization_name="Service social",
        consent=True,
    )
    url = reverse("events:cancel_by_token", args=[cancel_token(first)])
    page = client.get(url)
    assert page.status_code == 200 and "Awa" in page.content.decode()
    done = client.post(url)
    assert "annulée" in done.content.decode()
    second.refresh_from_db()
    assert second.status == "confirmed"
    again = client.post(url)
    assert again.status_code == 400 and 'role="alert"' in again.content.decode()
    assert client.get(reverse("events:cancel_by_token", args=["nope"])).status_code == 400


def test_htmx_check_in_returns_the_button(client, coordinator):
    event = EventFactory()
    registration = services.register(
        event, name="Awa", email="awa@example.org", organization_name="Service social", consent=True
    )
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now(), ends_at=timezone.now())
    client.force_login(coordinator)
    response = client.post(
        reverse("events:check_in", args=[event.pk, registration.pk]),
        {"present": "1"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert 'aria-pressed="true"' in html and "<html" not in html


def test_tables_page_and_print(client, coordinator):
    event = EventFactory(capacity=5)
    for n in range(4):
        services.register(
            event,
            name=f"P{n}",
            email=f"p{n}@example.org",
            organization_name="Service social",
            consent=True,
        )
    client.force_login(coordinator)
    url = reverse("events:tables", args=[event.pk])
    client.post(url, {"action": "add", "name": "Table A"})
    client.post(url, {"action": "add", "name": "Table B", "capacity": "2"})
    client.post(url, {"action": "assign"})
    printed = client.get(url, {"print": 1}).content.decode()
    assert printed.count("<caption>") == 2 and "P3" in printed


def test_export_gives_waiting_positions_in_order(client, coordinator):
    event = EventFactory(capacity=1)
    for n in range(4):
        services.register(
            event,
            name=f"P{n}",
            email=f"p{n}@example.org",
            organization_name="Service social",
            consent=True,
        )
    client.force_login(coordinator)
    text = client.get(reverse("events:export", args=[event.pk, "csv"])).content.decode()
    lines = [line.split(";") for line in text.strip().splitlines()[1:]]
    assert [(line[0], line[4]) for line in lines] == [
        ("P0", ""),
        ("P1", "1"),
        ("P2", "2"),
        ("P3", "3"),
    ]
