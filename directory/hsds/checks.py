"""Checking one HSDS record before anything is written (pure Python, no database).

Each ``check_*`` returns the reasons a record is refused (empty when it may be imported). It
refuses what is truly malformed (an id that is not a UUID, a wrong type, a reference to a term
nobody knows, an invalid enumeration value, a time that is not a time) and accepts what HSDS 3.0
and 3.1 allow even when Maillage keeps less of it (see ``schedule_days``). It must never refuse
a record for a field it does not know: publishers may add their own.
"""

import datetime
import re
import uuid
from dataclasses import dataclass, field

SERVICE_STATUSES = {"active", "inactive", "defunct", "temporarily closed"}
LOCATION_TYPES = {"physical", "postal", "virtual"}
ADDRESS_TYPES = {"physical", "postal", "virtual"}
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
FEES = {"free", "sliding", "paid"}
PUBLICATION = {"draft", "published", "archived"}
#: An RRULE BYDAY item: a day, with an optional ordinal ("1MO" = first Monday, "-1FR" = last).
RRULE_DAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
STRINGS = {
    "service": (
        "name",
        "alternate_name",
        "description",
        "url",
        "email",
        "interpretation_services",
        "application_process",
        "fees_description",
        "eligibility_description",
        "alert",
        "assurer_email",
    ),
    "organization": ("name", "alternate_name", "description", "email", "website", "legal_status"),
    "location": ("name", "alternate_name", "description", "transportation", "url"),
    "address": (
        "attention",
        "address_1",
        "address_2",
        "city",
        "region",
        "state_province",
        "postal_code",
        "country",
    ),
    "phone": ("number", "type", "description"),
    "schedule": ("description",),
    "contact": ("name", "title", "email"),
    "taxonomy": ("name", "description", "uri"),
    "taxonomy_term": ("code", "name", "description"),
}


@dataclass
class Known:
    """What the database (and the batch being imported) already holds."""

    term_ids: set = field(default_factory=set)
    organization_ids: set = field(default_factory=set)


def is_uuid(value) -> bool:
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


class _Problems(list):
    def ids(self, obj: dict, where: str) -> None:
        if not is_uuid(obj.get("id")):
            self.append(f"{where}: id {obj.get('id')!r} is not a UUID")

    def strings(self, obj: dict, where: str) -> None:
        for name in STRINGS.get(where, ()):
            value = obj.get(name)
            if value is not None and not isinstance(value, str):
                self.append(f"{where}: {name} {value!r} is not text")

    def choice(self, obj: dict, where: str, name: str, allowed: set, default) -> None:
        value = obj.get(name, default)
        if not isinstance(value, str) or value not in allowed:
            self.append(f"{where}: {name} {value!r} is not one of {sorted(allowed)}")

    def date(self, obj: dict, where: str, name: str) -> None:
        value = obj.get(name)
        if value in (None, ""):
            return
        try:
            datetime.date.fromisoformat(str(value)[:10])
        except ValueError:
            self.append(f"{where}: {name} {value!r} is not a date")

    def objects(self, obj: dict, key: str, where: str) -> list[dict]:
        """The list ``obj[key]`` when it is a list of objects (else a problem and [])."""
        value = obj.get(key)
        if value in (None, ""):
            return []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.append(f"{where}: {key} is not a list of objects")
            return []
        return value


def check_organization(data: dict, where: str = "organization") -> list[str]:
    problems = _Problems()
    problems.ids(data, where)
    problems.strings(data, "organization")
    if not _text(data.get("name")):
        problems.append(f"{where}: name is required")
    for phone in problems.objects(data, "phones", where):
        _check_phone(phone, problems)
    problems.objects(data, "organization_identifiers", where)
    return list(problems)


def check_location(location: dict) -> list[str]:
    problems = _Problems()
    _check_location(location, problems)
    return list(problems)


