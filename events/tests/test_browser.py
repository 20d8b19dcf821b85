"""End to end in Chromium: a professional registers to a thematic consultation in one click,
cancels, and the first person on the waiting list gets the seat (and an e-mail)."""

import pytest
from django.core import mail
from django.db import connections

from events import services
from events.models import EventType
from events.tests.factories import EventFactory
from maillage.testing.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_register_cancel_and_waiting_list_promotion(browser_page):
    page = browser_page
    professional = UserFactory(first_name="Awa", last_name="Diallo")
    event = EventFactory(
        title="Concertation thématique Santé mentale #2",
        capacity=1,
        event_type=EventType.objects.get(code="thematic-consultation"),
    )

    page.goto("/fr/compte/login/")
    page.fill("input[name=login]", professional.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()

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
    page.get_by_role("button", name="Annuler mon inscription").click()
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
