"""Fixtures of the intervisions tests: a cycle with two French groups and a Dutch one, their
facilitators, and a helper that registers people through the service."""

import datetime
import itertools

import pytest

from accounts.models import User
from intervisions import services
from intervisions.models import Cycle, Group
from maillage.testing.factories import AddressFactory, OrganizationFactory, UserFactory

#: The fixture's season starts next October, so that every session is still to come.
YEAR = datetime.date.today().year + 1
_counter = itertools.count()


@pytest.fixture
def facilitators(db):
    return (
        UserFactory(role=User.Role.FACILITATOR, first_name="Sophie", last_name="Social"),
        UserFactory(role=User.Role.FACILITATOR, first_name="Marc", last_name="Mental"),
    )


@pytest.fixture
def cycle(db, facilitators):
    cycle = Cycle.objects.create(
        title_fr="Intervisions de test",
        season=f"{YEAR}-{YEAR + 1}",
        start_date=datetime.date(YEAR, 10, 1),
        end_date=datetime.date(YEAR + 1, 6, 30),
        session_count=9,
        registration_deadline=datetime.date(2099, 9, 20),
        group_min_size=2,
        group_max_size=4,
        status=Cycle.Status.OPEN,
    )
    social, mental = facilitators
    for name, lang, weekday, hour in [
        ("Lundi matin", "fr", 0, 9),
        ("Mardi après-midi", "fr", 1, 14),
        ("Donderdagnamiddag", "nl", 3, 14),
    ]:
        Group.objects.create(
            cycle=cycle,
            name_fr=name,
            language=lang,
            weekday=weekday,
            start_time=datetime.time(hour, 0),
            end_time=datetime.time(hour + 3, 0),
            facilitator_social=social,
            facilitator_mental_health=mental,
        )
    return cycle


@pytest.fixture
def groups(cycle):
    return list(cycle.groups.order_by("pk"))


def make_org(**fields):
    org = OrganizationFactory(**fields)
    AddressFactory(location__organization=org)
    return org


@pytest.fixture
def register(cycle):
    """register(preferences=[group, ...], **overrides) -> Registration."""

    def _register(preferences, organization=None, **fields):
        n = next(_counter)
        data = {
            "first_name": f"Alice{n}",
            "last_name": f"Martin{n}",
            "email": f"alice{n}@example.org",
            "function": "assistante sociale",
            "sector": "social",
            "language": preferences[0].language if preferences else "fr",
            "commitment": True,
            "consent": True,
        }
        data.update(fields)
        return services.register(
            fields.pop("cycle", cycle),
            organization=organization or make_org(),
            preferences=[g.pk for g in preferences],
            **{k: v for k, v in data.items() if k != "cycle"},
        )

    return _register
