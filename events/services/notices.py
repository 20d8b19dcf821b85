"""E-mails to registrants, in their language, with the event's .ics when they hold a seat.

Account holders go through core.notifications.notify (their preferred language); people who
registered with the short form through notify_address. Never changes data.
"""

from core.links import link
from core.notifications import notify, notify_address

from ..ical import event_ics
from ..links import cancel_token


def tell(registration, template: str, extra: dict | None = None, *, with_ics=False) -> None:
    event = registration.event
    context = {
        "event": event,
        "registration": registration,
        "event_url": link(event),
        "cancel_url": link("events:cancel_by_token", cancel_token(registration)),
        "place": event.place_text(),
        # The online meeting link only to people who hold a seat (their mail carries the .ics).
        "online_url": event.online_url if with_ics else "",
        "options": [option.label for option in registration.wanted_options.all()],
        **(extra or {}),
    }
    attachments = None
    if with_ics:
        attachments = [
            (f"event-{event.pk}.ics", event_ics(event, with_online_link=True), "text/calendar")
        ]
    template = f"events/email/{template}"
    if registration.user_id and registration.user.email == registration.email:
        notify([registration.user], template, context, attachments)
    else:
        notify_address(registration.email, registration.language, template, context, attachments)
