"""Composing the groups of a cycle with the pure composition engine, pins and moves by hand,
waiting lists, and the publication that gives everyone a seat and tells them by e-mail.

Before publication the proposal lives in ``Registration.group``; from publication on, every
placed person holds a seat of the capacity service (``intervisions.seats``).
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .. import composition as engine
from .. import seats
from ..errors import IntervisionError
from ..models import Cycle, Group, Registration
from . import notifications
from .cycles import _require_coordinator

MANUAL = "manual"


def time_limit() -> float:
    return float(getattr(settings, "INTERVISIONS_COMPOSE_TIME_LIMIT", 10.0))


def build_instance(cycle: Cycle) -> tuple[list[engine.Registrant], list[engine.Group]]:
    """The engine's plain input from the cycle's open groups and active registrations."""
    groups = list(cycle.groups.filter(cancelled=False))
    known = {g.pk for g in groups}
    plain_groups = [
        engine.Group(
            id=str(g.pk),
            language=g.language.upper(),
            min_size=cycle.group_min_size,
            max_size=cycle.group_max_size,
            max_per_institution=cycle.max_per_institution,
            slot=g.slot,
        )
        for g in groups
    ]
    language = {g.pk: g.language for g in groups}
    registrants = []
    for r in cycle.registrations.active().order_by("created_at", "pk"):
        pinned = (
            str(r.group_id)
            if r.pinned and r.group_id in known and language[r.group_id] == r.language
            else None
        )
        registrants.append(
            engine.Registrant(
                id=str(r.pk),
                institution=str(r.organization_id),
                sector=r.sector,
                language=r.language.upper(),
                choices=[str(g) for g in r.preferences if g in known],
                institution_type=r.institution_type,
                pinned_group=pinned,
            )
        )
    return registrants, plain_groups


def compose_cycle(cycle: Cycle, by, *, limit: float | None = None, seed: int = 0):
    """Run the engine and store its proposal (group, rank, reason) on each registration."""
    _require_coordinator(by)
    if cycle.is_published:
        raise IntervisionError("already_published")
    registrants, groups = build_instance(cycle)
    if not groups:
        raise IntervisionError("no_groups")
    try:
        result = engine.compose(
            registrants, groups, time_limit=limit or time_limit(), workers=2, seed=seed
        )
    except engine.CompositionError as error:
        raise IntervisionError("composition_failed", detail=str(error)) from error
    with transaction.atomic():
        by_pk = cycle.registrations.active().in_bulk()
        for rid, assignment in result.assignments.items():
            registration = by_pk.get(int(rid))
            if registration is None:  # withdrawn or refused while the engine ran
                continue
            registration.group_id = int(assignment.group) if assignment.group else None
            registration.choice_rank = assignment.choice_rank
            registration.reason_code = assignment.reason_code
            registration.reason_details = [list(d) for d in assignment.details]
        Registration.objects.bulk_update(
            by_pk.values(), ["group", "choice_rank", "reason_code", "reason_details"]
        )
        cycle.composition = {
            "at": timezone.now().isoformat(),
            "status": result.status,
            "placed": result.placed,
            "unplaced": len(result.unplaced),
            "cancelled_groups": [int(g) for g in result.cancelled_groups],
            "gap": None if result.gap != result.gap else round(result.gap, 4),
            "solve_time": round(result.solve_time, 2),
        }
        cycle.save(update_fields=["composition"])
    return result


def move(registration: Registration, group: Group | None, by, *, pin: bool = True):
    """A coordinator places a person by hand (pinned for the next composition run) or, with
    ``group=None``, takes them out of their group. After publication the seat moves too."""
    _require_coordinator(by)
    if registration.status not in (Registration.Status.PENDING, Registration.Status.ACCEPTED):
        raise IntervisionError("not_active")
    if group is not None:
        if group.cycle_id != registration.cycle_id:
            raise IntervisionError("unknown_group")
        if group.language != registration.language:
            raise IntervisionError("other_language", group=group.name)
        if group.cancelled:
            raise IntervisionError("group_cancelled", group=group.name)
    cycle = registration.cycle
    promoted = None
    if (
        not cycle.is_published
        and group is not None
        and group.pk != registration.group_id
        and group.registrations.active().count() >= cycle.group_max_size
    ):
        raise IntervisionError("group_full", group=group.name)
    with transaction.atomic():
        old = registration.group
        if cycle.is_published:
            from .calendar import forget_member, welcome_member

            if group is not None and group == old:
                return registration
            _cancelled, promoted = seats.release(registration)
            if group is not None:
                try:
                    seats.take(registration, group, waitlist=False)
                except seats.BookingError as error:
                    raise IntervisionError("group_full", group=group.name) from error
            if old is not None:
                forget_member(old, registration)
        registration.group = group
        registration.pinned = bool(pin and group is not None)
        registration.choice_rank = (
            registration.preferences.index(group.pk) + 1
            if group is not None and group.pk in registration.preferences
            else None
        )
        registration.reason_code = MANUAL if group is not None else ""
        registration.reason_details = []
        if cycle.is_published and group is not None:
            registration.transition(Registration.Status.ACCEPTED)
        registration.save()
        if cycle.is_published and group is not None:
            welcome_member(group, registration)
        if promoted is not None:
            from .registrations import _seat_given

            promoted = _seat_given(promoted)
    if cycle.is_published and group is not None:
        notifications.send_group(registration)
    if promoted is not None:
        notifications.send_group(promoted, "promoted")
    return registration


def unpin(registration: Registration, by) -> Registration:
    _require_coordinator(by)
    registration.pinned = False
    registration.save(update_fields=["pinned"])
    return registration


def put_on_waiting_list(registration: Registration, group: Group, by):
    """After publication: an unplaced person waits for a seat in a full group."""
    _require_coordinator(by)
    if not registration.cycle.is_published:
        raise IntervisionError("not_published")
    if registration.group_id is not None or registration.status not in (
        Registration.Status.PENDING,
        Registration.Status.ACCEPTED,
    ):
        raise IntervisionError("not_active")
    if group.language != registration.language:
        raise IntervisionError("other_language", group=group.name)
    with transaction.atomic():
        if seats.seat(registration) is not None:
            seats.release(registration)
        if seats.confirmed_count(group) < registration.cycle.group_max_size:
            raise IntervisionError("group_has_room", group=group.name)
        booking = seats.take(registration, group, waitlist=True)
        registration.transition(Registration.Status.ACCEPTED)
        registration.save(update_fields=["status"])
    notifications.send(registration, "waiting", {"group": group})
    return booking


def waiting_group(registration: Registration) -> Group | None:
    found = seats.seat(registration)
    if found is None or found.is_confirmed:
        return None
    return Group.objects.filter(pk=seats.group_of(found)).first()


def _full_group(placed) -> str:
    """The name of a group with more people placed than seats (for the refusal message)."""
    from collections import Counter

    counts = Counter(r.group_id for r in placed)
    for r in placed:
        if counts[r.group_id] > r.cycle.group_max_size - seats.confirmed_count(r.group):
            return r.group.name
    return placed[0].group.name


def publish(cycle: Cycle, by) -> dict:
    """Give every placed person their seat, cancel empty groups, plan the calendars, put the
    unplaced on the waiting list of their first full choice, and tell everyone by e-mail."""
    from .calendar import plan_group

    _require_coordinator(by)
    if cycle.is_published:
        raise IntervisionError("already_published")
    active = list(cycle.registrations.active().select_related("group", "user"))
    if not any(r.group_id for r in active):
        raise IntervisionError("nothing_to_publish")
    placed = [r for r in active if r.group_id]
    unplaced = [r for r in active if not r.group_id]
    waiting = []
    with transaction.atomic():
        used = {r.group_id for r in placed}
        cycle.groups.exclude(pk__in=used).update(cancelled=True)
        # Every group's seat lock at once, in key order (booking.locking), then the seats.
        try:
            seats.take_all([(r, r.group) for r in placed])
        except seats.BookingError as error:
            raise IntervisionError("group_full", group=_full_group(placed)) from error
        for r in placed:
            r.transition(Registration.Status.ACCEPTED)
            r.save(update_fields=["status"])
        for group in cycle.groups.filter(cancelled=False):
            if not group.sessions.exists():
                plan_group(group, by)
        open_groups = {g.pk: g for g in cycle.groups.filter(cancelled=False)}
        for r in unplaced:
            for pk in r.preferences:
                group = open_groups.get(pk)
                if group and seats.confirmed_count(group) >= cycle.group_max_size:
                    seats.take(r, group, waitlist=True)
                    waiting.append((r, group))
                    break
        cycle.status = Cycle.Status.PUBLISHED
        cycle.published_at = timezone.now()
        cycle.save(update_fields=["status", "published_at"])
    for r in placed:
        notifications.send_group(r)
    waiting_ids = {r.pk for r, _g in waiting}
    for r, group in waiting:
        notifications.send(r, "waiting", {"group": group})
    for r in unplaced:
        if r.pk not in waiting_ids:
            notifications.send(r, "unplaced")
    return {
        "placed": len(placed),
        "waiting": len(waiting),
        "unplaced": len(unplaced) - len(waiting),
    }
