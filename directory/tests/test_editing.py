"""Editing rights: members edit their own organization's sheets; a member of another
organization is refused; coordinators moderate; every field change is kept."""

import pytest

from directory.models import ChangeRecord, ErrorReport, Organization, PublicationStatus, Service
from directory.services import DirectoryError, update_service
from maillage.testing.factories import MembershipFactory, OrganizationFactory

from .factories import make_service, term_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(organization):
    return make_service(
        organization=organization, name_fr="Permanence sociale", terms=["theme:income_rights"]
    )


@pytest.fixture
def outsider():
    return MembershipFactory(organization=OrganizationFactory(), is_admin=True).user


def form_data(**overrides):
    data = {
        "name_fr": "Permanence sociale",
        "name_nl": "Sociale permanentie",
        "description_fr": "Aide sociale.",
        "status": "active",
        "fee": "free",
        "area_scope": "region",
        "update_frequency_days": "365",
        "languages": ["fr", "nl"],
        "access_beneficiary": ["walk_in"],
        "access_professional": ["phone"],
        "terms_theme": [str(term_ids("theme:housing")[0])],
        "hours": "lundi-vendredi 9:00-12:00, 13:00-16:00",
        "phone_professionals": "02 555 01 01",
    }
    data.update(overrides)
    return data


def test_member_edits_own_service(client, org_admin, service):
    client.force_login(org_admin)
    assert client.get(f"/fr/annuaire/services/{service.pk}/modifier/").status_code == 200
    response = client.post(f"/fr/annuaire/services/{service.pk}/modifier/", form_data(verify="on"))
    assert response.status_code == 302, response.context["form"].errors
    service.refresh_from_db()
    assert service.name_nl == "Sociale permanentie"
    assert service.schedules.count() == 10
    assert set(service.terms.values_list("code", flat=True)) == {"housing"}
    assert service.assured_by == org_admin
    fields = set(
        ChangeRecord.objects.filter(resource_id=service.pk).values_list("field_name", flat=True)
    )
    assert {"name_nl", "terms", "hours", "languages", "assured_date"} <= fields
    record = ChangeRecord.objects.get(resource_id=service.pk, field_name="name_nl")
    assert record.previous_value == "" and record.replacement_value == "Sociale permanentie"
    # the HSDS API shows the change log as metadata
    metadata = client.get(f"/api/hsds/services/{service.pk}").json()["metadata"]
    assert any(m["field_name"] == "name_nl" for m in metadata)


def test_member_of_another_organization_is_refused(client, outsider, service):
    client.force_login(outsider)
    assert client.get(f"/fr/annuaire/services/{service.pk}/modifier/").status_code == 403
    response = client.post(
        f"/fr/annuaire/services/{service.pk}/modifier/", form_data(name_fr="Piraté")
    )
    assert response.status_code == 403
    assert client.post(f"/fr/annuaire/services/{service.pk}/verifier/").status_code == 403
    assert (
        client.get(f"/fr/annuaire/organisations/{service.organization_id}/modifier/").status_code
        == 403
    )
    assert (
        client.get(
            f"/fr/annuaire/organisations/{service.organization_id}/services/nouveau/"
        ).status_code
        == 403
    )
    service.refresh_from_db()
    assert service.name_fr == "Permanence sociale"
    with pytest.raises(DirectoryError):
        update_service(outsider, service, {"name_fr": "Piraté"})


def test_anonymous_is_sent_to_login(client, service):
    response = client.get(f"/fr/annuaire/services/{service.pk}/modifier/")
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "/connexion/" in response["Location"]


