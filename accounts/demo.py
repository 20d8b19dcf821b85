"""Demo accounts: coordinators, facilitators and professionals, with verified e-mail addresses
and memberships of demo organizations. Deterministic. Used by ``manage.py load_demo`` only.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from .models import Membership, User

DEMO_PASSWORD = "maillage-demo-2026"  # noqa: S105 - fictional demo accounts, printed in the README

FIRST_NAMES = [
    "Alice",
    "Bram",
    "Chloé",
    "Driss",
    "Emma",
    "Fatima",
    "Guillaume",
    "Hanne",
    "Ibrahim",
    "Julie",
    "Karim",
    "Lotte",
    "Mehdi",
    "Nina",
    "Olivier",
    "Pieter",
    "Rania",
    "Sofie",
    "Thomas",
    "Yasmine",
]
LAST_NAMES = [
    "Dubois",
    "Peeters",
    "Lambert",
    "El Amrani",
    "Janssens",
    "Mertens",
    "Diallo",
    "Claes",
    "Lefèvre",
    "Willems",
    "Benali",
    "Maes",
    "Dupont",
    "Jacobs",
    "Nguyen",
    "Wouters",
]
FUNCTIONS = [
    "assistant·e social·e",
    "psychologue",
    "infirmier·ère",
    "éducateur·rice",
    "médecin généraliste",
    "maatschappelijk werker",
    "psychiatre",
    "travailleur·euse de rue",
    "coordinateur·rice",
]


_HASHES: dict[str, str] = {}


def _user(email, first, last, role, function="", languages=("fr",), language="fr") -> User:
    # Hashing is deliberately slow; every demo account shares one password, so hash it once.
    if DEMO_PASSWORD not in _HASHES:
        _HASHES[DEMO_PASSWORD] = make_password(DEMO_PASSWORD)
    user = User.objects.create(
        email=email,
        password=_HASHES[DEMO_PASSWORD],
        first_name=first,
        last_name=last,
        role=role,
        function=function,
        languages=list(languages),
        preferred_language=language,
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def load(rng, organizations, professionals: int = 60, stdout=None) -> dict:
    coordinators = [
        _user(
            "coordination@maillage.demo",
            "Claire",
            "Coordination",
            User.Role.COORDINATOR,
            "coordinatrice du réseau",
            ("fr", "nl", "en"),
        ),
        _user(
            "coordinatie@maillage.demo",
            "Koen",
            "Coördinatie",
            User.Role.COORDINATOR,
            "netwerkcoördinator",
            ("nl", "fr"),
            "nl",
        ),
    ]
    coordinators[0].is_staff = coordinators[0].is_superuser = True
    coordinators[0].save()
    facilitators = [
        _user(
            f"animation{i}@maillage.demo",
            FIRST_NAMES[i],
            LAST_NAMES[i],
            User.Role.FACILITATOR,
            "animateur·rice d'intervision",
            ("fr", "nl") if i % 2 else ("fr",),
        )
        for i in range(1, 7)
    ]
    people = []
    for i in range(professionals):
        first = FIRST_NAMES[i % len(FIRST_NAMES)]
        last = LAST_NAMES[(i * 5 + 3) % len(LAST_NAMES)]
        dutch = i % 4 == 3
        email = "professionnel@maillage.demo" if i == 0 else f"pro{i:02d}@maillage.demo"
        person = _user(
            email,
            first,
            last,
            User.Role.PROFESSIONAL,
            rng.choice(FUNCTIONS),
            ("nl", "fr") if dutch else ("fr",),
            "nl" if dutch else "fr",
        )
        organization = organizations[(i * 11) % len(organizations)]
        Membership.objects.create(
            user=person,
            organization=organization,
            status=Membership.Status.ACCEPTED,
            is_admin=i % 3 == 0,
        )
        people.append(person)
    # A few pending requests, so that the "requests to decide" page has something to show.
    for person in people[1:6]:
        Membership.objects.create(
            user=person,
            organization=organizations[(people.index(person) * 13 + 7) % len(organizations)],
        )
    if stdout:
        stdout.write(
            f"  {len(coordinators)} coordinators, {len(facilitators)} facilitators, "
            f"{len(people)} professionals"
        )
    return {"coordinators": coordinators, "facilitators": facilitators, "professionals": people}
