"""Coordinators need two-factor authentication before any page opens; demo coordinators can
sign in with the published demo secret outside production."""

import pytest
from django.urls import reverse

from accounts.models import User
from core import demo
from maillage.testing.factories import PASSWORD, CoordinatorFactory, UserFactory

pytestmark = pytest.mark.django_db

SETUP = reverse("mfa_activate_totp")


@pytest.mark.parametrize(
    "url",
    [
        reverse("directory:moderation"),
        reverse("core:audit_log"),
        reverse("core:jobs"),
        reverse("intervisions:manage_cycles"),
        reverse("core:home"),
        "/fr/admin/",
    ],
)
def test_a_coordinator_without_mfa_is_sent_to_set_it_up(client, url):
    client.force_login(CoordinatorFactory(mfa=False))
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == SETUP


def test_a_superuser_without_mfa_is_sent_to_set_it_up_too(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True, mfa=False))
    assert client.get("/fr/admin/")["Location"] == SETUP


def test_the_set_up_and_logout_pages_stay_open(client):
    client.force_login(CoordinatorFactory(mfa=False))
    page = client.get(SETUP, follow=True)  # allauth first asks for the password again
    assert page.status_code == 200
    assert page.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    assert client.get("/static/css/maillage.css").status_code in (200, 404)  # never redirected
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302 and response["Location"] != SETUP


def test_a_coordinator_with_mfa_and_a_professional_open_their_pages(client, coordinator, user):
    client.force_login(coordinator)
    assert client.get(reverse("directory:moderation")).status_code == 200
    client.force_login(user)
    assert client.get(reverse("core:home")).status_code == 200


def test_a_coordinator_signs_in_with_password_then_code(client):
    person = CoordinatorFactory(mfa=False, email="coordination@maillage.demo")
    demo.load(None, {})
    response = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("directory:moderation")).status_code in (302, 403)  # not yet in
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200  # wrong code: asked again
    response = client.post(reverse("mfa_authenticate"), {"code": demo.demo_totp_code()})
    assert response.status_code == 302
    assert client.get(reverse("directory:moderation")).status_code == 200


def test_only_demo_coordinators_get_the_demo_secret_and_never_in_production(settings):
    from allauth.mfa.models import Authenticator

    other = CoordinatorFactory(mfa=False)
    pro = UserFactory(email="pro99@maillage.demo")
    chief = CoordinatorFactory(mfa=False, email="coordinatie@maillage.demo")
    settings.PRODUCTION = True
    demo.load(None, {})
    assert not Authenticator.objects.filter(user=chief).exists()
    settings.PRODUCTION = False
    demo.load(None, {})
    assert Authenticator.objects.filter(user=chief).count() == 1
    assert not Authenticator.objects.filter(user__in=[other, pro]).exists()
    assert User.objects.get(pk=chief.pk).is_coordinator


def test_the_requirement_can_be_switched_off_outside_production(client, settings):
    settings.MAILLAGE_COORDINATOR_MFA = False
    client.force_login(CoordinatorFactory(mfa=False))
    assert client.get(reverse("directory:moderation")).status_code == 200
