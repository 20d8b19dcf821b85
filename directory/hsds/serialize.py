"""Directory rows -> HSDS 3.x compiled objects (dicts), with the Brussels profile extensions
(properties prefixed ``x_``). Empty values are omitted, never null.

A confidential location never carries an address, coordinates or transport directions: this is
the single place that decides it for the API, the export and the map data.
Querysets with the right prefetches are built here too, so that a list costs a fixed number of
queries.
"""

import uuid

from django.db.models import Prefetch
from django.utils import translation

from ..models import (
    LANGUAGE_NAMES,
    Address,
    ChangeRecord,
    Location,
    Organization,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from ..models.location import address_may_be_shown
from ..models.service import SERVICE_TEXT_FIELDS

LANGS = ("fr", "nl", "en")
ID_NAMESPACE = uuid.UUID("a3c1b6f0-59f4-4e8e-9f3e-3d2a3e6f7b10")
BCE_SCHEME = "BE-BCE_KBO"


def derived_id(*parts) -> str:
    """Stable id of an object stored inline (language, attribute, area, identifier)."""
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(str(p) for p in parts)))


def clean(value):
    """Drop None, "" and empty lists/dicts, recursively."""
    if isinstance(value, dict):
        out = {k: clean(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [v for v in (clean(v) for v in value) if v not in (None, "", [], {})]
    return value


def translations(obj, fields) -> dict:
    return {f: {lang: getattr(obj, f"{f}_{lang}") or "" for lang in LANGS} for f in fields}


def text(obj, field) -> str:
    """The value in the active language, falling back fr -> nl -> en."""
    lang = translation.get_language() or "fr"
    order = [lang] + [code for code in LANGS if code != lang]
    for code in order:
        value = getattr(obj, f"{field}_{code}", None)
        if value:
            return value
    return getattr(obj, field, "") or ""


# --- querysets ------------------------------------------------------------------------------


def location_prefetches(prefix: str = "") -> list:
    return [
        Prefetch(
            f"{prefix}addresses",
            queryset=Address.objects.select_related("municipality", "basin"),
        ),
        f"{prefix}phones",
        f"{prefix}accessibility",
        f"{prefix}schedules",
    ]


def service_queryset():
    return Service.objects.select_related("organization").prefetch_related(
        Prefetch("terms", queryset=TaxonomyTerm.objects.select_related("taxonomy")),
        "phones",
        "schedules",
        "closures",
        "cost_options",
        "contacts",
        "area_municipalities",
        "area_basins",
        Prefetch(
            "at_locations",
            queryset=ServiceAtLocation.objects.select_related("location").prefetch_related(
                *location_prefetches("location__")
            ),
        ),
    )


def organization_queryset():
    return Organization.objects.prefetch_related(
        "phones",
        Prefetch("locations", queryset=Location.objects.prefetch_related(*location_prefetches())),
    )


# --- objects --------------------------------------------------------------------------------


def taxonomy(obj: Taxonomy) -> dict:
    return clean(
        {
            "id": str(obj.id),
            "name": text(obj, "name"),
            "description": text(obj, "description") or text(obj, "name"),
            "uri": obj.uri,
            "x_code": obj.code,
            "x_translations": translations(obj, ["name", "description"]),
        }
    )


def taxonomy_term(term: TaxonomyTerm, nested_taxonomy: bool = True) -> dict:
    data = {
        "id": str(term.id),
        "code": term.code,
        "name": text(term, "name"),
        "description": text(term, "description") or text(term, "name"),
        "parent_id": str(term.parent_id) if term.parent_id else None,
        "taxonomy_id": str(term.taxonomy_id),
        "x_translations": translations(term, ["name", "description"]),
    }
    if nested_taxonomy:
        data["taxonomy"] = taxonomy(term.taxonomy)
    return clean(data)


def phone(obj) -> dict:
    return clean(
        {
            "id": str(obj.id),
            "number": obj.number,
            "type": obj.type,
            "description": text(obj, "description"),
            "x_audience": obj.audience,
            "x_translations": translations(obj, ["description"]),
        }
    )


def schedules(rows) -> list[dict]:
    """One HSDS schedule per row, except rows sharing ``hsds_schedule_id`` (one schedule that
    lists several days): they are given back as that one schedule, ``byday`` "TH,FR"."""
    groups: dict = {}
    for row in rows:
        same = (row.opens_at, row.closes_at, row.valid_from, row.valid_to, row.description)
        groups.setdefault((row.hsds_schedule_id or row.id, same), []).append(row)
    out, ids = [], set()
    for (group_id, _same), group in groups.items():
        # a day edited apart from its schedule is a schedule of its own, under its row's id
        out.append(schedule(group[0], group, group_id if group_id not in ids else group[0].id))
        ids.add(group_id)
    return out


def schedule(obj, days=None, schedule_id=None) -> dict:
    days = sorted({row.weekday for row in days}) if days else [obj.weekday]
    return clean(
        {
            "id": str(schedule_id or obj.id),
            "service_id": str(obj.service_id) if obj.service_id else None,
            "location_id": str(obj.location_id) if obj.location_id else None,
            "freq": "WEEKLY",
            "byday": ",".join(obj.WEEKDAYS[day] for day in days),
            "opens_at": obj.opens_at.strftime("%H:%M"),
            "closes_at": obj.closes_at.strftime("%H:%M"),
            "valid_from": obj.valid_from.isoformat() if obj.valid_from else None,
            "valid_to": obj.valid_to.isoformat() if obj.valid_to else None,
            "description": text(obj, "description"),
            "x_translations": translations(obj, ["description"]),
        }
    )


def address(obj) -> dict:
    return clean(
        {
            "id": str(obj.id),
            "location_id": str(obj.location_id),
            "attention": obj.attention,
            "address_1": obj.address_1,
            "address_2": obj.address_2,
            "city": obj.city,
            "region": obj.region,
            "state_province": obj.state_province or "BRU",
            "postal_code": obj.postal_code,
            "country": obj.country,
            "address_type": obj.address_type,
            "x_municipality": obj.municipality.nis_code if obj.municipality else None,
            "x_basin": obj.basin.code if obj.basin else None,
        }
    )


def location(obj: Location) -> dict:
    confidential = not address_may_be_shown(obj.is_confidential)
    data = {
        "id": str(obj.id),
        "location_type": obj.location_type,
        "organization_id": str(obj.organization_id) if obj.organization_id else None,
        "name": text(obj, "name"),
        "alternate_name": obj.alternate_name,
        "description": text(obj, "description"),
        "url": obj.url,
        "phones": [phone(p) for p in obj.phones.all()],
        "schedules": schedules(obj.schedules.all()),
        "accessibility": [
            clean(
                {
                    "id": str(a.id),
                    "location_id": str(obj.id),
                    "description": text(a, "description"),
                    "details": a.details,
                    "url": a.url,
                }
            )
            for a in obj.accessibility.all()
        ],
        "x_translations": translations(obj, ["name", "description"]),
    }
    if confidential:
        # Brussels profile: a confidential address is never published; only its municipality.
        data["x_confidential"] = True
        municipalities = {a.municipality.nis_code for a in obj.addresses.all() if a.municipality}
        data["x_municipality"] = sorted(municipalities)[0] if municipalities else None
    else:
        data.update(
            {
                "transportation": text(obj, "transportation"),
                "latitude": obj.latitude,
                "longitude": obj.longitude,
                "addresses": [address(a) for a in obj.addresses.all()],
            }
        )
        data["x_translations"] = translations(obj, ["name", "description", "transportation"])
    return clean(data)


def organization(obj: Organization, with_locations: bool = True, metadata=None) -> dict:
    data = {
        "id": str(obj.id),
        "name": text(obj, "name"),
        "alternate_name": obj.alternate_name,
        "description": text(obj, "description") or text(obj, "name"),
        "email": obj.email,
        "website": obj.website,
        "legal_status": obj.legal_status,
        "parent_organization_id": str(obj.parent_id) if obj.parent_id else None,
        "organization_identifiers": [
            {
                "id": derived_id(obj.id, BCE_SCHEME),
                "organization_id": str(obj.id),
                "identifier_scheme": BCE_SCHEME,
                "identifier_type": "enterprise number",
                "identifier": obj.enterprise_number,
            }
        ]
        if obj.enterprise_number
        else [],
        "x_sector": obj.sector,
        "x_status": obj.status,
        "x_network_member": obj.is_network_member,
        "x_assured_date": obj.assured_date.isoformat() if obj.assured_date else None,
        "x_translations": translations(obj, ["name", "description"]),
    }
    if with_locations:
        data["phones"] = [phone(p) for p in obj.phones.all()]
        data["locations"] = [location(loc) for loc in obj.locations.all()]
    if metadata:
        data["metadata"] = metadata
    return clean(data)


def service_area_list(service: Service, all_basins=None) -> list:
    if service.area_scope == "region":
        return [
            {
                "id": derived_id(service.id, "area", "region"),
                "service_id": str(service.id),
                "name": "Région de Bruxelles-Capitale / Brussels Hoofdstedelijk Gewest",
                "uri": "urn:maillage:region:bru",
            }
        ]
    if service.area_scope == "basins":
        return [
            {
                "id": derived_id(service.id, "area", "basin", b.code),
                "service_id": str(service.id),
                "name": b.name_fr or b.name,
                "uri": f"urn:maillage:basin:{b.code}",
            }
            for b in service.area_basins.all()
        ]
    return [
        {
            "id": derived_id(service.id, "area", "municipality", m.nis_code),
            "service_id": str(service.id),
            "name": m.name_fr or m.name,
            "uri": f"urn:maillage:municipality:{m.nis_code}",
        }
        for m in service.area_municipalities.all()
    ]


TRANSLATED_SERVICE = SERVICE_TEXT_FIELDS


def service(obj: Service, metadata=None, with_organization: bool = True) -> dict:
    sid = str(obj.id)
    data = {
        "id": sid,
        "organization_id": str(obj.organization_id),
        "name": text(obj, "name"),
        "alternate_name": obj.alternate_name,
        "description": text(obj, "description"),
        "url": obj.url,
        "email": obj.email,
        "status": obj.status,
        "interpretation_services": obj.interpretation_services,
        "application_process": text(obj, "application_process"),
        "fees_description": text(obj, "fees_description"),
        "eligibility_description": text(obj, "eligibility_description"),
        "minimum_age": obj.minimum_age,
        "maximum_age": obj.maximum_age,
        "assured_date": obj.assured_date.isoformat() if obj.assured_date else None,
        "assurer_email": obj.assurer_email,
        "alert": text(obj, "alert"),
        "last_modified": obj.modified_at.isoformat(),
        "phones": [phone(p) for p in obj.phones.all()],
        "schedules": schedules(obj.schedules.all()),
        "service_areas": service_area_list(obj),
        "languages": [
            {
                "id": derived_id(sid, "language", code),
                "service_id": sid,
                "name": str(LANGUAGE_NAMES.get(code, code)),
                "code": code,
            }
            for code in obj.languages
        ],
        "cost_options": [
            {
                "id": str(c.id),
                "service_id": sid,
                "option": c.option,
                "amount": float(c.amount) if c.amount is not None else None,
                "currency": c.currency,
                "amount_description": c.amount_description,
            }
            for c in obj.cost_options.all()
        ],
        "contacts": [
            {
                "id": str(c.id),
                "service_id": sid,
                "name": c.name,
                "title": c.title,
                "email": c.email,
                "phones": [{"id": derived_id(c.id, "phone"), "number": c.phone}] if c.phone else [],
            }
            for c in obj.contacts.all()
        ],
        "attributes": [
            {
                "id": derived_id(sid, "attribute", term.id),
                "link_id": sid,
                "link_type": term.taxonomy.code,
                "link_entity": "service",
                "taxonomy_term_id": str(term.id),
                "taxonomy_term": taxonomy_term(term, nested_taxonomy=False),
            }
            for term in obj.terms.all()
        ],
        "service_at_locations": [
            {
                "id": str(sal.id),
                "service_id": sid,
                "location_id": str(sal.location_id),
                "description": text(sal, "description"),
                "location": location(sal.location),
            }
            for sal in obj.at_locations.all()
        ],
        "x_publication_status": obj.publication_status,
        "x_access": {
            "beneficiaries": list(obj.access_beneficiary),
            "professionals": list(obj.access_professional),
            "referral_required": obj.referral_required,
            "professional_process": text(obj, "professional_process"),
        },
        "x_fee": obj.fee,
        "x_area_scope": obj.area_scope,
        "x_update_frequency_days": obj.update_frequency_days,
        "x_closures": [
            {
                "id": str(c.id),
                "start_date": c.start_date.isoformat(),
                "end_date": c.end_date.isoformat(),
                "reason": {lang: getattr(c, f"reason_{lang}") or "" for lang in LANGS},
            }
            for c in obj.closures.all()
        ],
        "x_translations": translations(obj, TRANSLATED_SERVICE),
    }
    if with_organization:
        data["organization"] = organization(obj.organization, with_locations=False)
    if metadata:
        data["metadata"] = metadata
    data = clean(data)
    # referral_required False is meaningful: keep it.
    data.setdefault("x_access", {})["referral_required"] = obj.referral_required
    return data


def metadata_for(resource_id) -> list:
    return [
        clean(
            {
                "id": str(r.id),
                "resource_id": str(r.resource_id),
                "resource_type": r.resource_type,
                "last_action_date": r.last_action_date.isoformat(),
                "last_action_type": r.last_action_type,
                "field_name": r.field_name,
                "previous_value": r.previous_value or "-",
                "replacement_value": r.replacement_value or "-",
                "updated_by": r.updated_by or "-",
            }
        )
        for r in ChangeRecord.objects.filter(resource_id=resource_id).order_by("last_action_date")[
            :200
        ]
    ]
