"""Orientation test data: a small Brussels offer around the shipped housing path."""

import pytest

from directory.models import Phone
from directory.tests.factories import make_service


@pytest.fixture
def housing_offer(db):
    """Services the housing path's "no roof tonight" branch can end on, and decoys."""
    shelter_nl = make_service(
        name_fr="Maison d'accueil Etterbeek",
        name_nl="Opvanghuis Etterbeek",
        terms=[
            "theme:housing",
            "stepped_care:first_line",
            "service_type:accommodation",
            "public:homeless",
            "public:exile",
        ],
        nis="21005",
        languages=("fr", "nl"),
        hours="lundi-dimanche 0:00-23:59",
        area_scope="region",
        minimum_age=18,
        access_professional=["phone"],
        professional_process_fr="Appeler la ligne de nuit des partenaires.",
        professional_process_nl="Bel de nachtlijn voor partners.",
    )
    Phone.objects.create(service=shelter_nl, number="+32 2 555 10 10", audience="professionals")
    shelter_fr = make_service(
        name_fr="Abri de nuit Ixelles",
        terms=[
            "theme:housing",
            "stepped_care:first_line",
            "service_type:accommodation",
            "public:homeless",
        ],
        nis="21009",
        languages=("fr",),
        area_scope="region",
        referral_required=True,
    )
    youth_only = make_service(
        name_fr="Hébergement jeunes",
        terms=["theme:housing", "stepped_care:first_line", "service_type:accommodation"],
        nis="21005",
        languages=("fr", "nl"),
        area_scope="region",
        minimum_age=12,
        maximum_age=17,
    )
    elsewhere = make_service(
        name_fr="Accueil de nuit Anderlecht",
        terms=["theme:housing", "stepped_care:first_line", "service_type:accommodation"],
        nis="21001",
        area_scope="municipalities",
    )
    elsewhere.area_municipalities.set([])  # serves no municipality of the path
    eviction = make_service(
        name_fr="Cellule logement CPAS",
        terms=["theme:housing", "stepped_care:first_line", "service_type:support"],
        nis="21005",
        area_scope="region",
    )
    mental = make_service(
        name_fr="Consultations santé mentale",
        terms=["theme:mental_health", "stepped_care:specialised"],
        nis="21005",
        area_scope="region",
    )
    from directory.search.indexer import reindex

    reindex([elsewhere.pk])
    return {
        "shelter_nl": shelter_nl,
        "shelter_fr": shelter_fr,
        "youth_only": youth_only,
        "elsewhere": elsewhere,
        "eviction": eviction,
        "mental": mental,
    }


#: The housing path of the browser test: no roof tonight, an adult alone, without papers,
#: 26-64, Dutch-speaking, in Etterbeek, asking for help.
NO_ROOF_ETTERBEEK = {
    "situation": "no_roof",
    "who": "adult",
    "legal": "no_papers",
    "age": "adult",
    "language": "nl",
    "where": "21005",
    "demand": "asks",
}


@pytest.fixture(autouse=True)
def _fresh_orientation_caches():
    """Per-process caches (frozen versions, reference rows) start empty in every test."""
    from orientation.services import paths, results, service_page

    for cache in (paths._frozen, paths._frozen_nodes, service_page._branches):
        cache.clear()
    results.forget_reference_rows()
    yield
