"""A professional's request: the PII guard refuses to save it and keeps the typed text; a
professional sees only their own requests; coordinators triage."""

import pytest
from django.urls import reverse

from helpdesk.models import HelpRequest
from maillage.testing.factories import CoordinatorFactory, UserFactory

from .factories import make_request, professional_with_organization

pytestmark = pytest.mark.django_db

NRN = "85.07.30-033.28"


def form_data(**overrides):
    data = {
        "situation": "Une mère seule avec deux enfants, expulsée la semaine passée.",
        "need": "housing",
        "public": "families",
        "municipality": "",
        "urgency": "high",
        "tried_text": "Le CPAS n'a plus de logement de transit.",
        "answer_by": "email",
        "answer_when": "mardi matin",
    }
    data.update(overrides)
    return data


def test_a_request_with_a_national_number_is_refused_and_the_text_is_kept(client):
    user = professional_with_organization()
    client.force_login(user)
    situation = f"Mme Dupont (NN {NRN}) a été expulsée avec ses deux enfants."
    response = client.post(reverse("helpdesk:request_new"), form_data(situation=situation))
    assert response.status_code == 200
    html = response.content.decode()
    assert HelpRequest.objects.count() == 0
    # the typed text is still in the textarea, the national number highlighted, in French
    assert (
        situation.replace("'", "&#x27;") in html or "a été expulsée avec ses deux enfants" in html
    )
    assert (
        f'<mark class="pii" data-kind="nrn" title="un numéro de registre national ou BIS">{NRN}'
        in html
    )
    assert '<mark class="pii" data-kind="name"' in html
    assert "un numéro de registre national ou BIS" in html


def test_the_refusal_speaks_dutch_on_the_dutch_page(client):
    user = professional_with_organization()
    client.force_login(user)
    response = client.post(
        "/nl/helpdesk/nieuwe-aanvraag/"
        if False
        else reverse("helpdesk:request_new").replace("/fr/", "/nl/"),
        form_data(situation=f"Rijksregisternummer {NRN}, moeder van twee kinderen."),
    )
    html = response.content.decode()
    assert HelpRequest.objects.count() == 0
    assert "rijksregister- of BIS-nummer" in html


def test_a_clean_request_is_saved_with_the_requesters_organization(client):
    user = professional_with_organization()
    client.force_login(user)
    response = client.post(reverse("helpdesk:request_new"), form_data())
    created = HelpRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("helpdesk:request_detail", args=[created.pk])
    assert created.requester == user
    assert created.organization == user.memberships.get().organization
    assert created.status == "new" and created.need == "housing" and created.urgency == "high"


def test_a_request_with_an_unknown_need_or_bad_service_id_gets_form_errors(client):
    client.force_login(UserFactory())
    response = client.post(
        reverse("helpdesk:request_new"), form_data(need="astrology", tried_services=["nope"])
    )
    assert response.status_code == 200
    assert HelpRequest.objects.count() == 0
    form = response.context["form"]
    assert "need" in form.errors and "tried_services" in form.errors


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse("helpdesk:request_new"))
    assert response.status_code == 302 and "/compte/" in response["Location"]


def test_a_professional_sees_only_their_own_requests(client):
    alice, bob = UserFactory(), UserFactory()
    mine = make_request(alice, situation="Ma demande à moi")
    other = make_request(bob, situation="La demande de Bob")
    client.force_login(alice)
    listing = client.get(reverse("helpdesk:my_requests")).content.decode()
    assert reverse("helpdesk:request_detail", args=[mine.pk]) in listing
    assert reverse("helpdesk:request_detail", args=[other.pk]) not in listing
    assert client.get(reverse("helpdesk:request_detail", args=[mine.pk])).status_code == 200
    assert client.get(reverse("helpdesk:request_detail", args=[other.pk])).status_code == 404
    # triage is for coordinators only
    assert client.get(reverse("helpdesk:triage")).status_code == 403
    assert client.get(reverse("helpdesk:triage_detail", args=[other.pk])).status_code == 403
    assert client.get(reverse("helpdesk:watch")).status_code == 403
    assert (
        client.post(
            reverse("helpdesk:triage_action", args=[other.pk]), {"action": "take"}
        ).status_code
        == 403
    )
    other.refresh_from_db()
    assert other.status == "new"


def test_a_coordinator_sees_every_request_in_triage_with_its_waiting_time(client):
    coordinator = CoordinatorFactory()
    first = make_request(UserFactory(), need="housing")
    second = make_request(UserFactory(), need="mental_health")
    client.force_login(coordinator)
    html = client.get(reverse("helpdesk:triage")).content.decode()
    assert reverse("helpdesk:triage_detail", args=[first.pk]) in html
    assert reverse("helpdesk:triage_detail", args=[second.pk]) in html
    assert "Santé mentale" in html and "Logement" in html


def test_non_uuid_ids_are_404(client):
    client.force_login(CoordinatorFactory())
    assert client.get("/fr/helpdesk/triage/123/").status_code == 404
    assert client.get("/fr/helpdesk/demandes/not-a-uuid/").status_code == 404


def test_a_coordinator_logs_a_phone_call_for_a_professional(client):
    coordinator = CoordinatorFactory()
    caller = professional_with_organization()
    client.force_login(coordinator)
    response = client.post(
        reverse("helpdesk:log_call"), form_data(requester_email=caller.email.upper())
    )
    created = HelpRequest.objects.get()
    assert response.status_code == 302
    assert created.channel == "phone" and created.logged_by == coordinator
    assert created.requester == caller
    refused = client.post(reverse("helpdesk:log_call"), form_data(requester_email="x@nowhere.be"))
    assert "Aucun compte" in refused.content.decode()
    assert HelpRequest.objects.count() == 1
