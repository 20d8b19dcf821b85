"""HSDS compiled service objects <-> tabular data package (CSV files + datapackage.json).

Symmetric by construction: ``flatten`` walks the nesting described in ``SPEC`` and writes one
table per HSDS object (nested dicts become dotted columns, e.g. ``x_translations.name.nl``);
``assemble`` rebuilds the same nesting from the tables through the foreign-key columns.
Pure Python (no Django import).
"""

import csv
import json
from pathlib import Path

#: object type -> (table, {list key: (child type, fk column)}, {object key: (child type, fk)})
SPEC = {
    "service": (
        "services",
        {
            "phones": ("phone", "service_id"),
            "schedules": ("schedule", "service_id"),
            "service_areas": ("service_area", "service_id"),
            "languages": ("language", "service_id"),
            "cost_options": ("cost_option", "service_id"),
            "contacts": ("contact", "service_id"),
            "attributes": ("attribute", "link_id"),
            "service_at_locations": ("service_at_location", "service_id"),
            "x_closures": ("x_closure", "service_id"),
        },
        {"organization": ("organization", "organization_id")},
    ),
    "organization": (
        "organizations",
        {
            "organization_identifiers": ("organization_identifier", "organization_id"),
            "phones": ("phone", "organization_id"),
        },
        {},
    ),
    "service_at_location": ("service_at_locations", {}, {"location": ("location", "location_id")}),
    "location": (
        "locations",
        {
            "addresses": ("address", "location_id"),
            "phones": ("phone", "location_id"),
            "schedules": ("schedule", "location_id"),
            "accessibility": ("accessibility", "location_id"),
        },
        {},
    ),
    "attribute": ("attributes", {}, {"taxonomy_term": ("taxonomy_term", "taxonomy_term_id")}),
    "contact": ("contacts", {"phones": ("phone", "contact_id")}, {}),
    "phone": ("phones", {}, {}),
    "schedule": ("schedules", {}, {}),
    "service_area": ("service_areas", {}, {}),
    "language": ("languages", {}, {}),
    "cost_option": ("cost_options", {}, {}),
    "address": ("addresses", {}, {}),
    "accessibility": ("accessibility", {}, {}),
    "organization_identifier": ("organization_identifiers", {}, {}),
    "taxonomy_term": ("taxonomy_terms", {}, {}),
    "x_closure": ("x_closures", {}, {}),
}
INTEGER = {"minimum_age", "maximum_age", "x_update_frequency_days"}
NUMBER = {"latitude", "longitude", "amount"}
BOOLEAN = {"x_confidential", "x_network_member", "x_access.referral_required"}
JSON_LIST = {"x_access.beneficiaries", "x_access.professionals"}
SKIP = {"metadata"}


class TabularError(ValueError):
    pass


def _flat_row(obj: dict, prefix: str = "") -> dict:
    row = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            row.update(_flat_row(value, f"{name}."))
        elif isinstance(value, list):
            row[name] = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            row[name] = "true" if value else "false"
        elif value is None:
            continue
        else:
            row[name] = str(value) if not isinstance(value, float) else repr(value)
    return row


def flatten(services: list[dict]) -> dict[str, dict[str, dict]]:
    """table name -> {id: row}."""
    tables: dict[str, dict[str, dict]] = {SPEC[t][0]: {} for t in SPEC}

    def walk(kind: str, obj: dict, fk: tuple | None):
        table, lists, objects = SPEC[kind]
        scalars = {
            k: v for k, v in obj.items() if k not in lists and k not in objects and k not in SKIP
        }
        row = _flat_row(scalars)
        if fk and fk[0] not in row:
            row[fk[0]] = fk[1]
        tables[table].setdefault(obj["id"], row)
        for key, (child_kind, column) in lists.items():
            for child in obj.get(key, []):
                walk(child_kind, child, (column, obj["id"]))
        for key, (child_kind, _column) in objects.items():
            if obj.get(key):
                walk(child_kind, obj[key], None)

    for service in services:
        walk("service", service, None)
    return tables


