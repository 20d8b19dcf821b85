"""Triage: the state machine (one door), assignment, answers with directory services that
record orientation links and notify the requester, "no solution found", feedback."""

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from directory.tests.factories import make_service
from helpdesk import services
from helpdesk.models import HelpRequest, OrientationLink
from maillage.testing.factories import CoordinatorFactory, UserFactory

from .factories import make_request, professional_with_organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return CoordinatorFactory()


def test_state_machine_refuses_what_is_not_allowed(coordinator):
    item = make_request(UserFactory())
    with transaction.atomic():
        services.transition(item, "in_progress", by=coordinator)
        services.transition(item, "closed", by=coordinator)
    with pytest.raises(services.HelpdeskError) as error, transaction.atomic():
        services.transition(item, "answered", by=coordinator)
    assert error.value.code == "transition"
    assert "Clôturée" in error.value.message or "closed" in error.value.message.lower()
    item.refresh_from_db()
    assert item.status == "closed"


def test_a_professional_cannot_triage_through_the_service():
    item = make_request(UserFactory())
    with pytest.raises(services.HelpdeskError), transaction.atomic():
        services.transition(item, "in_progress", by=UserFactory())


def test_take_and_assign(client, coordinator):
    colleague = CoordinatorFactory()
    item = make_request(UserFactory())
    client.force_login(coordinator)
    client.post(reverse("helpdesk:triage_action", args=[item.pk]), {"action": "take"})
    item.refresh_from_db()
    assert item.status == "in_progress" and item.assignee == coordinator
    client.post(
        reverse("helpdesk:triage_action", args=[item.pk]),
        {"action": "assign", "assignee": colleague.pk},
    )
    item.refresh_from_db()
    assert item.assignee == colleague
    # a professional cannot be assigned (not in the choices): a form error, nothing changes
    response = client.post(
        reverse("helpdesk:triage_action", args=[item.pk]),
        {"action": "assign", "assignee": UserFactory().pk},
    )
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.assignee == colleague


def test_answer_with_two_services_records_links_and_notifies_the_requester(
    client, coordinator, django_capture_on_commit_callbacks
):
    requester = professional_with_organization()
    requester.preferred_language = "nl"
    requester.save()
    item = make_request(requester, need="housing")
    item.organization = requester.memberships.get().organization
    item.save()
    first = make_service(name_fr="Cellule logement Chasse", terms=["theme:housing"])
    second = make_service(name_fr="Capteur logement Ixelles", terms=["theme:housing"])
    client.force_login(coordinator)
    page = client.get(reverse("helpdesk:triage_detail", args=[item.pk])).content.decode()
    assert "Cellule logement Chasse" in page  # suggested from the need
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("helpdesk:triage_answer", args=[item.pk]),
            {"services": [first.pk, second.pk], "text": "Appelez de préférence le matin."},
        )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "answered" and item.answered_at and item.waiting_hours is not None
    links = OrientationLink.objects.filter(request=item)
    assert {link.to_service for link in links} == {first, second}
    assert {link.from_organization for link in links} == {item.organization}
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [requester.email]
    assert "helpdesk" in message.subject.lower()
    assert "Cellule logement Chasse" in message.body and "Capteur logement Ixelles" in message.body
    # answering twice is refused (the request is no longer open)
    again = client.post(reverse("helpdesk:triage_answer", args=[item.pk]), {"services": [first.pk]})
    assert again.status_code == 400
    assert OrientationLink.objects.filter(request=item).count() == 2


def test_an_answer_without_service_or_with_pii_is_refused(client, coordinator):
    item = make_request(UserFactory())
    service = make_service(name_fr="Service A", terms=["theme:housing"])
    client.force_login(coordinator)
    response = client.post(reverse("helpdesk:triage_answer", args=[item.pk]), {"text": "Voilà"})
    assert response.status_code == 400
    response = client.post(
        reverse("helpdesk:triage_answer", args=[item.pk]),
        {"services": [service.pk], "text": "Appelez Mme Dupont au 0470 12 34 56."},
    )
    assert response.status_code == 400
    assert '<mark class="pii" data-kind="phone"' in response.content.decode()
    item.refresh_from_db()
    assert item.status == "new" and not OrientationLink.objects.exists()


