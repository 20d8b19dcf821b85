"""Promotion rules: a waiting booking that fails the resource's rule keeps its place."""

import pytest

from booking import rules
from booking import services as booking
from maillage.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


@rules.register("tests.no_gmail")
def _no_gmail(waiting) -> bool:
    return not waiting.holder.email.endswith("@gmail.test")


def test_freed_seat_skips_a_waiting_booking_that_fails_the_rule():
    resource = booking.get_or_create_resource(
        "test:rule", capacity=1, promotion_rule="tests.no_gmail"
    )
    seated = booking.book(resource, UserFactory(email="a@example.org"))
    refused_by_rule = booking.book(resource, UserFactory(email="b@gmail.test"))
    next_in_line = booking.book(resource, UserFactory(email="c@example.org"))
    assert [refused_by_rule.status, next_in_line.status] == ["waiting", "waiting"]

    promoted = booking.cancel(seated)

    assert promoted.pk == next_in_line.pk
    refused_by_rule.refresh_from_db()
    assert refused_by_rule.status == "waiting"  # keeps its place for a seat it may take later


def test_without_a_rule_the_first_in_line_gets_the_seat():
    resource = booking.get_or_create_resource("test:fifo", capacity=1)
    seated = booking.book(resource, UserFactory())
    first = booking.book(resource, UserFactory(email="b@gmail.test"))
    booking.book(resource, UserFactory())
    assert booking.cancel(seated).pk == first.pk


def test_an_unknown_rule_is_refused_when_the_resource_is_created():
    with pytest.raises(LookupError):
        booking.get_or_create_resource("test:unknown", capacity=1, promotion_rule="nope")
