"""Events for coordinators: the network's coordinating body organizes by default, the event form
checks its dates and the option's seats (form errors in French and Dutch), a draft says so on
its page. Check-in and head count: test_checkin.py."""

import random

import pytest
from django.urls import reverse
from django.utils import translation

from events import demo, services
from events.errors import EventError
from events.models import Event
from events.tests.factories import EventFactory, event_form_data
from maillage.testing.factories import (
    CoordinatorFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
)
from territory.models import Basin

pytestmark = pytest.mark.django_db


def _data(organizer, **extra):
    """The shared event form data, with registration dates and a 40-seat capacity."""
    dates = {
        "registration_opens_at": "2030-05-01T09:00",
        "registration_deadline": "2030-06-10T12:00",
        "capacity": "40",
        "option_capacity": "25",
    }
    return event_form_data(organizer, **(dates | extra))


# --- 1. The network itself organizes ------------------------------------------------------


def test_new_event_of_a_coordinator_is_organized_by_their_coordinating_body(client, coordinator):
    OrganizationFactory(name="CPAS d'Anderlecht")
    OrganizationFactory(name="Cellule d'appui du Bassin Nord", is_coordinating_body=True)
    body = OrganizationFactory(name="Smes Connect", is_coordinating_body=True)
    MembershipFactory(user=coordinator, organization=body)
    client.force_login(coordinator)
    response = client.get(reverse("events:create"))
    assert response.context["form"]["organizer"].value() == body.pk
    assert f'<option value="{body.pk}" selected>Smes Connect</option>' in response.content.decode()


def test_a_coordinator_outside_any_body_gets_the_first_coordinating_body(coordinator):
    body = OrganizationFactory(name="Cellule d'appui du Bassin Sud-Est", is_coordinating_body=True)
    OrganizationFactory(name="Autre")
    assert services.default_organizer(coordinator) == body


def test_a_member_is_proposed_their_own_organization(user):
    OrganizationFactory(name="Smes Connect", is_coordinating_body=True)
    own = OrganizationFactory(name="Maison médicale du Nord")
    MembershipFactory(user=user, organization=own)
    assert services.default_organizer(user) == own


def test_demo_creates_the_coordinating_bodies_and_they_organize_the_events():
    coordinator = CoordinatorFactory()
    context = {
        "organizations": OrganizationFactory.create_batch(10),
        "coordinators": [coordinator],
        "facilitators": [],
        "professionals": UserFactory.create_batch(50),
    }
    demo.load(random.Random(1), context)
    names = sorted(b.name for b in context["coordinating_bodies"])
    assert names == [
        "Cellule d'appui du Bassin Nord",
        "Cellule d'appui du Bassin Sud-Est",
        "Smes Connect",
    ]
    workshop = Event.objects.get(title="Atelier du changement")
    assert workshop.organizer.name == "Cellule d'appui du Bassin Sud-Est"
    assert workshop.organizer.is_coordinating_body
    assert services.default_organizer(coordinator).name == "Cellule d'appui du Bassin Sud-Est"


# --- 2. The event form --------------------------------------------------------------------


@pytest.fixture
def member(user):
    organization = OrganizationFactory()
    MembershipFactory(user=user, organization=organization)
    return user, organization


def _errors(response):
    return response.context["form"].errors


def test_basin_is_saved_so_a_stand_alone_event_shows_in_the_basin_follow_up(client, member):
    user, organization = member
    client.force_login(user)
    sud_est = Basin.objects.get(code="sud-est")
    response = client.post(reverse("events:create"), _data(organization, basin=sud_est.pk))
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.basin == sud_est and event.series is None
    services.add_expectation(event, "Une formation au secret partagé", user=services.SYSTEM)
    page = client.get(reverse("events:followup"), {"basin": "sud-est"}).content.decode()
    assert "Une formation au secret partagé" in page


def test_deadline_after_the_start_is_refused(client, member):
    user, organization = member
    client.force_login(user)
    response = client.post(
        reverse("events:create"), _data(organization, registration_deadline="2030-06-18T09:00")
    )
    assert response.status_code == 200 and not Event.objects.exists()
    assert _errors(response)["registration_deadline"] == [
        "La date limite d'inscription ne peut pas être après le début de l'événement."
    ]


def test_opening_after_the_deadline_is_refused(client, member):
    user, organization = member
    client.force_login(user)
    response = client.post(
        reverse("events:create"), _data(organization, registration_opens_at="2030-06-11T09:00")
    )
    assert not Event.objects.exists()
    assert _errors(response)["registration_deadline"] == [
        "La date limite d'inscription doit venir après l'ouverture des inscriptions."
    ]


def test_opening_after_the_start_and_cancellation_after_the_start_are_refused(client, member):
    user, organization = member
    client.force_login(user)
    response = client.post(
        reverse("events:create"),
        _data(
            organization,
            registration_opens_at="2030-06-17T15:00",
            registration_deadline=None,
            cancellation_deadline="2030-06-17T15:00",
        ),
    )
    assert not Event.objects.exists()
    errors = _errors(response)
    assert "registration_opens_at" in errors and "cancellation_deadline" in errors


def test_bad_dates_are_form_errors_not_server_errors(client, member):
    user, organization = member
    client.force_login(user)
    response = client.post(
        reverse("events:create"), _data(organization, registration_deadline="2030-13-45T99:00")
    )
    assert response.status_code == 200 and not Event.objects.exists()
    assert "registration_deadline" in _errors(response)


def test_option_with_more_seats_than_the_event_is_refused_in_french_and_dutch(client, member):
    user, organization = member
    client.force_login(user)
    response = client.post(reverse("events:create"), _data(organization, option_capacity="41"))
    assert not Event.objects.exists()
    assert _errors(response)["option_capacity"] == [
        "Une option ne peut pas avoir plus de places (41) que l'événement (40)."
    ]
    with translation.override("nl"):
        response = client.post(reverse("events:create"), _data(organization, option_capacity="41"))
    assert _errors(response)["option_capacity"] == [
        "Een optie kan niet meer plaatsen (41) hebben dan het evenement (40)."
    ]


def test_option_seats_without_a_name_are_refused(client, member):
    user, organization = member
    client.force_login(user)
    response = client.post(reverse("events:create"), _data(organization, option_label=""))
    assert not Event.objects.exists()
    assert "option_label" in _errors(response)


def test_the_service_refuses_an_option_above_the_event_whatever_the_door():
    event = EventFactory(capacity=10)
    with pytest.raises(EventError) as refused:
        services.save_event_option(event, "Lunch", 11)
    assert refused.value.code == "option_above_event"
    assert not event.options.exists()


def test_a_valid_event_with_dates_and_option_is_saved(client, member):
    user, organization = member
    client.force_login(user)
    response = client.post(reverse("events:create"), _data(organization))
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.options.get().capacity == 25
    assert event.registration_deadline < event.starts_at


def test_draft_status_is_shown_on_the_event_page(client, member):
    user, organization = member
    event = EventFactory(organizer=organization, status=Event.Status.DRAFT)
    client.force_login(user)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Brouillon" in html and "seuls ses organisateurs voient cette page" in html
    published = EventFactory(organizer=organization)
    assert "Brouillon" not in client.get(published.get_absolute_url()).content.decode()
