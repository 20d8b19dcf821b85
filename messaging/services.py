"""Messages to participants, the use cases: which audiences a page offers, who may write, the
checks of the text, the preview (how many people, in which languages) and the sending.

Sending is the only writer of ``Message`` rows. It chooses the recipients, keeps the copy and
queues the fan-out job (``messaging.tasks``) in one transaction; the worker then renders each
person's e-mail in their language and queues it (``core.notifications.notify_address``), so the
page returns at once whatever the audience's size. The token given by the preview is unique: a
double submission finds the message already sent and sends nothing more.
"""

import unicodedata
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from core.notifications import notify_address, render_email

from . import audiences
from .errors import MessagingError
from .models import EVENT_AUDIENCES, Audience, Message
from .tasks import deliver_message_task

SUBJECT_MAX = 150
BODY_MAX = 5000
TEMPLATE = "messaging/email/message"
GROUP_PREFIX = "group:"


@dataclass(frozen=True)
class Choice:
    """One audience a page offers: ``value`` is what the form posts."""

    value: str
    audience: str
    label: str
    group: object = None


@dataclass
class Preview:
    choice: Choice
    subject: str
    body: str
    token: str
    count: int
    #: [(language code, count)], most frequent first.
    languages: list = field(default_factory=list)


def _is_event(target) -> bool:
    from events.models import Event

    return isinstance(target, Event)


def can_write(user, target) -> bool:
    """An event: its organizers and the coordinators (``events.services.can_manage``). A cycle
    or a group: the network's coordinators."""
    if not getattr(user, "is_authenticated", False):
        return False
    if _is_event(target):
        from events.services import can_manage

        return can_manage(user, target)
    return user.is_coordinator


def _require(user, target) -> None:
    if not can_write(user, target):
        raise MessagingError("not_allowed")


def choices(target) -> list[Choice]:
    """The audiences of an event, or of a cycle (its facilitators, then each running group once
    the groups are published)."""
    if _is_event(target):
        return [Choice(a.value, a.value, a.label) for a in EVENT_AUDIENCES]
    result = [
        Choice(
            Audience.CYCLE_FACILITATORS.value,
            Audience.CYCLE_FACILITATORS.value,
            Audience.CYCLE_FACILITATORS.label,
        )
    ]
    if target.is_published:
        for group in target.groups.filter(cancelled=False).order_by("language", "weekday", "pk"):
            label = _("Group %(name)s: members and facilitators") % {"name": group.name}
            result.append(Choice(f"{GROUP_PREFIX}{group.pk}", Audience.GROUP.value, label, group))
    return result


def resolve(target, value: str) -> Choice:
    for choice in choices(target):
        if choice.value == value:
            return choice
    raise MessagingError("unknown_audience")


def recipients(target, choice: Choice) -> list[audiences.Recipient]:
    if _is_event(target):
        return audiences.recipients(choice.audience, event=target)
    return audiences.recipients(choice.audience, cycle=target, group=choice.group)


