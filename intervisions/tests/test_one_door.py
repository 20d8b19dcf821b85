"""One door for a registration's status (the written state machine) and one locked transaction,
with every group's lock taken at once and sorted, when a composition is published."""

import ast
from pathlib import Path

import pytest

from booking import services as booking_services
from intervisions import services
from intervisions.errors import IntervisionError
from intervisions.models import Registration

S = Registration.Status
LIMIT = 2.0


@pytest.mark.parametrize(
    ("start", "end", "allowed"),
    [
        (S.PENDING, S.ACCEPTED, True),
        (S.PENDING, S.REFUSED, True),
        (S.PENDING, S.WITHDRAWN, True),
        (S.ACCEPTED, S.ACCEPTED, True),
        (S.ACCEPTED, S.WITHDRAWN, True),
        (S.REFUSED, S.ACCEPTED, True),
        (S.REFUSED, S.WITHDRAWN, False),
        (S.REFUSED, S.PENDING, False),
        (S.ACCEPTED, S.PENDING, False),
        (S.WITHDRAWN, S.ACCEPTED, False),
        (S.WITHDRAWN, S.PENDING, False),
        (S.PENDING, "lost", False),
    ],
)
def test_state_machine(start, end, allowed):
    registration = Registration(status=start)
    if allowed:
        registration.transition(end)
        assert registration.status == end
    else:
        with pytest.raises(IntervisionError) as error:
            registration.transition(end)
        assert error.value.code == "invalid_transition"
        assert registration.status == start


@pytest.mark.django_db
def test_services_follow_the_state_machine(cycle, groups, register, coordinator):
    person = register([groups[0]])
    services.set_registration_status(person, S.REFUSED, coordinator)
    person.refresh_from_db()
    assert person.status == S.REFUSED
    with pytest.raises(IntervisionError) as error:  # refusing twice: no second e-mail
        services.set_registration_status(person, S.REFUSED, coordinator)
    assert error.value.code == "invalid_transition"
    services.set_registration_status(person, S.ACCEPTED, coordinator)  # reconsidered
    services.withdraw(person)
    person.refresh_from_db()
    assert person.status == S.WITHDRAWN
    with pytest.raises(IntervisionError):
        services.set_registration_status(person, S.ACCEPTED, coordinator)
    person.refresh_from_db()
    assert person.status == S.WITHDRAWN


def test_status_is_assigned_only_by_the_transition_method():
    """No code of the app (tests aside) writes ``<registration>.status = ...`` itself."""
    app = Path(__file__).resolve().parents[1]
    offenders = []
    for path in app.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and target.attr == "status"
                    and ast.unparse(target.value) not in {"cycle", "self"}
                ):
                    offenders.append(f"{path.name}:{node.lineno}")
                if (
                    isinstance(target, ast.Attribute)
                    and ast.unparse(target.value) == "self"
                    and target.attr == "status"
                    and path.parent.name != "models"
                ):
                    offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


@pytest.mark.django_db
def test_publication_takes_every_lock_at_once_sorted(
    cycle, groups, register, coordinator, monkeypatch
):
    fr1, fr2, nl = groups
    for group in (fr2, fr1, nl, fr2, fr1, nl):  # registration order mixes the groups
        register([group], language=group.language)
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    calls = []
    real = booking_services.lock_resources

    def spy(resources):
        resources = list(resources)
        calls.append([r.key for r in resources])
        return real(resources)

    monkeypatch.setattr(booking_services, "lock_resources", spy)
    services.publish(cycle, coordinator)
    # One call locks the seats of the three groups together (lock_resources sorts the keys).
    assert len(calls) == 1, calls
    assert sorted(set(calls[0])) == sorted(g.resource_key for g in (fr1, fr2, nl))
    assert Registration.objects.filter(cycle=cycle, status=S.ACCEPTED).count() == 6


@pytest.mark.django_db
def test_lock_resources_locks_in_key_order(groups):
    """The locking helper sorts whatever order it is given (the rule publication relies on)."""
    from django.db import transaction

    from booking.locking import lock_resources
    from intervisions import seats

    resources = [seats.resource(g) for g in reversed(groups)]
    with transaction.atomic():
        locked = lock_resources(resources)
    assert list(locked) == sorted(r.key for r in resources)
