"""Fixtures of the intervisions tests: a cycle with two French groups and a Dutch one, their
facilitators, a helper that registers people through the service, and one that makes a late
registration by hand (after the cycle closed: the service would refuse it)."""

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


def late_registration(like, **fields):
    """A registration added by hand to the cycle of ``like`` (a published registration), for
    its organization and with its consent: a late-comer the service would refuse."""
    from intervisions.models import Registration

    n = next(_counter)
    data = {
        "cycle": like.cycle,
        "first_name": "Late",
        "last_name": f"Comer{n}",
        "email": f"late{n}@example.org",
        "function": "infirmier",
        "organization": like.organization,
        "sector": "health",
        "language": "fr",
        "fee": 120,
        "consent_at": like.consent_at,
        "consent_version": "t",
    }
    data.update(fields)
    return Registration.objects.create(**data)


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


@pytest.fixture
def issuer(db):
    """The network's coordinating body as invoice issuer (valid BCE/KBO, IBAN and BIC)."""
    from intervisions.models import InvoiceIssuer

    return InvoiceIssuer.objects.create(
        pk=1,
        name="Smes Connect asbl",
        address="Rue du Marché 12\n1000 Bruxelles",
        enterprise_number="0403.170.701",
        iban="BE48 3200 7018 4927",
        bic="BBRUBEBB",
        vat_mention_fr="TVA non applicable, art. 44 §2 du Code TVA",
        vat_mention_nl="Btw niet van toepassing, art. 44 §2 van het Btw-wetboek",
        vat_mention_en="VAT not applicable, art. 44 §2 of the Belgian VAT Code",
        payment_days=30,
        email="factures@example.org",
    )


def hold_sessions(group, n: int) -> list:
    """Move the group's first ``n`` sessions into the past (weekly, ending a week ago), keeping
    their order; the others stay to come. Returns every session, by date."""
    from intervisions.models import Session

    sessions = list(group.sessions.order_by("date"))
    today = datetime.date.today()
    for i, session in enumerate(sessions[:n]):
        Session.objects.filter(pk=session.pk).update(
            date=today - datetime.timedelta(days=7 * (n - i))
        )
    return list(group.sessions.order_by("date"))


@pytest.fixture
def crowded(db):
    """An open cycle with 200 registrants, 14 groups and a composition proposal (``crowd``)."""
    from .crowd import crowded_cycle

    return crowded_cycle(200)
