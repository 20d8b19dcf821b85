"""A crowded cycle for the tests and the benchmark of the coordinators' cycle page: 200
registrants (by default) from 60 institutions, 14 groups (10 French, 4 Dutch), as a composition
proposal leaves them (most placed, a few without a group), optionally published.

Test data only: rows are bulk-created here, not through the services, so that building 200
registrants takes a second. Publication goes through ``services.publish`` (seats, calendars).
"""

import datetime
import uuid
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from directory.identifiers import make_enterprise_number
from directory.models import Sector
from intervisions.models import Cycle, Group, Registration
from maillage.testing.factories import AddressFactory, OrganizationFactory, UserFactory

FIRST = ["Alice", "Bram", "Chloé", "Dirk", "Emma", "Farid", "Greet", "Hugo", "Inès", "Jan"]
LAST = ["Martin", "Peeters", "Dubois", "Janssens", "Lambert", "Maes", "Dupont", "Claes"]
SECTORS = [Sector.SOCIAL, Sector.MENTAL_HEALTH, Sector.HEALTH, Sector.HOUSING]


def crowded_cycle(n: int = 200, *, institutions: int = 60, year: int | None = None) -> Cycle:
    """An open cycle with ``n`` pending registrants, each with three ranked choices in their
    language, and a composition proposal (``group`` set for about 95% of them)."""
    year = year or datetime.date.today().year + 1
    k = uuid.uuid4().hex[:6]  # unique names, e-mails and numbers, even in a reused database
    cycle = Cycle.objects.create(
        title=f"Intervisions nombreuses {k}",
        season=f"{year}-{year + 1}/{k}",
        start_date=datetime.date(year, 10, 1),
        end_date=datetime.date(year + 1, 6, 30),
        session_count=9,
        registration_deadline=datetime.date(2099, 9, 20),
        group_min_size=6,
        group_max_size=15,
        fee_member=Decimal("120.50"),
        fee_non_member=Decimal("150"),
        status=Cycle.Status.OPEN,
    )
    social, mental = (
        UserFactory(
            role=User.Role.FACILITATOR, first_name=first, last_name=last, email=f"{last}@crowd.test"
        )
        for first, last in (("Sofie", f"sociaal-{k}"), ("Marc", f"mental-{k}"))
    )
    groups = []
    for i in range(14):
        language = "fr" if i < 10 else "nl"
        hour = 9 if i % 2 == 0 else 14
        groups.append(
            Group(
                cycle=cycle,
                name=f"{'Groupe' if language == 'fr' else 'Groep'} {i + 1}",
                language=language,
                weekday=i % 5,
                week_of_month=(i // 5) % 4 + 1,
                start_time=datetime.time(hour, 0),
                end_time=datetime.time(hour + 3, 0),
                facilitator_social=social,
                facilitator_mental_health=mental,
            )
        )
    Group.objects.bulk_create(groups)
    groups = list(cycle.groups.order_by("pk"))
    by_language = {
        "fr": [g for g in groups if g.language == "fr"],
        "nl": [g for g in groups if g.language == "nl"],
    }
    orgs = []
    for i in range(institutions):
        org = OrganizationFactory(
            name=f"Institution {k}-{i}",
            is_network_member=i % 3 != 0,
            enterprise_number=make_enterprise_number(10**7 + int(k, 16) % 10**5 * 100 + i),
        )
        AddressFactory(location__organization=org)
        orgs.append(org)
    now = timezone.now()
    sizes: dict[int, int] = {}
    seen = {"fr": 0, "nl": 0}
    rows = []
    for i in range(n):
        language = "fr" if i % 10 < 7 else "nl"
        own = by_language[language]
        j = seen[language]
        seen[language] += 1
        first = own[j % len(own)]
        choices = [first, own[(j + 1) % len(own)], own[(j + 2) % len(own)]]
        org = orgs[i % institutions]
        placed = i % 20 != 19 and sizes.get(first.pk, 0) < cycle.group_max_size
        if placed:
            sizes[first.pk] = sizes.get(first.pk, 0) + 1
        rows.append(
            Registration(
                cycle=cycle,
                first_name=FIRST[i % len(FIRST)],
                last_name=f"{LAST[i % len(LAST)]} {i:03d}",
                email=f"crowd{k}-{i}@example.org",
                function="assistant·e social·e",
                organization=org,
                sector=SECTORS[i % len(SECTORS)],
                institution_type="asbl",
                language=language,
                preferences=[g.pk for g in choices],
                is_member=org.is_network_member,
                fee=cycle.fee_for(org.is_network_member),
                commitment=True,
                consent_at=now,
                consent_version="1",
                group=first if placed else None,
                choice_rank=1 if placed else None,
                reason_code="first_choice" if placed else "all_choices_full",
                reason_details=[] if placed else [[g.pk, "full"] for g in choices],
            )
        )
    Registration.objects.bulk_create(rows)
    return cycle
