"""Import of HSDS records (already read and checked by ``directory.hsds.importer``).

Idempotent by id: organizations, services, locations and addresses are created or updated; the
lists hanging from a service (phones, schedules, closures, costs, contacts, places, terms,
areas) are replaced by the file's. Each record is written in its own savepoint, so that a
record failing at the database level is rejected alone. ``dry_run`` rolls everything back.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.db import DatabaseError, IntegrityError, transaction
from django.utils.dateparse import parse_date

from territory.models import Basin, Municipality
from territory.services import basin_for

from ..hsds.importer import check_record
from ..models import (
    Accessibility,
    Address,
    ChangeRecord,
    Closure,
    Contact,
    CostOption,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from ..models.service import SERVICE_TEXT_FIELDS
from ..search.indexer import reindex

LANGS = ("fr", "nl", "en")
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    rejected: list = field(default_factory=list)  # (record id, name, [reasons])
    dry_run: bool = False


def _tr(obj: dict, name: str) -> dict:
    """{name_fr: ..., name_nl: ..., name_en: ...} from x_translations, else the plain field."""
    values = (obj.get("x_translations") or {}).get(name) or {}
    out = {f"{name}_{lang}": values.get(lang, "") for lang in LANGS}
    if not any(out.values()) and obj.get(name):
        out[f"{name}_fr"] = obj[name]
    return out


def _time(value: str) -> datetime.time:
    return datetime.time(int(value[:2]), int(value[3:5]))


class _Context:
    def __init__(self):
        self.municipalities = {
            m.nis_code: m for m in Municipality.objects.prefetch_related("basins")
        }
        self.by_postal = {pc: m for m in self.municipalities.values() for pc in m.postal_codes}
        self.basins = {b.code: b for b in Basin.objects.all()}
        self.term_ids = {str(pk) for pk in TaxonomyTerm.objects.values_list("pk", flat=True)}


def apply_import(records: list[dict], *, dry_run: bool = False, user=None) -> ImportReport:
    report = ImportReport(dry_run=dry_run)
    context = _Context()
    touched = []
    with transaction.atomic():
        for record in records:
            reasons = check_record(record, context.term_ids)
            name = record.get("name") or ""
            if reasons:
                report.rejected.append((record.get("id"), name, reasons))
                continue
            try:
                with transaction.atomic():
                    created = _write_service(record, context, user)
            except (IntegrityError, DatabaseError, ValueError) as error:
                report.rejected.append((record.get("id"), name, [f"database: {error}"]))
                continue
            touched.append(uuid.UUID(str(record["id"])))
            if created:
                report.created += 1
            else:
                report.updated += 1
        if dry_run:
            transaction.set_rollback(True)
        else:
            reindex(touched)
    return report


def _write_organization(data: dict, context) -> Organization:
    identifiers = data.get("organization_identifiers") or []
    enterprise = next(
        (
            i.get("identifier", "")
            for i in identifiers
            if i.get("identifier_scheme") == "BE-BCE_KBO"
        ),
        "",
    )
    values = {
        "name": data["name"],
        **_tr(data, "name"),
        **_tr(data, "description"),
        "alternate_name": data.get("alternate_name", ""),
        "email": data.get("email", ""),
        "website": data.get("website", ""),
        "legal_status": data.get("legal_status", ""),
        "enterprise_number": enterprise,
        "sector": data.get("x_sector", "other"),
        "status": data.get("x_status", "published"),
        "is_network_member": bool(data.get("x_network_member", False)),
        "assured_date": parse_date(data["x_assured_date"]) if data.get("x_assured_date") else None,
    }
    if values["description_fr"] == data["name"] and not data.get("x_translations", {}).get(
        "description"
    ):
        values["description_fr"] = ""  # the export repeats the name when there is no description
    organization, _ = Organization.objects.update_or_create(id=data["id"], defaults=values)
    return organization


def _write_location(data: dict, organization: Organization, context) -> Location:
    location, _ = Location.objects.update_or_create(
        id=data["id"],
        defaults={
            "organization": organization,
            "location_type": data.get("location_type", "physical"),
            **_tr(data, "name"),
            **_tr(data, "description"),
            **_tr(data, "transportation"),
            "name": data.get("name", ""),
            "alternate_name": data.get("alternate_name", ""),
            "url": data.get("url", ""),
            "latitude": data.get("latitude"),
            "longitude": data.get("longitude"),
            "is_confidential": bool(data.get("x_confidential", False)),
        },
    )
    if data.get("x_confidential") and not data.get("addresses"):
        # A confidential place is exported without its address: keep the one known here, or
        # record only its municipality (the street stays unknown).
        municipality = context.municipalities.get(data.get("x_municipality", ""))
        if municipality and not location.addresses.exists():
            Address.objects.create(
                location=location,
                address_1="—",
                city=municipality.name_fr,
                postal_code=municipality.postal_codes[0],
                municipality=municipality,
                basin=basin_for(municipality, municipality.postal_codes[0]),
            )
    else:
        _write_addresses(location, data, context)
    Phone.objects.filter(location=location).delete()
    for phone in data.get("phones", []):
        Phone.objects.create(location=location, **_phone_values(phone))
    Accessibility.objects.filter(location=location).delete()
    for item in data.get("accessibility", []):
        Accessibility.objects.create(
            id=item["id"],
            location=location,
            **_tr(item, "description"),
            description=item.get("description", ""),
            details=item.get("details", ""),
            url=item.get("url", ""),
        )
    return location


def _write_addresses(location, data: dict, context) -> None:
    location.addresses.exclude(id__in=[a["id"] for a in data.get("addresses", [])]).delete()
    for address in data.get("addresses", []):
        municipality = context.municipalities.get(
            address.get("x_municipality", "")
        ) or context.by_postal.get(address["postal_code"])
        basin = context.basins.get(address.get("x_basin", "")) or basin_for(
            municipality, address["postal_code"]
        )
        Address.objects.update_or_create(
            id=address["id"],
            defaults={
                "location": location,
                "attention": address.get("attention", ""),
                "address_1": address["address_1"],
                "address_2": address.get("address_2", ""),
                "city": address["city"],
                "region": address.get("region", ""),
                "state_province": address.get("state_province", ""),
                "postal_code": address["postal_code"],
                "country": address.get("country", "BE"),
                "address_type": address.get("address_type", "physical"),
                "municipality": municipality,
                "basin": basin,
            },
        )


def _phone_values(phone: dict) -> dict:
    return {
        "id": phone["id"],
        "number": phone["number"],
        "type": phone.get("type", "voice"),
        "audience": phone.get("x_audience", "all"),
        "description": phone.get("description", ""),
        **_tr(phone, "description"),
    }


def _term(attribute: dict) -> str:
    term_id = str(uuid.UUID(str(attribute["taxonomy_term_id"])))
    if TaxonomyTerm.objects.filter(pk=term_id).exists():
        return term_id
    nested = attribute["taxonomy_term"]
    taxonomy_code = attribute.get("link_type") or "imported"
    taxonomy = (
        Taxonomy.objects.filter(pk=nested.get("taxonomy_id")).first()
        or Taxonomy.objects.filter(code=taxonomy_code).first()
    )
    if taxonomy is None:
        taxonomy = Taxonomy.objects.create(
            code=taxonomy_code[:40], name=taxonomy_code, name_fr=taxonomy_code, is_facet=False
        )
    TaxonomyTerm.objects.create(
        id=term_id,
        taxonomy=taxonomy,
        code=(nested.get("code") or term_id)[:60],
        name=nested.get("name", term_id),
        **_tr(nested, "name"),
    )
    return term_id


def _write_service(record: dict, context, user) -> bool:
    organization = _write_organization(record["organization"], context)
    access = record.get("x_access") or {}
    values = {
        "organization": organization,
        "name": record.get("name") or "",
        **{k: v for name in SERVICE_TEXT_FIELDS for k, v in _tr(record, name).items()},
        "alternate_name": record.get("alternate_name", ""),
        "url": record.get("url", ""),
        "email": record.get("email", ""),
        "status": record["status"],
        "publication_status": record.get("x_publication_status", "published"),
        "interpretation_services": record.get("interpretation_services", ""),
        "minimum_age": record.get("minimum_age"),
        "maximum_age": record.get("maximum_age"),
        "assured_date": parse_date(record["assured_date"]) if record.get("assured_date") else None,
        "assurer_email": record.get("assurer_email", ""),
        "access_beneficiary": list(access.get("beneficiaries", [])),
        "access_professional": list(access.get("professionals", [])),
        "referral_required": bool(access.get("referral_required", False)),
        "fee": record.get("x_fee", "free"),
        "languages": [lang["code"] for lang in record.get("languages", []) if lang.get("code")],
        "area_scope": record.get("x_area_scope", "region"),
        "update_frequency_days": record.get("x_update_frequency_days", 365),
    }
    if not values["professional_process_fr"] and access.get("professional_process"):
        values["professional_process_fr"] = access["professional_process"]
    values["name"] = values["name_fr"] or values["name_nl"] or values["name_en"] or values["name"]
    service, created = Service.objects.update_or_create(id=record["id"], defaults=values)
    service.review_due = service.compute_review_due()
    service.save(update_fields=["review_due"])
    service.terms.set([_term(a) for a in record.get("attributes", [])])
    municipalities, basins = [], []
    for area in record.get("service_areas", []):
        uri = area.get("uri", "")
        if (
            uri.startswith("urn:maillage:municipality:")
            and uri.rsplit(":", 1)[1] in context.municipalities
        ):
            municipalities.append(context.municipalities[uri.rsplit(":", 1)[1]])
        elif uri.startswith("urn:maillage:basin:") and uri.rsplit(":", 1)[1] in context.basins:
            basins.append(context.basins[uri.rsplit(":", 1)[1]])
    service.area_municipalities.set(municipalities)
    service.area_basins.set(basins)
    service.phones.all().delete()
    for phone in record.get("phones", []):
        Phone.objects.create(service=service, **_phone_values(phone))
    service.schedules.all().delete()
    for item in record.get("schedules", []):
        Schedule.objects.create(
            id=item["id"],
            service=service,
            weekday=BYDAY.index(item["byday"]),
            opens_at=_time(item["opens_at"]),
            closes_at=_time(item["closes_at"]),
            valid_from=parse_date(item["valid_from"]) if item.get("valid_from") else None,
            valid_to=parse_date(item["valid_to"]) if item.get("valid_to") else None,
            description=item.get("description", ""),
            **_tr(item, "description"),
        )
    service.closures.all().delete()
    for item in record.get("x_closures", []):
        reason = item.get("reason") or {}
        Closure.objects.create(
            id=item["id"],
            service=service,
            start_date=parse_date(item["start_date"]),
            end_date=parse_date(item["end_date"]),
            **{f"reason_{lang}": reason.get(lang, "") for lang in LANGS},
        )
    service.cost_options.all().delete()
    for item in record.get("cost_options", []):
        CostOption.objects.create(
            id=item["id"],
            service=service,
            option=item.get("option", ""),
            amount=item.get("amount"),
            currency=item.get("currency", "EUR"),
            amount_description=item.get("amount_description", ""),
        )
    service.contacts.all().delete()
    for item in record.get("contacts", []):
        phones = item.get("phones") or []
        Contact.objects.create(
            id=item["id"],
            service=service,
            name=item.get("name", ""),
            title=item.get("title", ""),
            email=item.get("email", ""),
            phone=phones[0]["number"] if phones else "",
        )
    service.at_locations.all().delete()
    for sal in record.get("service_at_locations", []):
        location = _write_location(sal["location"], organization, context)
        ServiceAtLocation.objects.create(
            id=sal["id"], service=service, location=location, **_tr(sal, "description")
        )
    ChangeRecord.objects.create(
        resource_type="service",
        resource_id=service.pk,
        last_action_type=ChangeRecord.Action.CREATE if created else ChangeRecord.Action.UPDATE,
        field_name="*",
        replacement_value="HSDS import",
        updated_by=(user.get_full_name() if user else "") or "import_hsds",
        user=user,
    )
    return created
