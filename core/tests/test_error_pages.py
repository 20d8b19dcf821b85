"""The platform's own error pages, in the visitor's language, once DEBUG is off: never Django's
technical page, never a trace, always a way back in the same language."""

import html

import pytest


@pytest.fixture(autouse=True)
def debug_off(settings):
    settings.DEBUG = False


@pytest.mark.django_db
def test_a_missing_cycle_on_a_dutch_page_answers_a_dutch_404(client):
    response = client.get("/nl/intervisions/cycles/987654321/")
    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="nl">' in page
    assert "Pagina niet gevonden" in page
    assert 'href="/nl/annuaire/' in page  # the way back stays in Dutch
    assert "Page not found at" not in page  # Django's technical 404


@pytest.mark.django_db
def test_a_huge_id_is_a_404_not_a_500(client):
    response = client.get(f"/fr/intervisions/cycles/{10**30}/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


@pytest.mark.django_db
def test_an_address_without_language_answers_in_the_browser_s_language(client):
    response = client.get("/nimporte-quoi/", headers={"accept-language": "nl-BE,nl;q=0.9"})
    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="nl">' in page
    assert "Pagina niet gevonden" in page


@pytest.mark.urls("core.tests.boom_urls")
@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        ("fr", "Une erreur s'est produite", "Une erreur s'est produite de notre côté"),
        ("nl", "Er is iets misgegaan", "Er is bij ons een fout opgetreden"),
    ],
)
def test_the_500_page_is_in_the_visitor_s_language_with_a_way_home(client, language, title, text):
    client.raise_request_exception = False
    response = client.get(f"/{language}/boom/")
    page = html.unescape(response.content.decode())
    assert response.status_code == 500
    assert f'<html lang="{language}">' in page
    assert title in page and text in page
    assert f'href="/{language}/"' in page
    assert "boom: secret internals" not in page
