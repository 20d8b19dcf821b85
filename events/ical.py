"""iCalendar (RFC 5545) for events: one event (the e-mail attachment) or a feed.

Only public facts go into a calendar: title, times, place, link to the event page. The online
meeting link is added only for a confirmed participant's own copy. Never writes the database.
"""

from django.utils import timezone
from icalendar import Event as VEvent

from core.ical import new_calendar

from .links import absolute_url


def _calendar(name: str):
    return new_calendar(name, product="Agenda")


def _vevent(event, *, with_online_link=False) -> VEvent:
    item = VEvent()
    item.add("uid", f"event-{event.pk}@maillage")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("summary", event.title)
    url = absolute_url(event.get_absolute_url())
    description = (event.description or "").strip()
    if with_online_link and event.online_url:
        description = f"{description}\n\n{event.online_url}".strip()
    item.add("description", f"{description}\n\n{url}".strip())
    item.add("url", url)
    place = event.place_text() or (event.online_url if with_online_link else "")
    if place:
        item.add("location", place)
    item.add("status", "CANCELLED" if event.status == event.Status.CANCELLED else "CONFIRMED")
    item.add(
        "organizer", "mailto:noreply@maillage.localhost", parameters={"cn": str(event.organizer)}
    )
    return item


def event_ics(event, *, with_online_link=False) -> str:
    calendar = _calendar(event.title)
    calendar.add_component(_vevent(event, with_online_link=with_online_link))
    return calendar.to_ical().decode()


def feed_ics(events, name: str) -> bytes:
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_vevent(event))
    return calendar.to_ical()
