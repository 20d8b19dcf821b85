"""Three languages: prefixed URLs, the switcher, and content fallback from Dutch to French."""

from django.urls import reverse
from django.utils import translation

from directory.models import Organization
from maillage.testing.factories import OrganizationFactory


def test_root_redirects_to_the_french_home(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_each_language_has_its_home_page(client, db):
    assert "Se connaître, s'orienter" in client.get("/fr/").content.decode()
    assert "Elkaar kennen" in client.get("/nl/").content.decode()
    assert "Know each other" in client.get("/en/").content.decode()
    assert '<html lang="nl">' in client.get("/nl/").content.decode()


def test_switcher_links_to_the_same_page_in_other_languages(client, db):
    html = client.get("/fr/annuaire/organisations/").content.decode()
    assert 'href="/nl/annuaire/organisations/"' in html
    assert 'href="/en/annuaire/organisations/"' in html
    assert 'aria-current="true">FR<span class="visually-hidden"> Français</span>' in html


def test_dutch_text_falls_back_to_french_when_missing(client, db):
    organization = OrganizationFactory(
        name="Service de santé mentale Le Méridien",
        name_fr="Service de santé mentale Le Méridien",
        name_nl="",
        description_fr="Consultations pour adultes.",
        description_nl="",
    )
    with translation.override("nl"):
        organization = Organization.objects.get(pk=organization.pk)
        assert organization.name == "Service de santé mentale Le Méridien"
        assert organization.description == "Consultations pour adultes."
    page = client.get(
        reverse("directory:organization", args=[organization.pk]).replace("/fr/", "/nl/")
    )
    assert "Le Méridien" in page.content.decode()


def test_dutch_text_is_used_when_present(client, db):
    organization = OrganizationFactory(
        name_fr="Maison médicale du Miroir", name_nl="Wijkgezondheidscentrum Miroir"
    )
    with translation.override("nl"):
        url = reverse("directory:organization", args=[organization.pk])
    assert url.startswith("/nl/")
    assert "Wijkgezondheidscentrum Miroir" in client.get(url).content.decode()
    with translation.override("fr"):
        assert Organization.objects.get(pk=organization.pk).name == "Maison médicale du Miroir"


def test_french_text_falls_back_to_dutch_for_a_dutch_only_organization(db):
    organization = OrganizationFactory(name="x", name_fr="", name_nl="CGG Brussel")
    with translation.override("fr"):
        assert Organization.objects.get(pk=organization.pk).name == "CGG Brussel"
