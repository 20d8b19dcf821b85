"""Visits: first-come booking, cancellation, attendance, evaluation, messages, reminders.

A visit's seat is a ``booking.Booking`` of the slot's resource: seats and the waiting list are
the capacity service's. Per-person rules (overlap with travel margin, per-person maximum, one
slot per service) and the per-service maximum are checked here under locks taken through
``booking.locking`` on small "person" and "service" resources, together with the slot's
resource, in one sorted call: two simultaneous bookings of one person are serialised, and so are
those of one slot. Waiting places count as visits for those rules, so a promotion from the
waiting list never breaks them.
"""

import datetime as dt

from django.db import OperationalError, transaction
from django.utils import timezone

from booking import services as booking_services
from booking.locking import lock_resources
from booking.models import Booking
from booking.services import BookingError

from ..errors import OpenDoorsError
from ..models import Edition, Evaluation, Participation, Slot, Visit
from ..rules import conflict_reason
from . import notices
from .call import is_host


def _person_resource(edition: Edition, user):
    return booking_services.get_or_create_resource(
        f"opendoors-person:{edition.pk}:{user.pk}", capacity=None, label=str(user)
    )


def _service_resource(participation: Participation):
    return booking_services.get_or_create_resource(
        f"opendoors-service:{participation.pk}", capacity=None, label=str(participation)
    )


def booking_open(edition: Edition, now=None) -> bool:
    now = now or timezone.now()
    if edition.wish_round in (Edition.WishRound.OPEN, Edition.WishRound.ALLOCATED):
        return False
    return edition.booking_opens_at <= now <= edition.booking_closes_at


def _check_person(slot: Slot, user, edition: Edition) -> None:
    active = list(
        Visit.objects.active()
        .filter(visitor=user, slot__participation__edition=edition)
        .exclude(slot=slot)
        .select_related("slot__participation__service", "slot__location")
    )
    for visit in active:
        reason = conflict_reason(slot, visit.slot, edition.travel_minutes)
        if reason == "travel":
            raise OpenDoorsError("travel", other=str(visit.slot), minutes=edition.travel_minutes)
        if reason:
            raise OpenDoorsError(reason, other=str(visit.slot))
    if len(active) >= edition.max_visits_per_person:
        raise OpenDoorsError("per_person", max=edition.max_visits_per_person)


def book_visit(
    slot: Slot, user, *, now=None, source=Visit.Source.FIRST_COME, notify: bool = True
) -> Visit:
    """Book a seat (or a waiting place) of ``slot`` for ``user``; refused with a clear reason."""
    participation = slot.participation
    edition = Edition.objects.get(pk=participation.edition_id)  # fresh: the wish round state
    if participation.status != Participation.Status.VALIDATED or slot.resource_id is None:
        raise OpenDoorsError("not_in_programme")
    if source == Visit.Source.FIRST_COME and not booking_open(edition, now):
        raise OpenDoorsError("booking_closed")
    person = _person_resource(edition, user)
    service = _service_resource(participation) if edition.max_visitors_per_service else None
    with transaction.atomic():
        try:
            lock_resources([r for r in (person, service, slot.resource) if r is not None])
        except OperationalError as error:
            raise OpenDoorsError("busy") from error
        existing = Visit.objects.filter(slot=slot, visitor=user).select_related("booking").first()
        if (
            existing
            and existing.booking
            and existing.booking.status
            in (
                Booking.Status.CONFIRMED,
                Booking.Status.WAITING,
            )
        ):
            raise OpenDoorsError("already_booked")
        _check_person(slot, user, edition)
        if service is not None:
            taken = Visit.objects.active().filter(slot__participation=participation).count()
            if taken >= edition.max_visitors_per_service:
                raise OpenDoorsError("per_service", max=edition.max_visitors_per_service)
        visit = existing or Visit.objects.create(
            slot=slot, visitor=user, organization=_organization_of(user, slot), source=source
        )
        try:
            booking = booking_services.book(slot.resource, visit)
        except BookingError as error:
            code = error.code if error.code in ("full", "already_booked", "busy") else "full"
            raise OpenDoorsError(code) from error
        visit.booking, visit.source = booking, source
        visit.save(update_fields=["booking", "source"])
    if notify and source == Visit.Source.FIRST_COME:
        transaction.on_commit(lambda: _announce(visit))
    return visit


def _announce(visit: Visit) -> None:
    if visit.booking.is_confirmed:
        notices.visit_confirmed(visit)
    else:
        notices.visit_waiting(visit)


def _organization_of(user, slot: Slot):
    from directory.models import Organization

    ids = sorted(user.organization_ids(), key=str)
    return Organization.objects.filter(pk__in=ids).first() if ids else None


def cancel_deadline(slot: Slot) -> dt.datetime:
    return slot.starts_at() - dt.timedelta(hours=slot.participation.edition.cancellation_hours)


