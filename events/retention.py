"""What the events app keeps about people: the retention policy of its models, the export of one
person's data ("My data") and what erasing an account does here. Read by ``privacy.registry``.

Never called directly by views: the privacy app runs these through its services.
"""

import contextlib
import datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.policy import After, FieldRule, RecordPolicy, Upcoming, lazy_text
from privacy.registry import register_erasure, register_export, register_policy

from .models import Action, Event, Registration, Report
from .services import retention


def _apply(now, dry_run: bool) -> int:
    due = retention.registrations_due(now)
    return due.count() if dry_run else retention.anonymise_registrations(due)


def _schedule(now) -> list[Upcoming]:
    days = datetime.timedelta(days=retention.retention_days())
    rows = (
        retention.personal_registrations()
        .values("event_id", "event__title", "event__ends_at")
        .annotate(n=Count("pk"))
        .order_by("event__ends_at")
    )
    result = []
    for row in rows:
        due = row["event__ends_at"] + days
        result.append(
            Upcoming(
                due=timezone.localdate(due) if due > now else None,
                count=row["n"],
                label=row["event__title"],
            )
        )
    return result


register_policy(
    RecordPolicy(
        model="events.Registration",
        key="event_registrations",
        title=_("Event registrations"),
        purpose=_(
            "To organize the event you registered for: your seat or place on the waiting list, "
            "options (a lunch), conversation tables, the reminder, the attendance list."
        ),
        kept=lazy_text(
            lambda: _("Until %(days)s days after the event.") % {"days": retention.retention_days()}
        ),
        after=After.ANONYMISE,
        fields={
            "user": FieldRule(_("your account, to show your registrations"), After.ANONYMISE),
            "name": FieldRule(_("your name, on the attendance list"), After.ANONYMISE),
            "email": FieldRule(
                _("your e-mail, for the confirmation and reminder"), After.ANONYMISE
            ),
            "organization_name": FieldRule(
                _("the organization you work for, for the network's figures"), After.STATISTICS
            ),
            "language": FieldRule(_("the language of our e-mails"), After.STATISTICS),
        },
        apply=_apply,
        schedule=_schedule,
    )
)

for model, field, purpose, title in (
    ("events.Event", "created_by", _("who created the event"), _("Events")),
    ("events.Report", "author", _("who wrote the minutes"), _("Minutes of meetings")),
    ("events.Action", "owner", _("who carries an action of the action plan"), _("Action plans")),
):
    register_policy(
        RecordPolicy(
            model=model,
            key=model.replace(".", "_").lower(),
            title=title,
            purpose=purpose,
            kept=_("While your account exists."),
            after=After.WITH_ACCOUNT,
            fields={field: FieldRule(purpose, After.WITH_ACCOUNT)},
        )
    )


def _registrations_of(user):
    return Registration.objects.filter(Q(user=user) | Q(email__iexact=user.email))


def export(user) -> list[dict]:
    rows = []
    registrations = _registrations_of(user).select_related(
        "event", "booking", "organization", "table"
    )
    for r in registrations.prefetch_related("option_bookings__resource").order_by("created_at"):
        rows.append(
            {
                "kind": "event_registration",
                "event": r.event.title,
                "starts_at": r.event.starts_at.isoformat(),
                "name": r.name,
                "email": r.email,
                "organization": r.organization_label,
                "language": r.language,
                "status": r.status,
                "options": [b.resource.label for b in r.option_bookings.all()],
                "table": r.table.name if r.table_id else None,
                "registered_at": r.created_at.isoformat(),
                "consent_at": r.consent_at.isoformat() if r.consent_at else None,
                "cancelled_at": r.cancelled_at.isoformat() if r.cancelled_at else None,
                "checked_in_at": r.checked_in_at.isoformat() if r.checked_in_at else None,
            }
        )
    for event in Event.objects.filter(created_by=user).order_by("starts_at"):
        rows.append({"kind": "event_created", "event": event.title})
    for report in Report.objects.filter(author=user).select_related("event"):
        rows.append({"kind": "minutes_written", "event": report.event.title})
    for action in Action.objects.filter(owner=user):
        rows.append({"kind": "action_owned", "action": action.title})
    return rows


def erase(user) -> int:
    """Cancel the person's upcoming registrations (their seat goes to the waiting list), then
    anonymise all of them: the counts stay for the network's statistics."""
    from .errors import EventError
    from .services import cancel_registration

    now = timezone.now()
    upcoming = _registrations_of(user).filter(cancelled_at__isnull=True, event__starts_at__gt=now)
    for registration in upcoming.select_related("event", "booking"):
        with contextlib.suppress(EventError):
            cancel_registration(registration, by_organizer=True, now=now)
    return retention.anonymise_registrations(_registrations_of(user))


register_export("events", _("Event registrations"), export)
register_erasure("events", erase)
