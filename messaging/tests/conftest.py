"""Fixtures of the messaging tests: an event with confirmed, waiting and cancelled people in
French and Dutch; a published intervision cycle with a French group (a Dutch-speaking member
with an account, a withdrawn member), a Dutch group and a cancelled one, their facilitators."""

import datetime

import pytest

from accounts.models import User
from events import services as event_services
from events.tests.factories import EventFactory
from intervisions import services as intervision_services
from intervisions.models import Cycle, Group
from maillage.testing.factories import (
    CoordinatorFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
)

YEAR = datetime.date.today().year + 1


@pytest.fixture
def coordinator(db):
    return CoordinatorFactory(first_name="Claire", last_name="Coord")


@pytest.fixture
def organizer_org(db):
    return OrganizationFactory(name="Bassin Sud-Est")


@pytest.fixture
def organizer(organizer_org):
    """A member of the organizing organization (not a coordinator)."""
    return MembershipFactory(organization=organizer_org).user


@pytest.fixture
def event(organizer_org):
    """Two seats: Anne (FR) and Bram (NL, with an account) hold them; Chloé (FR) and Dirk (NL)
    wait; Eve and Fanny cancelled (one seated, one waiting)."""
    event = EventFactory(
        organizer=organizer_org,
        capacity=2,
        title="Table d'échanges santé mentale",
        title_fr="Table d'échanges santé mentale",
        title_nl="Uitwisselingstafel geestelijke gezondheid",
    )

    def register(event, **fields):
        if "user" not in fields:
            fields["organization_name"] = "CPAS"
        return event_services.register(event, **fields)

    anne = register(event, name="Anne Dupont", email="anne@example.org", consent=True)
    eve = register(event, name="Eve Annulée", email="eve@example.org", consent=True)
    event_services.cancel_registration(eve)
    bram = UserFactory(
        email="bram@example.org", first_name="Bram", last_name="Peeters", preferred_language="nl"
    )
    register(event, user=bram, consent=True)
    register(event, name="Chloé Martin", email="chloe@example.org", consent=True)
    register(event, name="Dirk Janssens", email="dirk@example.org", language="nl", consent=True)
    fanny = register(event, name="Fanny Partie", email="fanny@example.org", consent=True)
    event_services.cancel_registration(fanny)
    assert anne.status == "confirmed"
    return event


def _register(cycle, group, first, last, email, language, user=None):
    registration = intervision_services.register(
        cycle,
        first_name=first,
        last_name=last,
        email=email,
        function="assistante sociale",
        sector="social",
        language=language,
        preferences=[group.pk],
        commitment=True,
        consent=True,
        organization=OrganizationFactory(),
        user=user,
    )
    registration.group = group
    registration.save(update_fields=["group"])
    return registration


@pytest.fixture
def facilitators(db):
    return {
        "sophie": UserFactory(
            role=User.Role.FACILITATOR,
            first_name="Sophie",
            last_name="Social",
            email="sophie@example.org",
            preferred_language="fr",
        ),
        "marc": UserFactory(
            role=User.Role.FACILITATOR,
            first_name="Marc",
            last_name="Mentaal",
            email="marc@example.org",
            preferred_language="nl",
        ),
        "lotte": UserFactory(
            role=User.Role.FACILITATOR,
            first_name="Lotte",
            last_name="Leeg",
            email="lotte@example.org",
            preferred_language="nl",
        ),
    }


@pytest.fixture
def cycle(facilitators):
    cycle = Cycle.objects.create(
        title="Intervisions 2027",
        season=f"{YEAR}-{YEAR + 1}",
        start_date=datetime.date(YEAR, 10, 1),
        end_date=datetime.date(YEAR + 1, 6, 30),
        registration_deadline=datetime.date(2099, 9, 20),
        group_min_size=1,
        status=Cycle.Status.OPEN,
    )
    sophie, marc, lotte = facilitators["sophie"], facilitators["marc"], facilitators["lotte"]

    def group(name, language, weekday, social, mental):
        return Group.objects.create(
            cycle=cycle,
            name=name,
            language=language,
            weekday=weekday,
            facilitator_social=social,
            facilitator_mental_health=mental,
        )

    monday = group("Lundi matin", "fr", 0, sophie, marc)
    thursday = group("Donderdagnamiddag", "nl", 3, marc, None)
    friday = group("Vendredi", "fr", 4, lotte, None)
    nl_user = UserFactory(
        email="jan@example.org", first_name="Jan", last_name="Claes", preferred_language="nl"
    )
    _register(cycle, monday, "Amina", "Benali", "amina@example.org", "fr")
    _register(cycle, monday, "Jan", "Claes", "jan@example.org", "fr", user=nl_user)
    gone = _register(cycle, monday, "Paul", "Parti", "paul@example.org", "fr")
    intervision_services.withdraw(gone)
    _register(cycle, thursday, "Griet", "Wouters", "griet@example.org", "nl")
    # The groups are published (the composition and publication have their own tests); the
    # Friday group did not reach its minimum and is cancelled.
    Group.objects.filter(pk=friday.pk).update(cancelled=True)
    Cycle.objects.filter(pk=cycle.pk).update(status=Cycle.Status.PUBLISHED)
    cycle.refresh_from_db()
    return cycle


@pytest.fixture
def group_named(cycle):
    """The cycle's group of that name: ``group_named("Lundi matin")`` (French, two members and
    a withdrawn one, Sophie and Marc) or ``group_named("Donderdagnamiddag")`` (Dutch, Marc)."""
    return lambda name: cycle.groups.get(name=name)
