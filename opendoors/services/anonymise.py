"""Anonymisation of the open doors week: what the retention policy and account erasure do.

An edition's visits, wishes and evaluations keep their counts (the dashboard's figures: visits,
attendance, professionals, usefulness, "will orient", organization pairs) but lose the link to
the person and the free comment; the hosts' contact details are emptied. Upcoming visits of a
person who erases their account are cancelled through ``visits.cancel_visit`` so that the
waiting list moves. This module never deletes a visit nor touches the allocation.
"""

import contextlib
import datetime as dt
import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from booking.models import Booking

from ..errors import OpenDoorsError
from ..models import Edition, Evaluation, Participation, Visit, Wish


def retention_days() -> int:
    """Days after the last day of the week before an edition is anonymised (default 365)."""
    return int(getattr(settings, "OPENDOORS_RETENTION_DAYS", 365))


def editions_due(now=None, *, days: int | None = None):
    """Editions whose week ended more than ``days`` ago and that still hold personal data."""
    days = retention_days() if days is None else days
    today = timezone.localdate(now or timezone.now())
    limit = today - dt.timedelta(days=days)
    visits = Visit.objects.filter(visitor__isnull=False).values("slot__participation__edition")
    wishes = Wish.objects.filter(visitor__isnull=False).values("slot__participation__edition")
    hosts = Participation.objects.exclude(host_email="").values("edition")
    return Edition.objects.filter(ends_on__lt=limit).filter(
        Q(pk__in=visits) | Q(pk__in=wishes) | Q(pk__in=hosts)
    )


def _anonymise_visits(visits) -> int:
    """Replace the visitor by one random key per person (so "professionals" still counts them)
    and empty the comments of their evaluations."""
    keys: dict[int, uuid.UUID] = {}
    count = 0
    for pk, visitor_id in visits.filter(visitor__isnull=False).values_list("pk", "visitor_id"):
        key = keys.setdefault(visitor_id, uuid.uuid4())
        count += Visit.objects.filter(pk=pk).update(visitor=None, anonymous_key=key)
    return count


def anonymise_edition(edition: Edition) -> int:
    """Anonymise every visit, wish, evaluation comment and host contact of one edition;
    returns the number of rows changed."""
    with transaction.atomic():
        visits = Visit.objects.filter(slot__participation__edition=edition)
        count = _anonymise_visits(visits)
        count += Evaluation.objects.filter(visit__in=visits).exclude(comment="").update(comment="")
        count += Wish.objects.filter(
            slot__participation__edition=edition, visitor__isnull=False
        ).update(visitor=None)
        count += (
            Participation.objects.filter(edition=edition)
            .exclude(host_email="", host_name="", host_phone="")
            .update(host_name="", host_email="", host_phone="")
        )
    return count


def anonymise_due(now=None, *, days: int | None = None) -> int:
    return sum(anonymise_edition(edition) for edition in editions_due(now, days=days))


def erase_person(user, *, now=None) -> int:
    """Account erasure: cancel the person's upcoming visits (the waiting list moves), then
    anonymise all their visits and evaluations and drop their wishes' link to them."""
    now = now or timezone.now()
    with transaction.atomic():
        active = Visit.objects.filter(
            visitor=user,
            booking__status__in=[Booking.Status.CONFIRMED, Booking.Status.WAITING],
        ).select_related("booking", "slot__participation__edition")
        for visit in active:
            if visit.slot.starts_at() > now:
                with contextlib.suppress(OpenDoorsError):
                    # Past the cancellation deadline the seat is still freed: the person leaves.
                    _cancel_anyway(visit, user, now)
        visits = Visit.objects.filter(visitor=user)
        Evaluation.objects.filter(visit__in=visits).update(comment="")
        count = _anonymise_visits(visits)
        count += Wish.objects.filter(visitor=user).update(visitor=None)
        count += Participation.objects.filter(enrolled_by=user).update(enrolled_by=None)
    return count


def _cancel_anyway(visit: Visit, user, now) -> None:
    from . import visits as visit_services

    try:
        visit_services.cancel_visit(visit, user, now=now)
    except OpenDoorsError:
        # Too late for the one-click rule: an erased account frees its seat all the same.
        from booking import services as booking_services

        promoted = booking_services.cancel(visit.booking)
        if promoted is not None:
            promoted_visit = Visit.objects.get(booking=promoted)
            transaction.on_commit(lambda: visit_services.notices.visit_confirmed(promoted_visit))
