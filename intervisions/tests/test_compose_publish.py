"""Composition through the database, pins, moves, publication (seats, e-mails with .ics),
waiting lists and withdrawals."""

import pytest
from django.core import mail

from booking.models import Booking
from intervisions import seats, services
from intervisions.errors import IntervisionError
from intervisions.models import Registration

from .conftest import hold_sessions, make_org

LIMIT = 2.0


@pytest.fixture
def team(db):
    return make_org()


@pytest.mark.django_db
def test_compose_places_by_preference_and_explains(cycle, groups, register, coordinator):
    fr1, fr2, nl = groups
    people = [register([fr1, fr2]) for _ in range(3)] + [register([fr2, fr1]) for _ in range(2)]
    dutch = [register([nl]) for _ in range(2)]
    result = services.compose_cycle(cycle, coordinator, limit=LIMIT)
    assert result.placed == 7
    for r in people + dutch:
        r.refresh_from_db()
        assert r.group_id == r.preferences[0]
        assert r.choice_rank == 1 and r.reason_code == "first_choice"
    assert cycle.composition["placed"] == 7


@pytest.mark.django_db
def test_institution_limit_and_unplaced_reason(cycle, groups, register, coordinator, team):
    fr1 = groups[0]
    people = [register([fr1], organization=team) for _ in range(3)]
    register([fr1])
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    placed = [r for r in people if Registration.objects.get(pk=r.pk).group_id]
    assert len(placed) == cycle.max_per_institution
    unplaced = Registration.objects.get(pk=next(r.pk for r in people if r not in placed))
    assert unplaced.group is None
    assert unplaced.reason_code == "institution_limit"
    from django.utils import translation

    from intervisions.reasons import explain

    with translation.override("en"):
        text = explain(unplaced, {fr1.pk: fr1.name})
    assert text.startswith("Institution limit reached in every chosen group")
    assert f"{fr1.name}: institution limit reached" in text


@pytest.mark.django_db
def test_pinned_people_stay(cycle, groups, register, coordinator):
    fr1, fr2, _nl = groups
    people = [register([fr1, fr2]) for _ in range(4)]
    services.move(people[0], fr2, coordinator)
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    people[0].refresh_from_db()
    assert people[0].group == fr2 and people[0].pinned
    assert people[0].reason_code == "pinned"
    services.unpin(people[0], coordinator)
    assert not Registration.objects.get(pk=people[0].pk).pinned


@pytest.mark.django_db
def test_move_refuses_another_language(cycle, groups, register, coordinator):
    r = register([groups[0]])
    with pytest.raises(IntervisionError) as error:
        services.move(r, groups[2], coordinator)
    assert error.value.code == "other_language"


@pytest.mark.django_db
def test_only_coordinators_compose(cycle, groups, register, user):
    register([groups[0]])
    with pytest.raises(IntervisionError):
        services.compose_cycle(cycle, user, limit=LIMIT)


def _full_cycle(cycle, groups, register, coordinator):
    """Four people in Monday's group (full), two in Tuesday's, one extra waiting for Monday."""
    fr1, fr2, _nl = groups
    monday = [register([fr1]) for _ in range(4)]
    tuesday = [register([fr2]) for _ in range(2)]
    extra = register([fr1])
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    return monday, tuesday, extra


@pytest.mark.django_db
def test_publish_books_seats_cancels_empty_groups_and_mails_everyone(
    cycle, groups, register, coordinator
):
    monday, tuesday, extra = _full_cycle(cycle, groups, register, coordinator)
    mail.outbox.clear()
    counts = services.publish(cycle, coordinator)
    assert counts == {"placed": 6, "waiting": 1, "unplaced": 0}
    cycle.refresh_from_db()
    assert cycle.is_published
    assert Booking.objects.confirmed().count() == 6
    assert seats.waiting(groups[0])[0].holder_id == str(extra.pk)
    groups[2].refresh_from_db()
    assert groups[2].cancelled  # nobody chose the Dutch group
    # Everyone is told; the placed get their calendar.
    assert len(mail.outbox) == 7
    group_mails = [m for m in mail.outbox if m.attachments]
    assert len(group_mails) == 6
    name, text, mimetype = group_mails[0].attachments[0]
    assert name.endswith(".ics") and "BEGIN:VCALENDAR" in text and mimetype == "text/calendar"
    assert groups[0].sessions.count() == cycle.session_count
    with pytest.raises(IntervisionError):
        services.publish(cycle, coordinator)


@pytest.mark.django_db
def test_withdrawal_promotes_the_waiting_list(cycle, groups, register, coordinator, client):
    monday, _tuesday, extra = _full_cycle(cycle, groups, register, coordinator)
    services.publish(cycle, coordinator)
    mail.outbox.clear()
    token = services.page_token(monday[0])
    from django.urls import reverse

    response = client.post(reverse("intervisions:withdraw", args=[token]))
    assert response.status_code == 302
    monday[0].refresh_from_db()
    assert monday[0].status == Registration.Status.WITHDRAWN and monday[0].group is None
    extra.refresh_from_db()
    assert extra.group == groups[0] and extra.status == Registration.Status.ACCEPTED
    assert seats.confirmed_count(groups[0]) == cycle.group_max_size
    assert seats.waiting(groups[0]) == []
    # The newcomer presents once, at a session to come; the leaver no longer presents.
    assert extra.presentation.session.group == groups[0]
    assert not Registration.objects.filter(pk=monday[0].pk, presentation__isnull=False).exists()
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([monday[0].email, extra.email])
    with pytest.raises(IntervisionError):
        services.withdraw(monday[0])


