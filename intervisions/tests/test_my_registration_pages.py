"""A signed-in person already registered to a cycle sees the registration on the cycle page
(group, sessions, personal link) instead of the register button; withdrawing asks first."""

from html import unescape

import pytest
from django.urls import reverse

from intervisions import services
from intervisions.models import Registration
from maillage.testing.factories import CoordinatorFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_cycle_page_shows_my_registration_instead_of_the_button(
    client, cycle, groups, register
):
    user = UserFactory()
    registration = register([groups[0]], email=user.email, user=user)
    client.force_login(user)
    page = unescape(client.get(cycle.get_absolute_url()).content.decode())
    assert "Vous êtes inscrit·e" in page
    assert reverse("intervisions:register", args=[cycle.pk]) not in page
    assert reverse("intervisions:my_registration", args=[services.page_token(registration)]) in page
    assert "lien de votre e-mail" not in page
    assert reverse("intervisions:withdraw", args=[services.page_token(registration)]) in page


def test_once_published_the_cycle_page_names_my_group_and_sessions(client, cycle, groups, register):
    user = UserFactory()
    registration = register([groups[0]], email=user.email, user=user)
    for _n in range(2):
        register([groups[0]])
    coordinator = CoordinatorFactory()
    services.compose_cycle(cycle, coordinator)
    services.publish(cycle, coordinator)
    registration.refresh_from_db()
    assert registration.group == groups[0]
    client.force_login(user)
    page = unescape(client.get(cycle.get_absolute_url()).content.decode())
    assert "Vous êtes inscrit·e, groupe Lundi matin" in page
    first = registration.group.sessions.order_by("date").first()
    assert first is not None
    assert f"{first.date.day} " in page  # the sessions' dates are listed


def test_the_register_form_sends_a_registered_person_back(client, cycle, groups, register):
    user = UserFactory()
    register([groups[0]], email=user.email, user=user)
    client.force_login(user)
    response = client.get(reverse("intervisions:register", args=[cycle.pk]), follow=True)
    assert response.redirect_chain[-1][0] == cycle.get_absolute_url()
    assert "Vous êtes déjà inscrit·e à ce cycle." in unescape(response.content.decode())


def test_a_registration_made_with_the_same_address_before_signing_in_is_found(
    client, cycle, groups, register
):
    user = UserFactory(email="nadia@example.org")
    register([groups[0]], email="Nadia@Example.org")  # anonymous, before the account existed
    client.force_login(user)
    assert "Vous êtes inscrit·e" in unescape(client.get(cycle.get_absolute_url()).content.decode())


def test_someone_else_does_not_see_my_registration(client, cycle, groups, register):
    user = UserFactory()
    register([groups[0]], email=user.email, user=user)
    client.force_login(UserFactory())
    page = unescape(client.get(cycle.get_absolute_url()).content.decode())
    assert "Vous êtes inscrit·e" not in page
    assert reverse("intervisions:register", args=[cycle.pk]) in page


def test_withdrawing_asks_for_a_confirmation_first(client, cycle, groups, register):
    registration = register([groups[0]])
    url = reverse("intervisions:withdraw", args=[services.page_token(registration)])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "voulez-vous vraiment vous retirer" in unescape(confirm.content.decode())
    registration.refresh_from_db()
    assert registration.status == Registration.Status.PENDING  # the GET changed nothing
    client.post(url)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.WITHDRAWN
    after = unescape(client.get(url, follow=True).content.decode())
    assert "Cette inscription est retirée ou refusée." in after
    assert client.get(reverse("intervisions:withdraw", args=["forged:token"])).status_code == 404
