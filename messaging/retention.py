"""What the messaging app keeps about people: the copies of messages sent to participants
(their text may name people, and the sender is a person), deleted a year after sending by the
platform's retention job. The recipients are never stored. Read by ``privacy.registry``; never
called directly by views.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.policy import After, FieldRule, RecordPolicy, Upcoming, lazy_text
from privacy.registry import register_erasure, register_export, register_policy

from .models import Message


def retention_days() -> int:
    return int(getattr(settings, "MESSAGING_RETENTION_DAYS", 365))


def _due(now):
    return Message.objects.sent_before(now - datetime.timedelta(days=retention_days()))


def _apply(now, dry_run: bool) -> int:
    due = _due(now)
    if dry_run:
        return due.count()
    count, _details = due.delete()
    return count


def _schedule(now) -> list[Upcoming]:
    days = datetime.timedelta(days=retention_days())
    label = str(_("message to participants"))
    counts: dict = {}
    for sent_at in Message.objects.values_list("sent_at", flat=True):
        due = sent_at + days
        key = timezone.localdate(due) if due > now else None
        counts[key] = counts.get(key, 0) + 1
    return [
        Upcoming(due=due, count=n, label=label)
        for due, n in sorted(counts.items(), key=lambda kv: (kv[0] is not None, kv[0] or 0))
    ]


register_policy(
    RecordPolicy(
        model="messaging.Message",
        key="messages_to_participants",
        title=_("Messages to participants"),
        purpose=_(
            "To show the coordinators and organizers what was already written to the "
            "participants of an event or an intervision cycle, by whom and when."
        ),
        kept=lazy_text(
            lambda: _("%(days)s days after the message was sent.") % {"days": retention_days()}
        ),
        after=After.DELETE,
        fields={
            "sender": FieldRule(_("who sent the message"), After.DELETE),
            "subject": FieldRule(_("the subject, as written by the sender"), After.DELETE),
            "body": FieldRule(
                _("the text, as written by the sender (it may name people)"), After.DELETE
            ),
        },
        apply=_apply,
        schedule=_schedule,
    )
)


def export(user) -> list[dict]:
    return [
        {
            "kind": "message_sent",
            "subject": m.subject,
            "audience": m.audience,
            "recipients": m.recipient_count,
            "sent_at": m.sent_at.isoformat(),
        }
        for m in Message.objects.filter(sender=user).order_by("sent_at")
    ]


def erase(user) -> int:
    """The copies stay for the other coordinators; the sender is no longer named."""
    return Message.objects.filter(sender=user).update(sender=None)


register_export("messaging", _("Messages sent to participants"), export)
register_erasure("messaging", erase)
