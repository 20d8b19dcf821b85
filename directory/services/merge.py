"""Moderation of likely duplicates (coordinators only): merge two organization records into one,
or remember that two records are distinct organizations.

A merge moves everything that points at the merged record to the kept one: its services,
places, phones, error reports and memberships, and every other app's links (events' organizers,
intervision registrations, helpdesk requests...). Those links are found through the model's
reverse relations, so that the directory never imports the apps above it and a new app's links
are moved without changing this file. The merged record is archived, not deleted: its old page
and its API id answer with a permanent redirect to the kept organization.

Never called outside a coordinator's request (or a test); every write is in the change log and
the audit trail.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from ..duplicates import pair_key
from ..models import ChangeRecord, NotDuplicate, Organization, PublicationStatus
from ..search.indexer import reindex
from .changes import record_changes
from .errors import DirectoryError

#: Links that may exist twice once moved (a person member of both records): the copy on the
#: merged record is dropped, the kept organization's own link stays.
DROP_WHEN_ALREADY_LINKED = {"accounts.membership"}
#: Fields of the kept organization filled from the merged one when they are empty.
FILLED_WHEN_EMPTY = [
    "alternate_name",
    "website",
    "email",
    "enterprise_number",
    "description_fr",
    "description_nl",
    "description_en",
]
#: Relations the merge handles itself.
OWN_RELATIONS = {"parent", "merged_into"}


def label(model, count: int) -> str:
    """ "1 service", "2 services": the model's own translated names."""
    return str(model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural)


def labelled(counts: dict) -> list[tuple[str, int]]:
    """(translated kind of record, count) of ``{model: count}``."""
    return [(label(model, count), count) for model, count in counts.items()]


@dataclass
class MergeReport:
    """What a merge moved, and what it could not, by kind of record: ``{model: count}``."""

    moved: dict = field(default_factory=dict)
    dropped: dict = field(default_factory=dict)
    kept_apart: dict = field(default_factory=dict)


def _links():
    """(model, field name, named as) of every foreign key to an organization, many-to-many
    tables included (through their intermediate model, named as the model holding the field)."""
    for relation in Organization._meta.related_objects:
        if relation.many_to_many:
            name = relation.field.m2m_reverse_field_name()
            yield relation.through, name, relation.related_model
        elif relation.related_model is not Organization or relation.field.name not in OWN_RELATIONS:
            yield relation.related_model, relation.field.name, relation.related_model


def merge_preview(merged: Organization) -> list[tuple[str, int]]:
    """(kind of record, count) that a merge of ``merged`` would move, without writing."""
    counts = {}
    for model, name, named_as in _links():
        count = model._base_manager.filter(**{name: merged}).count()
        if count:
            counts[named_as] = counts.get(named_as, 0) + count
    return labelled(counts)


def _move(model, name, merged, kept, report: MergeReport, named_as) -> None:
    rows = model._base_manager.filter(**{name: merged})
    try:
        with transaction.atomic():
            moved = rows.update(**{name: kept})
    except IntegrityError:  # some rows already exist on the kept side: one by one
        moved = 0
        drop = model._meta.auto_created or model._meta.label_lower in DROP_WHEN_ALREADY_LINKED
        for pk in list(rows.values_list("pk", flat=True)):
            try:
                with transaction.atomic():
                    moved += model._base_manager.filter(pk=pk).update(**{name: kept})
            except IntegrityError:
                if drop:
                    model._base_manager.filter(pk=pk).delete()
                    report.dropped[named_as] = report.dropped.get(named_as, 0) + 1
                else:
                    report.kept_apart[named_as] = report.kept_apart.get(named_as, 0) + 1
    if moved:
        report.moved[named_as] = report.moved.get(named_as, 0) + moved


def _check(user, kept: Organization, merged: Organization) -> None:
    if not user or not user.is_authenticated or not user.is_coordinator:
        raise DirectoryError("not_allowed")
    if kept.pk == merged.pk:
        raise DirectoryError("merge_same")
    if merged.merged_into_id or kept.merged_into_id:
        raise DirectoryError("already_merged")


@transaction.atomic
def merge_organizations(user, kept: Organization, merged: Organization) -> MergeReport:
    """Move everything of ``merged`` to ``kept``, archive ``merged`` with a redirect to
    ``kept``. Both rows are locked, in id order; a second submission is refused."""
    locked = {
        o.pk: o
        for o in Organization.objects.select_for_update()
        .filter(pk__in=sorted([kept.pk, merged.pk]))
        .order_by("pk")
    }
    if len(locked) < 2:
        raise DirectoryError("merge_same")
    kept, merged = locked[kept.pk], locked[merged.pk]
    _check(user, kept, merged)
    service_ids = list(merged.services.values_list("pk", flat=True))
    report = MergeReport()
    for model, name, named_as in _links():
        _move(model, name, merged, kept, report, named_as)
    Organization.objects.filter(parent=merged).exclude(pk=kept.pk).update(parent=kept)
    Organization.objects.filter(merged_into=merged).update(merged_into=kept)
    NotDuplicate.objects.filter(first=merged).delete()
    NotDuplicate.objects.filter(second=merged).delete()

    before_kept = {f: getattr(kept, f) for f in FILLED_WHEN_EMPTY + ["parent_id"]}
    filled = {f: getattr(merged, f) for f in FILLED_WHEN_EMPTY if not getattr(kept, f)}
    before_merged = {
        "status": merged.status,
        "merged_into": "",
        "enterprise_number": merged.enterprise_number,
    }
    merged.status = PublicationStatus.ARCHIVED
    merged.merged_into = kept
    merged.enterprise_number = ""  # unique: it may move to the kept record
    if merged.parent_id == kept.pk:
        merged.parent = None
    merged.save()
    for name, value in filled.items():
        setattr(kept, name, value)
    if kept.parent_id == merged.pk:
        kept.parent_id = merged.parent_id if merged.parent_id != kept.pk else None
    kept.save()

    record_changes(
        user,
        "organization",
        merged.pk,
        before_merged,
        {"status": merged.status, "merged_into": kept.name, "enterprise_number": ""},
    )
    record_changes(
        user,
        "organization",
        kept.pk,
        before_kept | {"merged": ""},
        {f: getattr(kept, f) for f in before_kept} | {"merged": merged.name},
    )
    ChangeRecord.objects.bulk_create(
        ChangeRecord(
            resource_type="service",
            resource_id=pk,
            last_action_type=ChangeRecord.Action.UPDATE,
            field_name="organization",
            previous_value=merged.name,
            replacement_value=kept.name,
            updated_by=user.get_full_name(),
            user=user,
        )
        for pk in service_ids
    )
    reindex(list(kept.services.values_list("pk", flat=True)))
    return report


def not_duplicate_pairs() -> set:
    """``pair_key`` of every pair coordinators said is not a duplicate."""
    return {pair_key(a, b) for a, b in NotDuplicate.objects.values_list("first", "second")}


@transaction.atomic
def mark_not_duplicate(user, a: Organization, b: Organization) -> NotDuplicate:
    """Remember that ``a`` and ``b`` are two organizations (idempotent: a second click keeps the
    first decision)."""
    if not user or not user.is_authenticated or not user.is_coordinator:
        raise DirectoryError("not_allowed")
    if a.pk == b.pk:
        raise DirectoryError("merge_same")
    first, second = sorted([a, b], key=lambda o: str(o.pk))
    decision, _created = NotDuplicate.objects.get_or_create(first=first, second=second)
    return decision
