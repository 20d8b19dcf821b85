"""The public registration: form validation, double registration, fees, proposed institutions,
confirmation e-mail."""

import pytest
from django.core import mail
from django.urls import reverse

from directory.models import Organization
from intervisions import services
from intervisions.errors import IntervisionError
from intervisions.models import Cycle, Registration

from .conftest import make_org


def form_data(groups, org, **overrides):
    data = {
        "first_name": "Amina",
        "last_name": "Benali",
        "email": "Amina.Benali@example.org",
        "function": "assistante sociale",
        "organization": str(org.pk),
        "new_organization": "",
        "sector": "social",
        "language": "fr",
        "choice_1": str(groups[0].pk),
        "choice_2": str(groups[1].pk),
        "commitment": "on",
        "consent": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.django_db
def test_register_through_the_form(client, cycle, groups):
    org = make_org(is_network_member=True)
    url = reverse("intervisions:register", args=[cycle.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, form_data(groups, org))
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.email == "amina.benali@example.org"
    assert registration.preferences == [groups[0].pk, groups[1].pk]
    assert registration.consent_at is not None and registration.consent_version
    assert registration.municipality.nis_code == "21005"
    assert registration.fee == 120 and registration.is_member
    assert len(mail.outbox) == 1
    assert "Intervisions de test" in mail.outbox[0].subject
    # The confirmation's link is the person's page.
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Amina Benali" in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"consent": None}, "consent"),
        ({"commitment": None}, "commitment"),
        ({"choice_1": ""}, "choice_1"),
        ({"email": "not-an-email"}, "email"),
        ({"organization": "", "new_organization": ""}, "organization"),
        ({"choice_2": "FIRST"}, "choice_3"),
    ],
)
def test_form_errors(client, cycle, groups, overrides, field):
    org = make_org()
    if overrides.get("choice_2") == "FIRST":
        overrides["choice_2"] = str(groups[0].pk)
    response = client.post(
        reverse("intervisions:register", args=[cycle.pk]), form_data(groups, org, **overrides)
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'role="alert"' in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_group_in_the_other_language_is_refused(client, cycle, groups):
    org = make_org()
    response = client.post(
        reverse("intervisions:register", args=[cycle.pk]),
        form_data(groups, org, choice_1=str(groups[2].pk), choice_2=""),
    )
    assert response.status_code == 200
    expected = IntervisionError("other_language", group=groups[2].name).message
    assert expected in response.context["form"].errors["choice_1"]


@pytest.mark.django_db
def test_double_registration_is_refused_with_a_clear_message(client, cycle, groups):
    org = make_org()
    url = reverse("intervisions:register", args=[cycle.pk])
    assert client.post(url, form_data(groups, org)).status_code == 302
    response = client.post(url, form_data(groups, org, email="AMINA.benali@example.org "))
    assert response.status_code == 200
    errors = response.context["form"].errors["email"]
    assert "amina.benali@example.org" in errors[0]
    assert "déjà inscrit" in errors[0]
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_registering_again_after_withdrawal_is_allowed(register, groups):
    first = register([groups[0]], email="same@example.org")
    services.withdraw(first)
    again = register([groups[0]], email="same@example.org")
    assert again.pk != first.pk


@pytest.mark.django_db
def test_member_and_non_member_fees(register, groups, cycle):
    member = register([groups[0]], organization=make_org(is_network_member=True))
    other = register([groups[0]], organization=make_org(is_network_member=False))
    declared = register([groups[0]], organization=make_org(), member_declared=True)
    assert (member.fee, member.is_member) == (120, True)
    assert (other.fee, other.is_member) == (150, False)
    # Membership comes from the directory, not from what the person ticks.
    assert declared.fee == 150 and declared.member_declared


@pytest.mark.django_db
def test_free_cycle(register, groups, cycle):
    cycle.fee_member = cycle.fee_non_member = 0
    cycle.save()
    registration = register([groups[0]], organization=make_org(is_network_member=True))
    assert registration.fee == 0 and cycle.is_free
    with pytest.raises(IntervisionError):
        services.issue_invoice(registration)


@pytest.mark.django_db
def test_proposed_institution_goes_to_moderation(client, cycle, groups):
    org = make_org()
    response = client.post(
        reverse("intervisions:register", args=[cycle.pk]),
        form_data(groups, org, organization="", new_organization="Maison d'accueil Nouvelle"),
    )
    assert response.status_code == 302
    proposed = Organization.objects.get(name="Maison d'accueil Nouvelle")
    assert proposed in Organization.objects.awaiting_moderation()
    assert Registration.objects.get().organization == proposed


@pytest.mark.django_db
def test_closed_cycle_refuses_registrations(client, cycle, groups, register):
    cycle.status = Cycle.Status.CLOSED
    cycle.save()
    with pytest.raises(IntervisionError) as error:
        register([groups[0]])
    assert error.value.code == "registration_closed"
    response = client.get(reverse("intervisions:register", args=[cycle.pk]))
    assert response.status_code == 302


@pytest.mark.django_db
def test_invalid_token_is_not_found(client):
    assert client.get(reverse("intervisions:my_registration", args=["nope"])).status_code == 404


@pytest.mark.django_db
def test_person_downloads_their_data(client, register, groups):
    registration = register([groups[0]], first_name="Zoé")
    response = client.get(reverse("intervisions:my_data", args=[services.page_token(registration)]))
    data = response.json()
    assert data["first_name"] == "Zoé" and data["email"] == registration.email
    assert data["preferences"] == [groups[0].name]
