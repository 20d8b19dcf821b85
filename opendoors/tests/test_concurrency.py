"""Concurrency proof on PostgreSQL: simultaneous bookings in separate connections (threads).

- many people booking one slot at once never get more confirmed seats than its capacity;
- one person booking two overlapping slots at once gets at most one (the person lock);
- control: with the test-only switch that skips locks, the person rule really is raced.
"""

import threading

import pytest
from django.db import connection, connections

from maillage.testing.factories import UserFactory
from opendoors.errors import OpenDoorsError
from opendoors.models import Visit
from opendoors.services import visits

from . import factories as f

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _run_at_once(jobs):
    barrier = threading.Barrier(len(jobs))
    codes = []

    def worker(job):
        try:
            barrier.wait(timeout=10)
            job()
        except OpenDoorsError as error:
            codes.append(error.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return codes


def test_slot_capacity_never_exceeded(settings):
    assert connection.vendor == "postgresql"
    settings.BOOKING_RACE_WINDOW_SECONDS = 0.05
    edition = f.edition()
    slot = f.slot(f.host_service(edition), capacity=3)
    people = UserFactory.create_batch(12)
    codes = _run_at_once([lambda p=p: visits.book_visit(slot, p) for p in people])
    assert codes == []
    assert Visit.objects.filter(slot=slot).confirmed().count() == 3
    assert Visit.objects.filter(slot=slot).waiting().count() == 9


def _two_overlapping(edition):
    first = f.slot(f.host_service(edition, name="A"), start="10:00", end="11:00")
    second = f.slot(f.host_service(edition, name="B"), start="10:30", end="11:30")
    return first, second


def test_one_person_two_overlapping_slots_at_once(settings):
    settings.BOOKING_RACE_WINDOW_SECONDS = 0.1
    edition = f.edition()
    first, second = _two_overlapping(edition)
    person = UserFactory()
    codes = _run_at_once(
        [lambda: visits.book_visit(first, person), lambda: visits.book_visit(second, person)]
    )
    assert codes == ["overlap"]
    assert Visit.objects.filter(visitor=person).active().count() == 1


def test_control_without_locks_the_person_rule_is_raced(settings):
    settings.BOOKING_SKIP_LOCK_FOR_TESTS = True
    settings.BOOKING_RACE_WINDOW_SECONDS = 0.3
    edition = f.edition()
    first, second = _two_overlapping(edition)
    person = UserFactory()
    _run_at_once(
        [lambda: visits.book_visit(first, person), lambda: visits.book_visit(second, person)]
    )
    assert Visit.objects.filter(visitor=person).active().count() == 2, "the race exists"
