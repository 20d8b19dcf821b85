"""End to end in Chromium: home page, switch to Dutch, sign in with a demo account, profile."""

import io

import pytest
from django.core.management import call_command


@pytest.mark.browser
def test_home_switch_to_dutch_sign_in_and_see_profile(browser_page, transactional_db):
    call_command("load_demo", stdout=io.StringIO())
    page = browser_page
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Se connaître")

    page.get_by_role("navigation", name="Langue").get_by_role("link", name="Nederlands").click()
    page.wait_for_url("**/nl/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "Elkaar kennen" in page.get_by_role("heading", level=1).inner_text()

    page.get_by_role("link", name="Aanmelden").first.click()
    page.get_by_label("E-mail").fill("professionnel@maillage.demo")
    page.get_by_label("Wachtwoord").fill("maillage-demo-2026")
    page.locator("form").get_by_role("button", name="Aanmelden").click()

    page.wait_for_url("**/nl/profil/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn profiel"
    assert "professionnel@maillage.demo" in page.content()
    # Keyboard users reach the main content first.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
