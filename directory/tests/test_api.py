"""HSDS API: root, page envelope, the spec's filters combined with AND, schema validity of what
we emit (no nulls), no query per row, OpenAPI document."""

import datetime

import jsonschema
import pytest
from django.utils import timezone

from directory.models import Service

from . import hsds_schema
from .factories import make_service, term_ids

pytestmark = pytest.mark.django_db


def no_nulls(value, path="$"):
    if value is None:
        raise AssertionError(f"null at {path}")
    if isinstance(value, dict):
        for key, item in value.items():
            no_nulls(item, f"{path}.{key}")
    if isinstance(value, list):
        for index, item in enumerate(value):
            no_nulls(item, f"{path}[{index}]")


@pytest.fixture
def services():
    from directory.search.indexer import reindex
    from territory.models import Municipality

    made = {
        "housing": make_service(
            name_fr="Cellule logement",
            name_nl="Cel huisvesting",
            terms=["theme:housing"],
            nis="21005",
            hours="lundi 9:00-12:00",
            phone="02 555 11 11",
        ),
        "ssm": make_service(
            name_fr="Santé mentale adultes", terms=["theme:mental_health"], nis="21016"
        ),
        "ssm_etterbeek": make_service(
            name_fr="Santé mentale jeunes",
            terms=["theme:mental_health", "public:adolescents"],
            nis="21005",
            area_scope="municipalities",
        ),
    }
    made["ssm_etterbeek"].area_municipalities.set([Municipality.objects.get(nis_code="21005")])
    reindex([made["ssm_etterbeek"].pk])
    return made


def test_root(client):
    data = client.get("/api/hsds/").json()
    assert data["version"].startswith("3.")
    assert data["profile"].startswith("https://")
    assert data["openapi_url"].endswith("/api/hsds/openapi.json")


def test_envelope_and_paging(client, services):
    data = client.get("/api/hsds/services", {"per_page": 2}).json()
    jsonschema.validate(data, hsds_schema.PAGE)
    assert (data["total_items"], data["total_pages"], data["page_number"], data["size"]) == (
        3,
        2,
        1,
        2,
    )
    assert data["first_page"] and not data["last_page"] and not data["empty"]
    second = client.get("/api/hsds/services", {"per_page": 2, "page": 2}).json()
    assert second["size"] == 1 and second["last_page"]
    assert {s["id"] for s in data["contents"] + second["contents"]} == {
        str(s.pk) for s in services.values()
    }
    empty = client.get("/api/hsds/services", {"search": "introuvable"}).json()
    assert empty["empty"] and empty["total_items"] == 0 and empty["contents"] == []


def test_output_validates_against_hsds_shapes(client, services):
    for item in client.get("/api/hsds/services").json()["contents"]:
        no_nulls(item)
        jsonschema.validate(item, hsds_schema.SERVICE)
    detail = client.get(f"/api/hsds/services/{services['housing'].pk}").json()
    no_nulls(detail)
    jsonschema.validate(detail, hsds_schema.SERVICE)
    assert detail["x_translations"]["name"]["nl"] == "Cel huisvesting"
    organization = client.get(
        f"/api/hsds/organizations/{services['housing'].organization_id}"
    ).json()
    no_nulls(organization)
    jsonschema.validate(organization, hsds_schema.ORGANIZATION)
    for item in client.get("/api/hsds/organizations").json()["contents"]:
        jsonschema.validate(item, hsds_schema.ORGANIZATION)
    for item in client.get("/api/hsds/taxonomy_terms", {"per_page": 100}).json()["contents"]:
        jsonschema.validate(item, hsds_schema.TAXONOMY_TERM)


def test_language_parameter(client, services):
    nl = client.get(f"/api/hsds/services/{services['housing'].pk}", {"lang": "nl"}).json()
    assert nl["name"] == "Cel huisvesting"


def ids(response):
    return {item["id"] for item in response.json()["contents"]}


