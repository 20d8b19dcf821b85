"""Concurrency proof on PostgreSQL: simultaneous bookers in separate connections (threads).

The control test skips the lock (BOOKING_SKIP_LOCK_FOR_TESTS) and widens the window between
counting and writing: overbooking happens, so the test really exercises the race. With the lock,
the same burst never confirms more than the capacity, and the waiting list keeps its order.
"""

import threading

import pytest
from django.db import connection, connections

from booking import services
from booking.models import Booking
from booking.services import BookingError
from maillage.testing.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CAPACITY = 3
BOOKERS = 10


def _burst(resource, holders):
    barrier = threading.Barrier(len(holders))
    errors = []

    def worker(holder):
        try:
            barrier.wait(timeout=10)
            services.book(resource, holder)
        except BookingError as error:
            errors.append(error.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(h,)) for h in holders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


@pytest.fixture
def burst_setup():
    assert connection.vendor == "postgresql"
    resource = services.get_or_create_resource("race:seats", capacity=CAPACITY)
    holders = UserFactory.create_batch(BOOKERS)
    return resource, holders


def test_race_exists_without_the_lock(settings, burst_setup):
    settings.BOOKING_SKIP_LOCK_FOR_TESTS = True
    settings.BOOKING_RACE_WINDOW_SECONDS = 0.2
    resource, holders = burst_setup
    _burst(resource, holders)
    confirmed = Booking.objects.filter(resource=resource).confirmed().count()
    assert confirmed > CAPACITY, "without the lock, simultaneous bookers overbook"


def test_lock_closes_the_race(settings, burst_setup):
    settings.BOOKING_RACE_WINDOW_SECONDS = 0.05
    resource, holders = burst_setup
    errors = _burst(resource, holders)
    assert errors == []
    bookings = Booking.objects.filter(resource=resource)
    assert bookings.confirmed().count() == CAPACITY
    assert bookings.waiting().count() == BOOKERS - CAPACITY


def test_cancel_and_book_at_once_never_overbook(settings, burst_setup):
    settings.BOOKING_RACE_WINDOW_SECONDS = 0.02
    resource, holders = burst_setup
    first = [services.book(resource, h) for h in holders[: CAPACITY + 2]]
    barrier = threading.Barrier(4)

    def cancel(booking):
        barrier.wait(timeout=10)
        services.cancel(booking)
        connections.close_all()

    def book(holder):
        barrier.wait(timeout=10)
        services.book(resource, holder)
        connections.close_all()

    threads = [threading.Thread(target=cancel, args=(b,)) for b in first[:2]]
    threads += [threading.Thread(target=book, args=(h,)) for h in holders[-2:]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    bookings = Booking.objects.filter(resource=resource)
    assert bookings.confirmed().count() == CAPACITY
    # the two people who waited first got the freed seats, in order
    promoted = {b.pk for b in first[CAPACITY:]}
    assert promoted <= set(bookings.confirmed().values_list("pk", flat=True))
