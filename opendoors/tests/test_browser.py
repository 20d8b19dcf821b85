"""End to end in Chromium: a professional browses the programme filtered on a basin, books two
visits, tries a third that overlaps and sees the refusal, then cancels one."""

import pytest
from django.db import connections

from maillage.testing.browser import sign_in
from maillage.testing.factories import UserFactory
from opendoors.models import Visit

from . import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_filter_book_two_refused_overlap_cancel(browser_page):
    page = browser_page
    edition = f.edition()
    maelbeek = f.host_service(edition, name="Maison médicale du Maelbeek", nis="21005")
    cpas = f.host_service(edition, name="CPAS d'Etterbeek", nis="21005")
    ssm = f.host_service(edition, name="SSM Le Méridien", nis="21005")
    ixelles = f.host_service(edition, name="CPAS d'Ixelles", nis="21009")
    f.slot(maelbeek, start="09:00", end="10:00")
    f.slot(cpas, start="10:30", end="11:30")
    f.slot(ssm, start="11:00", end="12:00")  # overlaps the CPAS visit
    f.slot(ixelles, start="09:00", end="10:00")  # another basin: filtered out
    person = UserFactory(first_name="Awa", last_name="Diallo")

    sign_in(page, person)

    page.goto("/fr/portes-ouvertes/")
    page.select_option("select[name=basin]", "sud-est")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_load_state()
    assert "basin=sud-est" in page.url
    listing = page.locator(".od-slots").all_inner_texts()
    assert any("Maelbeek" in text for text in listing)
    assert not any("CPAS d'Ixelles" in text for text in listing)

    page.get_by_role("button", name="Réserver Maison médicale du Maelbeek à 09:00").click()
    assert "Votre visite est réservée" in page.locator(".messages").inner_text()
    assert "basin=sud-est" in page.url  # back on the filtered programme
    page.get_by_role("button", name="Réserver CPAS d'Etterbeek à 10:30").click()
    assert "Votre visite est réservée" in page.locator(".messages").inner_text()
    page.get_by_role("button", name="Réserver SSM Le Méridien à 11:00").click()
    refusal = page.locator(".message-error").inner_text()
    assert "chevauche votre visite" in refusal and "CPAS d'Etterbeek" in refusal

    page.goto("/fr/portes-ouvertes/mes-visites/")
    page.get_by_role("link", name="Annuler ma visite de CPAS d'Etterbeek").click()
    assert "Voulez-vous vraiment annuler" in page.locator("main").inner_text()
    page.get_by_role("button", name="Oui, annuler ma visite").click()
    assert "Votre visite est annulée" in page.locator(".messages").inner_text()
    remaining = page.locator(".od-slots").inner_text()
    assert "Maelbeek" in remaining and "CPAS d'Etterbeek" not in remaining
    assert Visit.objects.filter(visitor=person).confirmed().count() == 1
    connections.close_all()
