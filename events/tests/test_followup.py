"""Reports (sanitised HTML, participants notified once), expectations and actions, and the
follow-up page for a series or a basin."""

import pytest
from django.core import mail
from django.urls import reverse

from events import services
from events.errors import EventError
from events.models import Action, Expectation, Report
from events.sanitize import clean_html
from events.tests.factories import EventFactory, SeriesFactory, in_days
from territory.models import Basin

pytestmark = pytest.mark.django_db


def test_sanitiser_neutralises_scripts_and_handlers():
    dirty = (
        '<p onclick="steal()">Bonjour<script>alert(1)</script></p>'
        '<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)><h2>Attentes</h2>'
    )
    clean = clean_html(dirty)
    assert "<script" not in clean and "alert(1)" not in clean
    assert "onclick" not in clean and "onerror" not in clean and "javascript:" not in clean
    assert "<h2>Attentes</h2>" in clean and "<p>Bonjour</p>" in clean


def test_report_page_never_renders_a_script(client, coordinator):
    event = EventFactory(starts_at=in_days(-3))
    client.force_login(coordinator)
    response = client.post(
        reverse("events:report_edit", args=[event.pk]),
        {"body": "<p>Minutes</p><script>document.title='pwned'</script>", "action": "publish"},
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    report = Report.objects.get(event=event)
    assert "<script" not in report.body
    page = client.get(event.get_absolute_url()).content.decode()
    assert "pwned" not in page and "<p>Minutes</p>" in page


def test_publishing_notifies_participants_once(coordinator):
    event = EventFactory(capacity=5)
    for n in range(3):
        services.register(
            event,
            name=f"P{n}",
            email=f"p{n}@example.org",
            organization_name="Service social",
            consent=True,
        )
    report = services.save_report(event, "<p>Compte rendu</p>", user=coordinator)
    mail.outbox.clear()
    assert services.publish_report(report, user=coordinator) == 3
    assert sorted(m.to[0] for m in mail.outbox) == [
        "p0@example.org",
        "p1@example.org",
        "p2@example.org",
    ]
    assert services.publish_report(report, user=coordinator) == 0
    with pytest.raises(EventError):
        services.save_report(event, "<script>x</script>", user=coordinator)


def test_expectation_statuses_and_decline_reason(coordinator):
    event = EventFactory()
    expectation = services.add_expectation(event, "Une cartographie des acteurs", user=coordinator)
    assert expectation.status == Expectation.Status.TO_EXAMINE
    with pytest.raises(EventError) as error:
        services.set_expectation_status(expectation, "declined", "", user=coordinator)
    assert error.value.code == "decline_reason_required"
    services.set_expectation_status(
        expectation, "declined", "Hors mandat du bassin", user=coordinator
    )
    expectation.refresh_from_db()
    assert expectation.status == "declined" and expectation.status_note


def test_followup_page_for_series_and_basin(client, coordinator):
    nord = Basin.objects.get(code="nord")
    series = SeriesFactory(basin=nord)
    session = EventFactory(series=series, basin=nord, starts_at=in_days(-30))
    cartography = services.add_expectation(
        session, "Création d'une cartographie des acteurs", user=services.SYSTEM
    )
    training = services.add_expectation(
        session, "Formation sur la non-demande", user=services.SYSTEM
    )
    continuity = services.add_expectation(
        session, "Continuité avec les travaux passés", user=services.SYSTEM
    )
    services.set_expectation_status(
        continuity, "answered", "Repartir des constats de l'antenne 107", user=services.SYSTEM
    )
    services.save_action(
        Action(
            title="Répertoire des services de santé mentale",
            basin=nord,
            series=series,
            status=Action.Status.IN_PROGRESS,
        ),
        [cartography],
        user=services.SYSTEM,
    )
    services.save_action(
        Action(title="Module non-demande", basin=nord, status=Action.Status.DONE),
        [training],
        user=services.SYSTEM,
    )
    cartography.refresh_from_db()
    assert cartography.status == Expectation.Status.TAKEN_UP
    other = EventFactory(basin=Basin.objects.get(code="sud"), starts_at=in_days(-5))
    services.add_expectation(other, "Autre bassin", user=services.SYSTEM)

    page = client.get(reverse("events:followup"), {"series": series.pk}).content.decode()
    assert "cartographie" in page and "Répertoire des services" in page
    assert "Module non-demande" in page and "antenne 107" in page
    assert "Autre bassin" not in page
    by_basin = client.get(reverse("events:followup"), {"basin": "nord"}).content.decode()
    assert "cartographie" in by_basin and "Autre bassin" not in by_basin
    response = client.get(reverse("events:followup"), {"basin": "sud"})
    assert "Autre bassin" in response.content.decode()


def test_action_form_links_expectations(client, coordinator):
    event = EventFactory(starts_at=in_days(-3))
    expectation = services.add_expectation(event, "Sensibilisation", user=services.SYSTEM)
    client.force_login(coordinator)
    url = reverse("events:action_new") + f"?event={event.pk}"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": "Cycle de sensibilisation",
            "status": "planned",
            "expectations": [expectation.pk],
        },
    )
    assert response.status_code == 302
    assert expectation.actions.get().title == "Cycle de sensibilisation"


def test_attachment_upload(client, coordinator, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    event = EventFactory(starts_at=in_days(-3))
    services.save_report(event, "<p>CR</p>", user=coordinator)
    client.force_login(coordinator)
    upload = SimpleUploadedFile(
        "presentation.pdf", b"%PDF-1.4 demo", content_type="application/pdf"
    )
    response = client.post(
        reverse("events:report_edit", args=[event.pk]),
        {"action": "attach", "title": "Présentation stepped care", "file": upload},
    )
    assert response.status_code == 302
    assert Report.objects.get(event=event).attachments.get().title == "Présentation stepped care"


def test_expectation_status_view_never_redirects_elsewhere(client, coordinator):
    event = EventFactory(starts_at=in_days(-3))
    expectation = services.add_expectation(event, "Cartographie", user=services.SYSTEM)
    client.force_login(coordinator)
    url = reverse("events:expectation_status", args=[expectation.pk])
    response = client.post(url, {"status": "taken_up", "next": "https://evil.example/"})
    assert response["Location"] == event.get_absolute_url()
    expectation.refresh_from_db()
    assert expectation.status == "taken_up"
    ok = client.post(url, {"status": "answered", "note": "Fait", "next": "/fr/agenda/suivi/"})
    assert ok["Location"] == "/fr/agenda/suivi/"
