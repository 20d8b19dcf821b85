"""import_hsds / export_hsds: export -> import into a fresh directory gives the same data (JSON
and tabular data package, resources named as the specification names them, the package valid
for frictionless), the former plural names are still read, import is idempotent by id, and a dry run writes nothing. Malformed input:
test_import_malformed.py."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from directory.hsds.importer import load_records
from directory.models import (
    Organization,
    Service,
    Taxonomy,
)
from directory.search.engine import SearchParams, search
from directory.services import apply_import

from .hsds_data import build_directory_data, snapshot, taxonomy_snapshot, wipe

OFFICIAL = Path(__file__).parent / "data" / "hsds_official"
SPEC_RESOURCES = {
    "service": "services.csv",
    "organization": "organizations.csv",
    "service_at_location": "service_at_location.csv",
    "location": "locations.csv",
    "attribute": "attributes.csv",
    "phone": "phones.csv",
    "schedule": "schedules.csv",
    "address": "addresses.csv",
    "taxonomy": "taxonomies.csv",
    "taxonomy_term": "taxonomy_terms.csv",
    "cost_option": "cost_options.csv",
    "language": "languages.csv",
}

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory_data():
    return build_directory_data()


def test_json_round_trip(tmp_path, directory_data):
    before = snapshot()
    call_command("export_hsds", str(tmp_path))
    wipe()
    call_command("import_hsds", str(tmp_path / "services.json"))
    assert snapshot() == before
    # the search index follows the import
    assert search(SearchParams(query="huisvesting")).total == 1


def test_tabular_round_trip(tmp_path, directory_data):
    before, terms = snapshot(), taxonomy_snapshot()
    call_command("export_hsds", str(tmp_path))
    package = json.loads((tmp_path / "datapackage.json").read_text())
    assert package["profile"] == "tabular-data-package"
    # the resources are named and stored as the specification's datapackage.json names them
    resources = {r["name"]: r["path"] for r in package["resources"]}
    assert resources.items() >= SPEC_RESOURCES.items()
    assert set(resources) - set(SPEC_RESOURCES) <= {
        "contact",
        "service_area",
        "organization_identifier",
        "accessibility",
        "x_closure",
    }
    wipe()
    call_command("import_hsds", str(tmp_path))
    assert snapshot() == before
    # the taxonomies travel with the package: a term made here comes back with its taxonomy
    assert taxonomy_snapshot() == terms


def test_exported_package_is_valid_for_frictionless(tmp_path, directory_data):
    frictionless = pytest.importorskip("frictionless")
    call_command("export_hsds", str(tmp_path))
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # and the validator does catch a broken package (a phone whose service does not exist)
    phones = (tmp_path / "phones.csv").read_text().splitlines()
    header = phones[0].split(",")
    cells = phones[1].split(",")
    cells[header.index("service_id")] = "00000000-0000-4000-8000-000000000000"
    (tmp_path / "phones.csv").write_text("\n".join([phones[0], ",".join(cells), *phones[2:]]))
    assert not frictionless.validate(str(tmp_path / "datapackage.json")).valid


def test_former_plural_resource_names_are_still_read(tmp_path, directory_data):
    before = snapshot()
    call_command("export_hsds", str(tmp_path))
    descriptor = tmp_path / "datapackage.json"
    package = json.loads(descriptor.read_text())
    plural = {"service_at_location": "service_at_locations", "taxonomy": "taxonomies"}
    for resource in package["resources"]:
        old = plural.get(resource["name"], Path(resource["path"]).stem)
        (tmp_path / resource["path"]).rename(tmp_path / f"{old}.csv")
        resource["name"], resource["path"] = old, f"{old}.csv"
    assert "services" in {r["name"] for r in package["resources"]}
    descriptor.write_text(json.dumps(package))
    wipe()
    call_command("import_hsds", str(tmp_path))
    assert snapshot() == before


@pytest.mark.parametrize("version", ["3.0", "3.1"])
@pytest.mark.parametrize("form", ["services.json", "."])
def test_official_example_survives_export_and_import(tmp_path, version, form):
    """The specification's example, imported, exported and imported into a fresh directory:
    the same data, the schedule of several days still one schedule."""
    apply_import(load_records(OFFICIAL / version / "service_full.json"))
    before = snapshot()
    (schedule,) = before[0]["schedules"]
    assert schedule["byday"] == "TH,FR"
    call_command("export_hsds", str(tmp_path))
    Organization.objects.all().delete()
    Taxonomy.objects.filter(pk="5c4d79d7-cc55-470e-9f1f-8cad074e4892").delete()
    report = apply_import(load_records(tmp_path / form))
    assert report.rejected == []
    assert snapshot() == before


def test_import_is_idempotent(tmp_path, directory_data, capsys):
    call_command("export_hsds", str(tmp_path))
    counts = (Service.objects.count(), Organization.objects.count())
    call_command("import_hsds", str(tmp_path / "services.json"))
    call_command("import_hsds", str(tmp_path / "services.json"))
    assert (Service.objects.count(), Organization.objects.count()) == counts
    assert "0 created, 2 updated, 0 rejected" in capsys.readouterr().out


def test_dry_run_writes_nothing(tmp_path, directory_data, capsys):
    call_command("export_hsds", str(tmp_path))
    wipe()
    call_command("import_hsds", str(tmp_path / "services.json"), "--dry-run")
    assert "[dry run] 2 records: 2 created" in capsys.readouterr().out
    assert Service.objects.count() == 0
