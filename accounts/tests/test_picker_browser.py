"""End to end in Chromium: the searchable organization picker on "join an organization":
type three letters, choose with the keyboard, submit; the page never carried the whole list."""

import pytest

from accounts.models import Membership
from core.widgets import SHORT
from maillage.testing.browser import sign_in
from maillage.testing.factories import OrganizationFactory, UserFactory


@pytest.mark.browser
def test_type_three_letters_choose_with_the_keyboard_and_submit(browser_page, transactional_db):
    OrganizationFactory.create_batch(SHORT + 10)
    OrganizationFactory(name="Maison médicale Tournesol", name_fr="Maison médicale Tournesol")
    wanted = OrganizationFactory(name="Maison médicale Étoile", name_fr="Maison médicale Étoile")
    person = UserFactory()
    page = browser_page
    page.set_default_timeout(60_000)  # a shared, busy machine: slow is not broken
    errors, missing = [], []
    page.on(
        "console",
        lambda m: (
            m.type == "error" and "Failed to load resource" not in m.text and errors.append(m.text)
        ),
    )
    page.on(
        "response", lambda r: r.status >= 400 and "favicon" not in r.url and missing.append(r.url)
    )
    sign_in(page, person)
    page.goto("/fr/profil/organisations/rejoindre/")
    assert page.locator("select[name=organization] option").count() == 1

    box = page.get_by_role("combobox", name="Organisation")
    box.click()
    box.press_sequentially("eto", delay=50)
    listbox = page.get_by_role("listbox")
    listbox.get_by_role("option").first.wait_for()
    assert listbox.get_by_role("option").all_inner_texts() == ["Maison médicale Étoile"]
    assert "1 résultat" in page.locator("[data-picker-status]").inner_text()

    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == listbox.get_by_role(
        "option"
    ).first.get_attribute("id")
    box.press("Enter")
    assert box.input_value() == "Maison médicale Étoile"
    assert box.get_attribute("aria-expanded") == "false"
    assert not page.get_by_role("button", name="Rechercher").is_visible()

    with page.expect_navigation():
        page.get_by_role("button", name="Envoyer ma demande").click()
    membership = Membership.objects.get(user=person)
    assert membership.organization == wanted
    assert errors == []  # no script error, no Content-Security-Policy refusal
    assert missing == []  # the picker's script and the suggestions were all served
