"""Audit of reads: opening or exporting a list of people is logged (who, when, which list),
without copying the list; coordinators read the log."""

import pytest
from django.urls import reverse

from events import services as event_services
from events.tests.factories import EventFactory
from maillage.testing.factories import MembershipFactory
from privacy.models import ReadLog


@pytest.fixture
def event_with_people(db):
    event = EventFactory(title="Table d'échanges logement", capacity=5)
    event_services.register(
        event,
        name="Awa Diallo",
        email="awa@example.org",
        organization_name="Service social",
        consent=True,
    )
    return event


def row_text(row) -> str:
    return " ".join(str(getattr(row, f.attname)) for f in ReadLog._meta.concrete_fields)


@pytest.mark.django_db
def test_reading_and_exporting_registrants_is_logged_without_the_data(client, event_with_people):
    organizer = MembershipFactory(organization=event_with_people.organizer, is_admin=True).user
    client.force_login(organizer)
    assert client.get(reverse("events:registrants", args=[event_with_people.pk])).status_code == 200
    csv = client.get(reverse("events:export", args=[event_with_people.pk, "csv"]))
    assert "Awa Diallo" in csv.content.decode()
    rows = list(ReadLog.objects.order_by("pk"))
    assert [(r.list_name, r.fmt) for r in rows] == [
        ("event_registrants", "page"),
        ("event_registrants", "csv"),
    ]
    assert all(r.reader == organizer and r.object_id == str(event_with_people.pk) for r in rows)
    assert rows[0].object_label == "Table d'échanges logement"
    for row in rows:
        text = row_text(row)
        assert "Awa" not in text and "awa@example.org" not in text


@pytest.mark.django_db
def test_refused_read_is_not_logged_as_a_read(client, user, event_with_people):
    client.force_login(user)
    assert client.get(reverse("events:registrants", args=[event_with_people.pk])).status_code == 403
    assert not ReadLog.objects.exists()


@pytest.mark.django_db
def test_intervision_lists_are_logged(client, coordinator, cycle, groups, register):
    register([groups[0]], first_name="Awa")
    client.force_login(coordinator)
    client.get(reverse("intervisions:manage_cycle", args=[cycle.pk]))
    client.get(reverse("intervisions:export", args=[cycle.pk, "xlsx"]))
    client.get(reverse("intervisions:invoices", args=[cycle.pk]))
    assert list(ReadLog.objects.order_by("pk").values_list("list_name", "fmt")) == [
        ("intervision_registrations", "page"),
        ("intervision_registrations", "xlsx"),
        ("intervision_invoices", "page"),
    ]


@pytest.mark.django_db
def test_coordinators_read_the_log(client, coordinator, user, event_with_people):
    organizer = MembershipFactory(organization=event_with_people.organizer, is_admin=True).user
    organizer.first_name, organizer.last_name = "Oscar", "Organisateur"
    organizer.save()
    client.force_login(organizer)
    read = client.get(reverse("events:registrants", args=[event_with_people.pk]))
    assert read.status_code == 200, read.status_code
    assert ReadLog.objects.count() == 1, list(ReadLog.objects.values())
    client.force_login(user)
    assert client.get(reverse("privacy:read_log")).status_code == 403
    client.force_login(coordinator)
    page = client.get(reverse("privacy:read_log"))
    html = page.content.decode()
    assert "Oscar Organisateur" in html and "event_registrants" in html
    filtered = client.get(reverse("privacy:read_log"), {"list": "nothing", "page": "9" * 30})
    assert filtered.status_code == 200
    assert "Oscar Organisateur" not in filtered.content.decode()
