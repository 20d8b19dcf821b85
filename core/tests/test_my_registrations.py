"""One "my registrations" page for everything a person signed up to: events, intervision
cycles and open doors visits, each app filling its section (core.my_registrations)."""

from html import unescape

import pytest
from django.urls import reverse

from core.my_registrations import Section, register_provider, sections_for
from events import services as event_services
from events.tests.factories import EventFactory, EventOptionFactory
from intervisions import services as intervision_services
from maillage.testing.factories import UserFactory
from opendoors.services import visits
from opendoors.tests import factories as opendoors_factories

pytestmark = pytest.mark.django_db


def test_my_registrations_lists_the_event_and_the_cycle(client, cycle, groups, register):
    user = UserFactory()
    event = EventFactory(
        title="Table d'échanges Santé mentale", title_fr="Table d'échanges Santé mentale"
    )
    lunch = EventOptionFactory(event=event, capacity=5)
    event_services.register(event, user=user, options=[lunch])
    registration = register([groups[0]], email=user.email, user=user)
    client.force_login(user)
    response = client.get(reverse("core:my_registrations"))
    page = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Table d'échanges Santé mentale" in page
    assert "Je reste pour le lunch" in page
    assert str(event.organizer) in page
    assert "Rue du Progrès 323" in page
    assert cycle.title in page
    token = intervision_services.page_token(registration)
    assert reverse("intervisions:my_registration", args=[token]) in page
    assert reverse("events:ics", args=[event.pk]) in page
    assert "/feeds/personal/" in page


def test_my_registrations_lists_an_open_doors_visit(client):
    slot = opendoors_factories.slot(opendoors_factories.host_service(opendoors_factories.edition()))
    visit = visits.book_visit(slot, UserFactory())
    client.force_login(visit.visitor)
    page = unescape(client.get(reverse("core:my_registrations")).content.decode())
    assert "Visites portes ouvertes" in page
    assert visit.slot.participation.service.name in page


def test_a_cancelled_registration_is_not_listed(client):
    user = UserFactory()
    event = EventFactory(title="Atelier annulé", title_fr="Atelier annulé")
    registration = event_services.register(event, user=user)
    event_services.cancel_registration(registration)
    client.force_login(user)
    page = unescape(client.get(reverse("core:my_registrations")).content.decode())
    assert "Atelier annulé" not in page
    assert "Vous n'avez encore aucune inscription." in page


def test_other_peoples_registrations_are_not_listed(client, cycle, groups, register):
    owner = UserFactory()
    event = EventFactory(
        title="Réunion de quelqu'un d'autre", title_fr="Réunion de quelqu'un d'autre"
    )
    event_services.register(event, user=owner)
    client.force_login(UserFactory())
    page = unescape(client.get(reverse("core:my_registrations")).content.decode())
    assert "Réunion de quelqu'un d'autre" not in page


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse("core:my_registrations"))
    assert response.status_code == 302
    assert "/compte/login/" in response["Location"]


def test_sections_come_in_order_and_empty_ones_are_left_out(user):
    register_provider("zz-test-empty", lambda u: Section("zz", "Empty", "x.html", []), order=1)
    register_provider("zz-test-none", lambda u: None, order=2)
    try:
        keys = [section.key for section in sections_for(user)]
        assert "zz" not in keys
        event_services.register(EventFactory(), user=user)
        assert [s.key for s in sections_for(user)] == ["events"]
    finally:
        from core import my_registrations

        my_registrations._providers.pop("zz-test-empty")
        my_registrations._providers.pop("zz-test-none")
