"""Organizations: proposal by a professional (a draft until a coordinator publishes it), edition
by its members, moderation by coordinators."""

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import Organization, PublicationStatus
from ..search.indexer import reindex
from .changes import record_changes
from .errors import DirectoryError

ORGANIZATION_FIELDS = [
    "name_fr",
    "name_nl",
    "name_en",
    "alternate_name",
    "description_fr",
    "description_nl",
    "description_en",
    "website",
    "email",
    "legal_status",
    "enterprise_number",
    "sector",
]


def can_edit_organization(user, organization: Organization) -> bool:
    if not user or not user.is_authenticated:
        return False
    if user.is_coordinator:
        return True
    return organization.pk in user.organization_ids()


def snapshot(obj, fields) -> dict:
    return {field: getattr(obj, field) for field in fields}


def _clean(obj):
    try:
        obj.full_clean()
    except ValidationError as error:
        details = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
        raise DirectoryError("invalid", details=details) from None


@transaction.atomic
def propose_organization(user, **fields) -> Organization:
    """A professional proposes a new organization: it waits for a coordinator's moderation."""
    if not (fields.get("name_fr") or fields.get("name_nl") or fields.get("name")):
        raise DirectoryError("no_name")
    fields.setdefault("name", fields.get("name_fr") or fields.get("name_nl"))
    organization = Organization(created_by=user, status=PublicationStatus.DRAFT, **fields)
    _clean(organization)
    organization.save()
    record_changes(
        user,
        "organization",
        organization.pk,
        {},
        snapshot(organization, [f for f in ORGANIZATION_FIELDS if f in fields] + ["status"]),
        action="create",
    )
    return organization


@transaction.atomic
def update_organization(user, organization: Organization, changes: dict) -> list[str]:
    """A member (or a coordinator) edits the organization's sheet; returns the changed fields."""
    if not can_edit_organization(user, organization):
        raise DirectoryError("not_allowed")
    if not (changes.get("name_fr", organization.name_fr) or changes.get("name_nl")):
        raise DirectoryError("no_name")
    fields = [f for f in changes if f in ORGANIZATION_FIELDS]
    before = snapshot(organization, fields)
    for field in fields:
        setattr(organization, field, changes[field])
    _clean(organization)
    organization.save()
    changed = record_changes(
        user, "organization", organization.pk, before, snapshot(organization, fields)
    )
    reindex(organization.services.values_list("pk", flat=True))
    return changed


@transaction.atomic
def set_status(organization: Organization, user, status: str) -> Organization:
    """Moderation (coordinators only): publish, send back to draft or archive."""
    if not user.is_coordinator:
        raise DirectoryError("not_allowed")
    before = {"status": organization.status}
    organization.status = status
    organization.save(update_fields=["status", "modified_at"])
    record_changes(user, "organization", organization.pk, before, {"status": status})
    reindex(organization.services.values_list("pk", flat=True))
    return organization