def _check_location(location: dict, problems: _Problems) -> None:
    problems.ids(location, "location")
    problems.strings(location, "location")
    if location.get("organization_id") is not None and not is_uuid(location["organization_id"]):
        problems.append(f"location: organization_id {location['organization_id']!r} is not a UUID")
    problems.choice(location, "location", "location_type", LOCATION_TYPES, "physical")
    for name in ("latitude", "longitude"):
        value = location.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            problems.append(f"location: {name} {value!r} is not a number")
    for address in problems.objects(location, "addresses", "location"):
        problems.ids(address, "address")
        problems.strings(address, "address")
        for name in ("address_1", "city", "postal_code"):
            if not _text(address.get(name)):
                problems.append(f"address: {name} is required")
        problems.choice(address, "address", "address_type", ADDRESS_TYPES, "physical")
    for phone in problems.objects(location, "phones", "location"):
        _check_phone(phone, problems)
    for schedule in problems.objects(location, "schedules", "location"):
        _check_schedule(schedule, problems)
    for item in problems.objects(location, "accessibility", "location"):
        problems.ids(item, "accessibility")


def _check_phone(phone: dict, problems: _Problems) -> None:
    problems.ids(phone, "phone")
    problems.strings(phone, "phone")
    if not _text(phone.get("number")):
        problems.append("phone: number is required")


def check_taxonomy(data: dict) -> list[str]:
    problems = _Problems()
    problems.ids(data, "taxonomy")
    problems.strings(data, "taxonomy")
    if not _text(data.get("name")):
        problems.append("taxonomy: name is required")
    return list(problems)


def check_term(term: dict, where: str = "taxonomy_term") -> list[str]:
    problems = _Problems()
    problems.ids(term, where)
    problems.strings(term, "taxonomy_term")
    if not (_text(term.get("name")) or _text(term.get("code"))):
        problems.append(f"{where}: name is required")
    for name in ("taxonomy_id", "parent_id"):
        if term.get(name) is not None and not is_uuid(term[name]):
            problems.append(f"{where}: {name} {term[name]!r} is not a UUID")
    for name in ("taxonomy_detail", "taxonomy"):
        if isinstance(term.get(name), dict):
            problems += check_taxonomy(term[name])
    return list(problems)


def schedule_days(schedule: dict) -> tuple[list[int] | None, str]:
    """The weekdays (0 = Monday) on which a well-formed schedule opens, or (None, why) when
    Maillage cannot keep it as weekly opening hours (a monthly rule, no times...)."""
    byday, freq = schedule.get("byday"), schedule.get("freq") or "WEEKLY"
    if not schedule.get("opens_at") and not schedule.get("closes_at"):
        return None, "no opening times"
    interval = schedule.get("interval")
    if interval not in (None, "", 1, "1"):
        return None, f"every {interval} {freq.lower()} periods is not weekly opening hours"
    if not byday:
        if freq == "DAILY":
            return list(range(7)), ""
        return None, "no day (byday)"
    parts = [part.strip().upper() for part in byday.split(",")]
    if any(RRULE_DAY.match(part).group(1) for part in parts):
        return None, f"byday {byday!r} names days of the month, not weekly opening hours"
    if freq not in ("WEEKLY", "MONTHLY", "DAILY"):
        return None, f"freq {freq!r} is not weekly opening hours"
    return sorted({BYDAY.index(part) for part in parts}), ""


def _check_schedule(schedule: dict, problems: _Problems) -> None:
    problems.ids(schedule, "schedule")
    problems.strings(schedule, "schedule")
    byday = schedule.get("byday")
    if byday not in (None, "") and not (
        isinstance(byday, str)
        and all(RRULE_DAY.match(part.strip().upper()) for part in byday.split(","))
    ):
        problems.append(f"schedule: byday {byday!r} is not a list of days (MO..SU, 'TH,FR')")
        return
    freq = schedule.get("freq")
    if freq is not None and not isinstance(freq, str):
        problems.append(f"schedule: freq {freq!r} is not text")
        return
    problems.date(schedule, "schedule", "valid_from")
    problems.date(schedule, "schedule", "valid_to")
    opens, closes = schedule.get("opens_at"), schedule.get("closes_at")
    if not opens and not closes:
        return
    if not (_hhmm(opens) and _hhmm(closes) and opens[:5] < closes[:5]):
        problems.append(f"schedule: opens_at/closes_at {opens!r}-{closes!r} are not valid")


def _hhmm(value) -> bool:
    if not isinstance(value, str) or len(value) < 5:
        return False
    hours, _, minutes = value[:5].partition(":")
    return hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60


