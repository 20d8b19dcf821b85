"""Coordinators edit the reference taxonomies (three languages) in the admin; a term's new name
is searchable at once."""

import pytest
from django.urls import reverse

from directory.models import Service, Taxonomy, TaxonomyTerm
from directory.search.engine import SearchParams, search
from maillage.testing.factories import UserFactory

from .factories import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_pages_open(admin_client):
    service = make_service(name_fr="Cellule logement", terms=["theme:housing"])
    taxonomy = Taxonomy.objects.get(code="theme")
    for url in [
        reverse("admin:directory_taxonomy_changelist"),
        reverse("admin:directory_taxonomy_change", args=[taxonomy.pk]),
        reverse("admin:directory_taxonomyterm_changelist"),
        reverse("admin:directory_service_changelist"),
        reverse("admin:directory_service_change", args=[service.pk]),
        reverse("admin:directory_organization_changelist"),
        reverse("admin:directory_errorreport_changelist"),
        reverse("admin:directory_changerecord_changelist"),
    ]:
        assert admin_client.get(url).status_code == 200, url


def test_renamed_term_is_searchable(admin_client):
    make_service(name_fr="Cellule", terms=["theme:housing"])
    term = TaxonomyTerm.objects.get(taxonomy__code="theme", code="housing")
    response = admin_client.post(
        reverse("admin:directory_taxonomyterm_change", args=[term.pk]),
        {
            "taxonomy": term.taxonomy_id,
            "code": "housing",
            "name_fr": "Habitat",
            "name_nl": "Wonen",
            "name_en": "Housing",
            "position": 1,
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert search(SearchParams(query="wonen")).total == 1
    assert Service.objects.count() == 1
