"""Failed-login limits slow down the one who fails, never the account's owner elsewhere."""

import pytest
from django.urls import reverse

from maillage.testing.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _login(client, email, password, **headers):
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": email, "password": password}, **headers
    )
    return response


def _signed_in(response) -> bool:
    return response.status_code == 302


def _throttled(response) -> bool:
    return response.status_code in (200, 429) and "Trop de tentatives" in response.content.decode()


def test_an_attacker_cannot_lock_the_owner_out(client):
    victim = UserFactory()
    for _ in range(8):
        assert not _signed_in(_login(client, victim.email, "wrong", REMOTE_ADDR="203.0.113.9"))
    # The attacker is now throttled, even with the right password...
    assert _throttled(_login(client, victim.email, PASSWORD, REMOTE_ADDR="203.0.113.9"))
    # ...but the owner, from their own address, signs in.
    assert _signed_in(_login(client, victim.email, PASSWORD, REMOTE_ADDR="198.51.100.20"))


def test_one_address_guessing_many_accounts_is_throttled_alone(client):
    people = [UserFactory() for _ in range(21)]
    for person in people[:20]:
        assert not _signed_in(_login(client, person.email, "wrong", REMOTE_ADDR="203.0.113.9"))
    assert _throttled(_login(client, people[20].email, PASSWORD, REMOTE_ADDR="203.0.113.9"))
    assert _signed_in(_login(client, people[20].email, PASSWORD, REMOTE_ADDR="198.51.100.20"))


def test_behind_the_proxy_each_client_has_its_own_address(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    victim = UserFactory()
    proxy = {"REMOTE_ADDR": "10.0.0.1"}  # every request comes from the reverse proxy
    for _ in range(25):
        _login(client, victim.email, "wrong", HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    assert _throttled(
        _login(client, victim.email, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    )
    # A forged X-Forwarded-For entry does not help the attacker: the proxy appends the real
    # address, and the address the trusted proxy saw is the one counted.
    assert _throttled(
        _login(client, victim.email, PASSWORD, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9", **proxy)
    )
    # Another person behind the same proxy is not affected.
    assert _signed_in(
        _login(client, victim.email, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20", **proxy)
    )


def test_without_the_proxy_setting_everyone_behind_the_proxy_would_share_one_address(
    client, settings
):
    """The control: this is the lock-out the setting prevents."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    victim = UserFactory()
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(6):
        _login(client, victim.email, "wrong", HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    assert _throttled(
        _login(client, victim.email, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20", **proxy)
    )