def _typed(name: str, text: str):
    if name in INTEGER:
        return int(text)
    if name in NUMBER:
        return float(text)
    if name in BOOLEAN:
        return text.strip().lower() in ("true", "1", "yes")
    if name in JSON_LIST:
        return json.loads(text)
    return text


def _unflat(row: dict) -> dict:
    obj: dict = {}
    for name, text in row.items():
        if text in ("", None):
            continue
        try:
            value = _typed(name, text)
        except (ValueError, json.JSONDecodeError) as error:
            raise TabularError(f"{name}: {text!r} ({error})") from None
        target = obj
        parts = name.split(".")
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        target[parts[-1]] = value
    return obj


def assemble(tables: dict[str, list[dict]]) -> list[dict]:
    """Rebuild compiled services from tables (lists of CSV rows as dicts of strings)."""
    objects = {table: [_unflat(r) for r in rows] for table, rows in tables.items()}
    by_id = {table: {o.get("id"): o for o in rows} for table, rows in objects.items()}
    children_of: dict = {}

    def children(table: str, column: str, parent_id) -> list:
        if (table, column) not in children_of:
            grouped: dict = {}
            for row in objects.get(table, []):
                grouped.setdefault(row.get(column), []).append(row)
            children_of[(table, column)] = grouped
        return children_of[(table, column)].get(parent_id, [])

    def build(kind: str, obj: dict) -> dict:
        _table, lists, nested = SPEC[kind]
        result = dict(obj)
        for key, (child_kind, column) in lists.items():
            child_table = SPEC[child_kind][0]
            found = children(child_table, column, obj["id"])
            if found:
                result[key] = [build(child_kind, c) for c in found]
        for key, (child_kind, column) in nested.items():
            child = by_id.get(SPEC[child_kind][0], {}).get(obj.get(column))
            if child:
                result[key] = build(child_kind, child)
        return result

    return [build("service", s) for s in objects.get("services", [])]


def write_package(services: list[dict], directory: Path, name: str = "maillage-hsds") -> list[str]:
    directory.mkdir(parents=True, exist_ok=True)
    tables = flatten(services)
    resources = []
    for table, rows in tables.items():
        columns = ["id"] + sorted({c for row in rows.values() for c in row} - {"id"})
        path = directory / f"{table}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            for row in rows.values():
                writer.writerow(row)
        resources.append(
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [{"name": c, "type": _field_type(c)} for c in columns],
                    "primaryKey": "id",
                },
            }
        )
    package = {
        "name": name,
        "profile": "tabular-data-package",
        "x_hsds_version": "3.0",
        "x_profile": "maillage-brussels",
        "resources": resources,
    }
    (directory / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False))
    return [r["path"] for r in resources]


def _field_type(column: str) -> str:
    if column in INTEGER:
        return "integer"
    if column in NUMBER:
        return "number"
    if column in BOOLEAN:
        return "boolean"
    if column in JSON_LIST:
        return "array"
    return "string"


def read_package(directory: Path) -> list[dict]:
    """Compiled services from a data package folder; raises TabularError if malformed."""
    descriptor = directory / "datapackage.json"
    try:
        package = json.loads(descriptor.read_text(encoding="utf-8"))
        resources = package["resources"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise TabularError(f"datapackage.json: {error}") from None
    known = {SPEC[k][0] for k in SPEC}
    tables: dict[str, list[dict]] = {}
    for resource in resources:
        if not isinstance(resource, dict) or "path" not in resource:
            raise TabularError("datapackage.json: a resource has no path")
        table = resource.get("name") or Path(resource["path"]).stem
        if table not in known:
            continue
        path = (directory / resource["path"]).resolve()
        if directory.resolve() not in path.parents:
            raise TabularError(f"{resource['path']}: outside the package")
        try:
            with path.open(newline="", encoding="utf-8") as handle:
                reader = csv.DictReader(handle)
                if not reader.fieldnames or "id" not in reader.fieldnames:
                    raise TabularError(f"{resource['path']}: no id column")
                tables[table] = list(reader)
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise TabularError(f"{resource['path']}: {error}") from None
    if "services" not in tables:
        raise TabularError("datapackage.json: no services resource")
    return assemble(tables)
