"""The official examples of Open Referral's specification (directory/tests/data/hsds_official,
HSDS 3.0 and 3.1, JSON and tabular) import with every record created and nothing rejected,
their key fields as in the file; importing again changes nothing."""

from pathlib import Path

import jsonschema
import pytest
from django.core.management import call_command

from directory.hsds import serialize
from directory.hsds.importer import load_records
from directory.models import (
    Location,
    Organization,
    Schedule,
    Service,
    Taxonomy,
    TaxonomyTerm,
)
from directory.services import apply_import

from . import hsds_schema

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data" / "hsds_official"
VERSIONS = ("3.0", "3.1")
EXAMPLES = sorted(
    [str(p.relative_to(DATA)) for v in VERSIONS for p in (DATA / v).glob("*.json")]
    + [f"{v}/csv" for v in VERSIONS]
)
MODELS = {
    "taxonomy": Taxonomy,
    "taxonomy_term": TaxonomyTerm,
    "organization": Organization,
    "location": Location,
    "service": Service,
}
SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"


def test_every_example_is_here():
    # 13 JSON files and one data package per version; a missing file would shrink the test
    assert len(EXAMPLES) == 28


@pytest.mark.parametrize("example", EXAMPLES)
def test_official_example_imports_whole(example):
    batch = load_records(DATA / example)
    report = apply_import(batch)
    assert report.rejected == []
    for kind, model in MODELS.items():
        records = batch[kind]
        assert report.by_kind[kind] == {"created": len(records), "updated": 0}, kind
        for record in records:
            row = model.objects.get(pk=record["id"])
            assert row.name == (record.get("name") or record.get("code")), (kind, record["id"])
    if example.endswith("base.json"):
        assert report.created == 0
    else:
        assert report.created > 0
    again = apply_import(load_records(DATA / example))
    assert (again.created, again.rejected) == (0, [])


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("example", ["service_full.json", "csv", "tabular.json"])
def test_official_service_key_fields(version, example):
    report = apply_import(load_records(DATA / version / example))
    assert report.rejected == []
    service = Service.objects.get(pk=SERVICE_ID)
    assert service.name == "Community Counselling"
    assert service.organization.name == "Example Organization Inc."
    assert (service.minimum_age, service.maximum_age, service.status) == (12, 100, "active")
    assert service.languages == ["ur"]
    assert [p.number for p in service.phones.all()] == ['"+44 1234 234567"']
    # byday "TH,FR": one opening range on Thursday and one on Friday, 10:00-18:00
    assert [
        (s.byday, f"{s.opens_at:%H:%M}", f"{s.closes_at:%H:%M}") for s in service.schedules.all()
    ] == [
        ("TH", "10:00", "18:00"),
        ("FR", "10:00", "18:00"),
    ]
    (place,) = service.at_locations.select_related("location")
    assert place.location.name == "MyCity Civic Center"
    (address,) = place.location.addresses.all()
    assert (address.address_1, address.city, address.postal_code, address.country) == (
        "1-30 Main Street",
        "MyCity",
        "ABC 1234",
        "US",
    )
    # latitude 100 lies off the globe: the point is not kept, and the report says so
    assert (place.location.latitude, place.location.longitude) == (None, None)
    assert any("latitude 100" in note for note in report.notes)
    (cost,) = service.cost_options.all()
    assert (cost.option, cost.amount, cost.currency) == ("Under 18s and Over 60s", 35, "gbp")
    if example == "service_full.json":
        # the attribute carries its taxonomy_term object (and no taxonomy_term_id)
        (term,) = service.terms.select_related("taxonomy")
        assert (str(term.pk), term.code, term.taxonomy.name) == (
            "3f7b145d-84af-42d7-8fae-eaca714b02b2",
            "code",
            "name",
        )
    else:
        # attributes.csv links its attribute to another id (f28dd44b...): reported, not linked
        assert service.terms.count() == 0
        assert any("attribute ae58cc39" in note for note in report.notes)
        assert TaxonomyTerm.objects.filter(pk="3f7b145d-84af-42d7-8fae-eaca714b02b2").exists()


