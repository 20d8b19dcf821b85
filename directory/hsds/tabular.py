"""HSDS compiled service objects <-> tabular data package (CSV files + datapackage.json).

Symmetric by construction: ``flatten`` walks the nesting described in ``SPEC`` and writes one
table per HSDS object (nested dicts become dotted columns, e.g. ``x_translations.name.nl``);
``assemble`` rebuilds the same nesting from the tables through the foreign-key columns.
Resources are named and stored as the specification's own datapackage.json names them
(``service`` in ``services.csv``, ``service_at_location`` in ``service_at_location.csv``...);
the plural names Maillage wrote before are still read. Pure Python (no Django import); it
never writes outside the folder it is given and never reads outside the package.
"""

import csv
import json
from pathlib import Path

#: object type (= the specification's resource name) -> ({list key: (child type, fk column)},
#: {object key: (child type, fk column)}). ``x_closure`` is the Brussels profile's own resource.
SPEC = {
    "service": (
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
        {
            "organization_identifiers": ("organization_identifier", "organization_id"),
            "phones": ("phone", "organization_id"),
        },
        {},
    ),
    "service_at_location": ({}, {"location": ("location", "location_id")}),
    "location": (
        {
            "addresses": ("address", "location_id"),
            "phones": ("phone", "location_id"),
            "schedules": ("schedule", "location_id"),
            "accessibility": ("accessibility", "location_id"),
        },
        {},
    ),
    "attribute": ({}, {"taxonomy_term": ("taxonomy_term", "taxonomy_term_id")}),
    "contact": ({"phones": ("phone", "contact_id")}, {}),
    "phone": ({}, {}),
    "schedule": ({}, {}),
    "service_area": ({}, {}),
    "language": ({}, {}),
    "cost_option": ({}, {}),
    "address": ({}, {}),
    "accessibility": ({}, {}),
    "organization_identifier": ({}, {}),
    "taxonomy_term": ({}, {"taxonomy_detail": ("taxonomy", "taxonomy_id")}),
    "taxonomy": ({}, {}),
    "x_closure": ({}, {}),
}
#: The file of each resource, as the specification's datapackage.json names it.
PATHS = {
    "service": "services.csv",
    "organization": "organizations.csv",
    "service_at_location": "service_at_location.csv",
    "location": "locations.csv",
    "attribute": "attributes.csv",
    "contact": "contacts.csv",
    "phone": "phones.csv",
    "schedule": "schedules.csv",
    "service_area": "service_areas.csv",
    "language": "languages.csv",
    "cost_option": "cost_options.csv",
    "address": "addresses.csv",
    "accessibility": "accessibility.csv",
    "organization_identifier": "organization_identifiers.csv",
    "taxonomy_term": "taxonomy_terms.csv",
    "taxonomy": "taxonomies.csv",
    "x_closure": "x_closures.csv",
}
#: Resource names written by Maillage before it followed the specification (still read).
LEGACY_NAMES = {
    "services": "service",
    "organizations": "organization",
    "service_at_locations": "service_at_location",
    "locations": "location",
    "attributes": "attribute",
    "contacts": "contact",
    "phones": "phone",
    "schedules": "schedule",
    "service_areas": "service_area",
    "languages": "language",
    "cost_options": "cost_option",
    "addresses": "address",
    "organization_identifiers": "organization_identifier",
    "taxonomy_terms": "taxonomy_term",
    "taxonomies": "taxonomy",
    "x_closures": "x_closure",
}
#: Resources of the specification that Maillage does not keep (reported, never an error).
NOT_KEPT = {
    "program",
    "funding",
    "required_document",
    "metadata",
    "meta_table_description",
    "service_capacity",
    "unit",
    "url",
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


def flatten(services: list[dict], roots: dict | None = None) -> dict[str, dict[str, dict]]:
    """resource name -> {id: row}. ``roots`` adds objects that hang from no service
    ({"taxonomy": [...]})."""
    tables: dict[str, dict[str, dict]] = {kind: {} for kind in SPEC}

    def walk(kind: str, obj: dict, fk: tuple | None):
        lists, objects = SPEC[kind]
        scalars = {
            k: v for k, v in obj.items() if k not in lists and k not in objects and k not in SKIP
        }
        row = _flat_row(scalars)
        if fk and fk[0] not in row:
            row[fk[0]] = fk[1]
        tables[kind].setdefault(obj["id"], row)
        for key, (child_kind, column) in lists.items():
            for child in obj.get(key, []):
                walk(child_kind, child, (column, obj["id"]))
        for key, (child_kind, _column) in objects.items():
            if obj.get(key):
                walk(child_kind, obj[key], None)

    for kind, objects in (roots or {}).items():
        for obj in objects:
            walk(kind, obj, None)
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


def _unflat(row: dict, table: str) -> dict:
    obj: dict = {}
    for name, text in row.items():
        if name is None:
            raise TabularError(f"{table}: a row has more cells than columns")
        if text in ("", None):
            continue
        try:
            value = _typed(name, text)
        except (ValueError, json.JSONDecodeError) as error:
            raise TabularError(f"{table}: {name} {text!r} ({error})") from None
        target = obj
        parts = name.split(".")
        for part in parts[:-1]:
            target = target.setdefault(part, {})
            if not isinstance(target, dict):
                raise TabularError(f"{table}: column {name} clashes with another column")
        target[parts[-1]] = value
    return obj


#: child kind -> [(parent kind, fk column)], from SPEC.
PARENTS: dict[str, list] = {}
for _parent, (_lists, _objects) in SPEC.items():
    for _child, _column in _lists.values():
        PARENTS.setdefault(_child, []).append((_parent, _column))
#: Kinds that may stand alone in a package (imported as records of their own).
STANDALONE = ("taxonomy", "taxonomy_term", "organization", "location")


def assemble(tables: dict[str, list[dict]]) -> list[dict]:
    """Rebuild compiled services from tables (resource name -> CSV rows as dicts of strings)."""
    return assemble_package(tables)["service"]


def assemble_package(tables: dict[str, list[dict]]) -> dict:
    """The records of a package: ``service`` (compiled), the ``taxonomy``, ``taxonomy_term``,
    ``organization`` and ``location`` rows that no service carries, and ``notes`` (rows that
    hang from nothing, resources Maillage does not keep)."""
    objects = {table: [_unflat(r, table) for r in rows] for table, rows in tables.items()}
    by_id = {table: {o.get("id"): o for o in rows} for table, rows in objects.items()}
    children_of: dict = {}
    used: dict[str, set] = {kind: set() for kind in SPEC}

    def children(table: str, column: str, parent_id) -> list:
        if (table, column) not in children_of:
            grouped: dict = {}
            for row in objects.get(table, []):
                grouped.setdefault(row.get(column), []).append(row)
            children_of[(table, column)] = grouped
        return children_of[(table, column)].get(parent_id, [])

    def build(kind: str, obj: dict) -> dict:
        used[kind].add(obj.get("id"))
        lists, nested = SPEC[kind]
        result = dict(obj)
        for key, (child_kind, column) in lists.items():
            found = children(child_kind, column, obj.get("id"))
            if found:
                result[key] = [build(child_kind, c) for c in found]
        for key, (child_kind, column) in nested.items():
            child = by_id.get(child_kind, {}).get(obj.get(column))
            if child:
                result[key] = build(child_kind, child)
        return result

    package: dict = {"service": [build("service", s) for s in objects.get("service", [])]}
    package["taxonomy"] = list(objects.get("taxonomy", []))
    package["taxonomy_term"] = [build("taxonomy_term", t) for t in objects.get("taxonomy_term", [])]
    for kind in ("organization", "location"):
        package[kind] = [
            build(kind, o) for o in objects.get(kind, []) if o.get("id") not in used[kind]
        ]
    notes = []
    for kind, rows in objects.items():
        if kind in STANDALONE or kind == "service":
            continue
        for row in rows:
            if row.get("id") not in used[kind]:
                links = ", ".join(
                    f"{column} {row[column]}"
                    for _p, column in PARENTS.get(kind, [])
                    if row.get(column)
                )
                notes.append(
                    f"{kind} {row.get('id')}: {links or 'no link'} matches no record here, not imported"
                )
    package["notes"] = notes
    return package


def write_package(
    services: list[dict], directory: Path, name: str = "maillage-hsds", roots: dict | None = None
) -> list[str]:
    """Write the resources with data under the specification's names and paths."""
    directory.mkdir(parents=True, exist_ok=True)
    tables = {kind: rows for kind, rows in flatten(services, roots).items() if rows}
    resources = []
    for kind, rows in tables.items():
        columns = ["id"] + sorted({c for row in rows.values() for c in row} - {"id"})
        path = directory / PATHS[kind]
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            for row in rows.values():
                writer.writerow(row)
        schema = {
            "fields": [{"name": c, "type": _field_type(c)} for c in columns],
            "primaryKey": "id",
        }
        foreign_keys = _foreign_keys(kind, columns, tables)
        if foreign_keys:
            schema["foreignKeys"] = foreign_keys
        resources.append(
            {
                "name": kind,
                "path": PATHS[kind],
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
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


def _foreign_keys(kind: str, columns: list, tables: dict) -> list:
    """The child -> parent links of SPEC, as the specification's datapackage declares them
    (``link_id`` of an attribute points at several kinds there, so it is not declared)."""
    links = [(parent, column) for parent, column in PARENTS.get(kind, []) if column != "link_id"]
    if kind == "service":
        links.append(("organization", "organization_id"))
    if kind == "service_at_location":
        links.append(("location", "location_id"))
    if kind == "taxonomy_term":
        links.append(("taxonomy", "taxonomy_id"))
    return [
        {"fields": column, "reference": {"resource": parent, "fields": "id"}}
        for parent, column in links
        if column in columns and parent in tables
    ]


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


#: Refuse a package whose CSV files weigh more than this in all (a hostile or mistaken folder).
MAX_PACKAGE_BYTES = 200 * 1024 * 1024
#: Refuse a cell longer than this (no HSDS text needs it; the csv module's own limit is
#: process-wide and other libraries raise it).
MAX_CELL = 100_000


def _kind_of(resource: dict) -> str | None:
    name = resource.get("name")
    path = resource.get("path")
    stem = Path(path).stem if isinstance(path, str) else None
    for candidate in (name, stem):
        if candidate in SPEC or candidate in NOT_KEPT:
            return candidate
        if candidate in LEGACY_NAMES:
            return LEGACY_NAMES[candidate]
    return next((kind for kind, file in PATHS.items() if file == path), None)


def read_package(directory: Path) -> dict:
    """The records of a data package folder (see ``assemble_package``); raises TabularError if
    the package is malformed (then nothing is imported)."""
    descriptor = directory / "datapackage.json"
    try:
        package = json.loads(descriptor.read_text(encoding="utf-8"))
        resources = package["resources"]
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as error:
        raise TabularError(f"datapackage.json: {error}") from None
    if not isinstance(resources, list):
        raise TabularError("datapackage.json: resources is not a list")
    root = directory.resolve()
    tables: dict[str, list[dict]] = {}
    notes, total = [], 0
    for resource in resources:
        if not isinstance(resource, dict) or not isinstance(resource.get("path"), str):
            raise TabularError("datapackage.json: a resource has no path (one file)")
        kind = _kind_of(resource)
        path = (directory / resource["path"]).resolve()
        if root not in path.parents:
            raise TabularError(f"{resource['path']}: outside the package")
        if kind is None or not path.exists():
            continue  # the specification's own datapackage.json lists every table, used or not
        total += path.stat().st_size
        if total > MAX_PACKAGE_BYTES:
            raise TabularError(f"{resource['path']}: the package is larger than 200 MB")
        try:
            with path.open(newline="", encoding="utf-8-sig") as handle:
                reader = csv.DictReader(handle)
                if not reader.fieldnames or "id" not in reader.fieldnames:
                    raise TabularError(f"{resource['path']}: no id column")
                rows = list(reader)
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise TabularError(f"{resource['path']}: {error}") from None
        if any(len(cell) > MAX_CELL for row in rows for cell in row.values() if cell):
            raise TabularError(f"{resource['path']}: a cell is larger than {MAX_CELL} characters")
        if kind in NOT_KEPT:
            if rows:
                notes.append(f"{kind}: {len(rows)} row(s) not kept (Maillage does not store them)")
            continue
        tables.setdefault(kind, []).extend(rows)
    if not any(tables.get(kind) for kind in ("service", *STANDALONE)):
        raise TabularError("datapackage.json: no service, organization, location or taxonomy")
    result = assemble_package(tables)
    result["notes"] = notes + result["notes"]
    return result
