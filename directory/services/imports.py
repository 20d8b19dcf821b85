"""Import of HSDS records (already read by ``directory.hsds.importer``): the one use case that
writes an HSDS file into the directory.

Records are written in the order taxonomies, terms, organizations, locations, services, so that
a record may refer to one met earlier in the same file. Each record is checked
(``hsds.checks``) and then written (``hsds_rows``) in its own savepoint: a record refused,
or failing at the database level, is rejected alone, with its reasons. ``dry_run`` rolls
everything back. What is read but not kept (a resource Maillage does not store, coordinates
off the globe, a monthly rule) is reported in ``notes``, never silently dropped.
"""

import uuid
from dataclasses import dataclass, field

from django.db import DatabaseError, IntegrityError, transaction

from territory.models import Basin, Municipality

from ..hsds.checks import (
    Known,
    check_location,
    check_organization,
    check_service,
    check_taxonomy,
    check_term,
)
from ..models import Organization, TaxonomyTerm
from ..search.indexer import reindex
from .hsds_rows import RowWriter

ORDER = ("taxonomy", "taxonomy_term", "organization", "location", "service")


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    rejected: list = field(default_factory=list)  # (record id, name, [reasons])
    #: What was read but not kept, and why (one sentence each).
    notes: list = field(default_factory=list)
    #: kind -> {"created": n, "updated": n}
    by_kind: dict = field(default_factory=dict)
    dry_run: bool = False


class _Context(Known):
    def __init__(self):
        super().__init__(
            term_ids={str(pk) for pk in TaxonomyTerm.objects.values_list("pk", flat=True)},
            organization_ids={str(pk) for pk in Organization.objects.values_list("pk", flat=True)},
        )
        self.municipalities = {
            m.nis_code: m for m in Municipality.objects.prefetch_related("basins")
        }
        self.by_postal = {pc: m for m in self.municipalities.values() for pc in m.postal_codes}
        self.basins = {b.code: b for b in Basin.objects.all()}


def _reasons(kind: str, record: dict, context: _Context) -> list[str]:
    if kind == "service":
        return check_service(record, context)
    if kind == "taxonomy":
        return check_taxonomy(record)
    if kind == "taxonomy_term":
        return check_term(record)
    if kind == "organization":
        return check_organization(record)
    reasons = check_location(record)
    org_id = record.get("organization_id")
    if not reasons and org_id and str(uuid.UUID(org_id)) not in context.organization_ids:
        reasons.append(f"location: unknown organization {org_id}")
    return reasons


def _write(writer: RowWriter, kind: str, record: dict) -> bool:
    if kind == "taxonomy":
        return writer.taxonomy(record)[1]
    if kind == "taxonomy_term":
        existed = TaxonomyTerm.objects.filter(pk=record["id"]).exists()
        writer.term(record)
        return not existed
    if kind == "organization":
        return writer.organization(record)[1]
    if kind == "location":
        organization = Organization.objects.filter(pk=record.get("organization_id")).first()
        return writer.location(record, organization)[1]
    return writer.service(record)[1]


def apply_import(batch, *, dry_run: bool = False, user=None) -> ImportReport:
    """``batch``: what ``load_records`` returns (a plain list is taken as compiled services)."""
    if isinstance(batch, list):
        batch = {"service": batch}
    report = ImportReport(dry_run=dry_run, notes=list(batch.get("notes") or []))
    context = _Context()
    touched = []
    with transaction.atomic():
        for kind in ORDER:
            counts = report.by_kind.setdefault(kind, {"created": 0, "updated": 0})
            for record in batch.get(kind) or []:
                name = record.get("name") if isinstance(record.get("name"), str) else ""
                reasons = _reasons(kind, record, context)
                if reasons:
                    report.rejected.append((record.get("id"), name, reasons))
                    continue
                notes: list = []
                writer = RowWriter(context, user, notes)
                try:
                    with transaction.atomic():
                        created = _write(writer, kind, record)
                except (IntegrityError, DatabaseError, ValueError, TypeError) as error:
                    writer.forget()
                    report.rejected.append((record.get("id"), name, [f"database: {error}"]))
                    continue
                report.notes += [note for note in notes if note not in report.notes]
                if kind == "service":
                    touched.append(uuid.UUID(record["id"]))
                counts["created" if created else "updated"] += 1
                if created:
                    report.created += 1
                else:
                    report.updated += 1
        if dry_run:
            transaction.set_rollback(True)
        else:
            reindex(touched)
    return report
