"""The wish round end to end on services (rank, allocate, figures before publishing, publish
books and tells everyone, then first-come opens) and the dashboard figures against the
bookings counted by hand."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from booking.models import Booking
from maillage.testing.factories import MembershipFactory, UserFactory
from opendoors.allocation import violations
from opendoors.errors import OpenDoorsError
from opendoors.models import Edition, Visit, Wish
from opendoors.services import figures, visits, wishes

from . import factories as f

pytestmark = pytest.mark.django_db


def test_wish_round_allocates_publishes_and_opens_first_come(django_capture_on_commit_callbacks):
    edition = f.edition()
    a = f.slot(f.host_service(edition, name="A"), start="10:00", end="11:00", capacity=1)
    b = f.slot(
        f.host_service(edition, name="B", nis="21009"), start="11:10", end="12:00", capacity=2
    )
    c = f.slot(f.host_service(edition, name="C"), start="14:00", end="15:00", capacity=1)
    anna, bert, carl = UserFactory(), UserFactory(), UserFactory()
    assert visits.booking_open(edition)
    wishes.open_wish_round(edition)
    assert not visits.booking_open(edition)  # first-come waits for the wish round
    with pytest.raises(OpenDoorsError):
        visits.book_visit(a, anna)
    wishes.save_wishes(edition, anna, [a.pk, b.pk])  # a and b too close (travel) for one person
    wishes.save_wishes(edition, bert, [a.pk, c.pk])
    wishes.save_wishes(edition, carl, [c.pk])
    with pytest.raises(OpenDoorsError) as error:
        wishes.save_wishes(edition, carl, [c.pk, c.pk])
    assert error.value.code == "duplicate_rank"
    result = wishes.run_allocation(edition)
    assert result["professionals"] == 3 and result["served"] == 3
    assert result["status"] == "OPTIMAL"
    assert Visit.objects.count() == 0  # nothing booked before publishing
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        booked = wishes.publish_allocation(edition)
    edition.refresh_from_db()
    assert edition.wish_round == Edition.WishRound.PUBLISHED
    assert booked == result["wishes_met"]
    granted = set(Wish.objects.filter(granted=True).values_list("visitor_id", "slot_id"))
    confirmed = set(Visit.objects.confirmed().values_list("visitor_id", "slot_id"))
    assert granted == confirmed
    assert sorted(m.to[0] for m in mail.outbox) == sorted([anna.email, bert.email, carl.email])
    assert visits.booking_open(edition)
    for slot in (a, b, c):
        assert slot.visits.confirmed().count() <= slot.capacity


def test_allocation_from_the_database_keeps_the_rules():
    edition = f.edition(max_visits_per_person=2)
    services = [
        f.host_service(edition, name=f"S{i}", nis=("21005", "21009")[i % 2]) for i in range(5)
    ]
    slots = [
        f.slot(services[i], start=f"{9 + i:02d}:00", end=f"{9 + i:02d}:50", capacity=2)
        for i in range(5)
    ]
    people = UserFactory.create_batch(6)
    wishes.open_wish_round(edition)
    for n, person in enumerate(people):
        wishes.save_wishes(edition, person, [slots[(n + k) % 5].pk for k in range(3)])
    wishes.run_allocation(edition)
    wishes.publish_allocation(edition)
    from opendoors.allocation import Rules
    from opendoors.allocation import Wish as PlainWish
    from opendoors.rules import plain

    plain_slots = {str(s.pk): plain(s) for s in slots}
    plain_wishes = [
        PlainWish(str(w.visitor_id), str(w.slot_id), w.rank) for w in Wish.objects.all()
    ]
    assignment = [
        (str(v), str(s)) for v, s in Visit.objects.confirmed().values_list("visitor_id", "slot_id")
    ]
    assert violations(plain_slots, plain_wishes, assignment, Rules(2, 30)) == []
    assert len({p for p, _ in assignment}) == 6


def test_dashboard_figures_equal_the_bookings():
    edition = f.edition()
    one = f.host_service(edition, name="A")
    two = f.host_service(edition, name="B", nis="21009")
    s1 = f.slot(one, start="09:00", end="10:00", capacity=3)
    s2 = f.slot(two, start="14:00", end="15:00", capacity=3, day=f.MONDAY + dt.timedelta(days=1))
    people = UserFactory.create_batch(5)
    for person in people:
        MembershipFactory(user=person)
    v = [visits.book_visit(s1, p) for p in people[:3]] + [
        visits.book_visit(s2, p) for p in people[2:5]
    ]
    visits.cancel_visit(v[0], people[0])
    after = s2.ends_at() + dt.timedelta(hours=1)
    visits.mark_attendance(v[1], one.host, "present", now=after)
    visits.mark_attendance(v[2], one.host, "absent", now=after)
    visits.mark_attendance(v[3], two.host, "present", now=after)
    v[3].refresh_from_db()
    visits.evaluate(v[3], people[2], usefulness=4, will_orient="yes", now=after)
    result = figures.dashboard(edition)
    bookings = Booking.objects.filter(resource__key__startswith="opendoors-slot:")
    confirmed = bookings.filter(status="confirmed").count()
    cancelled = bookings.filter(status="cancelled").count()
    assert result["totals"]["visits"] == confirmed == 5
    assert result["totals"]["cancelled"] == cancelled == 1
    assert result["totals"]["cancellation_rate"] == round(100 * 1 / 6, 1)
    assert result["totals"]["no_show_rate"] == round(100 * 1 / 3, 1)
    assert result["professionals"] == 4  # people[0] cancelled their only visit
    assert result["services"] == 2
    assert [r["visits"] for r in result["by_day"]] == [2, 3]
    assert result["evaluations"] == 1 and result["usefulness_mean"] == 4
    # pairs: the absent visitor's organization does not count; others met their hosts
    assert len(result["pairs"]) == 4 and all(p["new"] for p in result["pairs"])


def test_remind_visits_command(capsys):
    edition = f.edition()
    slot = f.slot(f.host_service(edition))
    visits.book_visit(slot, UserFactory())
    call_command("remind_visits", "--hours", "48")
    assert "0 reminder(s) sent" in capsys.readouterr().out  # the visit is years away