def _clean(text: str) -> str:
    """Line breaks made "\\n", control characters (but tabs and line breaks) removed."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")


def check_text(subject: str, body: str) -> tuple[str, str]:
    """The subject and body as they will be sent, or the first problem as a MessagingError."""
    raw_subject = (subject or "").strip()
    if "\n" in raw_subject or "\r" in raw_subject:
        raise MessagingError("subject_line_break")
    subject = _clean(raw_subject).strip()
    body = _clean(body).strip()
    if not subject:
        raise MessagingError("subject_missing")
    if len(subject) > SUBJECT_MAX:
        raise MessagingError("subject_too_long", length=len(subject), limit=SUBJECT_MAX)
    if not body:
        raise MessagingError("body_missing")
    if len(body) > BODY_MAX:
        raise MessagingError("body_too_long", length=len(body), limit=BODY_MAX)
    return subject, body


def _languages(people) -> list[tuple[str, int]]:
    return Counter(p.language for p in people).most_common()


def preview(user, target, value: str, subject: str, body: str) -> Preview:
    """What would be sent, to how many people; with a fresh token for the sending."""
    _require(user, target)
    choice = resolve(target, value)
    subject, body = check_text(subject, body)
    people = recipients(target, choice)
    if not people:
        raise MessagingError("no_recipients")
    return Preview(choice, subject, body, uuid.uuid4().hex, len(people), _languages(people))


def _token(raw: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(raw))
    except (ValueError, TypeError, AttributeError):
        raise MessagingError("bad_token") from None


def _already_sent(user, token) -> Message | None:
    message = Message.objects.filter(token=token).first()
    if message is not None and message.sender_id != user.pk:
        raise MessagingError("bad_token")
    return message


def _context(user, target, choice: Choice, subject: str, body: str) -> dict:
    """What the e-mail template needs, but the recipient (``recipient_name``, ``link``). The
    event, cycle and group are the rows themselves, so that their titles are rendered in each
    recipient's language."""
    is_event = _is_event(target)
    return {
        "kind": "event" if is_event else "cycle",
        "event": target if is_event else None,
        "cycle": None if is_event else target,
        "group": choice.group,
        "subject": subject,
        "body": body,
        "sender_name": (user.get_full_name() or user.email) if user else "",
    }


def sample(user, target, preview: Preview) -> dict:
    """The e-mail as a recipient reading the sender's language receives it (for the preview)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if _is_event(target):
        url_name, pk = "events:detail", target.pk
    elif preview.choice.group is not None:
        url_name, pk = "intervisions:group", preview.choice.group.pk
    else:
        url_name, pk = "intervisions:cycle", target.pk
    context = _context(user, target, preview.choice, preview.subject, preview.body)
    context.update(
        recipient_name=_("Firstname Lastname"), link=audiences.link(language, url_name, pk)
    )
    subject, body, _html = render_email(TEMPLATE, context, language)
    return {"subject": subject, "body": body}


def send_message(
    user, target, value: str, subject: str, body: str, token: str
) -> tuple[Message, bool]:
    """Keep the copy and queue the e-mails; returns (message, created). A token already used by
    this sender returns its message with ``created=False`` and sends nothing."""
    _require(user, target)
    token = _token(token)
    existing = _already_sent(user, token)
    if existing is not None:
        return existing, False
    choice = resolve(target, value)
    subject, body = check_text(subject, body)
    people = recipients(target, choice)
    if not people:
        raise MessagingError("no_recipients")
    is_event = _is_event(target)
    try:
        with transaction.atomic():
            message = Message.objects.create(
                token=token,
                audience=choice.audience,
                event=target if is_event else None,
                cycle=None if is_event else target,
                group=choice.group,
                sender=user,
                subject=subject,
                body=body,
                recipient_count=len(people),
                languages=dict(_languages(people)),
            )
            deliver_message_task.enqueue(
                message.pk, [[p.email, p.language, p.name, p.link] for p in people]
            )
    except IntegrityError:  # the same token, sent at the same moment by a second request
        existing = _already_sent(user, token)
        if existing is None:
            raise
        return existing, False
    return message, True


def deliver(message_id: int, recipients: list) -> int:
    """Queue each recipient's e-mail, rendered in their language (run by the worker: see
    ``messaging.tasks``). ``recipients`` is ``[[email, language, name, link], ...]``."""
    message = (
        Message.objects.select_related("event", "cycle", "group", "sender")
        .filter(pk=message_id)
        .first()
    )
    if message is None:  # deleted before the worker ran (retention, a deleted event)
        return 0
    target = message.target
    choice = Choice(message.audience, message.audience, "", message.group)
    context = _context(message.sender, target, choice, message.subject, message.body)
    for email, language, name, link in recipients:
        notify_address(email, language, TEMPLATE, {**context, "recipient_name": name, "link": link})
    return len(recipients)


def history(user, target):
    """The messages sent about an event, a cycle or a group, newest first (coordinators and,
    for an event, its organizers only)."""
    _require(user, target)
    return Message.objects.about(target).select_related("sender", "group")
