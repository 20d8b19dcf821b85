"""Sign-up with e-mail verification, login, wrong password and the failed-login rate limit."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from maillage.testing.factories import PASSWORD, UserFactory

SIGNUP = {
    "email": "Nadia.Benali@Example.org",
    "password1": "un-mot-de-passe-solide-42",
    "password2": "un-mot-de-passe-solide-42",
    "first_name": "Nadia",
    "last_name": "Benali",
    "function": "assistante sociale",
    "privacy_consent": "on",
}


def test_signup_sends_verification_and_confirming_activates_login(client, db):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="nadia.benali@example.org")
    assert user.function == "assistante sociale"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nadia.benali@example.org"]
    # Mandatory verification: logging in before confirming does not open a session.
    client.logout()
    client.post(reverse("account_login"), {"login": user.email, "password": SIGNUP["password1"]})
    assert client.get(reverse("accounts:profile")).status_code == 302

    confirm_url = re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)
    response = client.post(confirm_url)
    assert response.status_code == 302
    assert user.emailaddress_set.get().verified

    client.post(reverse("account_login"), {"login": user.email, "password": SIGNUP["password1"]})
    page = client.get(reverse("accounts:profile"))
    assert page.status_code == 200
    assert "nadia.benali@example.org" in page.content.decode()


def test_signup_with_an_existing_email_creates_no_second_account(client, db):
    """No account enumeration: the page looks the same, the owner of the address is told."""
    UserFactory(email="nadia.benali@example.org")
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    assert User.objects.filter(email__iexact="nadia.benali@example.org").count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nadia.benali@example.org"]
    assert "existe déjà" in mail.outbox[0].body


def test_signup_with_mismatched_passwords_is_refused(client, db):
    response = client.post(reverse("account_signup"), {**SIGNUP, "password2": "autre-chose-123"})
    assert response.status_code == 200
    assert not User.objects.filter(email="nadia.benali@example.org").exists()
    assert "errorlist" in response.content.decode()


def test_login_and_logout(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200
    client.post(reverse("account_logout"))
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_wrong_password_shows_an_error_in_french(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": "faux"})
    assert response.status_code == 200
    assert "incorrect" in response.content.decode()
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_failed_logins_are_rate_limited(client, user):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "mauvais"})
    # Even the right password is refused once the limit is reached.
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "trop de tentatives" in response.content.decode().lower()
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_password_reset_sends_a_link(client, user):
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/compte/password/reset/key/" in mail.outbox[0].body


@pytest.mark.parametrize("phone", ["12", "abc", "0" * 20])
def test_profile_rejects_an_impossible_phone_number_and_keeps_saved_data(client, user, phone):
    user.function = "psychologue"
    user.save()
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {
            "first_name": "A",
            "last_name": "B",
            "function": "",
            "phone": phone,
            "preferred_language": "fr",
        },
    )
    assert response.status_code == 200
    assert "8 à 15 chiffres" in response.content.decode()
    user.refresh_from_db()
    assert user.function == "psychologue"


def test_profile_saves_languages(client, user):
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {
            "first_name": "Anne",
            "last_name": "Claes",
            "function": "infirmière",
            "phone": "02 123 45 67",
            "languages": ["fr", "nl"],
            "preferred_language": "nl",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.languages == ["fr", "nl"] and user.phone == "02 123 45 67"


def test_profile_page_saves_through_the_service(client, user, monkeypatch):
    from accounts import services

    calls = []
    real = services.update_profile

    def spy(person, **fields):
        calls.append(sorted(fields))
        return real(person, **fields)

    monkeypatch.setattr(services, "update_profile", spy)
    client.force_login(user)
    data = {"first_name": "Anne", "last_name": "Claes", "phone": "", "preferred_language": "fr"}
    assert client.post(reverse("accounts:profile"), data).status_code == 302
    assert calls and "last_name" in calls[0]
    user.refresh_from_db()
    assert user.last_name == "Claes"
