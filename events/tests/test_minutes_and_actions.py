"""Minutes and the action plan, for coordinators: the rich-text editor's HTML is cleaned by nh3
on saving (with a success message), attachments can be removed by the event's organizers only
(file deleted, audited), actions are edited outside the admin by coordinators (status, due
date, person and organization in charge), the follow-up page prints for a steering committee."""

import datetime
import os

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events import services
from events.errors import EventError
from events.models import Action, Report, ReportAttachment
from events.tests.factories import EventFactory, in_days
from maillage.testing.factories import MembershipFactory, OrganizationFactory, UserFactory
from territory.models import Basin

pytestmark = pytest.mark.django_db


# --- Minutes ------------------------------------------------------------------------------


def test_report_form_loads_the_editor_as_a_static_module(client, coordinator):
    event = EventFactory(starts_at=in_days(-1))
    client.force_login(coordinator)
    html = client.get(reverse("events:report_edit", args=[event.pk])).content.decode()
    assert '<script src="/static/events/minutes-editor.js" type="module"></script>' in html
    assert "data-minutes-editor" in html
    assert "<script>" not in html and "importmap" not in html


def test_editor_html_is_cleaned_and_saving_says_so(client, coordinator):
    event = EventFactory(starts_at=in_days(-1))
    client.force_login(coordinator)
    response = client.post(
        reverse("events:report_edit", args=[event.pk]),
        {
            "action": "save",
            "body": '<p>Un <strong>constat</strong> <span style="color:red">partagé</span></p>'
            '<table style="min-width: 25px"><tbody><tr><td>a</td></tr></tbody></table>'
            '<img src=x onerror="alert(1)">',
        },
        follow=True,
    )
    body = Report.objects.get(event=event).body
    assert body == (
        "<p>Un <strong>constat</strong> partagé</p>"
        "<table><tbody><tr><td>a</td></tr></tbody></table>"
    )
    assert "Compte rendu enregistré." in response.content.decode()


def test_empty_minutes_from_the_editor_are_refused(client, coordinator):
    event = EventFactory(starts_at=in_days(-1))
    client.force_login(coordinator)
    response = client.post(
        reverse("events:report_edit", args=[event.pk]), {"action": "save", "body": "<p></p>"}
    )
    assert response.status_code == 200 and not Report.objects.exists()
    assert "Le compte rendu est vide." in response.content.decode()


