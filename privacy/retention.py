"""The retention policy of the records the platform's libraries keep (logins' e-mail addresses,
sessions, the change audit trail, the admin's log, background jobs' arguments) and of the privacy
app's own records (consents, reads of lists). Read by ``privacy.registry`` like every app's
``retention.py``.
"""

import datetime

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .policy import After, FieldRule, RecordPolicy, Upcoming, lazy_text
from .registry import register_erasure, register_export, register_policy


def days(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def _older_than(model_label: str, date_field: str, setting: str, default: int, extra=None):
    """The action and schedule of a policy "rows older than N days are deleted"."""

    def queryset(now):
        from django.apps import apps

        model = apps.get_model(model_label)
        limit = now - datetime.timedelta(days=days(setting, default))
        return model.objects.filter(**{f"{date_field}__lt": limit, **(extra or {})})

    def apply(now, dry_run: bool) -> int:
        rows = queryset(now)
        return rows.count() if dry_run else rows.delete()[0]

    def schedule(now) -> list[Upcoming]:
        count = queryset(now).count()
        later = queryset(now + datetime.timedelta(days=30)).count() - count
        label = str(_("entries past their retention period"))
        rows = [Upcoming(due=None, count=count, label=label)] if count else []
        if later > 0:
            soon = (now + datetime.timedelta(days=30)).date()
            rows.append(Upcoming(due=soon, count=later, label=str(_("within 30 days"))))
        return rows

    return apply, schedule


def _kept_days(setting: str, default: int, text):
    return lazy_text(lambda: str(text) % {"days": days(setting, default)})


apply, schedule = _older_than("auditlog.LogEntry", "timestamp", "PRIVACY_AUDITLOG_DAYS", 1095)
register_policy(
    RecordPolicy(
        model="auditlog.LogEntry",
        key="audit_trail",
        title=_("Audit trail of changes"),
        purpose=_(
            "Who changed an organization, an account or a registration, when and what: to answer "
            "for the data we keep."
        ),
        kept=_kept_days("PRIVACY_AUDITLOG_DAYS", 1095, _("%(days)s days, then deleted.")),
        after=After.DELETE,
        fields={
            "actor": FieldRule(_("who made the change"), After.DELETE),
            "actor_email": FieldRule(_("the e-mail of who made the change"), After.DELETE),
            "remote_addr": FieldRule(_("the IP address the change came from"), After.DELETE),
        },
        apply=apply,
        schedule=schedule,
    )
)
apply, schedule = _older_than("admin.LogEntry", "action_time", "PRIVACY_AUDITLOG_DAYS", 1095)
register_policy(
    RecordPolicy(
        model="admin.LogEntry",
        key="admin_log",
        title=_("Log of the administration interface"),
        purpose=_("What coordinators changed through the administration interface."),
        kept=_kept_days("PRIVACY_AUDITLOG_DAYS", 1095, _("%(days)s days, then deleted.")),
        after=After.DELETE,
        fields={
            "user": FieldRule(_("the coordinator"), After.DELETE),
            "object_id": FieldRule(_("the record changed"), After.DELETE),
            "object_repr": FieldRule(_("the name of the record changed"), After.DELETE),
            "change_message": FieldRule(_("what changed"), After.DELETE),
        },
        apply=apply,
        schedule=schedule,
        public=False,
    )
)
apply, schedule = _older_than("sessions.Session", "expire_date", "PRIVACY_SESSION_DAYS", 0)
register_policy(
    RecordPolicy(
        model="sessions.Session",
        key="sessions",
        title=_("Sign-in sessions"),
        purpose=_("To keep you signed in between pages."),
        kept=_("Until you sign out or the session expires (two weeks), then deleted."),
        after=After.DELETE,
        fields={"session_data": FieldRule(_("your signed-in account"), After.DELETE)},
        apply=apply,
        schedule=schedule,
    )
)
apply, schedule = _older_than(
    "django_tasks_db.DBTaskResult",
    "finished_at",
    "PRIVACY_TASK_RESULT_DAYS",
    30,
)
register_policy(
    RecordPolicy(
        model="django_tasks_db.DBTaskResult",
        key="background_jobs",
        title=_("Background jobs"),
        purpose=_("E-mails waiting to be sent, with the address they go to."),
        kept=_kept_days(
            "PRIVACY_TASK_RESULT_DAYS", 30, _("%(days)s days after the job ran, then deleted.")
        ),
        after=After.DELETE,
        fields={
            "args_kwargs": FieldRule(_("the recipient and content of an e-mail"), After.DELETE)
        },
        apply=apply,
        schedule=schedule,
        optional=True,
        public=False,
    )
)
register_policy(
    RecordPolicy(
        model="account.EmailAddress",
        key="login_addresses",
        title=_("Sign-in e-mail addresses"),
        purpose=_("The addresses you sign in with, and whether you confirmed them."),
        kept=_("While your account exists."),
        after=After.WITH_ACCOUNT,
        fields={
            "user": FieldRule(_("your account"), After.WITH_ACCOUNT),
            "email": FieldRule(_("the address"), After.WITH_ACCOUNT),
        },
    )
)
register_policy(
    RecordPolicy(
        model="mfa.Authenticator",
        key="two_factor",
        title=_("Two-factor authentication"),
        purpose=_("The second factor of coordinators' sign-in (an authenticator app, codes)."),
        kept=_("While your account exists."),
        after=After.WITH_ACCOUNT,
        fields={
            "user": FieldRule(_("your account"), After.WITH_ACCOUNT),
            "data": FieldRule(_("the secret of the second factor"), After.WITH_ACCOUNT),
        },
        optional=True,
    )
)
register_policy(
    RecordPolicy(
        model="privacy.Consent",
        key="consents",
        title=_("Consents to this policy"),
        purpose=_("Proof of which version of this policy you accepted, on which form, and when."),
        kept=_("While your account or the registration it covers exists."),
        after=After.WITH_ACCOUNT,
        fields={
            "user": FieldRule(_("your account"), After.WITH_ACCOUNT),
            "version": FieldRule(_("the version accepted"), After.WITH_ACCOUNT),
            "object_id": FieldRule(_("the registration it covers"), After.WITH_ACCOUNT),
        },
    )
)
apply, schedule = _older_than("privacy.ReadLog", "read_at", "PRIVACY_READ_LOG_DAYS", 365)
register_policy(
    RecordPolicy(
        model="privacy.ReadLog",
        key="read_log",
        title=_("Log of reads of lists of people"),
        purpose=_(
            "Who read or exported a list of registrants, attendance or invoices, and when (never "
            "the list itself)."
        ),
        kept=_kept_days("PRIVACY_READ_LOG_DAYS", 365, _("%(days)s days, then deleted.")),
        after=After.DELETE,
        fields={"reader": FieldRule(_("who read the list"), After.DELETE)},
        apply=apply,
        schedule=schedule,
    )
)


def export(user) -> list[dict]:
    from .models import Consent

    return [
        {
            "kind": "consent",
            "version": c.version,
            "form": c.context,
            "accepted_at": c.accepted_at.isoformat(),
        }
        for c in Consent.objects.filter(user=user).order_by("accepted_at")
    ]


def erase(user) -> int:
    from .models import Consent

    return Consent.objects.filter(user=user).delete()[0]


register_export("consents", _("Consents to the data policy"), export)
register_erasure("consents", erase)
