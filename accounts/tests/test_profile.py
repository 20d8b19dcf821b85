"""The profile: first and last name required (FR and NL errors), nameless accounts asked to
complete them without being locked out, and the "requests to decide" link only for deciders."""

import pytest
from django.urls import reverse
from django.utils import translation

from maillage.testing.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

PROFILE = {
    "first_name": "Nadia",
    "last_name": "Benali",
    "function": "assistante sociale",
    "phone": "",
    "preferred_language": "fr",
}


def test_profile_is_saved_with_both_names(client, user):
    client.force_login(user)
    response = client.post(reverse("accounts:profile"), PROFILE)
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("Nadia", "Benali")


@pytest.mark.parametrize(
    "language, first_error, last_error",
    [
        ("fr", "Veuillez indiquer votre prénom.", "Veuillez indiquer votre nom de famille."),
        ("nl", "Vul uw voornaam in.", "Vul uw achternaam in."),
    ],
)
def test_empty_names_are_refused_in_the_pages_language(
    client, user, language, first_error, last_error
):
    client.force_login(user)
    with translation.override(language):
        url = reverse("accounts:profile")
    response = client.post(url, {**PROFILE, "first_name": "  ", "last_name": ""})
    assert response.status_code == 200
    page = response.content.decode()
    assert first_error in page
    assert last_error in page
    assert 'value="assistante sociale"' in page  # nothing typed is lost
    user.refresh_from_db()
    assert user.first_name.startswith("Prénom")


def test_a_nameless_account_is_asked_to_complete_its_profile(client):
    nameless = UserFactory(first_name="", last_name="")
    client.force_login(nameless)
    response = client.get(reverse("events:agenda"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:profile") + "?next=")
    page = client.get(response["Location"]).content.decode()
    assert "Votre prénom et votre nom manquent" in page
    assert 'name="next" value="/fr/agenda/"' in page

    saved = client.post(reverse("accounts:profile"), {**PROFILE, "next": "/fr/agenda/"})
    assert saved["Location"] == "/fr/agenda/"
    assert client.get(reverse("events:agenda")).status_code == 200


def test_a_nameless_account_can_still_sign_out_and_read_its_data(client):
    nameless = UserFactory(first_name="Ana", last_name="")
    client.force_login(nameless)
    assert client.get(reverse("privacy:my_data")).status_code == 200
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_nameless_account_posting_a_form_is_not_redirected(client):
    nameless = UserFactory(first_name="", last_name="")
    client.force_login(nameless)
    response = client.post(reverse("accounts:profile"), {**PROFILE, "first_name": ""})
    assert response.status_code == 200
    assert "Veuillez indiquer votre prénom." in response.content.decode()


def test_next_outside_the_site_is_ignored(client, user):
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"), {**PROFILE, "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("accounts:profile")


def test_membership_requests_link_only_for_those_who_decide(client, user, org_admin, coordinator):
    link = reverse("accounts:requests")
    client.force_login(user)
    assert link not in client.get(reverse("accounts:profile")).content.decode()
    client.force_login(org_admin)
    assert link in client.get(reverse("accounts:profile")).content.decode()
    client.force_login(coordinator)
    assert link in client.get(reverse("accounts:profile")).content.decode()


def test_helpdesk_requests_to_handle_only_in_a_coordinators_menu(client, user, coordinator):
    triage = reverse("helpdesk:triage")
    MembershipFactory(user=user, is_admin=True)
    client.force_login(user)
    page = client.get(reverse("core:home")).content.decode()
    assert triage not in page
    assert reverse("helpdesk:my_requests") in page
    client.force_login(coordinator)
    page = client.get(reverse("core:home")).content.decode()
    assert triage in page
    assert "Demandes au helpdesk à traiter" in page
