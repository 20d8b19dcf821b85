"""Factories for events tests."""

import datetime

import factory
from django.utils import timezone

from events.models import Event, EventOption, EventType, Series, Theme
from maillage.testing.factories import OrganizationFactory


def event_form_data(organizer, **extra) -> dict:
    """What an organizer posts to create or edit an event: a change workshop with a lunch
    option, changed by ``extra`` (a value of None leaves the field out)."""
    data = {
        "event_type": EventType.objects.get(code="change-workshop").pk,
        "organizer": organizer.pk,
        "title_fr": "Atelier du changement",
        "place": "Salle Les Paradisiers, Auderghem",
        "starts_at": "2030-06-17T14:00",
        "ends_at": "2030-06-17T16:00",
        "audience": "professionals",
        "language": "fr",
        "status": "published",
        "registration_required": "on",
        "capacity": "2",
        "waitlist_enabled": "on",
        "option_label": "Lunch réseau (13h–14h)",
        "option_capacity": "1",
    }
    return {k: v for k, v in (data | extra).items() if v is not None}


def in_days(days: float, hour: int = 9) -> datetime.datetime:
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=30, second=0, microsecond=0)


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series

    title = factory.Sequence(lambda n: f"Concertation thématique {n}")
    title_fr = factory.SelfAttribute("title")
    organizer = factory.SubFactory(OrganizationFactory)
    theme = factory.LazyFunction(lambda: Theme.objects.get(code="mental-health"))
    event_type = factory.LazyFunction(lambda: EventType.objects.get(code="thematic-consultation"))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    event_type = factory.LazyFunction(lambda: EventType.objects.get(code="exchange-table"))
    organizer = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Table d'échanges {n}")
    title_fr = factory.SelfAttribute("title")
    place = "Rue du Progrès 323, 1030 Schaerbeek"
    starts_at = factory.LazyFunction(lambda: in_days(10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2, minutes=30))
    status = Event.Status.PUBLISHED
    registration_required = True
    capacity = 2


class EventOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventOption

    event = factory.SubFactory(EventFactory)
    label = "Je reste pour le lunch"
    label_fr = factory.SelfAttribute("label")
    capacity = 1
