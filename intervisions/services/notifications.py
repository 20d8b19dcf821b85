"""E-mails of the intervisions app: one helper per message, each in the person's language.

Registrations may have no account, so mail goes through ``core.notifications.notify_address``
in the user's preferred language, or the registration's language.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core.links import absolute_url
from core.notifications import notify_address

from .. import ical


def language_of(registration) -> str:
    if registration.user_id and registration.user.preferred_language:
        return registration.user.preferred_language
    return registration.language or settings.LANGUAGE_CODE


def page_url(registration) -> str:
    from .registrations import page_token

    with translation.override(language_of(registration)):
        path = reverse("intervisions:my_registration", args=[page_token(registration)])
    return absolute_url(path)


def feed_url(registration) -> str:
    from .registrations import feed_token

    with translation.override(language_of(registration)):
        path = reverse("intervisions:feed", args=[feed_token(registration)])
    return absolute_url(path)


def send(registration, template: str, context: dict | None = None, attachments=None) -> None:
    if registration.anonymised_at:
        return
    ctx = {
        "registration": registration,
        "cycle": registration.cycle,
        "page_url": page_url(registration),
        **(context or {}),
    }
    notify_address(
        registration.email,
        language_of(registration),
        f"intervisions/email/{template}",
        ctx,
        attachments,
    )


def send_group(registration, template: str = "group") -> None:
    """The "your group" e-mail: group, calendar, hosts, facilitators, and an .ics file."""
    group = registration.group
    sessions = list(group.sessions.select_related("host").order_by("date"))
    from .calendar import host_address

    rows = [(s, host_address(s)) for s in sessions]
    with translation.override(language_of(registration)):
        text = ical.registration_calendar(registration)
    send(
        registration,
        template,
        {"group": group, "sessions": rows, "feed_url": feed_url(registration)},
        attachments=[("intervisions.ics", text, "text/calendar")],
    )
