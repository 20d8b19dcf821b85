"""Open doors test data: an edition, validated participations and slots with their seats."""

import datetime as dt

from django.utils import timezone

from directory.models import Service
from maillage.testing.factories import AddressFactory, MembershipFactory, OrganizationFactory
from opendoors.models import Edition, Participation
from opendoors.services import call
from territory.models import Municipality

MONDAY = dt.date(2030, 11, 4)


def edition(**overrides) -> Edition:
    now = timezone.now()
    values = {
        "name": "Le grand bain 2030",
        "name_fr": "Le grand bain 2030",
        "name_nl": "De grote duik 2030",
        "starts_on": MONDAY,
        "ends_on": MONDAY + dt.timedelta(days=4),
        "call_opens_on": now.date() - dt.timedelta(days=10),
        "call_closes_on": now.date() + dt.timedelta(days=10),
        "booking_opens_at": now - dt.timedelta(days=1),
        "booking_closes_at": now + dt.timedelta(days=300 * 20),
        "max_visits_per_person": 3,
        "travel_minutes": 30,
    }
    values.update(overrides)
    return Edition.objects.create(**values)


def host_service(edition_, *, name="Maison médicale", nis="21005", validated=True):
    """A service with a member (the host), a place in municipality ``nis``, enrolled."""
    organization = OrganizationFactory()
    service = Service.objects.create(organization=organization, name=name, name_fr=name)
    address = AddressFactory(
        location__organization=organization,
        municipality=Municipality.objects.get(nis_code=nis),
    )
    host = MembershipFactory(organization=organization).user
    participation = Participation.objects.create(
        edition=edition_,
        service=service,
        enrolled_by=host,
        host_name="Hôte",
        host_email="hote@example.org",
    )
    if validated:
        call.review_participation(participation, Participation.Status.VALIDATED)
        participation.refresh_from_db()
    participation.place = address.location
    participation.host = host
    return participation


def slot(participation, *, day=MONDAY, start="10:00", end="11:00", capacity=2, **extra):
    data = {
        "day": day,
        "start_time": dt.time.fromisoformat(start),
        "end_time": dt.time.fromisoformat(end),
        "capacity": capacity,
        "languages": ["fr"],
        "location": participation.place,
        "description": "Visite des locaux",
        "description_fr": "Visite des locaux",
        "description_nl": "Bezoek van de lokalen",
    }
    data.update(extra)
    return call.save_slot(participation, participation.host, data)
