"""The demo loader builds the seeds' events (series with report, lunch, full table) quickly."""

import random

import pytest

from events import demo
from events.models import Event, Expectation, Report
from maillage.testing.factories import CoordinatorFactory, OrganizationFactory, UserFactory


@pytest.mark.django_db
def test_demo_loads_realistic_events():
    context = {
        "organizations": OrganizationFactory.create_batch(10),
        "coordinators": [CoordinatorFactory()],
        "facilitators": [],
        "professionals": UserFactory.create_batch(50),
    }
    demo.load(random.Random(1), context)
    assert Event.objects.filter(title="Atelier du changement").get().options.count() == 1
    assert Report.objects.filter(published_at__isnull=False).count() == 1
    assert Expectation.objects.filter(actions__isnull=False).exists()
    full = Event.objects.get(title__startswith="Table d'échanges")
    assert full.registrations.waiting().count() == 4
    assert full.registrations.confirmed().count() == 12
    assert Event.objects.upcoming().filter(registration_opens_at__isnull=False).exists()
