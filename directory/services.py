"""Directory use cases. The only module that writes organizations (and, with the directory issue,
services and locations). Moderation: what professionals propose is a draft until a coordinator
publishes it.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.errors import ServiceError

from .models import Organization, PublicationStatus


class DirectoryError(ServiceError):
    messages = {
        "not_allowed": _("You are not allowed to change this organization."),
        "no_name": _("Please give the organization a name in French or in Dutch."),
    }


def can_edit_organization(user, organization: Organization) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_coordinator:
        return True
    return organization.pk in user.organization_ids()


@transaction.atomic
def propose_organization(user, **fields) -> Organization:
    """A professional proposes a new organization: it waits for a coordinator's moderation."""
    if not (fields.get("name_fr") or fields.get("name_nl") or fields.get("name")):
        raise DirectoryError("no_name")
    organization = Organization(created_by=user, status=PublicationStatus.DRAFT, **fields)
    organization.full_clean()
    organization.save()
    return organization


@transaction.atomic
def set_status(organization: Organization, user, status: str) -> Organization:
    if not user.is_coordinator:
        raise DirectoryError("not_allowed")
    organization.status = status
    organization.save(update_fields=["status", "modified_at"])
    return organization