def attribute_term_id(attribute: dict) -> str | None:
    """The term an attribute points at: ``taxonomy_term_id``, else its ``taxonomy_term``'s id."""
    term_id = attribute.get("taxonomy_term_id")
    if term_id is None and isinstance(attribute.get("taxonomy_term"), dict):
        term_id = attribute["taxonomy_term"].get("id")
    return str(uuid.UUID(term_id)) if is_uuid(term_id) else None


def _check_attribute(attribute: dict, known: Known, problems: _Problems) -> None:
    nested = attribute.get("taxonomy_term")
    term_id = attribute.get("taxonomy_term_id")
    if nested is not None and not isinstance(nested, dict):
        problems.append("attribute: taxonomy_term is not an object")
        return
    if term_id is not None and not is_uuid(term_id):
        problems.append(f"attribute: taxonomy_term_id {term_id!r} is not a UUID")
        return
    if isinstance(nested, dict):
        problems += check_term(nested, "attribute.taxonomy_term")
        if term_id is not None and is_uuid(nested.get("id")) and term_id != nested["id"]:
            problems.append("attribute: taxonomy_term_id differs from taxonomy_term.id")
        return
    if term_id is None:
        problems.append("attribute: no taxonomy term (taxonomy_term_id or taxonomy_term)")
    elif str(uuid.UUID(term_id)) not in known.term_ids:
        problems.append(f"attribute: unknown taxonomy term {term_id}")


def check_service(record: dict, known: Known) -> list[str]:
    problems = _Problems()
    problems.ids(record, "service")
    problems.strings(record, "service")
    translations = record.get("x_translations") or {}
    names = translations.get("name") if isinstance(translations, dict) else None
    if not (_text(record.get("name")) or any(_text(v) for v in (names or {}).values())):
        problems.append("service: name is required")
    problems.choice(record, "service", "status", SERVICE_STATUSES, None)
    for name in ("minimum_age", "maximum_age"):
        value = record.get(name)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 150
        ):
            problems.append(f"service: {name} {value!r} is not an age")
    low, high = record.get("minimum_age"), record.get("maximum_age")
    if isinstance(low, int | float) and isinstance(high, int | float) and low > high:
        problems.append("service: minimum_age is above maximum_age")
    problems.choice(record, "service", "x_fee", FEES, "free")
    problems.choice(record, "service", "x_publication_status", PUBLICATION, "published")
    problems.date(record, "service", "assured_date")
    organization = record.get("organization")
    if isinstance(organization, dict):
        problems += check_organization(organization)
        if record.get("organization_id") and record["organization_id"] != organization.get("id"):
            problems.append("service: organization_id differs from organization.id")
    elif record.get("organization_id") in known.organization_ids:
        pass  # an organization already in the directory or earlier in the same file
    elif record.get("organization_id"):
        problems.append(f"service: unknown organization {record['organization_id']!r}")
    else:
        problems.append("service: the organization object is missing")
    for sal in problems.objects(record, "service_at_locations", "service"):
        problems.ids(sal, "service_at_location")
        if not isinstance(sal.get("location"), dict):
            problems.append("service_at_location: the location object is missing")
            continue
        _check_location(sal["location"], problems)
    for schedule in problems.objects(record, "schedules", "service"):
        _check_schedule(schedule, problems)
    for phone in problems.objects(record, "phones", "service"):
        _check_phone(phone, problems)
    for attribute in problems.objects(record, "attributes", "service"):
        _check_attribute(attribute, known, problems)
    for item in problems.objects(record, "cost_options", "service"):
        problems.ids(item, "cost_option")
        amount = item.get("amount")
        if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int | float)):
            problems.append(f"cost_option: amount {amount!r} is not a number")
    for item in problems.objects(record, "contacts", "service"):
        problems.ids(item, "contact")
        problems.strings(item, "contact")
    for item in problems.objects(record, "x_closures", "service"):
        problems.ids(item, "closure")
        for name in ("start_date", "end_date"):
            if not item.get(name):
                problems.append(f"closure: {name} is required")
            problems.date(item, "closure", name)
    for item in problems.objects(record, "languages", "service"):
        if item.get("code") is not None and not isinstance(item["code"], str):
            problems.append(f"language: code {item['code']!r} is not text")
    problems.objects(record, "service_areas", "service")
    return list(problems)
