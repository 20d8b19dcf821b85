"""The one way Maillage starts an iCalendar (RFC 5545) document, for feeds and attachments."""

from icalendar import Calendar


def new_calendar(name: str, *, product: str) -> Calendar:
    """An empty calendar named ``name``; ``product`` names the app ("Agenda", "Intervisions")."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Maillage//{product}//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    return calendar
