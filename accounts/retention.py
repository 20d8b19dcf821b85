"""What the accounts app keeps about people: the retention policy of accounts and memberships,
their export ("My data") and what erasing an account does here. Read by ``privacy.registry``.
"""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.policy import After, FieldRule, RecordPolicy, Upcoming, lazy_text
from privacy.registry import register_erasure, register_export, register_policy

from .models import Membership, User

UNCONFIRMED_DAYS = 30
REFUSED_DAYS = 365
KEEP = After.WITH_ACCOUNT


def _unconfirmed(now):
    """Accounts whose e-mail address was never confirmed, never signed in, older than 30 days."""
    limit = now - datetime.timedelta(days=UNCONFIRMED_DAYS)
    return User.objects.filter(
        date_joined__lt=limit,
        last_login__isnull=True,
        is_staff=False,
        emailaddress__verified=False,
    ).exclude(emailaddress__verified=True)


def _apply_accounts(now, dry_run: bool) -> int:
    users = _unconfirmed(now)
    count = users.count()
    if not dry_run:
        for user in users:
            user.delete()
    return count


def _schedule_accounts(now) -> list[Upcoming]:
    count = _unconfirmed(now + datetime.timedelta(days=UNCONFIRMED_DAYS)).count()
    label = _("accounts whose e-mail address was never confirmed")
    return [Upcoming(due=None, count=count, label=str(label))] if count else []


def _refused(now):
    limit = now - datetime.timedelta(days=REFUSED_DAYS)
    return Membership.objects.filter(status=Membership.Status.REFUSED, decided_at__lt=limit)


def _apply_memberships(now, dry_run: bool) -> int:
    refused = _refused(now)
    return refused.count() if dry_run else refused.delete()[0]


def _schedule_memberships(now) -> list[Upcoming]:
    rows = []
    for decided_at in _refused(now + datetime.timedelta(days=REFUSED_DAYS)).values_list(
        "decided_at", flat=True
    ):
        due = decided_at + datetime.timedelta(days=REFUSED_DAYS)
        rows.append(
            Upcoming(
                due=timezone.localdate(due) if due > now else None,
                count=1,
                label=str(_("refused membership request")),
            )
        )
    return rows


register_policy(
    RecordPolicy(
        model="accounts.User",
        key="accounts",
        title=_("Your account"),
        purpose=_(
            "To sign you in, show your registrations and your organizations, and write to you in "
            "your language."
        ),
        kept=lazy_text(
            lambda: (
                _(
                    "While your account exists: you can erase it at any time from the My data page. "
                    "An account whose e-mail address was never confirmed is deleted after %(days)s "
                    "days."
                )
                % {"days": UNCONFIRMED_DAYS}
            )
        ),
        after=After.DELETE,
        fields={
            "email": FieldRule(_("your e-mail address, to sign in and receive e-mails"), KEEP),
            "first_name": FieldRule(_("your first name"), KEEP),
            "last_name": FieldRule(_("your last name"), KEEP),
            "function": FieldRule(_("your job title, shown to your organizations"), KEEP),
            "phone": FieldRule(_("your professional phone, if you give it"), KEEP),
            "languages": FieldRule(_("the languages you speak"), KEEP),
            "password": FieldRule(_("your password, stored as a one-way hash"), KEEP),
        },
        apply=_apply_accounts,
        schedule=_schedule_accounts,
    )
)
register_policy(
    RecordPolicy(
        model="accounts.Membership",
        key="memberships",
        title=_("Memberships of organizations"),
        purpose=_(
            "To know which organizations you work for: their administrators accept you, and you "
            "can then register on their behalf or edit their sheet."
        ),
        kept=lazy_text(
            lambda: (
                _(
                    "While your account exists; a refused request is deleted %(days)s days after "
                    "the decision."
                )
                % {"days": REFUSED_DAYS}
            )
        ),
        after=After.DELETE,
        fields={
            "user": FieldRule(_("the member"), KEEP),
            "decided_by": FieldRule(_("who decided on the request"), KEEP),
            "message": FieldRule(_("your message to the organization's administrator"), KEEP),
            "refusal_reason": FieldRule(_("why a request was refused"), After.DELETE),
        },
        apply=_apply_memberships,
        schedule=_schedule_memberships,
    )
)


def export(user) -> list[dict]:
    from allauth.account.models import EmailAddress

    rows = [
        {
            "kind": "account",
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "function": user.function,
            "phone": user.phone,
            "languages": user.languages,
            "preferred_language": user.preferred_language,
            "role": user.role,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": a.email, "verified": a.verified, "primary": a.primary}
                for a in EmailAddress.objects.filter(user=user)
            ],
        }
    ]
    for m in Membership.objects.filter(Q(user=user)).select_related("organization"):
        rows.append(
            {
                "kind": "membership",
                "organization": m.organization.name,
                "status": m.status,
                "administrator": m.is_admin,
                "message": m.message,
                "requested_at": m.requested_at.isoformat(),
                "decided_at": m.decided_at.isoformat() if m.decided_at else None,
                "refusal_reason": m.refusal_reason,
            }
        )
    return rows


def erase(user) -> int:
    """Memberships go with the account (the last-administrator rule is checked before)."""
    return Membership.objects.filter(user=user).delete()[0]


register_export("accounts", _("Account and memberships"), export)
register_erasure("accounts", erase)
