"""The person in charge of an action is chosen with the searchable people picker: coordinators
search by part of a name or e-mail and see "Name (Organization)"; people's names are not public,
so nobody else may query it; without JavaScript the form searches and validates on the server."""

import html

import pytest
from django.urls import reverse

from core.widgets import SHORT
from events import services
from events.models import Action
from events.tests.factories import EventFactory, in_days
from maillage.testing.factories import MembershipFactory, OrganizationFactory, UserFactory
from territory.models import Basin

pytestmark = pytest.mark.django_db

PICKER = reverse("core:picker", args=["people"])


@pytest.fixture
def ines():
    """One person among more accounts than a plain drop-down shows."""
    UserFactory.create_batch(SHORT + 5)
    person = UserFactory(first_name="Inès", last_name="Verhaegen", email="ines.v@ssm.example")
    MembershipFactory(
        user=person, organization=OrganizationFactory(name="SSM Le Méridien"), status="accepted"
    )
    return person


@pytest.fixture
def action(db):
    event = EventFactory(starts_at=in_days(-5), basin=Basin.objects.get(code="nord"))
    expectation = services.add_expectation(event, "Une cartographie", user=services.SYSTEM)
    return services.save_action(
        Action(title="Répertoire des services", basin=event.basin),
        [expectation],
        user=services.SYSTEM,
    )


def _post(action, **changes):
    data = {"title": action.title, "status": "in_progress", "basin": action.basin_id}
    data.update(changes)
    return data


def test_coordinator_finds_a_person_by_part_of_the_name_or_e_mail(client, coordinator, ines):
    client.force_login(coordinator)
    for text in ("verhae", "Inès Verh", "ines.v@"):
        results = client.get(PICKER, {"q": text}).json()["results"]
        assert [r["label"] for r in results] == ["Inès Verhaegen (SSM Le Méridien)"], text
        assert results[0]["id"] == str(ines.pk)
    assert client.get(PICKER, {"q": "zzzz"}).json()["results"] == []


def test_the_people_search_ignores_accents_and_case(client, coordinator, ines):
    """Typed without accents, as on most keyboards in a hurry: "loic" finds "Loïc"."""
    UserFactory(first_name="Loïc", last_name="Debœuf-Hérin", email="ld@cpas.example")
    client.force_login(coordinator)
    for text in ("loic", "LOÏC", "herin", "Loic Deb"):
        results = client.get(PICKER, {"q": text}).json()["results"]
        assert [r["label"] for r in results] == ["Loïc Debœuf-Hérin"], text


def test_nobody_else_can_list_people(client, user, ines):
    assert client.get(PICKER, {"q": "verhae"}).status_code == 403  # anonymous
    client.force_login(user)  # a professional
    response = client.get(PICKER, {"q": "verhae"})
    assert response.status_code == 403 and "Verhaegen" not in response.content.decode()


def test_the_form_searches_without_javascript_then_saves_the_chosen_owner(
    client, coordinator, ines, action
):
    client.force_login(coordinator)
    url = reverse("events:action_edit", args=[action.pk])
    page = client.get(url).content.decode()
    assert f'data-picker-url="{PICKER}"' in page  # a search box, not every account
    assert page.count("<option") < SHORT
    searched = client.post(url, _post(action, owner_q="verhae", owner_lookup="1"))
    assert searched.status_code == 200
    text = html.unescape(searched.content.decode())
    assert f'<option value="{ines.pk}"' in text and "Inès Verhaegen (SSM Le Méridien)" in text
    action.refresh_from_db()
    assert action.owner is None  # a search saves nothing
    saved = client.post(url, _post(action, owner=ines.pk))
    assert saved.status_code == 302
    action.refresh_from_db()
    assert action.owner == ines


@pytest.mark.parametrize("bad", ["abc", "999999999999", "99999999999999999999999999", "-1"])
def test_a_bad_owner_id_is_a_form_error_not_a_server_error(client, coordinator, ines, action, bad):
    client.force_login(coordinator)
    response = client.post(
        reverse("events:action_edit", args=[action.pk]), _post(action, owner=bad)
    )
    assert response.status_code == 200
    assert "owner" in response.context["form"].errors
    action.refresh_from_db()
    assert action.status == Action.Status.PLANNED


def test_an_organizer_keeps_a_plain_list_of_their_colleagues(client, ines):
    event = EventFactory(starts_at=in_days(-5))
    organizer, colleague = UserFactory(), UserFactory(first_name="Zoé", last_name="Collègue")
    MembershipFactory(
        user=organizer, organization=event.organizer, is_admin=True, status="accepted"
    )
    MembershipFactory(user=colleague, organization=event.organizer, status="accepted")
    client.force_login(organizer)
    page = client.get(reverse("events:action_new"), {"event": event.pk}).content.decode()
    assert "Zoé Collègue" in html.unescape(page) and "Verhaegen" not in page
    assert 'data-picker-url="' + PICKER not in page
