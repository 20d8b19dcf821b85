"""import_hsds / export_hsds: a malformed file changes nothing, rejected records are reported
with their reason, import is idempotent by id, and export -> import gives the same data (JSON and
tabular data package)."""

import json

import pytest
from django.core.management import CommandError, call_command

from directory.hsds.exporter import published_services
from directory.models import Closure, CostOption, Organization, Service
from directory.search.engine import SearchParams, search

from .factories import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory_data():
    housing = make_service(
        name_fr="Cellule logement",
        name_nl="Cel huisvesting",
        description_fr="Aide au logement.",
        terms=["theme:housing", "public:adults"],
        hours="lundi-vendredi 9:00-12:00, 13:00-16:00",
        phone="02 555 11 11",
        fee="sliding",
        languages=["fr", "nl", "ar"],
        minimum_age=18,
        access_beneficiary=["walk_in"],
        access_professional=["phone", "referral_form"],
        referral_required=True,
    )
    CostOption.objects.create(
        service=housing, option="Entretien", amount=5, amount_description="par mois"
    )
    Closure.objects.create(
        service=housing, start_date="2026-07-15", end_date="2026-08-15", reason_fr="Été"
    )
    shelter = make_service(
        name_fr="Hébergement d'urgence", confidential=True, street="rue Cachée 3"
    )
    return housing, shelter


def snapshot():
    """Everything the export says, as comparable data (ids, texts, relations)."""
    data = published_services()
    for item in data:
        item.pop("last_modified", None)
    return sorted(data, key=lambda s: s["id"])


def wipe():
    Organization.objects.all().delete()
    assert Service.objects.count() == 0


def test_json_round_trip(tmp_path, directory_data):
    before = snapshot()
    call_command("export_hsds", str(tmp_path))
    wipe()
    call_command("import_hsds", str(tmp_path / "services.json"))
    assert snapshot() == before
    # the search index follows the import
    assert search(SearchParams(query="huisvesting")).total == 1


def test_tabular_round_trip(tmp_path, directory_data):
    before = snapshot()
    call_command("export_hsds", str(tmp_path))
    assert (
        json.loads((tmp_path / "datapackage.json").read_text())["profile"] == "tabular-data-package"
    )
    wipe()
    call_command("import_hsds", str(tmp_path))
    assert snapshot() == before


def test_import_is_idempotent(tmp_path, directory_data, capsys):
    call_command("export_hsds", str(tmp_path))
    counts = (Service.objects.count(), Organization.objects.count())
    call_command("import_hsds", str(tmp_path / "services.json"))
    call_command("import_hsds", str(tmp_path / "services.json"))
    assert (Service.objects.count(), Organization.objects.count()) == counts
    assert "0 created, 2 updated, 0 rejected" in capsys.readouterr().out


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


def test_dry_run_writes_nothing(tmp_path, directory_data, capsys):
    call_command("export_hsds", str(tmp_path))
    wipe()
    call_command("import_hsds", str(tmp_path / "services.json"), "--dry-run")
    assert "[dry run] 2 records: 2 created" in capsys.readouterr().out
    assert Service.objects.count() == 0
