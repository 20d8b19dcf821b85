"""The events admin keeps Event.capacity and its booking resource's capacity equal: a capacity
the booking service refuses is a form error, and nothing is saved."""

import pytest
from django.contrib import admin
from django.contrib.messages.storage.fallback import FallbackStorage
from django.db import transaction
from django.forms import modelform_factory
from django.test import RequestFactory

from booking.models import Resource
from events import services
from events.admin import EventAdminForm
from events.models import Event
from events.tests.factories import EventFactory
from maillage.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def _event_with_two_confirmed():
    event = EventFactory(capacity=2)
    for n in range(3):  # two confirmed, one waiting
        services.register(
            event, name=f"P {n}", email=f"p{n}@example.org", organization_name="CPAS", consent=True
        )
    return event


def _resource(event):
    return Resource.objects.get(key=event.resource_key)


def test_capacity_below_confirmed_is_a_form_error():
    event = _event_with_two_confirmed()
    capacity_form = modelform_factory(Event, form=EventAdminForm, fields=["capacity"])
    form = capacity_form({"capacity": "1"}, instance=event)
    assert not form.is_valid()
    assert "2" in form.errors["capacity"][0]
    assert capacity_form({"capacity": "3"}, instance=event).is_valid()


def test_refused_save_changes_neither_the_event_nor_its_seats():
    """Seats taken between the form check and the save: the whole admin save rolls back."""
    event = _event_with_two_confirmed()
    request = RequestFactory().post("/admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    request.session = {}
    request._messages = FallbackStorage(request)
    model_admin = admin.site._registry[Event]
    edited = Event.objects.get(pk=event.pk)
    edited.capacity = 1
    with transaction.atomic():  # the admin's own transaction
        model_admin.save_model(request, edited, form=None, change=True)
        form = type("Form", (), {"instance": edited, "save_m2m": lambda self: None})()
        model_admin.save_related(request, form, [], True)
    assert [m.message for m in request._messages] == [
        "La capacité ne peut pas être inférieure aux 2 réservations confirmées."
    ]
    event.refresh_from_db()
    assert event.capacity == 2 and _resource(event).capacity == 2


def test_admin_growth_promotes_through_the_service():
    event = _event_with_two_confirmed()
    request = RequestFactory().post("/admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    edited = Event.objects.get(pk=event.pk)
    edited.capacity = 3
    admin.site._registry[Event].save_model(request, edited, form=None, change=True)
    assert _resource(event).capacity == 3
    assert event.registrations.confirmed().count() == 3


def test_a_missing_user_is_refused_not_taken_for_the_system():
    event = EventFactory(capacity=2)
    event.capacity = 5
    with pytest.raises(services.EventError):
        services.save_event(event, user=None)
    services.save_event(event, user=services.SYSTEM)
    assert _resource(event).capacity == 5
