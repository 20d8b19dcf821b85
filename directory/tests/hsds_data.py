"""Test data for the HSDS import/export tests: a small directory, its export as comparable data,
and a fresh directory."""

from directory.hsds.exporter import published_services
from directory.models import Closure, CostOption, Organization, Service, Taxonomy, TaxonomyTerm

from .factories import make_service


def build_directory_data():
    """Two services with everything an export carries (a confidential shelter among them)."""
    local = Taxonomy.objects.create(
        code="local-need", name_fr="Besoins locaux", name_nl="Lokale noden", is_facet=False
    )
    TaxonomyTerm.objects.create(
        taxonomy=local, code="night", name_fr="Accueil de nuit", name_nl="Nachtopvang"
    )
    housing = make_service(
        name_fr="Cellule logement",
        name_nl="Cel huisvesting",
        description_fr="Aide au logement.",
        terms=["theme:housing", "public:adults"],
        hours="lundi-vendredi 9:00-12:00, 13:00-16:00",
        phone="02 555 11 11",
        fee="sliding",
        languages=["fr", "nl", "ar"],
        minimum_age=18,
        access_beneficiary=["walk_in"],
        access_professional=["phone", "referral_form"],
        referral_required=True,
    )
    CostOption.objects.create(
        service=housing, option="Entretien", amount=5, amount_description="par mois"
    )
    Closure.objects.create(
        service=housing, start_date="2026-07-15", end_date="2026-08-15", reason_fr="Été"
    )
    shelter = make_service(
        name_fr="Hébergement d'urgence", confidential=True, street="rue Cachée 3"
    )
    return housing, shelter


def snapshot():
    """Everything the export says, as comparable data (ids, texts, relations)."""
    data = published_services()
    for item in data:
        item.pop("last_modified", None)
    return sorted(data, key=lambda s: s["id"])


def wipe():
    """A fresh directory: no organization, service or place, and only the reference
    taxonomies that every database gets from its migrations."""
    Organization.objects.all().delete()
    Taxonomy.objects.filter(code="local-need").delete()
    assert Service.objects.count() == 0


def taxonomy_snapshot():
    return sorted(
        TaxonomyTerm.objects.values_list("id", "code", "name_fr", "name_nl", "taxonomy__code")
    ) + sorted(Taxonomy.objects.values_list("id", "code", "name_fr", "name_nl"))
