"""Who receives a message: the people of each audience, each with their language and the link
that suits them, in that language.

- an event's registrants: confirmed seats only (cancelled and waiting people are not in it);
- an event's waiting list: people waiting for a seat, nobody else;
- an intervision group: its active members (to review or accepted; withdrawn, refused and
  anonymised registrations are left out) and its facilitators;
- a cycle's facilitators: the facilitators of its groups that are not cancelled.

Each person appears once (by e-mail address, case ignored). Only reads; never writes nor sends.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core.links import absolute_url

from .models import Audience

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@dataclass(frozen=True)
class Recipient:
    email: str
    #: One of settings.LANGUAGES: the language of the wrapper text and of the link.
    language: str
    #: For the greeting.
    name: str
    #: The page of the event or cycle for this person, in their language.
    link: str


def _language(code: str | None) -> str:
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


def link(language: str, url_name: str, *args) -> str:
    with translation.override(language):
        return absolute_url(reverse(url_name, args=args))


def _unique(recipients) -> list[Recipient]:
    seen, result = set(), []
    for r in recipients:
        key = r.email.strip().lower()
        if key and key not in seen:
            seen.add(key)
            result.append(r)
    return result


def _event_people(event, registrations) -> list[Recipient]:
    from events.services.retention import ANONYMOUS_NAME

    people = []
    for r in registrations.exclude(name=ANONYMOUS_NAME).select_related("user"):
        if r.user_id and r.user.email == r.email:
            language = r.user.preferred_language or r.language
        else:
            language = r.language
        language = _language(language)
        people.append(
            Recipient(r.email, language, r.name, link(language, "events:detail", event.pk))
        )
    return _unique(people)


def event_registrants(event) -> list[Recipient]:
    return _event_people(event, event.registrations.confirmed().filter(cancelled_at__isnull=True))


def event_waiting(event) -> list[Recipient]:
    return _event_people(event, event.registrations.waiting().filter(cancelled_at__isnull=True))


def _facilitator(user, group=None, cycle=None) -> Recipient:
    language = _language(user.preferred_language)
    if group is not None:
        url = link(language, "intervisions:group", group.pk)
    else:
        url = link(language, "intervisions:cycle", cycle.pk)
    return Recipient(user.email, language, user.get_full_name() or user.email, url)


def group_members(group) -> list[Recipient]:
    from intervisions.services.notifications import language_of, page_url

    people = []
    registrations = group.registrations.active().personal().select_related("user", "cycle")
    for r in registrations.order_by("last_name", "first_name", "pk"):
        people.append(Recipient(r.email, _language(language_of(r)), r.full_name, page_url(r)))
    people += [_facilitator(u, group=group) for u in group.facilitators() if u.is_active]
    return _unique(people)


def cycle_facilitators(cycle) -> list[Recipient]:
    people = []
    groups = cycle.groups.filter(cancelled=False).select_related(
        "facilitator_social", "facilitator_mental_health"
    )
    for group in groups.order_by("pk"):
        people += [_facilitator(u, cycle=cycle) for u in group.facilitators() if u.is_active]
    return _unique(people)


def recipients(audience: str, event=None, cycle=None, group=None) -> list[Recipient]:
    """The people of ``audience`` (a ``models.Audience`` value) of this event, cycle or group."""
    if audience == Audience.EVENT_REGISTRANTS:
        return event_registrants(event)
    if audience == Audience.EVENT_WAITING:
        return event_waiting(event)
    if audience == Audience.GROUP:
        return group_members(group)
    if audience == Audience.CYCLE_FACILITATORS:
        return cycle_facilitators(cycle)
    raise ValueError(f"unknown audience {audience!r}")
