"""First-come booking: overlap and travel margin, per-person and per-service limits, full slot
and waiting list, cancellation promoting the waiting list, deadlines, e-mails with .ics."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from maillage.testing.factories import UserFactory
from opendoors.errors import OpenDoorsError
from opendoors.models import Visit
from opendoors.services import visits

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return f.edition()


@pytest.fixture
def person():
    return UserFactory()


def _code(callable_, *args, **kwargs):
    with pytest.raises(OpenDoorsError) as error:
        callable_(*args, **kwargs)
    return error.value


def test_booking_confirms_and_sends_ics_with_host_contact(
    edition, person, django_capture_on_commit_callbacks
):
    slot = f.slot(f.host_service(edition))
    with django_capture_on_commit_callbacks(execute=True):
        visit = visits.book_visit(slot, person)
    assert visit.booking.is_confirmed
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "hote@example.org" in message.body
    name, content, mimetype = message.attachments[0]
    assert mimetype == "text/calendar" and "DTSTART" in content and "Maison" in content


def test_overlap_refused(edition, person):
    first = f.slot(f.host_service(edition, name="A"), start="10:00", end="11:00")
    second = f.slot(f.host_service(edition, name="B"), start="10:30", end="11:30")
    visits.book_visit(first, person)
    error = _code(visits.book_visit, second, person)
    assert error.code == "overlap"
    assert "chevauche" in error.message  # French, the user's language


def test_travel_margin_between_municipalities(edition, person):
    etterbeek = f.slot(f.host_service(edition, name="A", nis="21005"), start="10:00", end="11:00")
    ixelles = f.slot(f.host_service(edition, name="B", nis="21009"), start="11:15", end="12:00")
    ixelles_later = f.slot(
        f.host_service(edition, name="C", nis="21009"), start="11:30", end="12:30"
    )
    same_commune = f.slot(
        f.host_service(edition, name="D", nis="21005"), start="11:00", end="11:30"
    )
    visits.book_visit(etterbeek, person)
    error = _code(visits.book_visit, ixelles, person)
    assert error.code == "travel" and "30" in error.message
    assert visits.book_visit(
        same_commune, person
    ).booking.is_confirmed  # back to back, same commune
    other = UserFactory()
    visits.book_visit(etterbeek, other)
    assert visits.book_visit(ixelles_later, other).booking.is_confirmed  # exactly 30 minutes


def test_per_person_limit(edition, person):
    edition.max_visits_per_person = 2
    edition.save()
    slots = [
        f.slot(
            f.host_service(edition, name=f"S{i}"),
            start=f"{9 + 2 * i:02d}:00",
            end=f"{10 + 2 * i:02d}:00",
        )
        for i in range(3)
    ]
    visits.book_visit(slots[0], person)
    visits.book_visit(slots[1], person)
    error = _code(visits.book_visit, slots[2], person)
    assert error.code == "per_person" and "2" in error.message


def test_one_slot_per_service(edition, person):
    participation = f.host_service(edition)
    visits.book_visit(f.slot(participation, start="09:00", end="10:00"), person)
    later = f.slot(participation, day=f.MONDAY + dt.timedelta(days=1))
    assert _code(visits.book_visit, later, person).code == "same_service"


def test_per_service_maximum(edition):
    edition.max_visitors_per_service = 2
    edition.save()
    participation = f.host_service(edition)
    morning = f.slot(participation, start="09:00", end="10:00", capacity=2)
    afternoon = f.slot(participation, start="14:00", end="15:00", capacity=2)
    visits.book_visit(morning, UserFactory())
    visits.book_visit(morning, UserFactory())
    assert _code(visits.book_visit, afternoon, UserFactory()).code == "per_service"


def test_full_slot_waiting_list_and_cancellation_promotes(
    edition, django_capture_on_commit_callbacks
):
    slot = f.slot(f.host_service(edition), capacity=1)
    first, second = UserFactory(), UserFactory()
    visit1 = visits.book_visit(slot, first)
    visit2 = visits.book_visit(slot, second)
    assert visit1.booking.is_confirmed and visit2.booking.is_waiting
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = visits.cancel_visit(visit1, first)
    assert promoted.pk == visit2.pk
    visit2 = Visit.objects.get(pk=visit2.pk)
    assert visit2.booking.is_confirmed
    assert [m.to for m in mail.outbox] == [[second.email]]
    # the first person may book again: they go to the waiting list now
    again = visits.book_visit(slot, first)
    assert again.pk == visit1.pk and again.booking.is_waiting


def test_double_booking_refused(edition, person):
    slot = f.slot(f.host_service(edition))
    visits.book_visit(slot, person)
    assert _code(visits.book_visit, slot, person).code == "already_booked"


def test_cancellation_deadline(edition, person):
    slot = f.slot(f.host_service(edition))
    visit = visits.book_visit(slot, person)
    late = slot.starts_at() - dt.timedelta(hours=2)
    error = _code(visits.cancel_visit, visit, person, now=late)
    assert error.code == "too_late_to_cancel"
    assert _code(visits.cancel_visit, visit, UserFactory()).code == "not_yours"


def test_booking_window_and_unvalidated_service(edition, person):
    pending = f.host_service(edition, validated=False)
    assert _code(visits.book_visit, f.slot(pending), person).code == "not_in_programme"
    slot = f.slot(f.host_service(edition, name="B"))
    closed = timezone.now() + dt.timedelta(days=300 * 30)
    assert _code(visits.book_visit, slot, person, now=closed).code == "booking_closed"


def test_attendance_only_by_host_after_start(edition, person):
    participation = f.host_service(edition)
    slot = f.slot(participation)
    visit = visits.book_visit(slot, person)
    after = slot.starts_at() + dt.timedelta(hours=1)
    assert (
        _code(visits.mark_attendance, visit, UserFactory(), "present", now=after).code == "not_host"
    )
    assert (
        _code(visits.mark_attendance, visit, participation.host, "present").code
        == "not_after_visit"
    )
    visits.mark_attendance(visit, participation.host, Visit.Attendance.ABSENT, now=after)
    assert Visit.objects.get(pk=visit.pk).attendance == "absent"
    visit.refresh_from_db()
    assert (
        _code(visits.evaluate, visit, person, usefulness=4, will_orient="yes", now=after).code
        == "not_attended"
    )


def test_evaluation_once(edition, person):
    slot = f.slot(f.host_service(edition))
    visit = visits.book_visit(slot, person)
    after = slot.ends_at() + dt.timedelta(hours=1)
    visits.evaluate(visit, person, usefulness=5, will_orient="yes", comment="Très utile", now=after)
    assert (
        _code(visits.evaluate, visit, person, usefulness=5, will_orient="yes", now=after).code
        == "already_evaluated"
    )


def test_reminders_once(edition, person):
    slot = f.slot(f.host_service(edition))
    visits.book_visit(slot, person)
    mail.outbox.clear()
    day_before = slot.starts_at() - dt.timedelta(hours=20)
    assert visits.send_reminders(now=day_before) == 1
    assert visits.send_reminders(now=day_before) == 0
    assert len(mail.outbox) == 1 and mail.outbox[0].attachments


def test_host_message_reaches_confirmed_visitors(edition, person):
    participation = f.host_service(edition)
    slot = f.slot(participation)
    visits.book_visit(slot, person)
    mail.outbox.clear()
    assert (
        _code(visits.send_message, slot, person, "Accès", "Entrée par la cour").code == "not_host"
    )
    assert visits.send_message(slot, participation.host, "Accès", "Entrée par la cour") == 1
    assert "Entrée par la cour" in mail.outbox[0].body


def test_evaluation_asked_once_after_the_visit_not_for_no_shows(edition, person):
    participation = f.host_service(edition)
    slot = f.slot(participation)
    visit = visits.book_visit(slot, person)
    absent = visits.book_visit(slot, UserFactory())
    after = slot.ends_at() + dt.timedelta(hours=2)
    visits.mark_attendance(absent, participation.host, Visit.Attendance.ABSENT, now=after)
    mail.outbox.clear()
    assert visits.ask_evaluations(now=slot.starts_at()) == 0  # not before the end
    assert visits.ask_evaluations(now=after) == 1
    assert visits.ask_evaluations(now=after) == 0
    assert mail.outbox[0].to == [person.email]
    assert f"/visite/{visit.pk}/evaluation/" in mail.outbox[0].body
