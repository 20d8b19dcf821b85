"""Consent: every form that collects personal data records the version accepted; a new version
asks signed-in people again at their next visit, without losing a form being posted."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Registration as EventRegistration
from events.tests.factories import EventFactory
from privacy.models import Consent
from privacy.services.consent import record_consent
from privacy.versions import current_version


@pytest.fixture(autouse=True)
def _ask_unrecorded(settings):
    """Here accounts without any consent are asked too, as in production."""
    settings.PRIVACY_ASK_UNRECORDED = True


SIGNUP = {
    "email": "Nadia.Benali@Example.org",
    "password1": "un-mot-de-passe-solide-42",
    "password2": "un-mot-de-passe-solide-42",
    "first_name": "Nadia",
    "last_name": "Benali",
    "function": "assistante sociale",
}


@pytest.mark.django_db
def test_signup_requires_and_records_the_policy_version(client, settings):
    settings.PRIVACY_POLICY_VERSION = "2031-2"
    refused = client.post(reverse("account_signup"), SIGNUP)
    assert refused.status_code == 200 and not Consent.objects.exists()
    response = client.post(reverse("account_signup"), {**SIGNUP, "privacy_consent": "on"})
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert consent.user.email == "nadia.benali@example.org"
    assert consent.version == "2031-2" and consent.context == "signup"


@pytest.mark.django_db
def test_guest_event_registration_records_the_version(client):
    event = EventFactory(capacity=5)
    url = reverse("events:register", args=[event.pk])
    client.post(
        url,
        {"name": "Awa", "email": "awa@example.org", "organization_name": "CGG", "consent": "on"},
    )
    registration = EventRegistration.objects.get(email="awa@example.org")
    consent = Consent.objects.get()
    assert consent.context == "event_registration" and consent.version == current_version()
    assert consent.content_type == ContentType.objects.get_for_model(EventRegistration)
    assert consent.object_id == str(registration.pk) and consent.user is None


@pytest.mark.django_db
def test_intervision_registration_records_the_version(client, cycle, groups, settings):
    from intervisions.tests.conftest import make_org

    settings.PRIVACY_POLICY_VERSION = "2031-2"
    org = make_org()
    url = reverse("intervisions:register", args=[cycle.pk])
    data = {
        "first_name": "Awa",
        "last_name": "Diallo",
        "email": "awa@example.org",
        "function": "psychologue",
        "organization": org.pk,
        "sector": "mental_health",
        "language": "fr",
        "choice_1": groups[0].pk,
        "commitment": "on",
        "consent": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    registration = cycle.registrations.get(email="awa@example.org")
    assert registration.consent_version == "2031-2"
    assert Consent.objects.get(object_id=str(registration.pk)).version == "2031-2"


@pytest.mark.django_db
def test_a_policy_change_asks_again_at_the_next_visit(client, person, settings):
    client.force_login(person)
    profile = reverse("accounts:profile")
    assert client.get(profile).status_code == 200
    settings.PRIVACY_POLICY_VERSION = "2031-2"
    asked = client.get(profile)
    assert asked.status_code == 302
    assert asked["Location"].startswith(reverse("privacy:accept"))
    # The policy itself, My data and signing out stay open.
    assert client.get(reverse("privacy:policy")).status_code == 200
    assert client.get(reverse("privacy:my_data")).status_code == 200
    # A form being posted is never redirected: nothing typed is lost.
    posted = client.post(
        profile, {"first_name": "Nadia", "last_name": "B", "preferred_language": "fr"}
    )
    assert posted.status_code in (200, 302) and posted.get("Location", "") != asked["Location"]
    page = client.get(asked["Location"])
    assert "2031-2" in page.content.decode()
    not_ticked = client.post(reverse("privacy:accept"), {"next": profile})
    assert not_ticked.status_code == 400
    accepted = client.post(reverse("privacy:accept"), {"accept": "on", "next": profile})
    assert accepted["Location"] == profile
    assert client.get(profile).status_code == 200
    assert Consent.objects.filter(user=person).first().version == "2031-2"


@pytest.mark.django_db
def test_accept_never_redirects_elsewhere(client, person, settings):
    settings.PRIVACY_POLICY_VERSION = "2031-2"
    client.force_login(person)
    response = client.post(
        reverse("privacy:accept"), {"accept": "on", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("privacy:my_data")


@pytest.mark.django_db
def test_accounts_without_any_consent_are_asked(client, user, settings):
    client.force_login(user)
    assert client.get(reverse("accounts:profile")).status_code == 302
    settings.PRIVACY_ASK_UNRECORDED = False
    client.logout()
    client.force_login(user)
    assert client.get(reverse("accounts:profile")).status_code == 200


@pytest.mark.django_db
def test_the_check_is_cheap_once_accepted(client, person):
    client.force_login(person)
    client.get(reverse("privacy:policy"))
    client.get(reverse("accounts:profile"))
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("core:home"))
    assert not [q for q in queries.captured_queries if "privacy_consent" in q["sql"]]


@pytest.mark.django_db
def test_record_consent_for_anonymous_visitor_keeps_no_account():
    from django.contrib.auth.models import AnonymousUser

    consent = record_consent(AnonymousUser(), Consent.Context.OTHER)
    assert consent.user is None
