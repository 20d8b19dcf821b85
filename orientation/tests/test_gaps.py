"""The coordinators' "branches that lead nowhere" page: its figures pinned on a small offer
(the housing fixture, a few completed paths and unmet needs), so that making the page quicker
cannot change what it says; the figures follow the directory when a sheet changes (the search
snapshot they are counted on is reloaded); its query count does not grow with the services."""

import datetime
import json
from pathlib import Path

from django.urls import reverse

from directory.services import update_service
from orientation.models import PathRecord, UnmetNeed
from territory.models import Basin, Municipality

from .conftest import NO_ROOF_ETTERBEEK

PINNED = Path(__file__).with_name("gaps_figures.json")
DAY = datetime.date(2026, 11, 30)


def _local_offer():
    """Services of one municipality and of one basin: the basins' figures then differ."""
    from directory.search.indexer import reindex
    from directory.tests.factories import make_service

    housing = ["theme:housing", "stepped_care:first_line", "service_type:accommodation"]
    local = make_service(name_fr="Abri Anderlecht", terms=housing, nis="21001")
    local.area_municipalities.set(Municipality.objects.filter(nis_code="21001"))
    basin = Basin.objects.order_by("code").last()
    mental = make_service(
        name_fr="Santé mentale du bassin",
        terms=["theme:mental_health", "stepped_care:first_line"],
        area_scope="basins",
    )
    mental.area_basins.set([basin])
    reindex([local.pk, mental.pk])


def _paths_and_unmet():
    _local_offer()
    etterbeek = Municipality.objects.get(nis_code="21005")
    basin = Basin.objects.filter(municipalities=etterbeek).order_by("code").first()
    for _ in range(3):
        PathRecord.objects.create(need="housing", answers=NO_ROOF_ETTERBEEK, completed_on=DAY)
    other = dict(NO_ROOF_ETTERBEEK, who="family")
    for answers in (NO_ROOF_ETTERBEEK, NO_ROOF_ETTERBEEK, other):
        UnmetNeed.objects.create(
            need="housing", answers=answers, municipality=etterbeek, basin=basin, recorded_on=DAY
        )


def figures(rows) -> list:
    """What the page shows of each tree, as plain JSON values (names, not objects)."""
    return [
        {
            "need": row["tree"].need,
            "branches": row["branches"],
            "helpdesk": row["helpdesk"],
            "paths": row["paths"],
            "unmet_total": row["unmet_total"],
            "share": [[b.code, round(share, 6)] for b, share in row["share"]],
            "unmet": [[b.code, n] for b, n in row["unmet"]],
            "nowhere": [
                [br["steps"], br["leaf"], [b.code for b in br["basins"]], br["everywhere"]]
                for br in row["nowhere"]
            ],
            "unmet_answers": [[answers, n] for answers, n in row["unmet_answers"]],
        }
        for row in rows
    ]


def _gaps(client):
    response = client.get(reverse("orientation:gaps"))
    assert response.status_code == 200
    return response


def test_gaps_figures_stay_those_pinned(client, coordinator, housing_offer):
    _paths_and_unmet()
    client.force_login(coordinator)
    shown = figures(_gaps(client).context["rows"])
    if not PINNED.exists():  # written once, from the code before it was made quicker
        PINNED.write_text(json.dumps(shown, ensure_ascii=False, indent=1) + "\n")
    assert shown == json.loads(PINNED.read_text())
    housing = next(row for row in shown if row["need"] == "housing")
    assert housing["paths"] == 3 and housing["unmet_total"] == 3
    assert any(share > 0 for _code, share in housing["share"])


def test_gaps_figures_follow_a_changed_sheet(client, coordinator, housing_offer, org_admin):
    client.force_login(coordinator)
    before = figures(_gaps(client).context["rows"])
    # The two adult shelters stop being first-line services: the no-roof branches lose them.
    for key in ("shelter_nl", "shelter_fr"):
        service = housing_offer[key]
        service.organization.memberships.create(user=org_admin, status="accepted", is_admin=True)
        update_service(org_admin, service, {"minimum_age": 70, "maximum_age": 75})
    after = figures(_gaps(client).context["rows"])
    assert after != before
    housing_before = next(r for r in before if r["need"] == "housing")
    housing_after = next(r for r in after if r["need"] == "housing")
    assert len(housing_after["nowhere"]) > len(housing_before["nowhere"])


def test_gaps_query_count_does_not_grow_with_the_services(client, coordinator, housing_offer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from directory.search.indexer import reindex
    from directory.tests.factories import make_service

    client.force_login(coordinator)
    _gaps(client)  # the search snapshot and the reference rows are loaded once
    with CaptureQueriesContext(connection) as few:
        _gaps(client)
    housing = ["theme:housing", "stepped_care:first_line", "public:homeless"]
    more = [make_service(name_fr=f"Abri {i}", terms=housing, minimum_age=18) for i in range(12)]
    reindex([s.pk for s in more])
    _gaps(client)
    with CaptureQueriesContext(connection) as many:
        html = _gaps(client).content.decode()
    assert "Branches sans service dans certains bassins" in html
    assert len(many) <= len(few)
