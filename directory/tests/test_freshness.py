"""Freshness: stale sheets are listed for coordinators, and their organization gets one
reminder e-mail (the task and the command call the same function), not one every day."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.formats import date_format

from directory.models import Service
from directory.services import verify_service
from directory.services.freshness import sheet_language
from directory.tasks import remind_stale_sheets_task
from maillage.testing.factories import OrganizationFactory

from .factories import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def stale(organization):
    return make_service(organization=organization, name_fr="Fiche ancienne", assured_days_ago=400)


def test_stale_listing(client, coordinator, stale):
    make_service(name_fr="Fiche récente", assured_days_ago=3)
    assert list(Service.objects.stale()) == [stale]
    client.force_login(coordinator)
    content = client.get("/fr/annuaire/coordination/fiches-a-verifier/").content.decode()
    assert "Fiche ancienne" in content and "Fiche récente" not in content


def test_reminder_sent_once(org_admin, stale, mailoutbox):
    call_command("remind_stale_sheets")
    assert [m.to for m in mailoutbox] == [[org_admin.email]]
    assert "Fiche ancienne" in mailoutbox[0].body
    remind_stale_sheets_task.enqueue()
    assert len(mailoutbox) == 1  # reminded less than 30 days ago


def test_reminder_to_the_organization_address_without_admin(stale, mailoutbox):
    stale.organization.email = "info@example.org"
    stale.organization.save()
    remind_stale_sheets_task.enqueue()
    assert [m.to for m in mailoutbox] == [["info@example.org"]]


def test_reminder_without_admin_in_the_language_of_a_dutch_organization(mailoutbox):
    organization = OrganizationFactory(
        name="OCMW Sint-Gillis", name_fr="", name_nl="OCMW Sint-Gillis", email="info@ocmw.example"
    )
    sheet = make_service(
        organization=organization,
        name_fr="",
        name_nl="Sociale dienst",
        description_nl="Eerste opvang",
        languages=("nl",),
        assured_days_ago=400,
    )
    remind_stale_sheets_task.enqueue()
    (mail,) = mailoutbox
    assert mail.to == ["info@ocmw.example"]
    assert "Kijk de fiches van OCMW Sint-Gillis" in mail.subject
    assert "Goeiedag," in mail.body and "Sociale dienst" in mail.body
    assert f"/nl/annuaire/services/{sheet.pk}/" in mail.body
    assert "/fr/" not in mail.body


def test_reminder_language_falls_back_to_the_network_default():
    organization = OrganizationFactory(name_fr="", name_nl="")
    both = make_service(organization=organization, name_fr="", languages=("fr", "nl"))
    assert sheet_language(organization, [both]) == "fr"
    dutch_speaking = make_service(organization=organization, name_fr="", languages=("nl",))
    assert sheet_language(organization, [dutch_speaking]) == "nl"
    french = make_service(organization=organization, name_fr="Accueil", languages=("nl",))
    assert sheet_language(organization, [french]) == "fr"  # the written text wins


def test_verification_makes_the_sheet_fresh(client, org_admin, stale):
    client.force_login(org_admin)
    client.post(f"/fr/annuaire/services/{stale.pk}/verifier/")
    stale.refresh_from_db()
    assert stale.assured_date == timezone.localdate()
    assert stale.review_due == timezone.localdate() + datetime.timedelta(days=365)
    assert not Service.objects.stale().exists()
    page = client.get(stale.get_absolute_url()).content.decode()
    assert "Dernière vérification" in page
    assert date_format(timezone.localdate()) in page


def test_verify_service_refuses_outsiders(user, stale):
    from directory.services import DirectoryError

    with pytest.raises(DirectoryError):
        verify_service(user, stale)
