"""End to end in Chromium: a professional signs in after the data policy changed, is asked to
accept the new version, lands where they were going, reads their data and erases their account
(their registration stays, anonymised)."""

import pytest

from events import services
from events.models import Registration
from events.tests.factories import EventFactory, in_days
from maillage.testing.browser import sign_in
from maillage.testing.factories import PASSWORD, UserFactory
from privacy.models import Consent
from privacy.services.consent import record_consent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_new_policy_asked_then_my_data_and_erasure(browser_page, settings):
    page = browser_page
    person = UserFactory(first_name="Awa", last_name="Diallo")
    record_consent(person, Consent.Context.SIGNUP)
    past = EventFactory(title="Table d'échanges logement", starts_at=in_days(-2))
    services.register(past, user=person, now=in_days(-4))
    settings.PRIVACY_POLICY_VERSION = "2031-2"

    sign_in(page, person, next_url="/fr/profil/")
    assert page.get_by_role("heading", name="Notre politique de données a changé").is_visible()
    page.get_by_role("button", name="Continuer").click()
    assert "Ce champ est obligatoire." in page.content()
    page.get_by_label("J'accepte la politique de données").check()
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_load_state()
    assert page.url.endswith("/fr/profil/")
    assert Consent.objects.filter(user=person, version="2031-2").exists()

    page.locator("summary", has_text="Mon compte").click()  # the menu group holding it
    page.get_by_role("link", name="Mes données", exact=True).click()
    page.get_by_role("link", name="Lire toutes mes données sur une page").click()
    assert "Table d'échanges logement" in page.content()

    page.goto("/fr/vie-privee/mes-donnees/effacer/")
    page.fill("input[name=password]", PASSWORD)
    page.get_by_label("Je comprends que mon compte est effacé définitivement.").check()
    page.get_by_role("button", name="Effacer définitivement mon compte").click()
    page.wait_for_load_state()
    assert "Votre compte a été effacé." in page.content()
    registration = Registration.objects.get(event=past)
    assert registration.name == "—" and registration.user_id is None
