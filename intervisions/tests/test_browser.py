"""End to end in Chromium: a professional registers through the public form; a coordinator
signs in, composes the groups and publishes them; everyone gets an e-mail."""

import pytest
from django.core import mail
from django.db import connections

from intervisions.models import Registration
from maillage.testing.browser import sign_in
from maillage.testing.factories import CoordinatorFactory

from .conftest import make_org


@pytest.fixture
def close_connections(browser_page):
    """Database connections opened while Playwright's loop runs live in its context: close
    them there, before the test database is dropped (PostgreSQL refuses to drop a database in
    use). Depends on browser_page so that it is torn down first."""
    yield
    connections.close_all()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_register_then_compose_and_publish(
    browser_page, close_connections, transactional_db, cycle, groups, register
):
    page = browser_page
    org = make_org(name="Service social Étoile", is_network_member=True)
    register([groups[0]])  # someone registered earlier, from another institution

    # 1. A professional registers (anonymous), with the keyboard-friendly form.
    page.goto(f"/fr/intervisions/cycles/{cycle.pk}/inscription/")
    page.fill("#id_first_name", "Amina")
    page.fill("#id_last_name", "Benali")
    page.fill("#id_email", "amina@example.org")
    page.fill("#id_function", "assistante sociale")
    page.select_option("#id_organization", str(org.pk))
    page.select_option("#id_sector", "social")
    page.check("#id_language_0")  # French
    page.select_option("#id_choice_1", str(groups[0].pk))
    page.select_option("#id_choice_2", str(groups[1].pk))
    page.check("#id_commitment")
    page.check("#id_consent")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/intervisions/inscription/**")
    assert "Amina Benali" in page.content()
    amina = Registration.objects.get(email="amina@example.org")
    assert amina.fee == 120

    # Registering twice with the same address is refused with a message.
    page.goto(f"/fr/intervisions/cycles/{cycle.pk}/inscription/")
    page.fill("#id_first_name", "Amina")
    page.fill("#id_last_name", "Benali")
    page.fill("#id_email", "AMINA@example.org")
    page.fill("#id_function", "assistante sociale")
    page.select_option("#id_organization", str(org.pk))
    page.select_option("#id_sector", "social")
    page.check("#id_language_0")
    page.select_option("#id_choice_1", str(groups[0].pk))
    page.check("#id_commitment")
    page.check("#id_consent")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    alert = page.locator("[role=alert]").first
    assert "amina@example.org" in alert.inner_text()
    assert Registration.objects.filter(email="amina@example.org").count() == 1

    # 2. A coordinator signs in, composes and publishes.
    coordinator = CoordinatorFactory()
    sign_in(page, coordinator)  # with the second factor
    page.goto(f"/fr/intervisions/gestion/{cycle.pk}/")
    with page.expect_navigation():
        page.locator(f"form[action$='/gestion/{cycle.pk}/composer/'] button").click()
    # The groups table and the proposed group of each registration (rows or cards).
    assert page.locator("main").get_by_text("Lundi matin").count() >= 2
    mail.outbox.clear()
    page.get_by_role("link", name="Publier les groupes et prévenir tout le monde").click()
    with page.expect_navigation():  # the confirmation page says what publishing will do
        page.get_by_role("button", name="Publier les groupes et prévenir tout le monde").click()
    assert page.locator(".message-success").count() == 1
    cycle.refresh_from_db()
    assert cycle.is_published
    amina.refresh_from_db()
    assert amina.group == groups[0]
    assert "amina@example.org" in [m.to[0] for m in mail.outbox]
    # The coordinator then sees the group page with its calendar.
    page.goto(f"/fr/intervisions/groupes/{groups[0].pk}/")
    assert page.locator("table").first.locator("tbody tr").count() == cycle.session_count
