"""Service sheets: creation and edition by the organization's members, verification ("last
verified on"), publication, and error reports from any logged-in professional."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format

from core.notifications import notify

from ..models import (
    ErrorReport,
    Organization,
    Phone,
    PublicationStatus,
    Schedule,
    Service,
    ServiceAtLocation,
)
from ..models.service import SERVICE_TEXT_FIELDS
from ..search.indexer import reindex
from .changes import record_changes
from .errors import DirectoryError
from .organizations import _clean, can_edit_organization, snapshot

#: Longest error report a professional may send (characters).
REPORT_MAX_LENGTH = 2000

SERVICE_FIELDS = [
    f"{name}_{lang}" for name in SERVICE_TEXT_FIELDS for lang in ("fr", "nl", "en")
] + [
    "alternate_name",
    "url",
    "email",
    "status",
    "minimum_age",
    "maximum_age",
    "access_beneficiary",
    "access_professional",
    "referral_required",
    "fee",
    "languages",
    "interpretation_services",
    "area_scope",
    "update_frequency_days",
]
RELATIONS = ["terms", "area_municipalities", "area_basins"]


def can_edit_service(user, service: Service) -> bool:
    return can_edit_organization(user, service.organization)


def _relations_snapshot(service) -> dict:
    return {
        "terms": sorted(str(t.pk) for t in service.terms.all()),
        "area_municipalities": sorted(m.nis_code for m in service.area_municipalities.all()),
        "area_basins": sorted(b.code for b in service.area_basins.all()),
    }


def _hours_snapshot(service) -> str:
    from ..hours import format_ranges

    return format_ranges(
        [(s.weekday, s.opens_at, s.closes_at) for s in service.schedules.all()], language="en"
    )


def _phones_snapshot(service) -> str:
    """The service's phones as one change-log value: "02 555 01 01; 02 555 01 02 [professionals]"
    (the audience code is shown translated by ``directory.journal``)."""
    return "; ".join(
        p.number + ("" if p.audience == Phone.Audience.ALL else f" [{p.audience}]")
        for p in sorted(service.phones.all(), key=lambda p: (p.audience, p.number))
    )


def _apply(service, user, data, relations, schedules, phones, location_ids, verify):
    fields = [f for f in data if f in SERVICE_FIELDS]
    for field in fields:
        setattr(service, field, data[field])
    if not (service.name_fr or service.name_nl or service.name_en):
        raise DirectoryError("no_service_name")
    service.name = service.name_fr or service.name_nl or service.name_en
    if (
        service.minimum_age is not None
        and service.maximum_age is not None
        and service.minimum_age > service.maximum_age
    ):
        raise DirectoryError("ages")
    if verify:
        service.assured_date = timezone.localdate()
        service.assured_by = user if user and user.is_authenticated else None
        service.assurer_email = getattr(user, "email", "") or ""
    service.review_due = service.compute_review_due()
    _clean(service)
    service.save()
    for name, values in relations.items():
        if values is not None:
            getattr(service, name).set(values)
    if schedules is not None:
        service.schedules.all().delete()
        Schedule.objects.bulk_create(
            Schedule(service=service, weekday=d, opens_at=o, closes_at=c) for d, o, c in schedules
        )
    if phones is not None:
        service.phones.all().delete()
        Phone.objects.bulk_create(Phone(service=service, **p) for p in phones if p.get("number"))
    if location_ids is not None:
        allowed = set(service.organization.locations.values_list("pk", flat=True))
        wanted = [pk for pk in location_ids if pk in allowed]
        service.at_locations.exclude(location_id__in=wanted).delete()
        have = set(service.at_locations.values_list("location_id", flat=True))
        ServiceAtLocation.objects.bulk_create(
            ServiceAtLocation(service=service, location_id=pk) for pk in wanted if pk not in have
        )
    return fields


@transaction.atomic
def create_service(
    user,
    organization: Organization,
    data: dict,
    *,
    terms=None,
    area_municipalities=None,
    area_basins=None,
    schedules=None,
    phones=None,
    location_ids=None,
    verify=True,
) -> Service:
    """A member adds a service to their organization (published at once when the organization
    is; the change log keeps every value)."""
    if not can_edit_organization(user, organization):
        raise DirectoryError("not_allowed")
    service = Service(organization=organization, publication_status=PublicationStatus.PUBLISHED)
    if location_ids is None:
        location_ids = list(organization.locations.values_list("pk", flat=True))
    relations = {
        "terms": terms,
        "area_municipalities": area_municipalities,
        "area_basins": area_basins,
    }
    fields = _apply(service, user, data, relations, schedules, phones, location_ids, verify)
    after = snapshot(service, fields) | _relations_snapshot(service)
    after["hours"] = _hours_snapshot(service)
    after["phones"] = _phones_snapshot(service)
    record_changes(user, "service", service.pk, {}, after, action="create")
    reindex([service.pk])
    return service


@transaction.atomic
def update_service(
    user,
    service: Service,
    data: dict,
    *,
    terms=None,
    area_municipalities=None,
    area_basins=None,
    schedules=None,
    phones=None,
    location_ids=None,
    verify=False,
) -> list[str]:
    """A member edits the sheet; ``verify`` also marks it as checked today. Returns the
    changed field names (each one written to the change log)."""
    if not can_edit_service(user, service):
        raise DirectoryError("not_allowed")
    service = Service.objects.select_for_update().get(pk=service.pk)
    fields = [f for f in data if f in SERVICE_FIELDS]
    before = snapshot(service, fields) | _relations_snapshot(service)
    before["hours"] = _hours_snapshot(service)
    before["phones"] = _phones_snapshot(service)
    relations = {
        "terms": terms,
        "area_municipalities": area_municipalities,
        "area_basins": area_basins,
    }
    _apply(service, user, data, relations, schedules, phones, location_ids, verify)
    after = snapshot(service, fields) | _relations_snapshot(service)
    after["hours"] = _hours_snapshot(service)
    after["phones"] = _phones_snapshot(service)
    changed = record_changes(user, "service", service.pk, before, after)
    if verify:
        record_changes(
            user, "service", service.pk, {}, {"assured_date": service.assured_date}, action="verify"
        )
    reindex([service.pk])
    return changed


@transaction.atomic
def verify_service(user, service: Service) -> Service:
    """ "Everything is still true": sets assured_date to today, by this person."""
    if not can_edit_service(user, service):
        raise DirectoryError("not_allowed")
    before = {"assured_date": service.assured_date}
    service.assured_date = timezone.localdate()
    service.assured_by = user
    service.assurer_email = user.email
    service.review_due = service.compute_review_due()
    service.save(
        update_fields=["assured_date", "assured_by", "assurer_email", "review_due", "modified_at"]
    )
    record_changes(
        user, "service", service.pk, before, {"assured_date": service.assured_date}, action="verify"
    )
    return service


@transaction.atomic
def set_service_publication(user, service: Service, publication_status: str) -> Service:
    """Publish, archive or send back to draft: members of the organization or coordinators."""
    if not can_edit_service(user, service):
        raise DirectoryError("not_allowed")
    before = {"publication_status": service.publication_status}
    service.publication_status = publication_status
    service.save(update_fields=["publication_status", "modified_at"])
    record_changes(user, "service", service.pk, before, {"publication_status": publication_status})
    reindex([service.pk])
    return service


@transaction.atomic
def report_error(user, organization: Organization, message: str, service=None) -> ErrorReport:
    """A logged-in professional reports an error; the organization's administrators and the
    coordinators are told by e-mail."""
    from accounts.models import User

    if not user or not user.is_authenticated:
        raise DirectoryError("login_required")
    if not message.strip():
        raise DirectoryError("empty_report")
    if len(message.strip()) > REPORT_MAX_LENGTH:
        raise DirectoryError(
            "report_too_long",
            count=number_format(len(message.strip()), force_grouping=True),
            max=number_format(REPORT_MAX_LENGTH, force_grouping=True),
        )
    fields = {
        "organization": organization,
        "service": service,
        "reporter": user,
        "message": message.strip(),
    }
    since = timezone.now() - datetime.timedelta(minutes=10)
    repeated = ErrorReport.objects.filter(**fields, created_at__gte=since).first()
    if repeated is not None:  # the same form sent twice: one report, one e-mail
        return repeated
    report = ErrorReport.objects.create(**fields)
    admins = User.objects.filter(
        memberships__organization=organization,
        memberships__status="accepted",
        memberships__is_admin=True,
        is_active=True,
    )
    recipients = {u.pk: u for u in list(admins) + list(User.objects.coordinators())}
    transaction.on_commit(
        lambda: notify(
            recipients.values(),
            "directory/email/error_report",
            {"report": report, "organization": organization, "service": service},
        )
    )
    return report


@transaction.atomic
def close_error_report(user, report: ErrorReport, status: str) -> ErrorReport:
    if not (user.is_coordinator or can_edit_organization(user, report.organization)):
        raise DirectoryError("not_allowed")
    report.status = status
    report.closed_at = timezone.now()
    report.closed_by = user
    report.save(update_fields=["status", "closed_at", "closed_by"])
    return report


def days_since(date: datetime.date | None) -> int | None:
    return None if date is None else (timezone.localdate() - date).days