def test_filters_combine_with_and(client, services):
    housing, ssm, young = (str(services[k].pk) for k in ("housing", "ssm", "ssm_etterbeek"))
    mental = str(term_ids("theme:mental_health")[0])
    assert ids(client.get("/api/hsds/services", {"search": "sante mentale"})) == {ssm, young}
    assert ids(client.get("/api/hsds/services", {"taxonomy_term_id": mental})) == {ssm, young}
    org = services["housing"].organization_id
    assert ids(client.get("/api/hsds/services", {"organization_id": org})) == {housing}
    assert (
        ids(client.get("/api/hsds/services", {"organization_id": org, "search": "sante"})) == set()
    )
    # postcode: services whose service area covers 1040 (region-wide ones, and the Etterbeek one)
    assert ids(client.get("/api/hsds/services", {"postcode": "1040"})) == {housing, ssm, young}
    assert ids(client.get("/api/hsds/services", {"postcode": "1180", "search": "sante"})) == {ssm}
    # proximity: within 1 km of the centre of 1040
    assert ids(client.get("/api/hsds/services", {"postcode": "1040", "proximity": "1000"})) == {
        housing,
        young,
    }
    assert ids(
        client.get(
            "/api/hsds/services",
            {"postcode": "1040", "proximity": "1000", "taxonomy_term_id": mental},
        )
    ) == {young}
    later = (timezone.now() + datetime.timedelta(minutes=5)).isoformat()
    assert ids(client.get("/api/hsds/services", {"modified_after": later})) == set()
    Service.objects.filter(pk=services["ssm"].pk).update(
        modified_at=timezone.now() + datetime.timedelta(hours=1)
    )
    assert ids(client.get("/api/hsds/services", {"modified_after": later})) == {ssm}
    assert (
        ids(client.get("/api/hsds/services", {"modified_after": later, "search": "logement"}))
        == set()
    )


def test_other_lists(client, services):
    taxonomies = client.get("/api/hsds/taxonomies").json()
    assert {t["x_code"] for t in taxonomies["contents"]} >= {
        "theme",
        "public",
        "stepped_care",
        "reform_function",
        "service_type",
    }
    terms = client.get("/api/hsds/taxonomy_terms", {"search": "logement"}).json()
    assert {t["code"] for t in terms["contents"]} == {
        "housing",
        "f5",
    }  # "F5 : formules de logement"
    sal = client.get("/api/hsds/service_at_locations", {"search": "logement"}).json()
    assert sal["total_items"] == 1
    assert sal["contents"][0]["location"]["addresses"][0]["postal_code"] == "1040"
    organizations = client.get("/api/hsds/organizations").json()
    assert organizations["total_items"] == 3


def test_unpublished_is_not_served(client, services):
    service = services["housing"]
    service.publication_status = "draft"
    service.save()
    assert client.get(f"/api/hsds/services/{service.pk}").status_code == 404
    assert str(service.pk) not in ids(client.get("/api/hsds/services"))


def test_lists_do_not_query_per_row(client, services, django_assert_max_num_queries):
    for i in range(8):
        make_service(
            name_fr=f"Service {i}",
            terms=["theme:health", "public:adults"],
            hours="mardi 9:00-12:00",
            phone="02 555 00 00",
        )
    with django_assert_max_num_queries(22):
        data = client.get("/api/hsds/services", {"per_page": 50}).json()
    assert data["size"] == 11
    with django_assert_max_num_queries(22):
        client.get("/api/hsds/services", {"search": "service", "per_page": 50})
    with django_assert_max_num_queries(10):
        client.get("/api/hsds/organizations", {"per_page": 50})
    with django_assert_max_num_queries(10):
        client.get("/api/hsds/service_at_locations", {"per_page": 50})


def test_openapi_document(client):
    response = client.get("/api/hsds/openapi.json")
    assert response.status_code == 200
    text = response.content.decode()
    for path in [
        "/api/hsds/services",
        "/api/hsds/organizations/{id}",
        "/api/hsds/taxonomy_terms",
        "proximity",
    ]:
        assert path in text
