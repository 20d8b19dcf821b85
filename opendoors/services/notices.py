"""E-mails of the open doors week (through core.notifications) and the visit's .ics.

Only renders and queues; never writes the database.
"""

from django.utils import timezone
from icalendar import Event as VEvent

from core.ical import new_calendar
from core.links import link
from core.notifications import notify, notify_address


def programme_url():
    """Built when the e-mail is rendered, in the recipient's language (core.links.link)."""
    return link("opendoors:programme")


def my_visits_url():
    return link("opendoors:my_visits")


def place_text(slot) -> str:
    address = slot.address()
    parts = [slot.location.name or str(slot.location.organization)]
    if address is not None:
        parts.append(str(address))
    return ", ".join(p for p in parts if p)


def visit_ics(visit) -> str:
    slot = visit.slot
    participation = slot.participation
    calendar = new_calendar(str(participation.edition), product="Open doors")
    item = VEvent()
    item.add("uid", f"opendoors-visit-{visit.pk}@maillage")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", slot.starts_at())
    item.add("dtend", slot.ends_at())
    item.add("summary", f"{participation.edition}: {participation.service}")
    host = f"{participation.host_name} <{participation.host_email}> {participation.host_phone}"
    item.add("description", f"{slot.description}\n\n{host.strip()}\n{my_visits_url()}")
    item.add("location", place_text(slot))
    item.add(
        "organizer",
        f"mailto:{participation.host_email}",
        parameters={"cn": participation.host_name},
    )
    calendar.add_component(item)
    return calendar.to_ical().decode()


def _visit_context(visit) -> dict:
    return {
        "visit": visit,
        "slot": visit.slot,
        "participation": visit.slot.participation,
        "place": place_text(visit.slot),
        "my_visits_url": my_visits_url(),
        #: The confirmation page ("do you really want to cancel?"), in the recipient's language.
        "cancel_url": link("opendoors:cancel", visit.pk),
    }


def visit_confirmed(visit) -> None:
    notify(
        [visit.visitor],
        "opendoors/email/visit_confirmed",
        _visit_context(visit),
        [("visit.ics", visit_ics(visit), "text/calendar")],
    )


def visit_waiting(visit) -> None:
    notify([visit.visitor], "opendoors/email/visit_waiting", _visit_context(visit))


def visit_reminder(visit) -> None:
    notify(
        [visit.visitor],
        "opendoors/email/visit_reminder",
        _visit_context(visit),
        [("visit.ics", visit_ics(visit), "text/calendar")],
    )


def evaluation_asked(visit) -> None:
    url = link("opendoors:evaluate", visit.pk)
    notify(
        [visit.visitor],
        "opendoors/email/evaluation_asked",
        {**_visit_context(visit), "evaluation_url": url},
    )


def host_message(visits, participation, subject: str, body: str, sender) -> int:
    context = {"participation": participation, "subject": subject, "body": body, "sender": sender}
    return notify([v.visitor for v in visits], "opendoors/email/host_message", context)


def participation_reviewed(participation) -> None:
    context = {"participation": participation, "programme_url": programme_url()}
    notify_address(
        participation.host_email, "fr", "opendoors/email/participation_reviewed", context
    )
    if participation.enrolled_by and participation.enrolled_by.email != participation.host_email:
        notify([participation.enrolled_by], "opendoors/email/participation_reviewed", context)


def allocation_published(users_granted: dict, edition) -> None:
    """``users_granted``: user -> list of granted visits (possibly empty)."""
    for user, visits in users_granted.items():
        notify(
            [user],
            "opendoors/email/allocation_published",
            {
                "edition": edition,
                "visits": visits,
                "my_visits_url": my_visits_url(),
                "programme_url": programme_url(),
            },
            [(f"visit-{v.pk}.ics", visit_ics(v), "text/calendar") for v in visits] or None,
        )
