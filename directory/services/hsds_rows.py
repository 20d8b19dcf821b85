"""Writing checked HSDS records into directory rows (called only by ``services.imports``).

Idempotent by id: taxonomies, terms, organizations, services, locations and addresses are
created or updated; the lists hanging from them (phones, schedules, closures, costs, contacts,
places, terms, areas) are replaced by the file's. HSDS lets one object appear under several
parents (the specification's examples give the same phone to a service, its location and its
contact): the first keeps its id, the others get an id derived from their parent's, so that a
second import of the same file writes the same rows. What a record carries that Maillage does
not keep is said in ``notes``. It never checks records (``hsds.checks`` did) and never opens a
transaction of its own.
"""

import datetime
import uuid

from django.db import models
from django.utils.dateparse import parse_date
from django.utils.text import slugify

from territory.services import basin_for

from ..hsds.checks import attribute_term_id, schedule_days
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

LANGS = ("fr", "nl", "en")
ID_NAMESPACE = uuid.UUID("5d0c8e2a-7f43-4a4f-9b1e-6a3c2f9d8e71")


def _tr(obj: dict, name: str) -> dict:
    """{name_fr: ..., name_nl: ..., name_en: ...} from x_translations, else the plain field."""
    values = (obj.get("x_translations") or {}).get(name) or {}
    out = {f"{name}_{lang}": values.get(lang, "") for lang in LANGS}
    if not any(out.values()) and obj.get(name):
        out[f"{name}_fr"] = obj[name]
    return out


def _time(value: str) -> datetime.time:
    return datetime.time(int(value[:2]), int(value[3:5]))


def _date(value):
    return parse_date(str(value)[:10]) if value else None


def _description(data: dict, name: str) -> dict:
    """The description fields; empty when the file repeats the name there (Maillage's export
    does, because HSDS requires a description)."""
    values = {"description": data.get("description") or "", **_tr(data, "description")}
    if data.get("description") == name and not (data.get("x_translations") or {}).get(
        "description"
    ):
        values = dict.fromkeys(values, "")
    return values


def _unique_code(model, code: str, pk: str, max_length: int, **scope) -> str:
    code = (slugify(code) or "x")[:max_length]
    if model.objects.filter(code=code, **scope).exclude(pk=pk).exists():
        code = f"{code[: max_length - 9]}-{pk[:8]}"
    return code


