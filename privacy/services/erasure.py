"""Erasing one's account: registrations anonymised, statistics and invoices kept, the account
deleted. Refused while the person is the last administrator of an organization (they hand over
first, the rule of ``accounts.services``), or a coordinator.

Every app's eraser (``privacy.registry.register_erasure``) runs in one transaction with the
deletion of the account: either everything is erased or nothing. The audit trail records that an
account was erased, by its number, without the person's data.
"""

import logging

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.models import Membership

from .. import registry
from ..errors import PrivacyError
from .trail import scrub_audit_trail

logger = logging.getLogger("privacy.erasure")


def organizations_to_hand_over(user) -> list:
    """Organizations where ``user`` is the only accepted administrator."""
    mine = Membership.objects.administrators().filter(user=user).select_related("organization")
    alone = []
    for membership in mine:
        others = (
            Membership.objects.administrators()
            .filter(organization=membership.organization)
            .exclude(user=user)
        )
        if not others.exists():
            alone.append(membership.organization)
    return alone


def check_can_erase(user) -> None:
    if user.is_coordinator or user.is_staff:
        raise PrivacyError("coordinator")
    alone = organizations_to_hand_over(user)
    if alone:
        raise PrivacyError("hand_over", organizations=", ".join(o.name for o in alone))


def erase_account(user, *, password: str | None = None, confirmed: bool = False) -> dict:
    """Erase ``user``'s account. Returns {app key: rows treated} (counts only)."""
    if not confirmed:
        raise PrivacyError("confirm")
    if user.has_usable_password() and not user.check_password(password or ""):
        raise PrivacyError("wrong_password")
    with transaction.atomic():
        check_can_erase(user)
        done = {key: erase(user) for key, erase in registry.erasures().items()}
        pk = user.pk
        LogEntry.objects.log_create(
            user,
            force_log=True,
            action=LogEntry.Action.DELETE,
            changes={},
            additional_data={"privacy": "account erased by its owner"},
        )
        # The trail keeps that the account existed and was changed, not what it held.
        scrub_audit_trail(get_user_model(), [pk])
        LogEntry.objects.filter(actor=user).update(actor_email="")
        with disable_auditlog():  # the deletion is logged above, without an actor to point at
            user.delete()
    logger.info("account %s erased: %s", pk, done)
    return done
