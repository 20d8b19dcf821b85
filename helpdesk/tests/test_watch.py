"""The needs watch: counts equal the data, small cells are hidden, filters, CSV, JSON API and
its OpenAPI document, permissions."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.urls import reverse

from directory.models import ZeroResultSearch
from orientation.models import PathRecord, UnmetNeed
from territory.models import Basin, Municipality

from .factories import aware, make_request

pytestmark = pytest.mark.django_db

WATCH = "/fr/helpdesk/veille/"


@pytest.fixture
def data():
    """March 2025: 7 housing requests in Etterbeek (3 without solution), 3 mental-health ones
    in Uccle; paths, unmet needs and zero-result searches."""
    etterbeek = Municipality.objects.get(nis_code="21005")
    uccle = Municipality.objects.get(nis_code="21016")
    for i in range(7):
        make_request(
            need="housing",
            nis="21005",
            public="families",
            status="no_solution" if i < 3 else "answered",
            waiting_hours=4.0 if i < 4 else 10.0,
            created_at=aware(2025, 3, 3 + i),
        )
    for i in range(3):
        make_request(need="mental_health", nis="21016", created_at=aware(2025, 3, 10 + i))
    make_request(need="housing", nis="21005", created_at=aware(2024, 1, 5))  # out of the period
    for i in range(6):
        PathRecord.objects.create(
            need="housing",
            municipality=etterbeek,
            basin=etterbeek.basins.first(),
            result_count=0 if i < 5 else 3,
            completed_on=dt.date(2025, 3, 1 + i),
        )
    for i in range(5):
        UnmetNeed.objects.create(
            need="housing",
            municipality=etterbeek,
            basin=etterbeek.basins.first(),
            recorded_on=dt.date(2025, 3, 2 + i),
        )
    UnmetNeed.objects.create(
        need="violence",
        municipality=uccle,
        basin=uccle.basins.first(),
        recorded_on=dt.date(2025, 3, 4),
    )
    ZeroResultSearch.objects.create(
        words="psy arabe",
        language="fr",
        basin=etterbeek.basins.first(),
        month=dt.date(2025, 3, 1),
        count=9,
    )
    cache.clear()


def get_watch(client, **params):
    return client.get(WATCH, {"start": "2025-01", "end": "2025-06", **params})


def row(table, label):
    return next(r for r in table["rows"] if str(r["label"]) == label)


def test_counts_equal_the_data_and_small_cells_are_hidden(client, coordinator, data):
    client.force_login(coordinator)
    response = get_watch(client)
    assert response.status_code == 200
    tables = {t["code"]: t for t in response.context["tables"]}
    columns = [c for c, _label in tables["need"]["columns"]]
    housing = dict(zip(columns, row(tables["need"], "Logement")["cells"], strict=True))
    assert housing["requests"] == 7
    assert housing["no_solution"] is None  # 3 cases: hidden
    assert housing["no_solution_share"] is None
    assert housing["waiting_hours"] == round((4 * 4 + 3 * 10) / 7, 1)
    assert housing["paths"] == 6 and housing["paths_without_result"] == 5
    assert housing["unmet_needs"] == 5
    mental = dict(zip(columns, row(tables["need"], "Santé mentale")["cells"], strict=True))
    assert mental["requests"] is None  # 3 requests: hidden
    violence = dict(zip(columns, row(tables["need"], "Violences")["cells"], strict=True))
    assert violence["unmet_needs"] is None  # 1 case
    totals = response.context["totals"]
    assert totals["requests"] == 10  # the January 2024 one is out of the period
    assert totals["zero_result_searches"] == 9
    html = response.content.decode()
    assert "&lt; 5" in html
    assert '<img src="/fr/helpdesk/veille/graphique-monthly.svg?' in html


def test_no_solution_share_shown_from_5_cases(client, coordinator, data):
    for i in range(2):
        make_request(need="housing", status="no_solution", created_at=aware(2025, 3, 20 + i))
    cache.clear()
    client.force_login(coordinator)
    tables = {t["code"]: t for t in get_watch(client).context["tables"]}
    columns = [c for c, _label in tables["need"]["columns"]]
    housing = dict(zip(columns, row(tables["need"], "Logement")["cells"], strict=True))
    assert housing["requests"] == 9 and housing["no_solution"] == 5
    assert housing["no_solution_share"] == round(100 * 5 / 9, 1)


def test_basin_filter(client, coordinator, data):
    client.force_login(coordinator)
    uccle_basin = Municipality.objects.get(nis_code="21016").basins.first()
    response = get_watch(client, basin=uccle_basin.code)
    assert response.context["totals"]["requests"] is None  # 3 in Uccle's basin: hidden
    municipalities = [r["label"] for r in response.context["tables"][3]["rows"]]
    assert "Uccle" in municipalities and "Etterbeek" not in municipalities


@pytest.mark.parametrize(
    "params",
    [
        {"start": "2025-13"},
        {"start": "99999999999999999999"},
        {"start": "2025-06", "end": "2025-01"},
        {"start": "2010-01", "end": "2025-01"},
        {"basin": "atlantis"},
    ],
)
def test_bad_filters_are_a_clear_400(client, coordinator, params):
    client.force_login(coordinator)
    response = client.get(WATCH, params)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_watch_is_for_coordinators_only(client, user):
    assert client.get(WATCH).status_code == 302
    client.force_login(user)
    assert client.get(WATCH).status_code == 403
    assert client.get(reverse("helpdesk:watch_csv")).status_code == 403
    assert client.get("/api/helpdesk/watch").status_code == 403


def test_csv_export_has_the_same_figures(client, coordinator, data):
    client.force_login(coordinator)
    response = client.get(reverse("helpdesk:watch_csv"), {"start": "2025-01", "end": "2025-06"})
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    header = lines[0].split(";")
    housing = next(line.split(";") for line in lines if line.startswith("Par besoin;Logement;"))
    assert housing[header.index("Demandes au helpdesk")] == "7"
    assert housing[header.index("Sans solution trouvée")] == "< 5"


def test_charts_are_svg_without_script(client, coordinator, data):
    client.force_login(coordinator)
    response = client.get(
        "/fr/helpdesk/veille/graphique-monthly.svg", {"start": "2025-01", "end": "2025-06"}
    )
    svg = response.content.decode()
    assert response["Content-Type"].startswith("image/svg+xml")
    assert "<svg" in svg and "<script" not in svg
    assert "mars 2025" in svg
    assert client.get("/fr/helpdesk/veille/graphique-nope.svg").status_code == 404


def test_json_api_gives_the_same_figures_and_is_documented(client, coordinator, data):
    client.force_login(coordinator)
    body = client.get(
        "/api/helpdesk/watch", {"start": "2025-01", "end": "2025-06", "lang": "nl"}
    ).json()
    housing = next(r for r in body["needs"] if r["code"] == "housing")
    assert housing["requests"] == 7 and housing["no_solution"] is None
    assert housing["label"] == "Huisvesting"
    assert body["totals"]["requests"] == 10 and body["min_cases"] == 5
    march = next(r for r in body["months"] if r["code"] == "2025-03")
    assert march["requests"] == 10
    bad = client.get("/api/helpdesk/watch", {"start": "nope"})
    assert bad.status_code == 400 and "start" in bad.json()
    schema = client.get("/api/helpdesk/openapi.json").json()
    assert "/api/helpdesk/watch" in schema["paths"]
    operation = schema["paths"]["/api/helpdesk/watch"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"start", "end", "basin"}


def test_basins_all_listed_by_default(client, coordinator, data):
    client.force_login(coordinator)
    basins = get_watch(client).context["tables"][4]["rows"]
    assert len(basins) == Basin.objects.count()
