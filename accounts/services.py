"""Account use cases: profile updates and organization memberships.

The only module that changes a membership's status (request -> accepted | refused). Every
decision is checked against the acting user's rights, written in one transaction and recorded in
the audit log (django-auditlog, through the model registration in ``accounts.apps``).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import ServiceError
from core.notifications import notify

from .models import Membership, User


class MembershipError(ServiceError):
    messages = {
        "already_member": _("You are already a member of this organization."),
        "already_pending": _("Your request to join this organization is already pending."),
        "not_allowed": _(
            "Only an administrator of this organization or a network coordinator can decide "
            "on membership requests."
        ),
        "not_pending": _("This request has already been decided."),
        "unpublished": _("This organization is awaiting moderation and cannot be joined yet."),
        "last_admin": _("An organization must keep at least one administrator."),
    }


def can_manage_members(user: User, organization) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_coordinator:
        return True
    return Membership.objects.administrators().filter(user=user, organization=organization).exists()


@transaction.atomic
def request_membership(user: User, organization, message: str = "") -> Membership:
    """A professional asks to join an organization. A refused request can be asked again."""
    if organization.status != "published" and not user.is_coordinator:
        raise MembershipError("unpublished")
    existing = Membership.objects.select_for_update().filter(user=user, organization=organization)
    membership = existing.first()
    if membership is not None:
        if membership.status == Membership.Status.ACCEPTED:
            raise MembershipError("already_member")
        if membership.status == Membership.Status.PENDING:
            raise MembershipError("already_pending")
        membership.message = message
        membership.refusal_reason = ""
        _set_status(membership, Membership.Status.PENDING, by=None)
    else:
        membership = Membership.objects.create(
            user=user, organization=organization, message=message
        )
    admins = User.objects.filter(
        memberships__in=Membership.objects.administrators().filter(organization=organization)
    )
    recipients = list(admins) or list(User.objects.coordinators())
    notify(
        recipients,
        "accounts/email/membership_requested",
        {"membership": membership, "organization": organization, "requester": user},
    )
    return membership


def _decide(membership_id: int, actor: User, status: str, reason: str = "") -> Membership:
    membership = (
        Membership.objects.select_for_update()
        .select_related("organization", "user")
        .get(pk=membership_id)
    )
    if not can_manage_members(actor, membership.organization):
        raise MembershipError("not_allowed")
    if membership.status != Membership.Status.PENDING:
        raise MembershipError("not_pending")
    membership.refusal_reason = reason
    _set_status(membership, status, by=actor)
    notify(
        [membership.user],
        "accounts/email/membership_decided",
        {"membership": membership, "organization": membership.organization},
    )
    return membership


@transaction.atomic
def accept_membership(membership_id: int, actor: User, make_admin: bool = False) -> Membership:
    membership = _decide(membership_id, actor, Membership.Status.ACCEPTED)
    if make_admin:
        membership.is_admin = True
        membership.save(update_fields=["is_admin"])
    return membership


@transaction.atomic
def refuse_membership(membership_id: int, actor: User, reason: str = "") -> Membership:
    return _decide(membership_id, actor, Membership.Status.REFUSED, reason)


@transaction.atomic
def set_admin(membership_id: int, actor: User, is_admin: bool) -> Membership:
    membership = Membership.objects.select_for_update().get(pk=membership_id)
    if not can_manage_members(actor, membership.organization):
        raise MembershipError("not_allowed")
    if not is_admin and membership.is_admin:
        others = (
            Membership.objects.administrators()
            .filter(organization=membership.organization)
            .exclude(pk=membership.pk)
        )
        if not others.exists():
            raise MembershipError("last_admin")
    membership.is_admin = is_admin
    membership.save(update_fields=["is_admin"])
    return membership


def _set_status(membership: Membership, status: str, by: User | None) -> None:
    """The one door for membership status changes."""
    membership.status = status
    membership.decided_by = by
    membership.decided_at = timezone.now() if by else None
    membership.save()


def update_profile(user: User, **fields) -> User:
    allowed = {"first_name", "last_name", "function", "phone", "languages", "preferred_language"}
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(f"{name} is not a profile field")
        setattr(user, name, value)
    user.save()
    return user