class RowWriter:
    def __init__(self, context, user, notes: list):
        self.context = context
        self.user = user
        self.notes = notes
        self.used: set = set()
        #: (set of the context, id) this record added: taken back if the record fails.
        self.added: list = []

    def know(self, ids: set, pk: str) -> None:
        if pk not in ids:
            ids.add(pk)
            self.added.append((ids, pk))

    def forget(self) -> None:
        for ids, pk in self.added:
            ids.discard(pk)

    def child_id(self, model, raw, owner) -> str:
        return self.child_ids(model, [raw], owner)[0]

    def child_ids(self, model, raws: list, owner) -> list[str]:
        """The ids to store these children under (one query for the whole list)."""
        raws = [str(uuid.UUID(str(raw))) for raw in raws]
        if model is Schedule:
            taken = Schedule.objects.filter(
                models.Q(pk__in=raws) | models.Q(hsds_schedule_id__in=raws)
            ).values_list("pk", "hsds_schedule_id")
            taken = {str(value) for pair in taken for value in pair if value}
        else:
            taken = {
                str(pk) for pk in model.objects.filter(pk__in=raws).values_list("pk", flat=True)
            }
        out = []
        for raw in raws:
            if (model, raw) in self.used or raw in taken:
                raw = str(uuid.uuid5(ID_NAMESPACE, f"{owner}/{raw}"))
            self.used.add((model, raw))
            out.append(raw)
        return out

    # --- taxonomies ---------------------------------------------------------------------

    def taxonomy(self, data: dict) -> tuple[Taxonomy, bool]:
        pk = str(uuid.UUID(data["id"]))
        existing = Taxonomy.objects.filter(pk=pk).first()
        code = data.get("x_code") or data.get("name")
        values = {
            "code": existing.code if existing else _unique_code(Taxonomy, code, pk, 40),
            "name": data["name"],
            **_tr(data, "name"),
            **_description(data, data["name"]),
            "uri": data.get("uri", ""),
        }
        if existing is None:
            values["is_facet"] = False  # a publisher's taxonomy joins the facets by choice
        return Taxonomy.objects.update_or_create(id=pk, defaults=values)

    def term(self, data: dict, fallback_code: str = "imported", update=True) -> str:
        pk = str(uuid.UUID(data["id"]))
        existing = TaxonomyTerm.objects.filter(pk=pk).first()
        if existing and not update:
            return pk
        detail = data.get("taxonomy_detail") or data.get("taxonomy")
        taxonomy = None
        if isinstance(detail, dict):
            taxonomy = self.taxonomy(detail)[0]
        elif data.get("taxonomy_id"):
            taxonomy = Taxonomy.objects.filter(pk=data["taxonomy_id"]).first()
        if taxonomy is None and existing:
            taxonomy = existing.taxonomy
        if taxonomy is None:
            code = detail if isinstance(detail, str) and detail else fallback_code
            taxonomy = Taxonomy.objects.filter(code=slugify(code)[:40]).first()
            if taxonomy is None:
                taxonomy = Taxonomy.objects.create(
                    id=data.get("taxonomy_id") or uuid.uuid4(),
                    code=slugify(code)[:40] or "imported",
                    name=code[:120],
                    name_fr=code[:120],
                    is_facet=False,
                )
        name = data.get("name") or data.get("code")
        parent = TaxonomyTerm.objects.filter(pk=data.get("parent_id")).first()
        values = {
            "taxonomy": taxonomy,
            "code": existing.code
            if existing and existing.taxonomy_id == taxonomy.pk
            else _unique_code(TaxonomyTerm, data.get("code") or name, pk, 60, taxonomy=taxonomy),
            "name": name,
            **_tr({**data, "name": name}, "name"),
            **_description(data, name),
            "parent": parent if parent and parent.pk != pk else None,
        }
        TaxonomyTerm.objects.update_or_create(id=pk, defaults=values)
        self.know(self.context.term_ids, pk)
        return pk

    # --- organizations and places ----------------------------------------------------------

    def organization(self, data: dict) -> tuple[Organization, bool]:
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
            "assured_date": _date(data.get("x_assured_date")),
        }
        if values["description_fr"] == data["name"] and not data.get("x_translations", {}).get(
            "description"
        ):
            values["description_fr"] = ""  # the export repeats the name when there is none
        parent_id = data.get("parent_organization_id")
        if parent_id:
            values["parent"] = (
                Organization.objects.filter(pk=parent_id).exclude(pk=data["id"]).first()
            )
            if values["parent"] is None:
                self.notes.append(
                    f"organization {data['id']}: parent organization {parent_id} is not in the "
                    "directory, not linked"
                )
        organization, created = Organization.objects.update_or_create(
            id=data["id"], defaults=values
        )
        if "phones" in data:
            Phone.objects.filter(organization=organization).delete()
            self.phones(data.get("phones") or [], organization=organization)
        self.know(self.context.organization_ids, str(organization.pk))
        return organization, created

    def location(self, data: dict, organization: Organization | None) -> tuple[Location, bool]:
        coordinates = {"latitude": data.get("latitude"), "longitude": data.get("longitude")}
        latitude, longitude = coordinates.values()
        if (latitude is not None and not -90 <= latitude <= 90) or (
            longitude is not None and not -180 <= longitude <= 180
        ):
            self.notes.append(
                f"location {data['id']}: latitude {latitude}, longitude {longitude} are off the "
                "globe, not kept"
            )
            coordinates = {"latitude": None, "longitude": None}
        location, created = Location.objects.update_or_create(
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
                **coordinates,
                "is_confidential": bool(data.get("x_confidential", False)),
            },
        )
        if data.get("x_confidential") and not data.get("addresses"):
            self._confidential_address(location, data)
        else:
            self._addresses(location, data)
        Phone.objects.filter(location=location).delete()
        self.phones(data.get("phones") or [], location=location)
        location.schedules.all().delete()
        self.schedules(data.get("schedules") or [], location=location)
        Accessibility.objects.filter(location=location).delete()
        for item in data.get("accessibility") or []:
            Accessibility.objects.create(
                id=self.child_id(Accessibility, item["id"], location.pk),
                location=location,
                **_tr(item, "description"),
                description=item.get("description", ""),
                details=item.get("details", ""),
                url=item.get("url", ""),
            )
        return location, created

    def _confidential_address(self, location, data: dict) -> None:
        # A confidential place is exported without its address: keep the one known here, or
        # record only its municipality (the street stays unknown).
        municipality = self.context.municipalities.get(data.get("x_municipality", ""))
        if municipality and not location.addresses.exists():
            Address.objects.create(
                location=location,
                address_1="—",
                city=municipality.name_fr,
                postal_code=municipality.postal_codes[0],
                municipality=municipality,
                basin=basin_for(municipality, municipality.postal_codes[0]),
            )

    def _addresses(self, location, data: dict) -> None:
        addresses = data.get("addresses") or []
        location.addresses.exclude(id__in=[a["id"] for a in addresses]).delete()
        for address in addresses:
            municipality = self.context.municipalities.get(
                address.get("x_municipality", "")
            ) or self.context.by_postal.get(address["postal_code"])
            basin = self.context.basins.get(address.get("x_basin", "")) or basin_for(
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

    def phones(self, items: list, **owner) -> None:
        (owner_obj,) = owner.values()
        ids = self.child_ids(Phone, [item["id"] for item in items], owner_obj.pk)
        Phone.objects.bulk_create(
            Phone(
                id=pk,
                number=phone["number"],
                type=phone.get("type", "voice"),
                audience=phone.get("x_audience", "all"),
                description=phone.get("description", ""),
                **_tr(phone, "description"),
                **owner,
            )
            for pk, phone in zip(ids, items, strict=True)
        )

    def schedules(self, items: list, **owner) -> None:
        """One row per day of each schedule; a schedule of several days keeps its HSDS id in
        ``hsds_schedule_id`` so that it is given back as one schedule."""
        (owner_obj,) = owner.values()
        kept = []
        for item in items:
            days, why = schedule_days(item)
            if days is None:
                self.notes.append(f"schedule {item['id']}: {why}, not kept as opening hours")
            else:
                kept.append((item, days))
        ids = self.child_ids(Schedule, [item["id"] for item, _days in kept], owner_obj.pk)
        rows = []
        for hsds_id, (item, days) in zip(ids, kept, strict=True):
            for day in days:
                rows.append(
                    Schedule(
                        id=hsds_id
                        if len(days) == 1
                        else uuid.uuid5(ID_NAMESPACE, f"{hsds_id}/{day}"),
                        hsds_schedule_id=hsds_id if len(days) > 1 else None,
                        weekday=day,
                        opens_at=_time(item["opens_at"]),
                        closes_at=_time(item["closes_at"]),
                        valid_from=_date(item.get("valid_from")),
                        valid_to=_date(item.get("valid_to")),
                        description=item.get("description") or "",
                        **_tr(item, "description"),
                        **owner,
                    )
                )
        Schedule.objects.bulk_create(rows)

    # --- services ---------------------------------------------------------------------------

    def service(self, record: dict) -> tuple[Service, bool]:
        if isinstance(record.get("organization"), dict):
            organization = self.organization(record["organization"])[0]
        else:
            organization = Organization.objects.get(pk=record["organization_id"])
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
            "assured_date": _date(record.get("assured_date")),
            "assurer_email": record.get("assurer_email", ""),
            "access_beneficiary": list(access.get("beneficiaries", [])),
            "access_professional": list(access.get("professionals", [])),
            "referral_required": bool(access.get("referral_required", False)),
            "fee": record.get("x_fee", "free"),
            "languages": [
                lang["code"] for lang in record.get("languages") or [] if lang.get("code")
            ],
            "area_scope": record.get("x_area_scope", "region"),
            "update_frequency_days": record.get("x_update_frequency_days", 365),
        }
        if not values["professional_process_fr"] and access.get("professional_process"):
            values["professional_process_fr"] = access["professional_process"]
        values["name"] = (
            values["name_fr"] or values["name_nl"] or values["name_en"] or values["name"]
        )
        service, created = Service.objects.update_or_create(id=record["id"], defaults=values)
        service.review_due = service.compute_review_due()
        service.save(update_fields=["review_due"])
        service.terms.set([self._attribute_term(a) for a in record.get("attributes") or []])
        self._areas(service, record)
        service.phones.all().delete()
        self.phones(record.get("phones") or [], service=service)
        service.schedules.all().delete()
        self.schedules(record.get("schedules") or [], service=service)
        self._service_lists(service, record)
        service.at_locations.all().delete()
        for sal in record.get("service_at_locations") or []:
            location = self.location(sal["location"], organization)[0]
            ServiceAtLocation.objects.create(
                id=sal["id"], service=service, location=location, **_tr(sal, "description")
            )
        ChangeRecord.objects.create(
            resource_type="service",
            resource_id=service.pk,
            last_action_type=ChangeRecord.Action.CREATE if created else ChangeRecord.Action.UPDATE,
            field_name="*",
            replacement_value="HSDS import",
            updated_by=(self.user.get_full_name() if self.user else "") or "import_hsds",
            user=self.user,
        )
        return service, created

    def _attribute_term(self, attribute: dict) -> str:
        term_id = attribute_term_id(attribute)
        if term_id in self.context.term_ids or not isinstance(attribute.get("taxonomy_term"), dict):
            return term_id
        nested = {"id": term_id, **attribute["taxonomy_term"]}
        return self.term(nested, attribute.get("link_type") or "imported", update=False)

    def _areas(self, service, record: dict) -> None:
        municipalities, basins = [], []
        for area in record.get("service_areas") or []:
            uri = area.get("uri") or ""
            code = uri.rsplit(":", 1)[-1]
            if uri.startswith("urn:maillage:municipality:") and code in self.context.municipalities:
                municipalities.append(self.context.municipalities[code])
            elif uri.startswith("urn:maillage:basin:") and code in self.context.basins:
                basins.append(self.context.basins[code])
        service.area_municipalities.set(municipalities)
        service.area_basins.set(basins)

    def _service_lists(self, service, record: dict) -> None:
        service.closures.all().delete()
        for item in record.get("x_closures") or []:
            reason = item.get("reason") or {}
            Closure.objects.create(
                id=self.child_id(Closure, item["id"], service.pk),
                service=service,
                start_date=_date(item["start_date"]),
                end_date=_date(item["end_date"]),
                **{f"reason_{lang}": reason.get(lang, "") for lang in LANGS},
            )
        service.cost_options.all().delete()
        for item in record.get("cost_options") or []:
            CostOption.objects.create(
                id=self.child_id(CostOption, item["id"], service.pk),
                service=service,
                option=item.get("option", ""),
                amount=item.get("amount"),
                currency=item.get("currency") or "EUR",
                amount_description=item.get("amount_description", ""),
            )
        service.contacts.all().delete()
        for item in record.get("contacts") or []:
            phones = item.get("phones") or []
            Contact.objects.create(
                id=self.child_id(Contact, item["id"], service.pk),
                service=service,
                name=item.get("name", ""),
                title=item.get("title", ""),
                email=item.get("email", ""),
                phone=phones[0]["number"] if phones else "",
            )
