"""End to end in Chromium: a coordinator writes to an intervision group from its page, checks
the preview, sends; the e-mails wait in the task queue until the worker runs, then arrive in
each member's language."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connections

from maillage.testing.browser import sign_in
from messaging.models import Message

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def close_connections(browser_page):
    """Close the connections opened while Playwright's loop runs, before the test database is
    dropped (see intervisions/tests/test_browser.py)."""
    yield
    connections.close_all()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_coordinator_writes_to_a_group_and_each_member_reads_their_language(
    browser_page, close_connections, transactional_db, settings, coordinator, cycle, group_named
):
    monday = group_named("Lundi matin")
    settings.TASKS = DATABASE_TASKS  # the real queue: nothing is sent before the worker runs
    page = browser_page
    sign_in(page, coordinator)
    page.goto(f"/fr/intervisions/groupes/{monday.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Écrire aux participants").click()
    assert page.locator("#id_audience").input_value() == f"group:{monday.pk}"
    page.fill("#id_subject", "Séance du 5 octobre")
    page.fill("#id_body", "La séance aura lieu salle 2.\nMerci de prévenir en cas d'absence.")
    with page.expect_navigation():
        page.get_by_role("button", name="Aperçu").click()
    assert "4 personnes" in page.locator("#recipient-count").inner_text()
    mail.outbox.clear()
    with page.expect_navigation():
        page.get_by_role("button", name="Envoyer à 4 personnes").click()
    assert "en cours d'envoi à 4 personnes" in page.locator(".messages").inner_text()
    assert "Séance du 5 octobre" in page.locator("main").inner_text()  # the copy, listed
    assert mail.outbox == []  # queued for the worker, not sent by the page

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    sent = {m.to[0]: m for m in mail.outbox}
    assert set(sent) == {
        "amina@example.org",
        "jan@example.org",
        "sophie@example.org",
        "marc@example.org",
    }
    for address in ("amina@example.org", "sophie@example.org"):
        assert "au groupe Lundi matin" in sent[address].body
        assert "/fr/intervisions/" in sent[address].body
    for address in ("jan@example.org", "marc@example.org"):
        assert sent[address].body.startswith("Beste ")
        assert "aan de groep Lundi matin" in sent[address].body
        assert "/nl/intervisions/" in sent[address].body
    for m in sent.values():
        assert m.subject == "[Intervisions 2027] Séance du 5 octobre"
        assert "La séance aura lieu salle 2.\nMerci de prévenir en cas d'absence." in m.body
    assert Message.objects.get().recipient_count == 4
