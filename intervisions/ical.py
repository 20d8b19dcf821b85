"""iCalendar (RFC 5545) text of a participant's sessions, for the personal feed and the .ics
attachment. Confidential host addresses are never written into the calendar."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Event

from core.ical import new_calendar


def _zone():
    return ZoneInfo(settings.TIME_ZONE)


def group_calendar(group, *, uid_prefix: str = "group") -> str:
    from .services.calendar import host_address

    cal = new_calendar(f"{group.cycle} · {group.name}", product="Intervisions")
    zone = _zone()
    for session in group.sessions.select_related("host", "group").order_by("date"):
        venue = host_address(session)
        event = Event()
        event.add("uid", f"intervision-{uid_prefix}-{session.pk}@maillage")
        event.add("summary", f"{_('Intervision')} · {group.name} ({session.number})")
        event.add("dtstart", session.starts_at().replace(tzinfo=zone))
        event.add("dtend", session.ends_at().replace(tzinfo=zone))
        event.add("dtstamp", datetime.datetime.now(datetime.UTC))
        where = ", ".join(v for v in (venue.get("name"), venue.get("address")) if v)
        if where:
            event.add("location", where)
        if venue.get("confidential"):
            event.add("description", _("Confidential address: the host gives it to the group."))
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")


def registration_calendar(registration) -> str:
    if registration.group_id is None:
        return new_calendar("", product="Intervisions").to_ical().decode("utf-8")
    return group_calendar(registration.group, uid_prefix=f"r{registration.pk}")