def test_coordinator_may_edit_any_service(client, coordinator, service):
    client.force_login(coordinator)
    response = client.post(
        f"/fr/annuaire/services/{service.pk}/modifier/", form_data(name_fr="Renommé")
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.name == "Renommé"


def test_member_creates_a_service(client, org_admin, organization):
    client.force_login(org_admin)
    response = client.post(
        f"/fr/annuaire/organisations/{organization.pk}/services/nouveau/",
        form_data(name_fr="Nouveau service"),
    )
    assert response.status_code == 302
    service = Service.objects.get(name="Nouveau service")
    assert service.publication_status == PublicationStatus.PUBLISHED
    assert client.get("/fr/annuaire/", {"q": "nouveau service"}).context["result"].total == 1


def test_invalid_hours_are_explained(client, org_admin, service):
    client.force_login(org_admin)
    response = client.post(
        f"/fr/annuaire/services/{service.pk}/modifier/", form_data(hours="bientôt 9h")
    )
    assert response.status_code == 200
    assert "hours" in response.context["form"].errors


def test_member_edits_organization(client, org_admin, organization):
    client.force_login(org_admin)
    response = client.post(
        f"/fr/annuaire/organisations/{organization.pk}/modifier/",
        {"name_fr": "Nouveau nom", "sector": "social", "website": "https://example.org"},
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.name_fr == "Nouveau nom"
    assert ChangeRecord.objects.filter(resource_id=organization.pk, field_name="name_fr").exists()


def test_proposed_organization_waits_for_moderation_and_duplicates_are_flagged(
    client, user, coordinator
):
    OrganizationFactory(name="Maison médicale du Miroir", name_fr="Maison médicale du Miroir")
    client.force_login(user)
    data = {"name_fr": "ASBL Maison Medicale Miroir", "sector": "health"}
    response = client.post("/fr/annuaire/organisations/proposer/", data)
    assert response.status_code == 200
    assert "Maison médicale du Miroir" in response.content.decode()
    assert not Organization.objects.filter(name_fr="ASBL Maison Medicale Miroir").exists()
    response = client.post(
        "/fr/annuaire/organisations/proposer/", {**data, "confirm_not_duplicate": "on"}
    )
    assert response.status_code == 302
    proposed = Organization.objects.get(name_fr="ASBL Maison Medicale Miroir")
    assert proposed.status == PublicationStatus.DRAFT
    client.force_login(coordinator)
    assert (
        "ASBL Maison Medicale Miroir" in client.get("/fr/annuaire/coordination/").content.decode()
    )
    assert "Miroir" in client.get("/fr/annuaire/coordination/doublons/").content.decode()
    client.post(
        f"/fr/annuaire/coordination/organisations/{proposed.pk}/statut/", {"status": "published"}
    )
    proposed.refresh_from_db()
    assert proposed.status == PublicationStatus.PUBLISHED


def test_coordination_pages_are_for_coordinators(client, user):
    client.force_login(user)
    for url in [
        "/fr/annuaire/coordination/",
        "/fr/annuaire/coordination/fiches-a-verifier/",
        "/fr/annuaire/coordination/doublons/",
    ]:
        assert client.get(url).status_code == 403


def test_report_an_error(
    client, user, org_admin, coordinator, service, mailoutbox, django_capture_on_commit_callbacks
):
    url = f"/fr/annuaire/organisations/{service.organization_id}/services/{service.pk}/signaler/"
    assert client.post(url, {"message": "Le numéro a changé"}).status_code == 302  # to login
    assert ErrorReport.objects.count() == 0
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"message": "Le numéro a changé"}).status_code == 302
    report = ErrorReport.objects.get()
    assert report.service == service
    assert {m.to[0] for m in mailoutbox} == {org_admin.email, coordinator.email}
    client.force_login(coordinator)
    client.post(f"/fr/annuaire/coordination/signalements/{report.pk}/", {"status": "fixed"})
    report.refresh_from_db()
    assert report.status == "fixed"


def test_member_moves_a_place_and_the_search_follows(client, org_admin, service, outsider):
    from directory.search.engine import SearchParams, search

    location = service.at_locations.get().location
    url = f"/fr/annuaire/organisations/{service.organization_id}/lieux/{location.pk}/"
    data = {"name_fr": "Antenne Uccle", "address_1": "rue Xavier De Bue 12", "postal_code": "1180"}
    client.force_login(outsider)
    assert client.post(url, data).status_code == 403
    client.force_login(org_admin)
    assert client.get(url).status_code == 200
    assert client.post(url, data).status_code == 302
    address = location.addresses.get()
    assert (address.municipality.nis_code, address.basin.code, address.city) == (
        "21016",
        "sud",
        "Uccle",
    )
    assert search(SearchParams(municipalities=["21016"])).ids == [service.pk]
    assert ChangeRecord.objects.filter(resource_id=location.pk, field_name="postal_code").exists()
    new = client.post(
        f"/fr/annuaire/organisations/{service.organization_id}/lieux/nouveau/",
        {"address_1": "rue Haute 1", "postal_code": "1000", "is_confidential": "on"},
    )
    assert new.status_code == 302
    assert service.organization.locations.filter(is_confidential=True).count() == 1
