"""Organizers create and edit events in the site; capacity changes go through the booking
service (growing promotes, shrinking below the confirmed count is refused)."""

import pytest
from django.urls import reverse

from events import services
from events.models import Event
from events.tests.factories import EventFactory, event_form_data
from maillage.testing.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_member_creates_an_event_with_lunch(client, user):
    organization = OrganizationFactory()
    MembershipFactory(user=user, organization=organization)
    client.force_login(user)
    assert client.get(reverse("events:create")).status_code == 200
    response = client.post(reverse("events:create"), event_form_data(organization))
    assert response.status_code == 302, response.content.decode()[-2000:]
    event = Event.objects.get()
    assert event.organizer == organization and event.options.get().capacity == 1
    other = OrganizationFactory()
    refused = client.post(reverse("events:create"), event_form_data(other))
    assert refused.status_code == 200 and Event.objects.count() == 1


def test_people_without_organization_cannot_create(client, user):
    client.force_login(user)
    assert client.get(reverse("events:create")).status_code == 403


def test_edit_capacity_promotes_and_refuses_below_confirmed(client, coordinator):
    event = EventFactory(capacity=1)
    first = services.register(
        event, name="A", email="a@example.org", organization_name="Service social", consent=True
    )
    waiting = services.register(
        event, name="B", email="b@example.org", organization_name="Service social", consent=True
    )
    assert waiting.status == "waiting"
    client.force_login(coordinator)
    url = reverse("events:edit", args=[event.pk])
    data = event_form_data(event.organizer, capacity="2", option_label="", option_capacity="")
    assert client.post(url, data).status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    response = client.post(url, data | {"capacity": "1"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 2
    assert first.status == "confirmed"
    bad = client.post(url, data | {"ends_at": "2030-06-17T10:00"})
    assert bad.status_code == 200
