"""Malformed HSDS input is refused: a file that cannot be read as a whole changes nothing (bad
JSON, not HSDS, too large, too deep, a package reaching outside its folder, broken CSV), and a
record that is malformed (an id that is not a UUID, a reference to nothing, a wrong type, an
absurd value) is rejected alone, with its id and the reason, while the others are imported."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from directory.hsds import importer
from directory.hsds.importer import MalformedFile, load_records
from directory.models import Location, Organization, Service, TaxonomyTerm
from directory.services import apply_import

from .hsds_data import build_directory_data, snapshot, wipe

pytestmark = pytest.mark.django_db

OFFICIAL = Path(__file__).parent / "data" / "hsds_official" / "3.1"
NOWHERE = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def directory_data():
    return build_directory_data()


def official_service() -> dict:
    return json.loads((OFFICIAL / "service_full.json").read_text())


@pytest.mark.parametrize(
    "content",
    [b"{not json", b'{"a": 1}', b"[1, 2]", b"\xff\xfe\x00"],
)
def test_malformed_file_changes_nothing(tmp_path, directory_data, content):
    before = snapshot()
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(CommandError, match="Malformed"):
        call_command("import_hsds", str(path))
    assert snapshot() == before


def test_malformed_package_changes_nothing(tmp_path, directory_data):
    before = snapshot()
    call_command("export_hsds", str(tmp_path))
    (tmp_path / "datapackage.json").write_text("{")
    with pytest.raises(CommandError):
        call_command("import_hsds", str(tmp_path))
    call_command("export_hsds", str(tmp_path))
    (tmp_path / "services.csv").write_text("name\nx\n")
    with pytest.raises(CommandError):
        call_command("import_hsds", str(tmp_path))
    assert snapshot() == before


def test_rejected_records_are_reported_and_others_imported(tmp_path, directory_data, capsys):
    call_command("export_hsds", str(tmp_path))
    records = json.loads((tmp_path / "services.json").read_text())
    wipe()
    good, bad = records[0], json.loads(json.dumps(records[1]))
    bad["status"] = "open"
    bad["schedules"] = [{"id": "not-a-uuid", "byday": "XX", "opens_at": "9", "closes_at": "8"}]
    (tmp_path / "mixed.json").write_text(json.dumps([good, bad]))
    call_command("import_hsds", str(tmp_path / "mixed.json"))
    captured = capsys.readouterr()
    assert "1 created, 0 updated, 1 rejected" in captured.out
    assert f"REJECTED {bad['id']}" in captured.err
    assert "status 'open'" in captured.err and "byday" in captured.err
    assert list(Service.objects.values_list("pk", flat=True).order_by()) != []
    assert not Service.objects.filter(pk=bad["id"]).exists()


@pytest.mark.parametrize(
    "content",
    [
        b"[" * 100_000 + b"]" * 100_000,  # nested deeper than any parser stack
        b'"a string"',
        b"null",
        b'{"contents": [1]}',
        b'{"services.csv": "not rows"}',
    ],
)
def test_hostile_json_changes_nothing(tmp_path, directory_data, content):
    before = snapshot()
    path = tmp_path / "hostile.json"
    path.write_bytes(content)
    with pytest.raises(CommandError, match="Malformed file, nothing imported"):
        call_command("import_hsds", str(path))
    assert snapshot() == before


def test_huge_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_text(json.dumps([official_service()]))
    with pytest.raises(MalformedFile, match="larger than"):
        load_records(path)


def _package(tmp_path, **overrides) -> Path:
    """A copy of the official data package, with some files replaced."""
    folder = tmp_path / "package"
    folder.mkdir()
    for source in (OFFICIAL / "csv").iterdir():
        (folder / source.name).write_bytes(source.read_bytes())
    for name, content in overrides.items():
        target = folder / name.replace("__", ".")
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content)
    return folder


def _descriptor_with(path) -> str:
    package = json.loads((OFFICIAL / "csv" / "datapackage.json").read_text())
    package["resources"][2]["path"] = path  # the "service" resource
    return json.dumps(package)


@pytest.mark.parametrize(
    "overrides, reason",
    [
        ({"datapackage__json": _descriptor_with("../../../etc/passwd")}, "outside the package"),
        ({"datapackage__json": _descriptor_with("/etc/hostname")}, "outside the package"),
        ({"datapackage__json": _descriptor_with(["a.csv", "b.csv"])}, "no path"),
        ({"datapackage__json": '{"resources": "all"}'}, "not a list"),
        ({"services__csv": "name,status\nX,active\n"}, "no id column"),
        ({"services__csv": b"id,name\n\xff\xfe,x\n"}, "utf-8"),
        ({"services__csv": "id,name\n1,2,3,4\n"}, "more cells than columns"),
        ({"services__csv": "id,minimum_age\n" + NOWHERE + ",twelve\n"}, "minimum_age"),
        ({"services__csv": "id,name\n" + NOWHERE + "," + "x" * 200_000 + "\n"}, "larger than"),
    ],
)
def test_malformed_package_is_refused_whole(tmp_path, directory_data, overrides, reason):
    before = snapshot()
    folder = _package(tmp_path, **overrides)
    with pytest.raises(CommandError, match=reason):
        call_command("import_hsds", str(folder))
    assert snapshot() == before


def test_symlink_out_of_the_package_is_refused(tmp_path):
    folder = _package(tmp_path)
    (folder / "services.csv").unlink()
    outside = tmp_path / "secret.csv"
    outside.write_text("id,name\n" + NOWHERE + ",secret\n")
    (folder / "services.csv").symlink_to(outside)
    with pytest.raises(MalformedFile, match="outside the package"):
        load_records(folder)


def _rejected(service: dict) -> list[str]:
    report = apply_import({"service": [service]})
    assert report.created == 0
    assert not Service.objects.exists()
    ((record_id, _name, reasons),) = report.rejected
    assert record_id == service.get("id")
    return reasons


def _break(path: str, value) -> dict:
    """The official service with one value replaced (path "a.0.b")."""
    service = official_service()
    target = service
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value
    return service


@pytest.mark.parametrize(
    "path, value, reason",
    [
        # ids that are not UUIDs
        ("id", "42", "service: id '42' is not a UUID"),
        ("phones.0.id", "phone-1", "phone: id 'phone-1' is not a UUID"),
        ("schedules.0.id", None, "schedule: id None is not a UUID"),
        ("organization.id", "org", "organization: id 'org' is not a UUID"),
        ("service_at_locations.0.location.id", 7, "location: id 7 is not a UUID"),
        ("attributes.0.taxonomy_term_id", "nope", "taxonomy_term_id 'nope' is not a UUID"),
        ("attributes.0.taxonomy_term.id", "nope", "attribute.taxonomy_term: id 'nope'"),
        # references to nothing
        ("attributes.0.taxonomy_term", None, "attribute: no taxonomy term"),
        ("organization", None, "the organization object is missing"),
        # wrong types
        ("status", ["active"], "status ['active'] is not one of"),
        ("status", "open", "status 'open' is not one of"),
        ("name", 5, "service: name 5 is not text"),
        ("minimum_age", True, "minimum_age True is not an age"),
        ("minimum_age", 10**30, "is not an age"),
        ("maximum_age", -1, "maximum_age -1 is not an age"),
        ("schedules", {"id": NOWHERE}, "schedules is not a list of objects"),
        ("phones", "02 555 11 11", "phones is not a list of objects"),
        ("schedules.0.byday", 3, "byday 3 is not a list of days"),
        ("schedules.0.byday", "XX,FR", "byday 'XX,FR' is not a list of days"),
        ("schedules.0.opens_at", "25:00", "opens_at/closes_at '25:00'-'18:00:00' are not valid"),
        ("schedules.0.closes_at", "09:00", "are not valid"),
        ("schedules.0.valid_from", "2005-13-45", "valid_from '2005-13-45' is not a date"),
        ("assured_date", "yesterday", "assured_date 'yesterday' is not a date"),
        ("service_at_locations.0.location.latitude", "50.8", "latitude '50.8' is not a number"),
        ("service_at_locations.0.location.location_type", "home", "location_type 'home'"),
        ("service_at_locations.0.location.addresses.0.city", "", "address: city is required"),
        ("cost_options.0.amount", "35 GBP", "amount '35 GBP' is not a number"),
        ("attributes.0.taxonomy_term", "code", "taxonomy_term is not an object"),
    ],
)
def test_malformed_record_is_rejected_with_its_reason(path, value, reason):
    reasons = _rejected(_break(path, value))
    assert any(reason in r for r in reasons), reasons


def test_unknown_references_are_rejected():
    service = official_service()
    del service["organization"]
    service["organization_id"] = NOWHERE
    assert f"service: unknown organization '{NOWHERE}'" in _rejected(service)
    attribute = {"id": NOWHERE, "taxonomy_term_id": NOWHERE}
    service = _break("attributes", [attribute])
    assert f"attribute: unknown taxonomy term {NOWHERE}" in _rejected(service)
    report = apply_import(
        {"location": [{"id": NOWHERE, "name": "Ailleurs", "organization_id": NOWHERE}]}
    )
    assert report.rejected == [(NOWHERE, "Ailleurs", [f"location: unknown organization {NOWHERE}"])]
    assert not Location.objects.exists()


def test_one_bad_record_does_not_stop_the_others(tmp_path, capsys):
    good = official_service()
    bad = _break("schedules.0.byday", "MO,XX")
    bad["id"] = NOWHERE
    path = tmp_path / "two.json"
    path.write_text(json.dumps({"contents": [good, bad]}))
    call_command("import_hsds", str(path))
    captured = capsys.readouterr()
    assert "2 records: 1 created, 0 updated, 1 rejected." in captured.out
    assert f"REJECTED {NOWHERE} 'Community Counselling': schedule: byday 'MO,XX'" in captured.err
    assert [str(pk) for pk in Service.objects.values_list("pk", flat=True)] == [good["id"]]


def test_a_rejected_record_leaves_no_trace():
    """The organization and term a rejected service carries are not written either."""
    service = _break("service_at_locations.0.location.addresses.0.postal_code", None)
    _rejected(service)
    assert not Organization.objects.filter(pk=service["organization"]["id"]).exists()
    assert not TaxonomyTerm.objects.filter(
        pk=service["attributes"][0]["taxonomy_term"]["id"]
    ).exists()


def test_what_is_valid_but_not_kept_is_reported_not_rejected():
    service = official_service()
    service["schedules"] = [
        {**service["schedules"][0], "byday": "1MO", "freq": "MONTHLY"},  # first Monday
        {**service["schedules"][0], "id": NOWHERE, "opens_at": None, "closes_at": None},
    ]
    report = apply_import({"service": [service]})
    assert report.rejected == []
    assert Service.objects.get(pk=service["id"]).schedules.count() == 0
    assert any("byday '1MO' names days of the month" in note for note in report.notes)
    assert any(f"schedule {NOWHERE}: no opening times" in note for note in report.notes)


def test_a_record_failing_in_the_database_is_forgotten_by_the_next():
    """A service refused by the database (the same place twice) takes its organization with
    it: a later service naming that organization by id only is refused, not imported."""
    first = official_service()
    place = first["service_at_locations"][0]
    first["service_at_locations"] = [place, {**place, "id": NOWHERE}]
    second = {
        **official_service(),
        "id": "11111111-1111-4111-8111-111111111111",
        "organization_id": first["organization"]["id"],
    }
    del second["organization"]
    report = apply_import({"service": [first, second]})
    assert [r[0] for r in report.rejected] == [first["id"], second["id"]]
    assert report.rejected[0][2][0].startswith("database:")
    assert "service: unknown organization" in report.rejected[1][2][0]
    assert not Service.objects.exists() and not Organization.objects.exists()