@pytest.mark.parametrize("version", VERSIONS)
def test_several_days_are_one_schedule_again_in_the_api(version):
    apply_import(load_records(DATA / version / "service_full.json"))
    data = serialize.service(serialize.service_queryset().get(pk=SERVICE_ID))
    (schedule,) = data["schedules"]
    assert (schedule["id"], schedule["byday"], schedule["opens_at"]) == (
        "48102e86-bb50-41c4-8f1e-e269368c41d1",
        "TH,FR",
        "10:00",
    )
    # the location's schedule has the same id in the file: it is kept too, under its own id
    assert Schedule.objects.filter(location__isnull=False).count() == 2


def test_official_examples_through_the_command(capsys):
    call_command("import_hsds", str(DATA / "3.1" / "organization_full.json"))
    out = capsys.readouterr().out
    assert "0 rejected" in out
    assert "note: location 3a19ff88" in out


@pytest.mark.parametrize("version", VERSIONS)
def test_imported_example_is_served_as_valid_hsds(client, version):
    apply_import(load_records(DATA / version / "service_full.json"))
    detail = client.get(f"/api/hsds/services/{SERVICE_ID}").json()
    jsonschema.validate(detail, hsds_schema.SERVICE)
    assert [s["byday"] for s in detail["schedules"]] == ["TH,FR"]
    organization = client.get(f"/api/hsds/organizations/{detail['organization']['id']}").json()
    jsonschema.validate(organization, hsds_schema.ORGANIZATION)


@pytest.mark.parametrize("version", VERSIONS)
def test_other_official_shapes_key_fields(version):
    folder = DATA / version
    apply_import(load_records(folder / "location.json"))
    location = Location.objects.get(pk="3a19ff88-4620-4d17-9830-ac1d859eb5d5")
    assert (location.name, location.organization) == ("MyCity Civic Center", None)
    assert [a.city for a in location.addresses.all()] == ["MyCity"]
    assert [(s.byday, f"{s.opens_at:%H:%M}") for s in location.schedules.all()] == [
        ("TH", "10:00"),
        ("FR", "10:00"),
    ]
    apply_import(load_records(folder / "taxonomy_term.json"))
    term = TaxonomyTerm.objects.select_related("taxonomy").get(
        pk="3f7b145d-84af-42d7-8fae-eaca714b02b2"
    )
    assert (term.code, term.name, term.description) == ("code", "name", "description")
    assert (str(term.taxonomy.pk), term.taxonomy.uri, term.taxonomy.is_facet) == (
        "5c4d79d7-cc55-470e-9f1f-8cad074e4892",
        "http://example.com",
        False,
    )
    apply_import(load_records(folder / "organization_full.json"))
    organization = Organization.objects.get(pk="d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610")
    assert (organization.name, organization.legal_status) == (
        "Example Organization Inc.",
        "Limited Company",
    )
    # the lone location now belongs to the organization that lists it
    location.refresh_from_db()
    assert location.organization == organization
    assert [s.name for s in organization.services.all()] == ["Community Counselling"]
    assert [p.number for p in organization.phones.all()] == ['"+44 1234 234567"']


def test_a_day_edited_apart_is_a_schedule_of_its_own():
    apply_import(load_records(DATA / "3.1" / "service_full.json"))
    friday = Schedule.objects.get(service_id=SERVICE_ID, weekday=4)
    friday.closes_at = "16:00"
    friday.save()
    data = serialize.service(serialize.service_queryset().get(pk=SERVICE_ID))
    assert [(s["id"], s["byday"], s["closes_at"]) for s in data["schedules"]] == [
        ("48102e86-bb50-41c4-8f1e-e269368c41d1", "TH", "18:00"),
        (str(friday.pk), "FR", "16:00"),
    ]
