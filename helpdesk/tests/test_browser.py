"""End to end in Chromium: a professional submits a request with a national number, sees it
highlighted, removes it and submits; a coordinator answers with two services found in the
directory and the requester sees them."""

import pytest
from django.core import mail

from directory.tests.factories import make_service
from helpdesk.models import HelpRequest, OrientationLink
from maillage.testing.browser import sign_in
from maillage.testing.factories import CoordinatorFactory

from .factories import professional_with_organization

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NRN = "85.07.30-033.28"


def test_a_national_number_is_highlighted_removed_and_the_request_sent(browser_page):
    page = browser_page
    professional = professional_with_organization()
    sign_in(page, professional)
    page.goto("/fr/helpdesk/nouvelle-demande/")
    typed = f"Une mère seule, NN {NRN}, expulsée avec deux enfants, cherche un hébergement."
    page.fill("#id_situation", typed)
    page.select_option("#id_need", "housing")
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_load_state()
    # refused: the number is highlighted, the typed text is still there
    mark = page.locator("mark.pii[data-kind=nrn]")
    assert mark.count() == 1 and NRN in mark.inner_text()
    assert "numéro de registre national" in page.locator(".pii-found").inner_text()
    assert page.input_value("#id_situation") == typed
    assert HelpRequest.objects.count() == 0
    # the professional removes the number and sends again
    page.fill("#id_situation", typed.replace(f", NN {NRN}", ""))
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_load_state()
    assert "Votre demande a été envoyée" in page.locator(".messages").inner_text()
    saved = HelpRequest.objects.get()
    assert NRN not in saved.situation and saved.requester == professional


def test_a_coordinator_answers_with_two_services_and_the_requester_sees_them(browser_page):
    page = browser_page
    requester = professional_with_organization()
    first = make_service(name_fr="Cellule logement Chasse", terms=["theme:housing"], nis="21005")
    second = make_service(name_fr="Capteur logement Ixelles", terms=["theme:housing"], nis="21009")
    make_service(name_fr="Consultations santé mentale", terms=["theme:mental_health"])
    sign_in(page, requester)
    page.goto("/fr/helpdesk/nouvelle-demande/")
    page.fill("#id_situation", "Un jeune de 19 ans à la rue depuis une semaine.")
    page.select_option("#id_need", "housing")
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_load_state()
    request = HelpRequest.objects.get()
    page.locator("summary", has_text="Mon compte").click()  # the menu group holding it
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()

    coordinator = CoordinatorFactory()
    sign_in(page, coordinator)
    page.goto("/fr/helpdesk/triage/")
    page.locator(f"a[href='/fr/helpdesk/triage/{request.pk}/']").click()
    page.wait_for_load_state()
    page.fill("#answer-search", "logement")
    page.get_by_role("button", name="Chercher des services").click()
    page.wait_for_load_state()
    page.get_by_label("Cellule logement Chasse").check()
    page.get_by_label("Capteur logement Ixelles").check()
    page.fill("#id_text", "Les deux services reçoivent sur rendez-vous.")
    page.get_by_role("button", name="Envoyer la réponse").click()
    page.wait_for_load_state()
    assert "La réponse a été envoyée" in page.locator(".messages").inner_text()
    assert OrientationLink.objects.filter(to_service__in=[first, second]).count() == 2
    assert any("Cellule logement Chasse" in m.body for m in mail.outbox)
    page.locator("summary", has_text="Mon compte").click()  # the menu group holding it
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()

    sign_in(page, requester)
    page.goto(f"/fr/helpdesk/demandes/{request.pk}/")
    services = page.locator(".answer-services li")
    assert services.count() == 2
    text = page.locator(".answer").inner_text()
    assert "Cellule logement Chasse" in text and "Capteur logement Ixelles" in text
    page.get_by_role("button", name="Oui, cela a aidé").click()
    page.wait_for_load_state()
    request.refresh_from_db()
    assert request.helped is True
