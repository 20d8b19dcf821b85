"""Attendance sheets of sessions and who is at risk of dropping out."""

from django.conf import settings
from django.db import transaction

from ..errors import IntervisionError
from ..models import Attendance
from .calendar import can_manage, members


def at_risk_threshold() -> int:
    return int(getattr(settings, "INTERVISIONS_AT_RISK_MISSED", 2))


@transaction.atomic
def record_attendance(session, statuses: dict[int, str], by) -> int:
    """Save the sheet of a session: {registration id: present/excused/absent}."""
    group = session.group
    if not can_manage(by, group):
        raise IntervisionError("not_allowed")
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