@pytest.fixture
def report_with_attachment(settings, tmp_path, coordinator):
    settings.MEDIA_ROOT = tmp_path
    event = EventFactory(starts_at=in_days(-1))
    report = services.save_report(event, "<p>CR</p>", user=coordinator)
    attachment = services.add_attachment(
        report,
        title="Présentation stepped care",
        file=SimpleUploadedFile("p.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
        user=coordinator,
    )
    return event, attachment


def test_organizer_removes_an_attachment_file_and_all_audited(
    client, report_with_attachment, django_capture_on_commit_callbacks
):
    event, attachment = report_with_attachment
    organizer = UserFactory()
    MembershipFactory(user=organizer, organization=event.organizer)
    path = attachment.file.path
    client.force_login(organizer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:attachment_remove", args=[event.pk, attachment.pk]), follow=True
        )
    assert not ReportAttachment.objects.exists()
    assert "Pièce jointe « Présentation stepped care » supprimée." in response.content.decode()
    assert not os.path.exists(path)
    entry = LogEntry.objects.get(
        content_type__model="reportattachment", action=LogEntry.Action.DELETE
    )
    assert entry.actor == organizer and entry.object_repr == "Présentation stepped care"


def test_removing_someone_elses_attachment_is_refused(client, report_with_attachment):
    event, attachment = report_with_attachment
    stranger = UserFactory()
    MembershipFactory(user=stranger, organization=OrganizationFactory())
    client.force_login(stranger)
    response = client.post(reverse("events:attachment_remove", args=[event.pk, attachment.pk]))
    assert response.status_code == 403
    with pytest.raises(EventError):
        services.remove_attachment(attachment, user=stranger)
    assert ReportAttachment.objects.filter(pk=attachment.pk).exists()


def test_an_attachment_of_another_event_cannot_be_removed_through_mine(
    client, report_with_attachment
):
    event, attachment = report_with_attachment
    mine = EventFactory()
    organizer = UserFactory()
    MembershipFactory(user=organizer, organization=mine.organizer)
    client.force_login(organizer)
    url = reverse("events:attachment_remove", args=[mine.pk, attachment.pk])
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 405
    huge = reverse("events:attachment_remove", args=[mine.pk, 2**70])
    assert client.post(huge).status_code == 404
    assert ReportAttachment.objects.filter(pk=attachment.pk).exists()


def test_removing_twice_is_a_404_not_a_server_error(client, coordinator, report_with_attachment):
    event, attachment = report_with_attachment
    client.force_login(coordinator)
    url = reverse("events:attachment_remove", args=[event.pk, attachment.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 404


# --- Action plan --------------------------------------------------------------------------


@pytest.fixture
def action(db):
    event = EventFactory(starts_at=in_days(-5), basin=Basin.objects.get(code="nord"))
    expectation = services.add_expectation(event, "Une cartographie", user=services.SYSTEM)
    return services.save_action(
        Action(title="Répertoire des services", basin=event.basin),
        [expectation],
        user=services.SYSTEM,
    )


def test_coordinator_edits_status_due_date_and_owners(client, coordinator, action):
    person = UserFactory(first_name="Inès", last_name="Verhaegen")
    organization = OrganizationFactory(name="SSM Le Méridien")
    client.force_login(coordinator)
    url = reverse("events:action_edit", args=[action.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": "Répertoire des services",
            "status": "in_progress",
            "due_date": "2030-03-31",
            "owner": person.pk,
            "owner_organization": organization.pk,
            "basin": action.basin.pk,
            "expectations": [e.pk for e in action.expectations.all()],
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("events:followup") + "?basin=nord"
    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS
    assert action.due_date == datetime.date(2030, 3, 31)
    assert (action.owner, action.owner_organization) == (person, organization)
    page = client.get(response["Location"]).content.decode()
    assert "Inès Verhaegen" in page and "SSM Le Méridien" in page and "31 mars 2030" in page


def test_bad_due_date_and_unknown_owner_are_form_errors(client, coordinator, action):
    client.force_login(coordinator)
    response = client.post(
        reverse("events:action_edit", args=[action.pk]),
        {"title": "X", "status": "done", "due_date": "2030-02-31", "owner": "999999999999"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "due_date" in errors and "owner" in errors
    action.refresh_from_db()
    assert action.status == Action.Status.PLANNED


def test_non_coordinator_cannot_edit_an_action(client, action):
    event = action.expectations.get().event
    organizer = UserFactory()
    MembershipFactory(user=organizer, organization=event.organizer, is_admin=True)
    client.force_login(organizer)
    url = reverse("events:action_edit", args=[action.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"title": "Pirate", "status": "dropped"}).status_code == 403
    action.refresh_from_db()
    assert (action.title, action.status) == ("Répertoire des services", Action.Status.PLANNED)
    action.status = Action.Status.DROPPED
    with pytest.raises(EventError):
        services.save_action(action, user=organizer)


def test_unknown_action_is_a_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("events:action_edit", args=[2**62])).status_code == 404


def test_followup_page_is_printable_and_offers_edit_links_to_coordinators(
    client, coordinator, action
):
    url = reverse("events:followup")
    public = client.get(url, {"basin": "nord"}).content.decode()
    assert "data-print" in public and "Répertoire des services" in public
    assert reverse("events:action_edit", args=[action.pk]) not in public
    client.force_login(coordinator)
    page = client.get(url, {"basin": "nord"}).content.decode()
    assert reverse("events:action_edit", args=[action.pk]) in page
    assert "Imprimer pour le comité de pilotage" in page
    assert "Plan d'action" in page


def test_an_organizer_picks_the_person_in_charge_among_their_colleagues_only(client):
    event = EventFactory(starts_at=in_days(-2))
    organizer = UserFactory(first_name="Lina", last_name="Organisatrice")
    MembershipFactory(user=organizer, organization=event.organizer)
    colleague = UserFactory(first_name="Noah", last_name="Collègue")
    MembershipFactory(user=colleague, organization=event.organizer)
    stranger = UserFactory(first_name="Zoé", last_name="Inconnue")
    MembershipFactory(user=stranger, organization=OrganizationFactory())
    client.force_login(organizer)
    html = client.get(reverse("events:action_new"), {"event": event.pk}).content.decode()
    assert "Noah Collègue" in html and "Lina Organisatrice" in html
    assert "Zoé Inconnue" not in html and stranger.email not in html
