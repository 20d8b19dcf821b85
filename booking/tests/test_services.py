"""The capacity service: confirm, wait, promote in order, refuse double booking, options,
resize. Concurrency is proven in test_concurrency.py (PostgreSQL)."""

import pytest
from django.db import transaction

from booking import services
from booking.locking import LockingOutsideTransaction, lock_resources
from booking.models import Booking
from booking.services import BookingError
from maillage.testing.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seats():
    return services.get_or_create_resource("test:seats", capacity=2, label="Seats")


def test_confirms_then_waits_then_refuses_without_waitlist(seats):
    a, b, c, d = UserFactory.create_batch(4)
    assert services.book(seats, a).status == Booking.Status.CONFIRMED
    assert services.book(seats, b).status == Booking.Status.CONFIRMED
    waiting = services.book(seats, c)
    assert waiting.status == Booking.Status.WAITING
    assert waiting.waiting_position() == 1
    with pytest.raises(BookingError) as error:
        services.book(seats, d, waitlist=False)
    assert error.value.code == "full"
    assert "place" in error.value.message  # French message


def test_waitlist_disabled_on_resource():
    resource = services.get_or_create_resource("test:nowait", capacity=1, waitlist_enabled=False)
    services.book(resource, UserFactory())
    with pytest.raises(BookingError, match="place"):
        services.book(resource, UserFactory())


def test_double_booking_refused(seats):
    person = UserFactory()
    services.book(seats, person)
    with pytest.raises(BookingError) as error:
        services.book(seats, person)
    assert error.value.code == "already_booked"


def test_uuid_and_int_holders(seats):
    organization = OrganizationFactory()
    booking = services.book(seats, organization)
    assert booking.holder == organization
    assert services.active_booking(seats, organization) == booking


def test_cancel_promotes_first_waiting_in_order(seats):
    people = UserFactory.create_batch(5)
    bookings = [services.book(seats, person) for person in people]
    assert [b.status for b in bookings] == [
        "confirmed",
        "confirmed",
        "waiting",
        "waiting",
        "waiting",
    ]
    promoted = services.cancel(bookings[0])
    assert promoted.pk == bookings[2].pk
    assert promoted.promoted_at is not None
    # cancelling a waiting booking frees no seat and promotes nobody
    assert services.cancel(bookings[4]) is None
    promoted = services.cancel(bookings[1])
    assert promoted.pk == bookings[3].pk
    assert seats.bookings.confirmed().count() == 2
    assert seats.bookings.waiting().count() == 0
    # cancelling twice is harmless
    assert services.cancel(bookings[1]) is None
    bookings[1].refresh_from_db()
    assert bookings[1].status == Booking.Status.CANCELLED


def test_rebook_after_cancel_goes_to_the_end_of_the_queue(seats):
    a, b, c, d = UserFactory.create_batch(4)
    first = services.book(seats, a)
    services.book(seats, b)
    services.book(seats, c)
    services.cancel(first)  # c promoted
    again = services.book(seats, a)
    assert again.status == Booking.Status.WAITING
    services.book(seats, d)
    assert list(seats.bookings.waiting().values_list("holder_id", flat=True)) == [
        str(a.pk),
        str(d.pk),
    ]


def test_set_capacity_promotes_in_order_and_refuses_below_confirmed(seats):
    people = UserFactory.create_batch(5)
    bookings = [services.book(seats, person) for person in people]
    promoted = services.set_capacity(seats, 4)
    assert [b.pk for b in promoted] == [bookings[2].pk, bookings[3].pk]
    with pytest.raises(BookingError) as error:
        services.set_capacity(seats, 3)
    assert error.value.code == "capacity_below_confirmed"
    assert "4" in error.value.message
    assert services.set_capacity(seats, None)[0].pk == bookings[4].pk
    with pytest.raises(BookingError):
        services.set_capacity(seats, 0)


def test_unlimited_resource_always_confirms():
    resource = services.get_or_create_resource("test:open", capacity=None)
    for person in UserFactory.create_batch(3):
        assert services.book(resource, person).is_confirmed


def test_book_many_is_all_or_nothing():
    event = services.get_or_create_resource("event:1", capacity=3)
    lunch = services.get_or_create_resource("event:1:lunch", capacity=1, waitlist_enabled=False)
    a, b, c = UserFactory.create_batch(3)
    both = services.book_many([event, lunch], a)
    assert [x.status for x in both] == ["confirmed", "confirmed"]
    with pytest.raises(BookingError) as error:
        services.book_many([event, lunch], b)
    assert error.value.code == "option_full"
    # nothing was booked for b: the event seat was rolled back with the lunch
    assert services.active_booking(event, b) is None
    assert event.bookings.confirmed().count() == 1
    assert len(services.book_many([event], b)) == 1


def test_book_many_waiting_main_books_no_option():
    event = services.get_or_create_resource("event:2", capacity=1)
    lunch = services.get_or_create_resource("event:2:lunch", capacity=5)
    services.book_many([event, lunch], UserFactory())
    late = services.book_many([event, lunch], UserFactory())
    assert len(late) == 1 and late[0].is_waiting
    assert lunch.bookings.confirmed().count() == 1


def test_refuse_frees_the_seat(seats):
    people = UserFactory.create_batch(3)
    bookings = [services.book(seats, p) for p in people]
    promoted = services.refuse(bookings[0])
    assert promoted.pk == bookings[2].pk
    bookings[0].refresh_from_db()
    assert bookings[0].status == Booking.Status.REFUSED


def test_locking_refuses_to_run_outside_a_transaction(seats, django_db_blocker):
    # pytest-django wraps the test in a transaction: leave it to check the guard.
    connection = transaction.get_connection()
    saved = connection.in_atomic_block
    connection.in_atomic_block = False
    try:
        with pytest.raises(LockingOutsideTransaction):
            lock_resources([seats])
    finally:
        connection.in_atomic_block = saved


def test_invalid_capacity():
    with pytest.raises(BookingError):
        services.get_or_create_resource("test:zero", capacity=0)
