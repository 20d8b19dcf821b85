"""Attendance sheets of sessions, who is at risk of dropping out, and what an attendance
certificate states.

Attendance is recorded only for sessions that have started; a certificate counts only sessions
already held (never a future one) and is refused before the first session.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone

from ..errors import IntervisionError
from ..models import Attendance
from .calendar import can_manage, members
from .issuer import current_issuer


def at_risk_threshold() -> int:
    return int(getattr(settings, "INTERVISIONS_AT_RISK_MISSED", 2))


def has_started(session, now=None) -> bool:
    """True once the session's start time (local time) has passed."""
    now = now or timezone.now()
    return timezone.make_aware(session.starts_at()) <= now


@transaction.atomic
def record_attendance(session, statuses: dict[int, str], by, *, now=None) -> int:
    """Save the sheet of a session: {registration id: present/excused/absent}."""
    group = session.group
    if not can_manage(by, group):
        raise IntervisionError("not_allowed")
    if not has_started(session, now):
        raise IntervisionError(
            "session_not_started",
            start=formats.date_format(session.starts_at(), "DATETIME_FORMAT"),
        )
    allowed = {r.pk for r in members(group)}
    valid = set(Attendance.Status.values)
    saved = 0
    for pk, status in statuses.items():
        if pk not in allowed:
            raise IntervisionError("not_in_group")
        if status not in valid:
            raise IntervisionError("invalid_status")
        Attendance.objects.update_or_create(
            session=session, registration_id=pk, defaults={"status": status}
        )
        saved += 1
    return saved


def attendance_summary(group) -> list[dict]:
    """For each member: sessions recorded, present, excused, absent, at risk."""
    people = members(group)
    rows = {r.pk: {"registration": r, "present": 0, "excused": 0, "absent": 0} for r in people}
    for a in Attendance.objects.filter(session__group=group, registration_id__in=rows):
        rows[a.registration_id][a.status] += 1
    threshold = at_risk_threshold()
    for row in rows.values():
        row["missed"] = row["excused"] + row["absent"]
        row["at_risk"] = row["absent"] >= threshold or row["missed"] > threshold
    return list(rows.values())


def at_risk(group) -> list[dict]:
    return [row for row in attendance_summary(group) if row["at_risk"]]


@dataclass
class CertificateFacts:
    """What an attendance certificate states (plain data for ``intervisions.pdf``)."""

    registration: object
    organizer: str
    first_date: datetime.date
    last_date: datetime.date
    total: int
    held: int
    attended_dates: list[datetime.date] = field(default_factory=list)
    facilitators: list[str] = field(default_factory=list)

    @property
    def attended(self) -> int:
        return len(self.attended_dates)


def certificate_facts(registration, *, now=None) -> CertificateFacts:
    """The facts of the registration's certificate, counting only sessions already held.

    Refused (``IntervisionError``) for a person without a group, before the group's first
    session, and when the person attended none of the sessions held."""
    group = registration.group
    if group is None:
        raise IntervisionError("not_placed")
    if registration.anonymised_at:
        raise IntervisionError("anonymised")
    sessions = list(group.sessions.select_related("group").order_by("date"))
    held = [s for s in sessions if has_started(s, now)]
    if not held:
        raise IntervisionError("no_session_held")
    present = set(
        registration.attendances.filter(
            status=Attendance.Status.PRESENT, session__in=held
        ).values_list("session_id", flat=True)
    )
    dates = [s.date for s in held if s.pk in present]
    if not dates:
        raise IntervisionError("nothing_attended")
    issuer = current_issuer()
    return CertificateFacts(
        registration=registration,
        organizer=issuer.name if issuer else getattr(settings, "INTERVISIONS_ISSUER", "Maillage"),
        first_date=sessions[0].date,
        last_date=sessions[-1].date,
        total=len(sessions),
        held=len(held),
        attended_dates=dates,
        facilitators=[u.get_full_name() or u.email for u in group.facilitators()],
    )