def test_no_solution_found_needs_the_gap_in_words(client, coordinator):
    item = make_request(UserFactory(), need="mental_health")
    client.force_login(coordinator)
    response = client.post(reverse("helpdesk:triage_no_solution", args=[item.pk]), {"gap": " "})
    assert response.status_code == 400
    response = client.post(
        reverse("helpdesk:triage_no_solution", args=[item.pk]),
        {"gap": "Pas de psychologue arabophone pour adolescents dans le sud-est."},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "no_solution"
    assert item.gap_description.startswith("Pas de psychologue")
    assert item.waiting_hours is not None


def test_the_requester_sees_the_services_and_says_whether_it_helped(client, coordinator):
    requester = professional_with_organization()
    item = make_request(requester)
    service = make_service(name_fr="Logement accompagné Uccle", terms=["theme:housing"])
    with transaction.atomic():
        services.answer(item, by=coordinator, services=[service])
    client.force_login(requester)
    page = client.get(reverse("helpdesk:request_detail", args=[item.pk])).content.decode()
    assert "Logement accompagné Uccle" in page
    assert reverse("directory:service", args=[service.pk]) in page
    client.post(reverse("helpdesk:feedback", args=[item.pk]), {"helped": "yes"})
    item.refresh_from_db()
    assert item.helped is True
    # someone else cannot give feedback on it (404: they cannot even see it)
    client.force_login(UserFactory())
    assert (
        client.post(reverse("helpdesk:feedback", args=[item.pk]), {"helped": "no"}).status_code
        == 404
    )
    item.refresh_from_db()
    assert item.helped is True


def test_feedback_before_any_answer_is_refused(client):
    requester = UserFactory()
    item = make_request(requester)
    client.force_login(requester)
    response = client.post(
        reverse("helpdesk:feedback", args=[item.pk]), {"helped": "yes"}, follow=True
    )
    item.refresh_from_db()
    assert item.helped is None
    assert response.status_code == 200


def test_waiting_time_counts_working_hours_only():
    import datetime as dt

    from helpdesk.workdays import working_hours

    friday_4pm = dt.datetime(2025, 3, 7, 16, 0)
    monday_10am = dt.datetime(2025, 3, 10, 10, 0)
    assert working_hours(friday_4pm, monday_10am) == 2.0
    # Easter Monday 2025 (21 April) is a public holiday in Belgium
    assert working_hours(dt.datetime(2025, 4, 18, 9), dt.datetime(2025, 4, 22, 9)) == 8.0


def test_service_picker_returns_checkboxes(client):
    make_service(name_fr="Maison d'accueil Sainte-Marie", terms=["theme:housing"])
    client.force_login(UserFactory())
    html = client.get(reverse("helpdesk:service_picker"), {"q": "accueil"}).content.decode()
    assert 'type="checkbox" name="tried_services"' in html
    assert "Maison d&#x27;accueil Sainte-Marie" in html
    bad = client.get(reverse("helpdesk:service_picker"), {"q": "x", "tried_services": "bad"})
    assert bad.status_code == 200


def test_requests_statuses_queryset():
    make_request(status="new")
    make_request(status="answered")
    assert HelpRequest.objects.open().count() == 1
    assert HelpRequest.objects.finished().count() == 1


def test_the_status_filter_is_kept_when_changing_page(client, coordinator):
    for _ in range(31):
        make_request(status="closed")
    make_request(status="new")
    client.force_login(coordinator)
    url = reverse("helpdesk:triage")
    first = client.get(url, {"status": "closed", "mine": ""})
    html = first.content.decode()
    assert "status=closed&amp;mine=&amp;page=2" in html
    second = client.get(url, {"status": "closed", "mine": "", "page": "2"})
    assert second.context["status"] == "closed"
    assert [item.status for item in second.context["page"]] == ["closed"]
