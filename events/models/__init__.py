"""Events and consultations: types and themes (configurable), series (a thematic consultation),
events (sessions) with options, registrations, sub-groups ("tables de conversation"), and the
follow-up of what participants asked for (reports, expectations, actions).

Seats are never counted here: every registration holds a ``booking.Booking`` and the capacity
service decides. Statuses change through ``events.services`` only.
"""

from .event import (
    Audience,
    Event,
    EventLanguage,
    EventOption,
    EventQuerySet,
    EventType,
    Series,
    Theme,
)
from .followup import Action, Expectation, Report, ReportAttachment
from .registration import Registration, RegistrationQuerySet, SubGroup

__all__ = [
    "Action",
    "Audience",
    "Event",
    "EventLanguage",
    "EventOption",
    "EventQuerySet",
    "EventType",
    "Expectation",
    "Registration",
    "RegistrationQuerySet",
    "Report",
    "ReportAttachment",
    "Series",
    "SubGroup",
    "Theme",
]
