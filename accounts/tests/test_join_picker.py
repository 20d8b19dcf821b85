"""Joining an organization with the searchable picker, without JavaScript: search, choose in the
list the server returns, send; bad ids are form errors, never a server error."""

import pytest
from django.urls import reverse

from accounts.models import Membership
from core.widgets import SHORT
from maillage.testing.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def etoile():
    OrganizationFactory.create_batch(SHORT + 5)
    return OrganizationFactory(name="Maison médicale Étoile", name_fr="Maison médicale Étoile")


def test_the_join_page_does_not_embed_the_organizations(client, user, etoile):
    client.force_login(user)
    page = client.get(reverse("accounts:join")).content.decode()
    assert page.count("<option") == 1
    assert "Service social" not in page
    assert 'data-picker-url="/fr/choix/organizations/"' in page


def test_search_then_choose_then_send(client, user, etoile):
    client.force_login(user)
    url = reverse("accounts:join")
    searched = client.post(
        url, {"organization_q": "etoile", "organization_lookup": "1", "message": "Bonjour"}
    )
    assert searched.status_code == 200
    page = searched.content.decode()
    assert f'<option value="{etoile.pk}"' in page
    assert "Bonjour" in page
    assert not Membership.objects.exists()

    sent = client.post(url, {"organization": str(etoile.pk), "organization_q": "etoile"})
    assert sent.status_code == 302
    assert Membership.objects.get(user=user).organization == etoile


@pytest.mark.parametrize("bad", ["12", "9" * 40, "00000000-0000-0000-0000-000000000000", "x"])
def test_a_bad_id_is_a_form_error(client, user, etoile, bad):
    client.force_login(user)
    response = client.post(reverse("accounts:join"), {"organization": bad})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not Membership.objects.exists()


def test_a_double_submit_is_told_the_request_is_pending(client, user, etoile):
    client.force_login(user)
    data = {"organization": str(etoile.pk)}
    client.post(reverse("accounts:join"), data)
    again = client.post(reverse("accounts:join"), data)
    assert again.status_code == 200
    assert Membership.objects.filter(user=user).count() == 1
    assert "déjà en attente" in again.content.decode()
