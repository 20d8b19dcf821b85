"""Reading and checking an HSDS file before anything is written (no database writes here).

``load_records(path)`` accepts a JSON file (a list of compiled services, or an HSDS page
envelope with ``contents``) or a tabular data package folder; it raises ``MalformedFile`` when
the file as a whole cannot be read, in which case nothing is imported.
``check_record`` returns the reasons a single service record is rejected (empty when fine).
"""

import json
import uuid
from pathlib import Path

from .tabular import TabularError, read_package

SERVICE_STATUSES = {"active", "inactive", "defunct", "temporarily closed"}
LOCATION_TYPES = {"physical", "postal", "virtual"}
ADDRESS_TYPES = {"physical", "postal", "virtual"}
BYDAY = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
FEES = {"free", "sliding", "paid"}
PUBLICATION = {"draft", "published", "archived"}


class MalformedFile(ValueError):
    pass


def load_records(path) -> list[dict]:
    path = Path(path)
    if path.is_dir():
        try:
            return read_package(path)
        except TabularError as error:
            raise MalformedFile(str(error)) from None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MalformedFile(f"{path.name}: {error}") from None
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data = data["contents"]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise MalformedFile(f"{path.name}: expected a list of HSDS service objects")
    return data


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        return False
    return True


def _check_ids(obj, where: str, problems: list):
    if not _is_uuid(obj.get("id")):
        problems.append(f"{where}: id {obj.get('id')!r} is not a UUID")


def _text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def check_record(record: dict, known_term_ids: set) -> list[str]:
    problems: list[str] = []
    _check_ids(record, "service", problems)
    translations = record.get("x_translations", {}).get("name", {})
    if not (_text(record.get("name")) or any(_text(v) for v in translations.values())):
        problems.append("service: name is required")
    if record.get("status") not in SERVICE_STATUSES:
        problems.append(
            f"service: status {record.get('status')!r} is not one of {sorted(SERVICE_STATUSES)}"
        )
    for field in ("minimum_age", "maximum_age"):
        value = record.get(field)
        if value is not None and (not isinstance(value, int | float) or value < 0 or value > 150):
            problems.append(f"service: {field} {value!r} is not an age")
    low, high = record.get("minimum_age"), record.get("maximum_age")
    if isinstance(low, int | float) and isinstance(high, int | float) and low > high:
        problems.append("service: minimum_age is above maximum_age")
    if record.get("x_fee", "free") not in FEES:
        problems.append(f"service: x_fee {record.get('x_fee')!r} is not one of {sorted(FEES)}")
    if record.get("x_publication_status", "published") not in PUBLICATION:
        problems.append("service: x_publication_status is not valid")
    organization = record.get("organization")
    if not isinstance(organization, dict):
        problems.append("service: the organization object is missing")
    else:
        _check_ids(organization, "organization", problems)
        if not _text(organization.get("name")):
            problems.append("organization: name is required")
        if record.get("organization_id") and record["organization_id"] != organization.get("id"):
            problems.append("service: organization_id differs from organization.id")
    for sal in record.get("service_at_locations", []) or []:
        _check_ids(sal, "service_at_location", problems)
        location = sal.get("location")
        if not isinstance(location, dict):
            problems.append("service_at_location: the location object is missing")
            continue
        _check_ids(location, "location", problems)
        if location.get("location_type", "physical") not in LOCATION_TYPES:
            problems.append(
                f"location: location_type {location.get('location_type')!r} is not valid"
            )
        for field in ("latitude", "longitude"):
            value = location.get(field)
            if value is not None and not isinstance(value, int | float):
                problems.append(f"location: {field} is not a number")
        for address in location.get("addresses", []) or []:
            _check_ids(address, "address", problems)
            for field in ("address_1", "city", "postal_code"):
                if not _text(address.get(field)):
                    problems.append(f"address: {field} is required")
            if address.get("address_type", "physical") not in ADDRESS_TYPES:
                problems.append("address: address_type is not valid")
    for schedule in record.get("schedules", []) or []:
        _check_ids(schedule, "schedule", problems)
        if schedule.get("byday") not in BYDAY:
            problems.append(f"schedule: byday {schedule.get('byday')!r} must be one day (MO..SU)")
        opens, closes = schedule.get("opens_at", ""), schedule.get("closes_at", "")
        if not (_hhmm(opens) and _hhmm(closes) and opens[:5] < closes[:5]):
            problems.append(f"schedule: opens_at/closes_at {opens!r}-{closes!r} are not valid")
    for phone in record.get("phones", []) or []:
        _check_ids(phone, "phone", problems)
        if not _text(phone.get("number")):
            problems.append("phone: number is required")
    for attribute in record.get("attributes", []) or []:
        term_id = attribute.get("taxonomy_term_id")
        if not _is_uuid(term_id):
            problems.append(f"attribute: taxonomy_term_id {term_id!r} is not a UUID")
        elif str(uuid.UUID(str(term_id))) not in known_term_ids and not isinstance(
            attribute.get("taxonomy_term"), dict
        ):
            problems.append(f"attribute: unknown taxonomy term {term_id}")
    for item in record.get("cost_options", []) or []:
        _check_ids(item, "cost_option", problems)
    for item in record.get("x_closures", []) or []:
        _check_ids(item, "closure", problems)
    return problems


def _hhmm(value) -> bool:
    if not isinstance(value, str) or len(value) < 5:
        return False
    hours, _, minutes = value[:5].partition(":")
    return hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60
