"""End to end in Chromium: a professional registers to a thematic consultation in one click,
cancels, and the first person on the waiting list gets the seat (and an e-mail); an organizer
writes the minutes in the rich-text editor under the strict CSP."""

import datetime
import tempfile
from pathlib import Path

import pytest
from django.core import mail
from django.db import connections

from events import services
from events.models import EventType, Report
from events.tests.factories import EventFactory
from maillage.testing.browser import sign_in
from maillage.testing.factories import MembershipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_register_cancel_and_waiting_list_promotion(browser_page):
    page = browser_page
    professional = UserFactory(first_name="Awa", last_name="Diallo")
    event = EventFactory(
        title="Concertation thématique Santé mentale #2",
        capacity=1,
        event_type=EventType.objects.get(code="thematic-consultation"),
    )

    sign_in(page, professional)

    page.goto(f"/fr/agenda/{event.pk}/")
    page.get_by_role("button", name="M'inscrire en un clic").click()
    assert "Vous êtes inscrit·e." in page.locator("#registration-status").inner_text()

    # Two people register meanwhile with the short form: the event is full, they wait in order.
    first = services.register(
        event,
        name="Bram Peeters",
        email="bram@example.org",
        organization_name="Service social",
        consent=True,
    )
    second = services.register(
        event,
        name="Chloé Lambert",
        email="chloe@example.org",
        organization_name="Service social",
        consent=True,
    )
    assert (first.status, second.status) == ("waiting", "waiting")
    mail.outbox.clear()

    page.reload()
    page.get_by_role("link", name="Annuler mon inscription").click()
    page.get_by_role("button", name="Oui, annuler mon inscription").click()  # the confirmation
    assert "Votre inscription est annulée." in page.locator(".messages").inner_text()
    assert page.get_by_role("button", name="M'inscrire en un clic").is_visible()

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.booking.status == "confirmed"
    assert second.booking.status == "waiting"
    assert "bram@example.org" in [m.to[0] for m in mail.outbox]
    # Database calls made in this test body run beside Playwright's event loop, in a context
    # with its own connection: close it, or PostgreSQL cannot drop the test database.
    connections.close_all()


def test_minutes_editor_saves_bold_text_without_csp_violation(browser_page):
    """The rich-text editor of the minutes loads under the strict CSP (no violation reported,
    no console error), bold text typed in it is saved, and nh3 still cleans what arrives."""
    page = browser_page
    page.set_default_timeout(60_000)  # a shared, busy machine: the first pages can be slow
    organizer = UserFactory(first_name="Lina", last_name="Organisatrice")
    event = EventFactory(title="Atelier du changement")
    MembershipFactory(user=organizer, organization=event.organizer)
    problems = []
    page.on("console", lambda message: _console_problem(message, problems))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "(window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    sign_in(page, organizer)

    response = page.goto(f"/fr/agenda/{event.pk}/compte-rendu/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    editor = page.locator(".prose-editor [contenteditable=true]")
    editor.wait_for()
    assert page.locator("textarea[name=body]").is_hidden()  # the editor replaced it
    editor.click()
    page.keyboard.type("Constats du bassin. ")
    page.keyboard.press("Control+b")
    page.keyboard.type("Priorité : la cartographie")
    assert editor.locator("strong").inner_text() == "Priorité : la cartographie"
    with page.expect_navigation():
        page.locator("button[name=action][value=save]").click()
    assert "Compte rendu enregistré." in page.locator(".messages").inner_text()

    body = Report.objects.get(event=event).body
    assert "<strong>Priorité : la cartographie</strong>" in body
    assert page.evaluate("window.__csp || []") == []
    assert problems == []
    connections.close_all()


def _console_problem(message, problems):
    """Console errors, except the browser's own request for /favicon.ico (there is none)."""
    if message.type == "error" and not message.location.get("url", "").endswith("favicon.ico"):
        problems.append(f"{message.text} ({message.location.get('url')})")


def _sign_in_coordinator(page, coordinator):
    sign_in(page, coordinator)


def test_followup_page_fits_a_phone(browser_page):
    """At 390 px the follow-up page never scrolls sideways: the action plan scrolls in its own
    labelled region (or its rows stack), the expectations and their forms wrap."""
    from events.models import Action
    from maillage.testing.factories import CoordinatorFactory, OrganizationFactory
    from territory.models import Basin

    page = browser_page
    page.set_default_timeout(60_000)
    coordinator = CoordinatorFactory()
    basin = Basin.objects.get(code="nord")
    event = EventFactory(
        title="Concertation thématique Logement et santé mentale, troisième rencontre",
        basin=basin,
    )
    owner = UserFactory(first_name="Marie-Christine", last_name="Vandenbroucke-Delacroix")
    organization = OrganizationFactory(
        name="Service de santé mentale interuniversitaire de Bruxelles-Nord-Est"
    )
    for n in range(3):
        expectation = services.add_expectation(
            event,
            "Une cartographie partagée des services d'hébergement d'urgence accessibles "
            f"aux personnes sans titre de séjour, point {n}",
            raised_by="CPAS de Schaerbeek, service d'insertion socioprofessionnelle",
            user=services.SYSTEM,
        )
        services.save_action(
            Action(
                title=f"Répertoire des services d'hébergement d'urgence, version {n}",
                description="Recenser les places, les conditions d'accès et les contacts. " * 3,
                basin=basin,
                owner=owner,
                owner_organization=organization,
                due_date=datetime.date(2030, 3, 31),
            ),
            [expectation],
            user=services.SYSTEM,
        )
    _sign_in_coordinator(page, coordinator)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/fr/agenda/suivi/?basin=nord")
    assert "Plan d'action" in page.locator("main").inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=Path(tempfile.gettempdir()) / "followup-390.png", full_page=True)
    assert width <= 390, f"the page scrolls sideways: {width}px"
    # The table scrolls in its own region, named by the heading and the caption.
    region = page.get_by_role("region", name="Plan d'action 3 en cours, 0 réalisée")
    assert region.count() == 1
    assert region.evaluate("e => e.scrollWidth > e.clientWidth && e.tabIndex === 0")
    connections.close_all()
