"""Fixtures of the privacy tests: a person with a registration of every kind (account,
membership, event registration, intervision registration with its invoice, consent)."""

import datetime

import pytest

from events import services as event_services
from events.tests.factories import EventFactory, in_days
from intervisions import services as intervision_services
from intervisions.models import Cycle
from intervisions.tests import conftest as intervision_fixtures
from maillage.testing.factories import MembershipFactory, UserFactory
from privacy.models import Consent
from privacy.services.consent import record_consent

# The intervisions fixtures (a cycle with three groups, a register helper), reused here.
cycle = intervision_fixtures.cycle
facilitators = intervision_fixtures.facilitators
groups = intervision_fixtures.groups
register = intervision_fixtures.register
make_org = intervision_fixtures.make_org
issuer = intervision_fixtures.issuer


@pytest.fixture
def person(db):
    user = UserFactory(first_name="Nadia", last_name="Benali", email="nadia@example.org")
    record_consent(user, Consent.Context.SIGNUP)
    return user


@pytest.fixture
def full_person(person, cycle, groups, register, coordinator, issuer):
    """Nadia with a membership, an event registration, an intervision registration (paying,
    invoiced, in a published group) and a consent."""
    org = make_org(name="CPAS de Saint-Gilles")
    MembershipFactory(user=person, organization=org, is_admin=False)
    past_event = EventFactory(title="Table d'échanges santé mentale", starts_at=in_days(-3))
    event_services.register(
        past_event, user=person, now=past_event.starts_at - datetime.timedelta(days=2)
    )
    registration = register(
        [groups[0]],
        organization=org,
        first_name="Nadia",
        last_name="Benali",
        email="nadia@example.org",
        user=person,
    )
    for _ in range(2):
        register([groups[0]])
    intervision_services.compose_cycle(cycle, coordinator, limit=2.0)
    intervision_services.publish(cycle, coordinator)
    cycle.refresh_from_db()
    assert cycle.status == Cycle.Status.PUBLISHED
    intervision_services.issue_invoices(cycle, coordinator, today=cycle.start_date)
    registration.refresh_from_db()
    return person
