"""The shapes an HSDS 3.0/3.1 JSON file comes in -> one batch of records (pure Python).

Publishers write HSDS in the shapes the specification's API returns: a compiled ``service``
(with its ``organization``), a page (``contents``), an ``organization`` with its ``services``
and ``locations``, a ``service_at_location`` with its ``service`` and ``location``, a lone
``location``, ``taxonomy`` and ``taxonomy_term`` objects, the API root, or the tabular data
as JSON (``{"services.csv": [rows]}``). ``normalise`` turns any of them into a batch:
``{"taxonomy": [...], "taxonomy_term": [...], "organization": [...], "location": [...],
"service": [...], "notes": [...]}``, written in that order. It never reads files nor writes
anything, and it never drops a record silently: what it cannot place goes into ``notes``.
"""

from pathlib import Path

from .tabular import LEGACY_NAMES, NOT_KEPT, PATHS, SPEC, assemble_package

KINDS = ("taxonomy", "taxonomy_term", "organization", "location", "service")
SERVICE_ONLY = {
    "status",
    "organization",
    "service_at_locations",
    "eligibility_description",
    "application_process",
    "fees_description",
    "interpretation_services",
    "program",
    "capacities",
    "required_documents",
    "x_fee",
    "x_access",
    "x_publication_status",
}
LOCATION_ONLY = {"location_type", "latitude", "longitude", "addresses", "transportation"}
TERM_ONLY = {"code", "taxonomy_detail", "term_uri", "taxonomy_id", "parent_id"}
TAXONOMY_KEYS = {"id", "name", "description", "uri", "version"}


class ShapeError(ValueError):
    """The file as a whole is not HSDS (nothing is imported)."""


def empty() -> dict:
    return {**{kind: [] for kind in KINDS}, "notes": []}


def kind_of(obj: dict) -> str:
    keys = {k for k in obj if not k.startswith("x_")}
    if isinstance(obj.get("service"), dict) or (
        isinstance(obj.get("location"), dict) and "status" not in obj
    ):
        return "service_at_location"
    if keys & SERVICE_ONLY or set(obj) & SERVICE_ONLY:
        return "service"
    if keys & TERM_ONLY:
        return "taxonomy_term"
    if keys & LOCATION_ONLY:
        return "location"
    if "version" in keys or ("uri" in keys and keys <= TAXONOMY_KEYS):
        return "taxonomy"
    return "organization"


def normalise(data) -> dict:
    batch = empty()
    if isinstance(data, list):
        items = data
    elif isinstance(data, dict) and isinstance(data.get("contents"), list):
        items = data["contents"]
    elif isinstance(data, dict) and data and all(str(k).endswith(".csv") for k in data):
        return _tabular_json(data)
    elif isinstance(data, dict) and "id" not in data and "openapi_url" in data:
        batch["notes"].append(
            f"HSDS API root (version {data.get('version', '?')}): it holds no records"
        )
        return batch
    elif isinstance(data, dict) and "id" in data:
        items = [data]
    else:
        raise ShapeError("expected HSDS objects (a service, a list, a page with contents...)")
    if not all(isinstance(item, dict) for item in items):
        raise ShapeError("expected a list of HSDS objects")
    for item in items:
        _add(batch, kind_of(item), item)
    _merge_services(batch)
    return batch


def _add(batch: dict, kind: str, obj: dict, organization: dict | None = None) -> None:
    if kind == "service_at_location":
        service = obj.get("service")
        place = {k: v for k, v in obj.items() if k != "service"}
        if isinstance(service, dict):
            service = dict(service)
            service["service_at_locations"] = [place]
            _add(batch, "service", service)
        elif isinstance(obj.get("location"), dict):
            batch["location"].append(obj["location"])
            batch["notes"].append(
                f"service_at_location {obj.get('id')}: no service object, only its location kept"
            )
        else:
            batch["service"].append(obj)  # rejected with its reasons
        return
    if kind == "organization":
        plain = {k: v for k, v in obj.items() if k not in ("services", "locations")}
        batch["organization"].append(plain)
        for location in obj.get("locations") or []:
            if isinstance(location, dict):
                batch["location"].append({"organization_id": obj.get("id"), **location})
        for service in obj.get("services") or []:
            if isinstance(service, dict):
                _add(batch, "service", service, organization=plain)
        return
    if kind == "service" and organization is not None and "organization" not in obj:
        obj = {**obj, "organization": organization}
    batch[kind].append(obj)


def _merge_services(batch: dict) -> None:
    """One record per service id: the places of a service listed several times (a page of
    service_at_location) are gathered on its first occurrence; organizations likewise."""
    for kind, children in (("service", "service_at_locations"), ("organization", None)):
        seen: dict = {}
        merged = []
        for obj in batch[kind]:
            key = obj.get("id")
            if not isinstance(key, str) or key not in seen:
                if isinstance(key, str):
                    seen[key] = obj
                merged.append(obj)
                continue
            first = seen[key]
            if children:
                places = list(first.get(children) or [])
                known = {p.get("id") for p in places if isinstance(p, dict)}
                places += [
                    p
                    for p in obj.get(children) or []
                    if isinstance(p, dict) and p.get("id") not in known
                ]
                first[children] = places
        batch[kind] = merged
    organizations = {o.get("id"): o for o in batch["organization"]}
    for service in batch["service"]:
        org_id = service.get("organization_id")
        if "organization" not in service and org_id in organizations:
            service["organization"] = organizations[org_id]


def _tabular_json(data: dict) -> dict:
    """The specification's ``tabular.json``: each CSV file's rows as JSON objects."""
    by_file = {file: kind for kind, file in PATHS.items()}
    tables: dict = {}
    notes = []
    for file, rows in data.items():
        stem = Path(file).stem
        kind = by_file.get(file) or LEGACY_NAMES.get(stem) or (stem if stem in SPEC else None)
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ShapeError(f"{file}: expected a list of rows")
        if kind is None:
            if rows:
                known = stem.rstrip("s") in NOT_KEPT or stem in NOT_KEPT
                reason = "Maillage does not store them" if known else "unknown table"
                notes.append(f"{stem}: {len(rows)} row(s) not kept ({reason})")
            continue
        tables[kind] = [{k: _cell(v) for k, v in row.items()} for row in rows]
    package = assemble_package(tables)
    package["notes"] = notes + package["notes"]
    return package


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
