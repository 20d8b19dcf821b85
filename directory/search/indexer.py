"""Keeps the search index in sync with the sheets. Called by ``directory.services`` after every
write, and by ``manage.py rebuild_search_index``. Only public services are indexed, so a search
can never return a draft, an archived sheet or a service of an unpublished organization.
Confidential locations give no point (the municipality centre is used for distances instead).
"""

import datetime

from django.db import connection, transaction
from django.utils import timezone

from ..models import Service, ServiceIndex
from ..models.taxonomy import TaxonomyTerm
from . import memory
from .backends import get_backend
from .text import fold, token

TRANSLATED_SERVICE_FIELDS = [
    "name",
    "description",
    "eligibility_description",
    "application_process",
    "professional_process",
]
LANGS = ("fr", "nl", "en")
SLOT_MINUTES = 30
#: Services read at once. On SQLite, Django prefetches a service's places with one ``OR`` term
#: per place, and SQLite refuses an expression deeper than 1,000 (SQLITE_MAX_EXPR_DEPTH):
#: "Expression tree is too large". 500 services have far fewer than 1,000 places.
CHUNK_SIZE = 500


def hours_token(moment: datetime.datetime) -> str:
    """The token of the half-hour slot containing ``moment`` (local time): "o" weekday HHMM."""
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    minute = local.minute - local.minute % SLOT_MINUTES
    return f"o{local.weekday()}{local.hour:02d}{minute:02d}"


def _slots(schedule, today) -> list[str]:
    if schedule.valid_to and schedule.valid_to < today:
        return []
    if schedule.valid_from and schedule.valid_from > today + datetime.timedelta(days=7):
        return []
    start = schedule.opens_at.hour * 60 + schedule.opens_at.minute
    start -= start % SLOT_MINUTES
    end = schedule.closes_at.hour * 60 + schedule.closes_at.minute
    return [
        f"o{schedule.weekday}{m // 60:02d}{m % 60:02d}" for m in range(start, end, SLOT_MINUTES)
    ]


def indexed_queryset():
    return (
        Service.objects.published()
        .select_related("organization")
        .prefetch_related(
            "terms",
            "area_municipalities",
            "area_basins",
            "schedules",
            "at_locations__location__addresses__municipality",
            "at_locations__location__addresses__basin",
        )
    )


def document(service: Service, all_municipalities: list, today=None) -> dict:
    """The index row of one service (plain values)."""
    today = today or timezone.localdate()
    texts = [service.alternate_name, service.organization.alternate_name]
    for field in TRANSLATED_SERVICE_FIELDS:
        texts += [getattr(service, f"{field}_{lang}") or "" for lang in LANGS]
    texts += [getattr(service.organization, f"name_{lang}") or "" for lang in LANGS]
    facets = {token("f", service.fee), token("r", int(service.referral_required))}
    facets |= {token("l", code) for code in service.languages}
    for term in service.terms.all():
        texts += [term.name_fr or "", term.name_nl or "", term.name_en or ""]
        facets.add("t" + term.id.hex)
    point, exact = None, False
    for at_location in service.at_locations.all():
        location = at_location.location
        for address in location.addresses.all():
            if address.municipality:
                m = address.municipality
                facets.add(token("m", m.nis_code))
                texts += [m.name_fr or "", m.name_nl or ""]
                if point is None:  # the municipality centre until an exact point is known
                    point = (m.latitude, m.longitude)
            if address.basin:
                facets.add(token("b", address.basin.code))
        if not location.is_confidential and location.latitude is not None and not exact:
            point, exact = (location.latitude, location.longitude), True
    # Service area, compactly: "sall" (the region), "sb<basin>" or "s<nis>" (see engine).
    if service.area_scope == "region":
        facets.add("sall")
    elif service.area_scope == "basins":
        facets |= {token("sb", b.code) for b in service.area_basins.all()}
    else:
        facets |= {token("s", m.nis_code) for m in service.area_municipalities.all()}
    hours = sorted({slot for s in service.schedules.all() for slot in _slots(s, today)})
    return {
        "body": fold(" ".join(t for t in texts if t)),
        "facets": " ".join(sorted(facets)),
        "hours": " ".join(hours),
        "name": fold(service.name_fr or service.name_nl or service.name or "")[:255],
        "title": title(service),
        "latitude": point[0] if point else None,
        "longitude": point[1] if point else None,
    }


