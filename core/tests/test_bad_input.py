"""Bad input gets a 400 (or a form error) with a clear message, never a server error; error
pages speak the visitor's language; the OpenAPI document declares every response."""

import pytest
from django.urls import reverse

from events.models import Event, SubGroup
from events.tests.factories import EventFactory, SeriesFactory

pytestmark = pytest.mark.django_db

HUGE = str(2**64)
ABSURD = "9999999999999999999999999"

API_BAD = [
    ("/api/hsds/services", {"page": ABSURD}, "page"),
    ("/api/hsds/services", {"page": "abc"}, "page"),
    ("/api/hsds/services", {"per_page": "-3"}, "per_page"),
    ("/api/hsds/services", {"organization_id": "not-a-uuid"}, "organization_id"),
    ("/api/hsds/services", {"taxonomy_id": "42"}, "taxonomy_id"),
    ("/api/hsds/services", {"taxonomy_term_id": "x,y"}, "taxonomy_term_id"),
    ("/api/hsds/services", {"modified_after": "2026-13-45"}, "modified_after"),
    ("/api/hsds/services", {"modified_after": "yesterday"}, "modified_after"),
    ("/api/hsds/services", {"postcode": "1000", "proximity": "far"}, "proximity"),
    ("/api/hsds/services", {"postcode": "1000", "proximity": HUGE}, "proximity"),
    ("/api/hsds/organizations", {"page": ABSURD}, "page"),
    ("/api/hsds/taxonomy_terms", {"taxonomy_id": "abc"}, "taxonomy_id"),
    ("/api/hsds/service_at_locations", {"organization_id": "zz"}, "organization_id"),
    ("/api/hsds/taxonomies", {"per_page": HUGE}, "per_page"),
]


@pytest.mark.parametrize(("url", "params", "name"), API_BAD)
def test_the_api_answers_400_naming_the_bad_parameter(client, url, params, name):
    response = client.get(url, params)
    assert response.status_code == 400
    body = response.json()
    assert name in body and body[name][0].startswith("Must be")


def test_good_api_parameters_still_work(client):
    response = client.get("/api/hsds/services", {"page": "1", "modified_after": "2020-01-01"})
    assert response.status_code == 200
    assert response.json()["page_number"] == 1


@pytest.mark.django_db
def test_a_time_zone_offset_postgresql_refuses_still_filters(client):
    """Found by schemathesis on PostgreSQL: an offset of -20:49 was a DataError, a 500."""
    from directory.tests.factories import make_service

    make_service(name_fr="Permanence logement")
    early = client.get("/api/hsds/services", {"modified_after": "2000-01-01T08:00:00-20:49"})
    assert early.status_code == 200
    assert early.json()["total_items"] == 1
    late = client.get("/api/hsds/services", {"modified_after": "6668-10-16T17:03:28-20:49"})
    assert late.status_code == 200
    assert late.json()["total_items"] == 0
    assert (
        client.get("/api/hsds/services", {"modified_after": "0001-01-01T00:00+01:00"}).status_code
        == 400
    )


def test_the_openapi_document_declares_400_and_404_and_no_security(client):
    document = client.get("/api/hsds/openapi.json").json()
    assert "security" not in document or document["security"] == []
    assert "securitySchemes" not in document.get("components", {})
    for path, operations in document["paths"].items():
        for operation in operations.values():
            assert "400" in operation["responses"], path
            assert operation.get("security", [{}]) == [{}], path  # anonymous: no scheme
            if "{id}" in path:
                assert "404" in operation["responses"], path


@pytest.mark.parametrize(
    "params", [{"series": "abc"}, {"series": HUGE}, {"series": "-1"}, {"series": "1.5"}]
)
def test_a_non_numeric_series_is_a_clear_400_in_french(client, settings, params):
    settings.DEBUG = False
    response = client.get(reverse("events:followup"), params)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Requête incompréhensible" in page
    assert "« series »" in page


def test_a_non_numeric_event_is_a_clear_400(client, coordinator, settings):
    settings.DEBUG = False
    client.force_login(coordinator)
    response = client.get(reverse("events:action_new"), {"event": "<script>"})
    assert response.status_code == 400
    assert "&lt;script&gt;" not in response.content.decode()  # the value is never echoed


def test_good_ids_still_work(client, coordinator):
    series = SeriesFactory()
    assert client.get(reverse("events:followup"), {"series": series.pk}).status_code == 200
    assert client.get(reverse("events:followup"), {"series": 987654}).status_code == 404


@pytest.mark.parametrize("value", [HUGE, ABSURD, "-1", "1e9"])
def test_a_huge_attendance_count_is_a_form_error(client, coordinator, value):
    event = EventFactory()
    client.force_login(coordinator)
    response = client.post(
        reverse("events:attendance", args=[event.pk]), {"attendance_count": value}
    )
    assert response.status_code == 302
    assert Event.objects.get(pk=event.pk).attendance_count is None


@pytest.mark.parametrize("value", [HUGE, ABSURD])
def test_a_huge_table_capacity_is_a_form_error(client, coordinator, value):
    event = EventFactory()
    client.force_login(coordinator)
    response = client.post(
        reverse("events:tables", args=[event.pk]),
        {"action": "add", "name": "Table 1", "capacity": value},
    )
    assert response.status_code == 200
    assert "capacity" in response.context["form"].errors
    assert not SubGroup.objects.exists()


def test_a_huge_option_capacity_is_a_form_error(client, coordinator):
    event = EventFactory()
    client.force_login(coordinator)
    response = client.get(reverse("events:edit", args=[event.pk]))
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = (
            [v.pk if hasattr(v, "pk") else v for v in value] if isinstance(value, list) else value
        )
    data.update(option_label="Lunch", option_capacity=HUGE)
    response = client.post(reverse("events:edit", args=[event.pk]), data)
    assert response.status_code == 200
    assert "option_capacity" in response.context["form"].errors


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Page introuvable"),
        ("nl", "Pagina niet gevonden"),
        ("en", "This page cannot be found"),
    ],
)
def test_the_404_page_speaks_the_visitor_s_language(client, settings, language, text):
    settings.DEBUG = False
    response = client.get(f"/{language}/agenda/987654/")
    assert response.status_code == 404
    assert text in response.content.decode()
    assert "Technical" not in response.content.decode()


def test_the_403_page_is_the_platform_s_own(client, user, settings):
    settings.DEBUG = False
    client.force_login(user)
    response = client.get("/nl/taches-planifiees/")
    assert response.status_code == 403
    assert "Toegang geweigerd" in response.content.decode()


@pytest.mark.urls("core.tests.boom_urls")
def test_the_500_page_speaks_the_visitor_s_language(client, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    response = client.get("/nl/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Er is iets misgegaan" in page
    assert "secret internals" not in page and "Traceback" not in page
