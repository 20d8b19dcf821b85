"""Session calendars, host rotation and presenters' rota of a group (through the pure
``intervisions.scheduling`` package), swaps, and keeping them right when members come and go.

Addresses: a host's confidential location (a shelter) is never shown; the group is told that
the host gives the address directly.
"""

from dataclasses import dataclass, field

from django.db import transaction

from .. import scheduling
from ..errors import IntervisionError
from ..models import Presentation, Registration, Session


def members(group) -> list[Registration]:
    return list(
        group.registrations.active().select_related("organization").order_by("created_at", "pk")
    )


def _candidates(group) -> list[scheduling.Candidate]:
    by_org: dict = {}
    for r in members(group):
        by_org.setdefault(r.organization_id, (r.organization, []))[1].append(r.pk)
    return [
        scheduling.Candidate(
            institution_id=org.pk, registrant_ids=tuple(ids), sector=org.sector or None
        )
        for org, ids in by_org.values()
    ]


def can_manage(user, group) -> bool:
    return bool(
        user and user.is_authenticated and (user.is_coordinator or group.is_facilitator(user))
    )


@dataclass
class CalendarPlan:
    """A regenerated calendar and what became of the places set on the former sessions:
    ``places_kept`` carried whole to the session of the same date, ``places_dropped`` lost
    (the date left the calendar, or the chosen location belongs to a host that no longer
    hosts that date: then its other address and access note are still kept)."""

    sessions: list = field(default_factory=list)
    places_kept: int = 0
    places_dropped: int = 0


def _has_place(session) -> bool:
    return bool(session.location_id or session.other_address or session.access_note)


def _carried_place(old, host_id, plan: CalendarPlan) -> dict:
    """The place fields a new session takes from the former session of its date (``old``,
    or None), counted in ``plan``."""
    if old is None:
        return {}
    same_host = bool(old.location_id) and old.location.organization_id == host_id
    if old.location_id and not same_host:
        plan.places_dropped += 1
    else:
        plan.places_kept += 1
    return {
        "other_address": old.other_address,
        "access_note": old.access_note,
        "location_id": old.location_id if same_host else None,
    }


def plan_group(group, by, *, seed: int = 0) -> list[Session]:
    """(Re)generate the sessions of a group, their hosts and the presenters' rota."""
    return regenerate_calendar(group, by, seed=seed).sessions


def regenerate_calendar(group, by, *, seed: int = 0) -> CalendarPlan:
    """(Re)generate the sessions of a group, their hosts and the presenters' rota, keeping the
    place set on a session whose date stays in the calendar (``CalendarPlan``)."""
    if not can_manage(by, group):
        raise IntervisionError("not_allowed")
    cycle = group.cycle
    if group.sessions.filter(attendances__isnull=False).exists():
        raise IntervisionError("attendance_started")
    try:
        dates = scheduling.generate_sessions(
            cycle.start_date,
            cycle.end_date,
            group.weekday,
            cycle.session_count,
            week_of_month=group.week_of_month,
            communities=("fr", "nl"),
        )
        hosts = scheduling.host_rotation(dates, _candidates(group), seed=seed)
        people = [r.pk for r in members(group)]
        rota = scheduling.presenter_rota(dates, people) if people else {}
    except scheduling.SchedulingError as error:
        raise IntervisionError("scheduling", detail=error.message) from error
    plan = CalendarPlan()
    with transaction.atomic():
        former = {s.date: s for s in group.sessions.select_related("location") if _has_place(s)}
        group.sessions.all().delete()
        sessions = [
            Session.objects.create(
                group=group,
                number=n,
                date=day,
                host_id=hosts.get(day),
                **_carried_place(former.pop(day, None), hosts.get(day), plan),
            )
            for n, day in enumerate(dates, start=1)
        ]
        plan.places_dropped += len(former)  # dates no longer in the calendar
        by_date = {s.date: s for s in sessions}
        Presentation.objects.bulk_create(
            Presentation(session=by_date[day], registration_id=pk)
            for day, pks in rota.items()
            for pk in pks
        )
    plan.sessions = sessions
    return plan


def rehost(group, by, *, seed: int = 0) -> None:
    """Recompute the hosts of the sessions to come (members changed); past ones are kept."""
    if not can_manage(by, group):
        raise IntervisionError("not_allowed")
    sessions = list(group.sessions.order_by("date"))
    if not sessions:
        raise IntervisionError("no_sessions")
    from django.utils import timezone

    today = timezone.localdate()
    pinned = {s.date: s.host_id for s in sessions if s.date < today}
    try:
        hosts = scheduling.host_rotation(
            [s.date for s in sessions], _candidates(group), seed=seed, pinned=pinned
        )
    except scheduling.SchedulingError as error:
        raise IntervisionError("scheduling", detail=error.message) from error
    with transaction.atomic():
        group.sessions.filter(date__gte=today).update(host=None)
        for s in sessions:
            if s.date >= today and hosts.get(s.date):
                Session.objects.filter(pk=s.pk).update(host_id=hosts[s.date])


def host_address(session) -> dict:
    """What the group sees about the venue (``places.session_place``: host, other address or
    neutral venue; never a confidential address)."""
    from .places import session_place

    return session_place(session)


def forget_member(group, registration) -> None:
    """A member left: no more presentation; their institution stops hosting future sessions
    when nobody else of it stays in the group."""
    from django.utils import timezone

    Presentation.objects.filter(registration=registration).delete()
    still = group.registrations.active().filter(organization_id=registration.organization_id)
    if not still.exclude(pk=registration.pk).exists():
        group.sessions.filter(
            host_id=registration.organization_id, date__gte=timezone.localdate()
        ).update(host=None)


def welcome_member(group, registration) -> None:
    """A member joined a planned group: they present at the future session with fewest
    presenters (latest first), so that everyone still presents once."""
    from django.db.models import Count
    from django.utils import timezone

    if Presentation.objects.filter(registration=registration).exists():
        Presentation.objects.filter(registration=registration).delete()
    future = (
        group.sessions.filter(date__gte=timezone.localdate())
        .annotate(n=Count("presentations"))
        .order_by("n", "-date")
        .first()
    )
    if future is not None:
        Presentation.objects.create(session=future, registration=registration)


def swap_presenters(group, a: Registration, b: Registration, by) -> None:
    """Two members exchange their presentation sessions (a member, a facilitator or a
    coordinator may do it)."""
    allowed = can_manage(by, group) or (
        by is not None and by.is_authenticated and by.pk in {a.user_id, b.user_id}
    )
    if not allowed:
        raise IntervisionError("not_allowed")
    rota: dict = {}
    for p in Presentation.objects.filter(session__group=group).select_related("session"):
        rota.setdefault(p.session.date, []).append(p.registration_id)
    for s in group.sessions.all():
        rota.setdefault(s.date, [])
    try:
        swapped = scheduling.swap_presenters(rota, a.pk, b.pk)
    except scheduling.SchedulingError as error:
        raise IntervisionError("not_in_group") from error
    sessions = {s.date: s for s in group.sessions.all()}
    with transaction.atomic():
        for day, pks in swapped.items():
            for pk in pks:
                if pk in (a.pk, b.pk):
                    Presentation.objects.filter(registration_id=pk).update(session=sessions[day])
