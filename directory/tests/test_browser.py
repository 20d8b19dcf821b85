"""End to end in Chromium: search "logement" in Etterbeek, open the service, see its map and
its last-verified date; the back button returns to the same search. On a phone (390 px): a
situation in plain words shows a relevant result in the first screen, above the folded
filters; the filter panel opens, a municipality is added, its chip removes it."""

import pytest
from django.db import connections

from .factories import make_service


@pytest.fixture
def short_lived_connections():
    """The live server's request threads must not keep persistent connections (CONN_MAX_AGE),
    or PostgreSQL refuses to drop the test database at the end of the run."""
    conf = connections.settings["default"]
    old = conf.get("CONN_MAX_AGE", 0)
    conf["CONN_MAX_AGE"] = 0
    yield
    conf["CONN_MAX_AGE"] = old
    connection = connections["default"]
    if connection.vendor == "postgresql":  # a session left by the server threads
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_search_housing_in_etterbeek_and_open_the_service(
    short_lived_connections, browser_page, settings
):
    settings.MAILLAGE_MAP_TILES_URL = ""  # no network: the map must work without tiles
    make_service(
        name_fr="Cellule logement Chasse",
        name_nl="Cel huisvesting",
        terms=["theme:housing"],
        nis="21005",
        latitude=50.8301,
        longitude=4.3905,
        assured_days_ago=12,
    )
    make_service(name_fr="Logement accompagné Uccle", terms=["theme:housing"], nis="21016")
    make_service(name_fr="Consultations santé mentale", terms=["theme:mental_health"], nis="21005")
    page = browser_page
    page.goto("/fr/annuaire/")
    page.locator("#id_q").fill("logement")
    page.locator("#id_q").press("Enter")
    page.wait_for_url("**q=logement**")
    assert "2 services" in page.locator("#result-count").inner_text()
    page.locator(".filter-panel > summary").click()
    page.locator("label", has_text="Etterbeek").first.click()
    page.wait_for_url("**municipality=21005**")
    page.wait_for_function(
        "document.querySelector('#result-count').innerText.includes('1 service')"
    )
    results = page.locator("ol.results > li")
    assert results.count() == 1
    assert (
        page.locator("#map .leaflet-marker-pane path, #map .leaflet-overlay-pane path").count() >= 1
    )

    page.get_by_role("link", name="Cellule logement Chasse").click()
    page.wait_for_selector("h1:has-text('Cellule logement Chasse')")
    page.wait_for_function(
        "document.querySelector('#map') && document.querySelector('#map').dataset.markers === '1'"
    )
    assert page.locator("#map.leaflet-container").count() == 1
    assert "Dernière vérification le" in page.locator("#last-verified").inner_text()

    page.go_back()
    page.wait_for_url("**municipality=21005**")
    assert page.locator("#id_q").input_value() == "logement"
    assert page.locator("#id_municipality_21005").is_checked()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_phone_situation_in_plain_words_filters_and_chips(
    short_lived_connections, browser_page, settings
):
    settings.MAILLAGE_MAP_TILES_URL = ""
    make_service(
        name_fr="Maison d'accueil Horizon",
        description_fr="Hébergement et accompagnement.",
        terms=["public:homeless", "service_type:accommodation"],
        nis="21004",
    )
    make_service(name_fr="Abri de nuit Etterbeek", terms=["public:homeless"], nis="21005")
    make_service(name_fr="Consultations santé mentale", terms=["theme:mental_health"], nis="21005")
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/fr/annuaire/")
    page.locator("#id_q").fill("elle n'a plus de toit")
    page.locator("#id_q").press("Enter")
    page.wait_for_url("**q=elle**")
    first = page.locator("ol.results > li").first
    assert "Abri de nuit" in first.inner_text() or "Maison d'accueil" in first.inner_text()
    box = first.bounding_box()
    assert box["y"] + 40 < 844  # in the first screen, without scrolling past the filters
    assert not page.locator("label", has_text="Etterbeek").first.is_visible()  # folded
    page.locator(".filter-panel > summary").click()
    page.locator("label", has_text="Etterbeek").first.click()
    page.wait_for_url("**municipality=21005**")
    page.wait_for_function(
        "document.querySelector('#result-count').innerText.includes('1 service')"
    )
    chip = page.locator("a.chip", has_text="Etterbeek")
    assert chip.count() == 1
    chip.click()
    page.wait_for_function("!location.search.includes('municipality')")
    page.wait_for_function(
        "document.querySelector('#result-count').innerText.includes('2 services')"
    )
    assert page.locator("a.chip").count() == 0
