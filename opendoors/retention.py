"""What the open doors week keeps about people: the retention policy of visits, wishes,
evaluations and host contacts, the export of one person's visits ("My data") and what erasing
an account does here. Read by ``privacy.registry``.

The action of the policy is ``services.anonymise`` (one year after the week by default,
``OPENDOORS_RETENTION_DAYS``): the dashboard's figures stay. Never called directly by views.
"""

import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.policy import After, FieldRule, RecordPolicy, Upcoming, lazy_text
from privacy.registry import register_erasure, register_export, register_policy

from .models import Edition, Participation, Visit, Wish
from .services import anonymise


def _apply(now, dry_run: bool) -> int:
    if dry_run:
        due = anonymise.editions_due(now)
        return Visit.objects.filter(
            slot__participation__edition__in=due, visitor__isnull=False
        ).count()
    return anonymise.anonymise_due(now)


def _schedule(now) -> list[Upcoming]:
    days = datetime.timedelta(days=anonymise.retention_days())
    today = timezone.localdate(now)
    rows = (
        Edition.objects.annotate(
            n=Count(
                "participations__slots__visits",
                filter=Q(participations__slots__visits__visitor__isnull=False),
            )
        )
        .filter(n__gt=0)
        .order_by("ends_on")
    )
    return [
        Upcoming(
            due=e.ends_on + days if e.ends_on + days >= today else None, count=e.n, label=e.name
        )
        for e in rows
    ]


def _kept():
    return _("Until %(days)s days after the last day of the open doors week.") % {
        "days": anonymise.retention_days()
    }


KEPT = lazy_text(_kept)

register_policy(
    RecordPolicy(
        model="opendoors.Visit",
        key="opendoors_visits",
        title=_("Open doors visits"),
        purpose=_(
            "To book your visits of the open doors week: your seat or place on the waiting list, "
            "the reminder, the host's list of visitors, the attendance and the evaluation."
        ),
        kept=KEPT,
        after=After.ANONYMISE,
        fields={
            "visitor": FieldRule(_("your account, the visitor"), After.ANONYMISE),
        },
        apply=_apply,
        schedule=_schedule,
    )
)
register_policy(
    RecordPolicy(
        model="opendoors.Wish",
        key="opendoors_wishes",
        title=_("Open doors wishes"),
        purpose=_("To allocate the visits of the wish round by your ranked wishes."),
        kept=KEPT,
        after=After.ANONYMISE,
        fields={"visitor": FieldRule(_("your account, who wished"), After.ANONYMISE)},
    )
)
register_policy(
    RecordPolicy(
        model="opendoors.Evaluation",
        key="opendoors_evaluations",
        title=_("Open doors evaluations"),
        purpose=_("To tell the host and the network how useful a visit was."),
        kept=KEPT,
        after=After.STATISTICS,
        fields={"comment": FieldRule(_("your free comment on the visit"), After.DELETE)},
    )
)
register_policy(
    RecordPolicy(
        model="opendoors.Participation",
        key="opendoors_hosts",
        title=_("Open doors hosts"),
        purpose=_(
            "To organize a service's participation in the open doors week: who enrolled it and "
            "whom visitors and coordinators contact."
        ),
        kept=KEPT,
        after=After.ANONYMISE,
        fields={
            "enrolled_by": FieldRule(
                _("the member who enrolled the service"),
                After.WITH_ACCOUNT,
                kept=_("While that member's account exists."),
            ),
            "host_name": FieldRule(_("the host contact's name"), After.ANONYMISE),
            "host_email": FieldRule(_("the host contact's e-mail"), After.ANONYMISE),
            "host_phone": FieldRule(_("the host contact's phone"), After.ANONYMISE),
        },
    )
)


def export(user) -> list[dict]:
    rows = []
    visits = Visit.objects.filter(visitor=user).select_related(
        "slot__participation__edition", "slot__participation__service", "booking", "evaluation"
    )
    for v in visits.order_by("slot__day", "slot__start_time"):
        slot = v.slot
        evaluation = getattr(v, "evaluation", None)
        rows.append(
            {
                "kind": "opendoors_visit",
                "edition": slot.participation.edition.name,
                "service": str(slot.participation.service),
                "day": slot.day.isoformat(),
                "start": slot.start_time.isoformat(timespec="minutes"),
                "status": v.booking.status if v.booking_id else None,
                "source": v.source,
                "attendance": v.attendance,
                "booked_at": v.created_at.isoformat(),
                "evaluation": {
                    "usefulness": evaluation.usefulness,
                    "will_orient": evaluation.will_orient,
                    "comment": evaluation.comment,
                }
                if evaluation
                else None,
            }
        )
    wishes = Wish.objects.filter(visitor=user).select_related(
        "slot__participation__edition", "slot__participation__service"
    )
    for w in wishes.order_by("rank"):
        rows.append(
            {
                "kind": "opendoors_wish",
                "edition": w.slot.participation.edition.name,
                "service": str(w.slot.participation.service),
                "day": w.slot.day.isoformat(),
                "rank": w.rank,
                "granted": w.granted,
            }
        )
    for p in Participation.objects.filter(enrolled_by=user).select_related("edition", "service"):
        rows.append(
            {
                "kind": "opendoors_participation_enrolled",
                "edition": p.edition.name,
                "service": str(p.service),
                "host_name": p.host_name,
                "host_email": p.host_email,
                "host_phone": p.host_phone,
            }
        )
    return rows


register_export("opendoors", _("Open doors visits"), export)
register_erasure("opendoors", anonymise.erase_person)
