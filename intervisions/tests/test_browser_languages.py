"""In Chromium: a cycle page in French and in Dutch (its translated title and group names), and
the error pages in both languages, at desktop and phone widths. Screenshots go to
``$MAILLAGE_SCREENSHOTS`` when set (to be looked at), else to the test's temporary folder."""

import os
import pathlib

import pytest
from django.db import connections


@pytest.fixture
def shots(tmp_path):
    folder = pathlib.Path(os.environ.get("MAILLAGE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def close_connections(browser_page):
    yield
    connections.close_all()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_cycle_page_in_french_and_dutch_and_the_404_page(
    browser_page, close_connections, transactional_db, cycle, shots
):
    page = browser_page
    page.set_default_navigation_timeout(60_000)  # a busy CI machine: the pages are small
    cycle.title_nl = "Intersectorale intervisies"
    cycle.description_fr = (
        "D'octobre à juin, un binôme social et santé mentale anime chaque groupe."
    )
    cycle.description_nl = "Van oktober tot juni begeleidt een duo elke groep."
    cycle.save()
    cycle.groups.filter(name_fr="Lundi matin").update(name_nl="Maandagochtend")
    seen = {}
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for language in ("fr", "nl"):
            page.goto(f"/{language}/intervisions/cycles/{cycle.pk}/")
            seen[language] = (page.inner_text("h1"), page.inner_text("table"))
            page.screenshot(path=str(shots / f"cycle-{language}-{width}.png"), full_page=True)
            response = page.goto(f"/{language}/intervisions/cycles/987654321/")
            assert response.status == 404
            seen[f"404-{language}"] = page.inner_text("h1")
            page.screenshot(path=str(shots / f"404-{language}-{width}.png"), full_page=True)
    assert seen["fr"][0] == "Intervisions de test"
    assert "Lundi matin" in seen["fr"][1]
    assert seen["nl"][0] == "Intersectorale intervisies"
    assert "Maandagochtend" in seen["nl"][1]
    assert "Mardi après-midi" in seen["nl"][1]  # no Dutch name: the French one
    assert seen["404-fr"] == "Page introuvable"
    assert seen["404-nl"] == "Pagina niet gevonden"


@pytest.mark.browser
@pytest.mark.urls("core.tests.boom_urls")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_500_page_in_french_and_dutch(browser_page, close_connections, transactional_db, shots):
    page = browser_page
    titles = {}
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 700})
        for language in ("fr", "nl"):
            response = page.goto(f"/{language}/boom/")
            assert response.status == 500
            titles[language] = page.inner_text("h1")
            page.screenshot(path=str(shots / f"500-{language}-{width}.png"), full_page=True)
    assert titles == {"fr": "Une erreur s'est produite", "nl": "Er is iets misgegaan"}
