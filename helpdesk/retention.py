"""What the helpdesk keeps about people: the retention policy of its requests, the export of one
person's requests ("My data") and what erasing an account does here. Read by
``privacy.registry``.

The action of the policy is the helpdesk's own purge (``services.purge_free_text``, also run by
``manage.py purge_helpdesk_requests``). Never called directly by views.
"""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.policy import After, FieldRule, RecordPolicy, Upcoming, lazy_text
from privacy.registry import register_erasure, register_export, register_policy

from .models import FREE_TEXT_FIELDS, HelpRequest
from .services import purge_free_text, retention_days


def _apply(now, dry_run: bool) -> int:
    if dry_run:
        before = now - datetime.timedelta(days=retention_days())
        return HelpRequest.objects.to_purge(before).count()
    return purge_free_text(now=now)


def _schedule(now) -> list[Upcoming]:
    days = datetime.timedelta(days=retention_days())
    label = str(_("helpdesk request (free text)"))
    counts: dict = {}
    finished = HelpRequest.objects.finished().filter(purged_at__isnull=True)
    for finished_at in finished.values_list("finished_at", flat=True):
        due = (finished_at or now) + days
        key = timezone.localdate(due) if due > now else None
        counts[key] = counts.get(key, 0) + 1
    return [
        Upcoming(due=due, count=n, label=label)
        for due, n in sorted(counts.items(), key=lambda kv: (kv[0] is not None, kv[0] or 0))
    ]


def _kept():
    return _(
        "The texts are deleted %(days)s days after the request is answered or closed; the "
        "classification (need, public, municipality, waiting time) stays as anonymous figures."
    ) % {"days": retention_days()}


FREE_TEXT = After.DELETE
CLASSIFICATION = After.STATISTICS

register_policy(
    RecordPolicy(
        model="helpdesk.HelpRequest",
        key="helpdesk_requests",
        title=_("Helpdesk requests"),
        purpose=_(
            "To answer your request for help with a situation: find a service, call you back, "
            "and count the needs of the network without the people concerned."
        ),
        kept=lazy_text(_kept),
        after=After.STATISTICS,
        fields={
            "requester": FieldRule(
                _("your account, to show your requests and answer you"),
                After.WITH_ACCOUNT,
                kept=_("While your account exists."),
            ),
            "logged_by": FieldRule(
                _("the coordinator who typed in a phone call"),
                After.WITH_ACCOUNT,
                kept=_("While that coordinator's account exists."),
            ),
            "assignee": FieldRule(
                _("the coordinator who handles the request"),
                After.WITH_ACCOUNT,
                kept=_("While that coordinator's account exists."),
            ),
            "situation": FieldRule(_("the situation, in a few lines, without names"), FREE_TEXT),
            "tried_text": FieldRule(_("what was already tried"), FREE_TEXT),
            "answer_when": FieldRule(_("when you can be reached"), FREE_TEXT),
            "answer_text": FieldRule(_("the coordinator's answer"), FREE_TEXT),
            "gap_description": FieldRule(_("the gap in the offer, when none was found"), FREE_TEXT),
            "need": FieldRule(_("the kind of need, for the needs watch"), CLASSIFICATION),
            "public": FieldRule(_("the public concerned, for the needs watch"), CLASSIFICATION),
        },
        apply=_apply,
        schedule=_schedule,
    )
)


def _requests_of(user):
    return HelpRequest.objects.filter(Q(requester=user) | Q(logged_by=user) | Q(assignee=user))


def export(user) -> list[dict]:
    rows = []
    requests = _requests_of(user).select_related("organization", "municipality")
    for r in requests.prefetch_related("answers__service").order_by("created_at"):
        rows.append(
            {
                "kind": "helpdesk_request",
                "role": "requester"
                if r.requester_id == user.pk
                else ("assignee" if r.assignee_id == user.pk else "logged_by"),
                "created_at": r.created_at.isoformat(),
                "status": r.status,
                "channel": r.channel,
                "need": r.need,
                "public": r.public,
                "urgency": r.urgency,
                "organization": r.organization.name if r.organization_id else None,
                "municipality": str(r.municipality) if r.municipality_id else None,
                "situation": r.situation,
                "tried": r.tried_text,
                "answer_by": r.answer_by,
                "answer_when": r.answer_when,
                "answer": r.answer_text,
                "services_given": [str(a.service) for a in r.answers.all()],
                "gap": r.gap_description,
                "helped": r.helped,
                "answered_at": r.answered_at.isoformat() if r.answered_at else None,
                "free_text_deleted_at": r.purged_at.isoformat() if r.purged_at else None,
            }
        )
    return rows


def erase(user) -> int:
    """The person's own requests lose their link to them and their free texts (contact hours
    included); the anonymous classification stays for the needs watch. Requests they logged or
    handled as a coordinator only lose the link."""
    now = timezone.now()
    own = HelpRequest.objects.filter(requester=user)
    count = own.update(requester=None, **dict.fromkeys(FREE_TEXT_FIELDS, ""), purged_at=now)
    HelpRequest.objects.filter(logged_by=user).update(logged_by=None)
    HelpRequest.objects.filter(assignee=user).update(assignee=None)
    return count


register_export("helpdesk", _("Helpdesk requests"), export)
register_erasure("helpdesk", erase)