def cancel_refusal(visit: Visit, user, *, now=None) -> OpenDoorsError | None:
    """Why ``user`` cannot cancel ``visit`` now (None when they can); the confirmation page
    asks this before showing its button, ``cancel_visit`` before cancelling."""
    now = now or timezone.now()
    if visit.visitor_id != user.pk:
        return OpenDoorsError("not_yours")
    if visit.booking is None or visit.booking.status not in (
        Booking.Status.CONFIRMED,
        Booking.Status.WAITING,
    ):
        return OpenDoorsError("not_active")
    if visit.booking.is_confirmed and now > cancel_deadline(visit.slot):
        return OpenDoorsError(
            "too_late_to_cancel", hours=visit.slot.participation.edition.cancellation_hours
        )
    return None


def cancel_visit(visit: Visit, user, *, now=None, notify: bool = True) -> Visit | None:
    """One-click cancellation before the deadline; the seat goes at once to the waiting list.
    Returns the promoted visit (already told by e-mail) or None."""
    refusal = cancel_refusal(visit, user, now=now)
    if refusal is not None:
        raise refusal
    promoted = booking_services.cancel(visit.booking)
    if promoted is None:
        return None
    promoted_visit = Visit.objects.select_related("slot__participation__edition").get(
        booking=promoted
    )
    if notify:
        transaction.on_commit(lambda: notices.visit_confirmed(promoted_visit))
    return promoted_visit


def visitors(slot: Slot):
    """Who comes: confirmed first, then the waiting list in order."""
    return (
        Visit.objects.active()
        .filter(slot=slot)
        .select_related("visitor", "organization", "booking")
        .order_by("booking__status", "booking__created_at")
    )


def send_message(slot: Slot, user, subject: str, body: str) -> int:
    participation = slot.participation
    if not is_host(user, participation):
        raise OpenDoorsError("not_host")
    if not body.strip() or not subject.strip():
        raise OpenDoorsError("message_empty")
    return notices.host_message(list(slot.visits.confirmed()), participation, subject, body, user)


def mark_attendance(visit: Visit, user, attendance: str, *, now=None) -> None:
    """The host records who came (one door for ``Visit.attendance``)."""
    now = now or timezone.now()
    if not is_host(user, visit.slot.participation):
        raise OpenDoorsError("not_host")
    if now < visit.slot.starts_at():
        raise OpenDoorsError("not_after_visit")
    if attendance not in Visit.Attendance.values or visit.booking is None:
        raise OpenDoorsError("not_active")
    if not visit.booking.is_confirmed:
        raise OpenDoorsError("not_active")
    Visit.objects.filter(pk=visit.pk).update(attendance=attendance)
    visit.attendance = attendance


def can_evaluate(visit: Visit, now=None) -> bool:
    now = now or timezone.now()
    return (
        visit.booking is not None
        and visit.booking.is_confirmed
        and visit.attendance != Visit.Attendance.ABSENT
        and now >= visit.slot.starts_at()
        and not Evaluation.objects.filter(visit=visit).exists()
    )


def evaluate(visit: Visit, user, *, usefulness: int, will_orient: str, comment: str = "", now=None):
    if visit.visitor_id != user.pk:
        raise OpenDoorsError("not_yours")
    if Evaluation.objects.filter(visit=visit).exists():
        raise OpenDoorsError("already_evaluated")
    if not can_evaluate(visit, now):
        raise OpenDoorsError("not_attended")
    return Evaluation.objects.create(
        visit=visit, usefulness=usefulness, will_orient=will_orient, comment=comment.strip()
    )


def send_reminders(*, now=None, hours: int = 48) -> int:
    """Remind confirmed visitors of visits starting within ``hours`` (once per visit)."""
    now = now or timezone.now()
    sent = 0
    candidates = (
        Visit.objects.confirmed()
        .filter(
            reminded_at__isnull=True,
            slot__day__gte=now.date(),
            slot__day__lte=(now + dt.timedelta(hours=hours)).date(),
        )
        .select_related("slot__participation__edition", "slot__participation__service", "visitor")
    )
    for visit in candidates:
        if not now <= visit.slot.starts_at() <= now + dt.timedelta(hours=hours):
            continue
        if Visit.objects.filter(pk=visit.pk, reminded_at__isnull=True).update(reminded_at=now):
            notices.visit_reminder(visit)
            sent += 1
    return sent


def ask_evaluations(*, now=None) -> int:
    """After a visit, e-mail the visitor the link to its short evaluation form (once)."""
    now = now or timezone.now()
    sent = 0
    candidates = (
        Visit.objects.confirmed()
        .filter(evaluation_asked_at__isnull=True, slot__day__lte=now.date())
        .exclude(attendance=Visit.Attendance.ABSENT)
        .select_related("slot__participation__edition", "slot__participation__service", "visitor")
    )
    for visit in candidates:
        if visit.slot.ends_at() > now or Evaluation.objects.filter(visit=visit).exists():
            continue
        if Visit.objects.filter(pk=visit.pk, evaluation_asked_at__isnull=True).update(
            evaluation_asked_at=now
        ):
            notices.evaluation_asked(visit)
            sent += 1
    return sent
