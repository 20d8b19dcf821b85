"""The journal of a sheet: every edit (phones, hours and places too), labels in the reader's
language, no "None", long values shortened; only for the sheet's keepers and coordinators."""

import datetime

from directory.services import save_location, update_service
from directory.tests.factories import make_service
from maillage.testing.factories import MembershipFactory

LONG = "Une description très longue " * 20


def journal(client, service):
    return client.get(f"/fr/annuaire/services/{service.pk}/journal/")


def test_journal_shows_phone_and_hours_edits_with_translated_labels(
    client, org_admin, organization
):
    service = make_service(organization=organization, name_fr="Permanence", hours="lundi 9-12")
    update_service(
        org_admin,
        service,
        {"description_nl": "Sociale permanentie", "referral_required": True},
        schedules=[(1, datetime.time(14), datetime.time(17))],
        phones=[{"number": "02 555 01 01", "audience": "professionals"}],
    )
    client.force_login(org_admin)
    page = journal(client, service).content.decode()
    assert "Heures d&#x27;ouverture" in page
    assert "lundi 09:00-12:00" in page
    assert "mardi 14:00-17:00" in page
    assert "02 555 01 01 (Professionnel·les)" in page
    assert "Description (Néerlandais)" in page
    assert "Une orientation préalable est nécessaire" in page
    assert "None" not in page
    assert "description_nl" not in page
    assert "referral_required" not in page


def test_journal_is_in_dutch_on_dutch_pages(client, org_admin, organization):
    service = make_service(organization=organization, name_fr="Permanence")
    update_service(org_admin, service, {}, phones=[{"number": "02 555 01 01", "audience": "all"}])
    client.force_login(org_admin)
    page = client.get(f"/nl/annuaire/services/{service.pk}/journal/").content.decode()
    assert "Telefoons" in page
    assert "toegevoegd" in page


def test_organization_journal_shows_places_and_services(client, org_admin, organization):
    service = make_service(organization=organization, name_fr="Permanence")
    location = service.at_locations.get().location
    data = {"name_fr": "Antenne Flagey", "address_1": "rue Malibran 5", "postal_code": "1050"}
    save_location(org_admin, organization, data, location=location)
    update_service(org_admin, service, {"description_fr": LONG})
    client.force_login(org_admin)
    page = client.get(f"/fr/annuaire/organisations/{organization.pk}/journal/").content.decode()
    assert "rue Malibran 5" in page
    assert "Antenne Flagey" in page
    assert "Code postal" in page
    assert "Permanence" in page
    assert "Texte complet" in page  # the long description is shortened, the whole text kept
    assert page.count(LONG.strip()) == 1
    assert "None" not in page


def test_journal_is_for_the_sheet_keepers(client, user, coordinator, organization):
    service = make_service(organization=organization)
    client.force_login(user)
    assert journal(client, service).status_code == 403
    MembershipFactory(organization=organization, user=user)
    assert journal(client, service).status_code == 200
    client.force_login(coordinator)
    assert journal(client, service).status_code == 200
    client.logout()
    assert journal(client, service).status_code == 302
    assert client.get("/fr/annuaire/services/123/journal/").status_code == 404


def test_platform_journal_shows_field_labels_and_no_none(client, coordinator, organization):
    from directory.services import update_organization

    update_organization(
        coordinator, organization, {"website": "https://miroir.example.be", "sector": "health"}
    )
    client.force_login(coordinator)
    page = client.get("/fr/journal/?model=organization").content.decode()
    assert "Site web" in page
    assert "Soins de santé" in page
    assert "<strong>website</strong>" not in page
    assert "None" not in page