def title(service: Service) -> str:
    """The folded service and organization names (every language, then the alternate name)."""
    organization = service.organization
    names = [getattr(service, f"name_{lang}") for lang in LANGS] + [service.alternate_name]
    names += [getattr(organization, f"name_{lang}") for lang in LANGS]
    names.append(organization.alternate_name)
    return fold(" ".join(n for n in names if n))


def reindex(service_ids) -> None:
    """Bring the index rows of these services up to date (insert, update or delete), reading
    them ``CHUNK_SIZE`` at a time, in one transaction."""
    from territory.models import Municipality

    service_ids = list(service_ids)
    if not service_ids:
        return
    municipalities = list(Municipality.objects.all())
    backend = get_backend()
    with transaction.atomic():
        for chunk in chunks(service_ids):
            _reindex_chunk(chunk, municipalities, backend)
        _bump()


def chunks(ids: list, size: int | None = None):
    """``ids`` in slices of ``size`` (default ``CHUNK_SIZE``)."""
    size = size or CHUNK_SIZE
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _reindex_chunk(service_ids: list, municipalities: list, backend) -> None:
    public = {s.pk: s for s in indexed_queryset().filter(pk__in=service_ids)}
    gone = ServiceIndex.objects.filter(service_id__in=service_ids).exclude(
        service_id__in=list(public)
    )
    gone_ids = list(gone.values_list("id", flat=True))
    if gone_ids:
        with connection.cursor() as cursor:
            backend.delete(cursor, gone_ids)
        ServiceIndex.objects.filter(id__in=gone_ids).delete()
    existing = dict(
        ServiceIndex.objects.filter(service_id__in=list(public)).values_list("service_id", "id")
    )
    rows = []
    for pk, service in public.items():
        values = document(service, municipalities)
        if pk in existing:
            ServiceIndex.objects.filter(id=existing[pk]).update(**values)
            index_id = existing[pk]
        else:
            index_id = ServiceIndex.objects.create(service_id=pk, **values).id
        rows.append((index_id, values["body"], values["facets"], values["hours"]))
    with connection.cursor() as cursor:
        backend.write(cursor, rows)


def _bump():
    """Tell every process to reload its search snapshot: now (this transaction) and again
    after commit (the others)."""
    memory.bump_version()
    transaction.on_commit(memory.bump_version)


def rebuild(batch_size: int | None = None, stdout=None) -> int:
    """Drop and rebuild the whole index; returns the number of indexed services."""
    from territory.models import Municipality

    municipalities = list(Municipality.objects.all())
    backend = get_backend()
    total = 0
    with transaction.atomic():
        with connection.cursor() as cursor:
            backend.clear(cursor)
        ServiceIndex.objects.all().delete()
        ids = list(indexed_queryset().order_by("pk").values_list("pk", flat=True))
        for chunk_ids in chunks(ids, batch_size):
            chunk = list(indexed_queryset().filter(pk__in=chunk_ids))
            objects = [ServiceIndex(service_id=s.pk, **document(s, municipalities)) for s in chunk]
            ServiceIndex.objects.bulk_create(objects, batch_size=500)
            created = ServiceIndex.objects.filter(service_id__in=[s.pk for s in chunk]).values_list(
                "id", "body", "facets", "hours"
            )
            with connection.cursor() as cursor:
                backend.write(cursor, list(created))
            total += len(chunk)
            if stdout:
                stdout.write(f"  {total} services indexed")
        _bump()
    return total


def reindex_terms(term: TaxonomyTerm) -> None:
    reindex(term.services.values_list("pk", flat=True))