@pytest.mark.django_db
def test_refusal_frees_the_seat(cycle, groups, register, coordinator):
    monday, _tuesday, extra = _full_cycle(cycle, groups, register, coordinator)
    services.publish(cycle, coordinator)
    services.set_registration_status(monday[1], "refused", coordinator)
    extra.refresh_from_db()
    assert extra.group == groups[0]


@pytest.mark.django_db
def test_move_after_publication_moves_the_seat(cycle, groups, register, coordinator):
    monday, tuesday, extra = _full_cycle(cycle, groups, register, coordinator)
    services.publish(cycle, coordinator)
    services.move(monday[0], groups[1], coordinator)
    assert seats.confirmed_count(groups[1]) == 3
    extra.refresh_from_db()
    assert extra.group == groups[0]  # Monday's freed seat went to the waiting list
    with pytest.raises(IntervisionError) as error:
        services.move(tuesday[0], groups[0], coordinator)
    assert error.value.code == "group_full"


@pytest.mark.django_db
def test_put_on_waiting_list_only_when_full(cycle, groups, register, coordinator):
    fr1, fr2, _nl = groups
    for _ in range(4):
        register([fr1])
    late = register([fr2])
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    services.move(late, None, coordinator)
    register([fr2])
    register([fr2])
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    services.move(late, None, coordinator)
    services.publish(cycle, coordinator)
    with pytest.raises(IntervisionError) as error:
        services.put_on_waiting_list(late, fr2, coordinator)
    assert error.value.code == "group_has_room"
    booking = services.put_on_waiting_list(late, fr1, coordinator)
    assert booking.is_waiting


@pytest.mark.django_db
def test_larger_groups_promote_the_waiting_list(cycle, groups, register, coordinator):
    from intervisions.services.cycles import save_cycle

    monday, _tuesday, extra = _full_cycle(cycle, groups, register, coordinator)
    services.publish(cycle, coordinator)
    cycle.group_max_size = 5
    save_cycle(coordinator, cycle)
    extra.refresh_from_db()
    assert extra.group == groups[0]
    cycle.group_max_size = 3
    with pytest.raises(IntervisionError) as error:
        save_cycle(coordinator, cycle)
    assert error.value.code == "capacity_below"


@pytest.mark.django_db
def test_mails_follow_the_persons_language(cycle, groups, register, coordinator):
    mail.outbox.clear()
    dutch = register([groups[2]])
    assert mail.outbox[-1].to == [dutch.email]
    assert "Uw inschrijving" in mail.outbox[-1].subject
    french = register([groups[0]])
    assert "Votre inscription" in mail.outbox[-1].subject
    assert french.language == "fr"


@pytest.mark.django_db
def test_personal_certificate_after_attendance(cycle, groups, register, coordinator, client):
    from django.urls import reverse

    people = [register([groups[0]]) for _ in range(2)]
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    services.publish(cycle, coordinator)
    url = reverse("intervisions:my_certificate", args=[services.page_token(people[0])])
    assert client.get(url).status_code == 404  # nothing attended yet
    session = hold_sessions(groups[0], 1)[0]  # the first session has taken place
    services.record_attendance(session, {people[0].pk: "present"}, coordinator)
    response = client.get(url)
    assert response.status_code == 200
    from maillage.testing.pdf import pdf_text

    text = pdf_text(response.content)
    assert people[0].full_name in text and groups[0].name in text
    assert f"Séances suivies : 1 sur {groups[0].sessions.count()}" in text


@pytest.mark.django_db
def test_moving_into_a_full_group_before_publication_is_refused(
    cycle, groups, register, coordinator
):
    people = [register([groups[0]]) for _ in range(5)]
    for person in people[:4]:
        services.move(person, groups[0], coordinator)
    with pytest.raises(IntervisionError) as error:
        services.move(people[4], groups[0], coordinator)
    assert error.value.code == "group_full"
    services.move(people[0], groups[0], coordinator)  # staying put is fine


@pytest.mark.django_db
def test_waiting_list_promotion_respects_the_institution_cap(cycle, groups, register, coordinator):
    """At most 2 per institution: a freed seat skips a waiting person whose institution
    already has 2 people in the group, and goes to the next one in the queue."""
    monday = groups[0]
    same = make_org(name="CPAS Test")
    first, second = register([monday], organization=same), register([monday], organization=same)
    others = [register([monday]) for _ in range(2)]
    third_of_same = register([monday], organization=same)
    newcomer = register([monday])
    for person in (first, second, *others):  # the coordinator fills Monday's 4 seats by hand
        services.move(person, monday, coordinator)
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    services.publish(cycle, coordinator)
    assert seats.confirmed_count(monday) == cycle.group_max_size
    assert [b.holder_id for b in seats.waiting(monday)] == [str(third_of_same.pk), str(newcomer.pk)]

    _cancelled, promoted = seats.release(others[0])

    assert promoted is not None and promoted.holder_id == str(newcomer.pk)
    assert [b.holder_id for b in seats.waiting(monday)] == [str(third_of_same.pk)]
    # When one of the two leaves, the institution's third person gets the next seat.
    _cancelled, promoted = seats.release(first)
    assert promoted.holder_id == str(third_of_same.pk)
    assert seats.confirmed_count(monday) == cycle.group_max_size
    assert second.pk != third_of_same.pk
