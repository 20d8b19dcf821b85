"""End to end in Chromium: a Dutch-speaking professional signs in on /nl/, registers to an
intervision cycle, finds it under "Mijn inschrijvingen" and sees it on the cycle page instead
of the register button."""

import pytest
from django.db import connections

from intervisions.models import Registration
from maillage.testing.browser import sign_in
from maillage.testing.factories import UserFactory

from .conftest import make_org


@pytest.fixture
def close_connections(browser_page):
    """Close the connections opened in Playwright's loop before the test database is dropped."""
    yield
    connections.close_all()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_dutch_professional_registers_and_finds_it_under_my_registrations(
    browser_page, close_connections, transactional_db, cycle, groups
):
    page = browser_page
    page.set_default_timeout(60_000)  # the machine may be busy: wait longer, never flakily fail
    page.set_default_navigation_timeout(60_000)
    org = make_org(name="OCMW Anderlecht", name_nl="OCMW Anderlecht")
    dutch_group = groups[2]  # Donderdagnamiddag
    person = UserFactory(
        first_name="Griet",
        last_name="Peeters",
        preferred_language="nl",
        function="maatschappelijk werker",
    )

    sign_in(page, person, language="nl")

    page.goto(f"/nl/intervisions/cycles/{cycle.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Inschrijven").last.click()
    assert page.input_value("#id_email") == person.email  # filled from the account
    page.fill("#id_function", "maatschappelijk werker")
    page.select_option("#id_organization", str(org.pk))
    page.select_option("#id_sector", "social")
    page.check("#id_language_1")  # Dutch
    page.select_option("#id_choice_1", str(dutch_group.pk))
    page.check("#id_commitment")
    page.check("#id_consent")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    registration = Registration.objects.get(email=person.email)
    assert registration.user_id == person.pk

    with page.expect_navigation():
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
            "link", name="Mijn inschrijvingen"
        ).click()
    assert page.url.endswith("/nl/mes-inscriptions/")
    section = page.locator("section#intervisions")
    assert "Intervisiecycli" in section.locator("h2").inner_text()
    assert cycle.title in section.inner_text()
    assert "Mij uitschrijven uit de cyclus" in section.inner_text()
    section.get_by_role("link", name="Mijn inschrijvingspagina (persoonlijke link)").click()
    page.wait_for_url("**/nl/intervisions/inscription/**")
    assert "Griet Peeters" in page.content()

    page.goto(f"/nl/intervisions/cycles/{cycle.pk}/")
    status = page.locator("#registration-status")
    assert "U bent ingeschreven" in status.inner_text()
    assert page.get_by_role("link", name="Inschrijven").count() == 0
