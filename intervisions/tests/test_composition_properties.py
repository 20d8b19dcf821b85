"""Property-based test (hypothesis) of the composition through the database: on random cycles,
the stored proposal respects every hard constraint (capacity, minimum size unless the group is
cancelled, institution limit, language, chosen groups only), pinned people stay, and each
unplaced person gets a reason. (The pure engine has its own property tests.)"""

import datetime
from collections import Counter

from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from accounts.models import User
from directory.models import Organization
from intervisions import services
from intervisions.models import Cycle, Group, Registration

people = st.lists(
    st.tuples(
        st.integers(0, 3),  # institution
        st.sampled_from(["social", "mental_health", "housing"]),
        st.lists(st.integers(0, 3), min_size=0, max_size=3, unique=True),  # choices
        st.booleans(),  # pinned to the first choice
    ),
    min_size=1,
    max_size=14,
)


class CompositionProperties(TestCase):
    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(people=people, min_size=st.integers(1, 3), max_size=st.integers(3, 5))
    def test_hard_constraints_hold(self, people, min_size, max_size):
        coordinator = User.objects.create(email="c@example.org", role=User.Role.COORDINATOR)
        cycle = Cycle.objects.create(
            title="P",
            season="P",
            start_date=datetime.date(2030, 10, 1),
            end_date=datetime.date(2031, 6, 30),
            registration_deadline=datetime.date(2030, 9, 1),
            group_min_size=min_size,
            group_max_size=max_size,
            max_per_institution=2,
        )
        langs = ["fr", "fr", "fr", "nl"]
        groups = [
            Group.objects.create(cycle=cycle, name=f"G{i}", language=langs[i], weekday=i)
            for i in range(4)
        ]
        orgs = [Organization.objects.create(name=f"O{i}", status="published") for i in range(4)]
        pinned = {}
        for n, (inst, sector, choices, pin) in enumerate(people):
            chosen = [groups[c] for c in choices]
            language = chosen[0].language if chosen else "fr"
            r = Registration.objects.create(
                cycle=cycle,
                first_name="A",
                last_name=str(n),
                email=f"{n}@example.org",
                function="f",
                organization=orgs[inst],
                sector=sector,
                language=language,
                preferences=[g.pk for g in chosen],
                consent_at=timezone.now(),
                consent_version="t",
            )
            if pin and chosen and len(pinned) < 2:
                r.group, r.pinned = chosen[0], True
                r.save()
                pinned[r.pk] = chosen[0].pk
        try:
            services.compose_cycle(cycle, coordinator, limit=0.5)
        except services.IntervisionError as error:
            # Only pins that cannot reach a group's minimum may make it impossible.
            assert error.code == "composition_failed" and pinned
            return
        rows = list(Registration.objects.filter(cycle=cycle))
        sizes = Counter(r.group_id for r in rows if r.group_id)
        per_inst = Counter((r.group_id, r.organization_id) for r in rows if r.group_id)
        by_pk = {g.pk: g for g in groups}
        for size in sizes.values():
            assert min_size <= size <= max_size
        assert all(n <= 2 for n in per_inst.values())
        for r in rows:
            if r.group_id:
                assert by_pk[r.group_id].language == r.language
                assert r.group_id in r.preferences
            else:
                assert r.reason_code
            if r.pk in pinned:
                assert r.group_id == pinned[r.pk]
