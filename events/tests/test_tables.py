"""Conversation tables: wishes first, balanced, never above a table's capacity."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from events import services
from events.balancing import assign
from events.models import SubGroup
from events.tests.factories import EventFactory


def test_wishes_first_then_balanced():
    people = [(1, "a"), (2, "a"), (3, "a"), (4, None), (5, None), (6, "b")]
    plan = assign(people, [("a", None), ("b", None), ("c", None)])
    counts = {t: list(plan.values()).count(t) for t in "abc"}
    assert counts == {"a": 2, "b": 2, "c": 2}
    assert plan[1] == "a" and plan[2] == "a" and plan[6] == "b"


@given(
    st.lists(st.one_of(st.none(), st.integers(0, 3)), max_size=40),
    st.lists(st.one_of(st.none(), st.integers(1, 12)), min_size=1, max_size=4),
)
@example(wishes=[0, 0, 0, None], capacities=[None, None])  # wishes never unbalance the tables
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)  # a busy shared machine
def test_never_above_capacity_and_everyone_placed_when_room(wishes, capacities):
    tables = list(enumerate(capacities))
    plan = assign(list(enumerate(wishes)), tables)
    for table_id, capacity in tables:
        placed = sum(1 for t in plan.values() if t == table_id)
        if capacity is not None:
            assert placed <= capacity
    room = None if None in capacities else sum(capacities)
    if room is None or room >= len(wishes):
        assert all(t is not None for t in plan.values())
    if all(c is None for c in capacities):
        sizes = [sum(1 for t in plan.values() if t == i) for i in range(len(capacities))]
        # A wish never pushes a table above an even split rounded up...
        assert max(sizes) <= -(-len(wishes) // len(capacities))
        # ...and without a wish that names a table, the tables differ by one person at most.
        if not any(w is not None and w < len(capacities) for w in wishes):
            assert max(sizes) - min(sizes) <= 1


@pytest.mark.django_db
def test_assign_tables_service(coordinator):
    event = EventFactory(capacity=10)
    perinatality = services.add_table(event, name="Périnatalité et vulnérabilité", user=coordinator)
    services.add_table(
        event, name="Rendez-vous de la prévention santé", capacity=2, user=coordinator
    )
    for n in range(5):
        services.register(
            event,
            name=f"P{n}",
            email=f"p{n}@example.org",
            organization_name="Service social",
            consent=True,
            table_choice=perinatality,
        )
    result = services.assign_tables(event, user=coordinator)
    sizes = sorted(len(members) for members in result.values())
    assert sizes == [2, 3]
    assert SubGroup.objects.get(pk=perinatality.pk).members.count() == 3
