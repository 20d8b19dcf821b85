"""My data: the download holds a record of every kind, only the person's own, as JSON and as a
readable page; the page links to the forms that correct the data."""

import json

import pytest
from django.urls import reverse

from events.tests.factories import EventFactory
from maillage.testing.factories import UserFactory
from privacy.services.export import collect


def kinds(data) -> set:
    return {item["kind"] for section in data["sections"] for item in section["items"]}


@pytest.mark.django_db
def test_json_export_contains_a_record_of_every_kind(client, full_person):
    client.force_login(full_person)
    response = client.get(reverse("privacy:export_json"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert {
        "account",
        "membership",
        "event_registration",
        "intervision_registration",
        "consent",
    } <= kinds(data)
    intervision = next(
        item
        for section in data["sections"]
        for item in section["items"]
        if item["kind"] == "intervision_registration"
    )
    assert intervision["last_name"] == "Benali"
    assert intervision["invoice"]["number"].count("-") == 1
    assert intervision["invoice"]["billed_to"]
    event = next(
        item
        for section in data["sections"]
        for item in section["items"]
        if item["kind"] == "event_registration"
    )
    assert event["event"] == "Table d'échanges santé mentale"


@pytest.mark.django_db
def test_export_holds_only_the_persons_own_data(full_person):
    from events import services

    other = UserFactory(first_name="Bram", email="bram@example.org")
    services.register(EventFactory(capacity=5), user=other)
    data = json.dumps(collect(full_person))
    assert "Nadia" in data and "Bram" not in data and "bram@example.org" not in data


@pytest.mark.django_db
def test_guest_registration_with_the_same_address_is_included(person):
    from events import services

    event = EventFactory(title="Atelier du changement")
    services.register(
        event,
        name="N. Benali",
        email="nadia@example.org",
        organization_name="Service social",
        consent=True,
    )
    assert "event_registration" in kinds(collect(person))


@pytest.mark.django_db
def test_readable_page_and_my_data_page(client, full_person):
    client.force_login(full_person)
    page = client.get(reverse("privacy:export_page"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Benali" in html and "CPAS de Saint-Gilles" in html
    home = client.get(reverse("privacy:my_data")).content.decode()
    assert reverse("accounts:profile") in home
    assert reverse("privacy:export_json") in home
    assert reverse("privacy:erase") in home


@pytest.mark.django_db
def test_my_data_needs_an_account(client):
    for name in ("privacy:my_data", "privacy:export_json", "privacy:export_page", "privacy:erase"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "login" in response["Location"]
