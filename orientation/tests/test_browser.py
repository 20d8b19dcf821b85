"""End to end in Chromium: the housing path for a person without a roof tonight in Etterbeek,
Dutch-speaking, without papers, walked with the keyboard and the mouse, back and forward,
ends on the services that fit, and the result prints."""

import io

import pytest
from pypdf import PdfReader

from directory.tests.test_browser import short_lived_connections  # noqa: F401
from orientation.models import PathRecord

from .conftest import housing_offer  # noqa: F401


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_housing_path_no_roof_tonight_etterbeek_dutch_without_papers(
    short_lived_connections,  # noqa: F811
    browser_page,
    housing_offer,  # noqa: F811
):
    page = browser_page
    page.goto("/nl/orientation/")
    page.get_by_role("link", name="Huisvesting").click()
    page.wait_for_selector("legend:has-text('Wat is de woonsituatie?')")
    assert "Vraag 1 van hoogstens 7" in page.locator(".path-progress").inner_text()
    # Keyboard only: the first answer has the focus; Space chooses it, Enter goes on.
    page.keyboard.press("Space")
    assert page.get_by_label("Zonder dak vanavond").is_checked()
    page.keyboard.press("Enter")
    page.wait_for_selector("legend:has-text('Wie heeft een dak nodig?')")
    page.get_by_label("Een volwassene alleen").check()
    page.get_by_role("button", name="Volgende").click()
    page.wait_for_selector("legend:has-text('verblijfsstatuut')")
    page.get_by_label("Zonder verblijfsdocumenten (onwettig verblijf)").check()
    page.get_by_role("button", name="Volgende").click()
    # Back: the answer given is still chosen; forward again keeps it.
    page.wait_for_selector("legend:has-text('Hoe oud is de persoon?')")
    page.get_by_role("link", name="Terug").click()
    page.wait_for_selector("legend:has-text('verblijfsstatuut')")
    assert page.get_by_label("Zonder verblijfsdocumenten (onwettig verblijf)").is_checked()
    page.get_by_role("button", name="Volgende").click()
    page.wait_for_selector("legend:has-text('Hoe oud is de persoon?')")
    page.get_by_label("26 tot 64 jaar").check()
    page.get_by_role("button", name="Volgende").click()
    page.wait_for_selector("legend:has-text('In welke taal')")
    page.get_by_label("Kies de taal").select_option("nl")
    page.get_by_role("button", name="Volgende").click()
    page.wait_for_selector("legend:has-text('In welke gemeente')")
    page.get_by_label("Kies de gemeente").select_option(label="Etterbeek")
    page.get_by_role("button", name="Volgende").click()
    page.wait_for_selector("legend:has-text('Vraagt de persoon zelf om hulp?')")
    assert "Vraag 7 van hoogstens 7" in page.locator(".path-progress").inner_text()
    page.get_by_label("Ja, ze vraagt om hulp").check()
    page.get_by_role("button", name="Volgende").click()

    page.wait_for_selector("#result-count")
    assert page.locator("#result-count").inner_text() == "2 passende diensten"
    cards = page.locator("ol.path-results > li")
    first = cards.nth(0).inner_text()
    assert "Opvanghuis Etterbeek" in first
    assert "nederlands gesproken" in first and "in Etterbeek" in first
    assert "mensen op de vlucht" in first  # accepts people without papers
    assert "+32 2 555 10 10" in first
    assert "Abri de nuit Ixelles" in cards.nth(1).inner_text()
    assert "Een doorverwijzing is nodig" in cards.nth(1).inner_text()
    assert "Hébergement jeunes" not in page.content()
    assert PathRecord.objects.get().result_count == 2
    assert page.get_by_role("button", name="Afdrukken").is_visible()  # print.js ran

    # Printed: the result, the answers and the link; no menu, no buttons.
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "Opvanghuis Etterbeek" in text and "Abri de nuit Ixelles" in text
    assert "Zonder verblijfsdocumenten" in text and "Etterbeek" in text
    assert "/nl/orientation/housing/resultat/?v=1" in text.replace("\n", "")
    assert "Afmelden" not in text and "Sociale kaart" not in text.split("Passende diensten")[0]

    # Opening a service goes through the counting redirect to the directory sheet.
    page.emulate_media(media="screen")
    page.get_by_role("link", name="Opvanghuis Etterbeek").click()
    page.wait_for_selector("h1:has-text('Opvanghuis Etterbeek')")
    assert PathRecord.objects.get().opened_services == [str(housing_offer["shelter_nl"].pk)]
