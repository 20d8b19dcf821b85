"""Groups that cannot run as typed (end before start, one person as both facilitators), the
place of a session (a place of the host institution or another address) wherever sessions are
shown, and the sector a registrant must choose."""

import datetime
from html import unescape

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from intervisions import ical, services
from intervisions.errors import IntervisionError
from intervisions.forms import RegistrationForm
from intervisions.models import Group, Registration, Session
from intervisions.services.notifications import send_group
from intervisions.services.places import session_place, set_session_place
from maillage.testing.factories import AddressFactory, LocationFactory, UserFactory

from .conftest import make_org

ENDS_BEFORE = "Le groupe doit se terminer après avoir commencé."
SAME_PERSON = "Les deux animateurs d'un groupe sont deux personnes différentes"


def group_data(facilitators, **changes):
    data = {
        "name": "Jeudi matin",
        "language": "fr",
        "weekday": 3,
        "week_of_month": "",
        "start_time": "09:30",
        "end_time": "12:00",
        "facilitator_social": facilitators[0].pk,
        "facilitator_mental_health": facilitators[1].pk,
        "neutral_venue": "",
    }
    data.update(changes)
    return data


# --- 1. Groups refused when they cannot run ----------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"start_time": "14:00", "end_time": "11:00"}, "end_time", ENDS_BEFORE),
        ({"start_time": "14:00", "end_time": "14:00"}, "end_time", ENDS_BEFORE),
        ({"facilitator_mental_health": "SOCIAL"}, "facilitator_mental_health", SAME_PERSON),
    ],
)
def test_group_form_refuses_a_group_that_cannot_run(
    client, coordinator, cycle, facilitators, changes, field, message
):
    if changes.get("facilitator_mental_health") == "SOCIAL":
        changes = {"facilitator_mental_health": facilitators[0].pk}
    client.force_login(coordinator)
    before = cycle.groups.count()
    response = client.post(
        reverse("intervisions:group_create", args=[cycle.pk]), group_data(facilitators, **changes)
    )
    assert response.status_code == 200
    assert message in unescape(response.content.decode())
    assert response.context["form"].errors[field]
    assert cycle.groups.count() == before


@pytest.mark.django_db
def test_editing_a_group_into_an_impossible_one_changes_nothing(
    client, coordinator, cycle, groups, facilitators
):
    group = groups[0]
    client.force_login(coordinator)
    response = client.post(
        reverse("intervisions:group_edit", args=[cycle.pk, group.pk]),
        group_data(facilitators, name="Renommé", start_time="15:00", end_time="10:00"),
    )
    assert ENDS_BEFORE in unescape(response.content.decode())
    group.refresh_from_db()
    assert (group.name, group.start_time) == ("Lundi matin", datetime.time(9, 0))


@pytest.mark.django_db
def test_save_group_service_checks_times_and_facilitators(coordinator, cycle, facilitators):
    social, _mental = facilitators
    late = Group(
        cycle=cycle,
        name="X",
        language="fr",
        weekday=0,
        start_time=datetime.time(14),
        end_time=datetime.time(9),
    )
    with pytest.raises(IntervisionError) as error:
        services.save_group(coordinator, late)
    assert error.value.code == "group_ends_before_start"
    twice = Group(
        cycle=cycle,
        name="Y",
        language="fr",
        weekday=0,
        facilitator_social=social,
        facilitator_mental_health=social,
    )
    with pytest.raises(IntervisionError) as error:
        services.save_group(coordinator, twice)
    assert error.value.code == "same_facilitator"
    assert not cycle.groups.filter(name__in=["X", "Y"]).exists()
    # The same rule for every door that validates the model (the admin's inline forms).
    with pytest.raises(ValidationError) as invalid:
        twice.full_clean()
    assert "facilitator_mental_health" in invalid.value.message_dict


@pytest.mark.django_db
def test_one_facilitator_only_is_fine(coordinator, cycle, facilitators):
    group = Group(
        cycle=cycle, name="Solo", language="fr", weekday=2, facilitator_social=facilitators[0]
    )
    services.save_group(coordinator, group)
    assert cycle.groups.filter(name="Solo").exists()


# --- 2. The place of a session ------------------------------------------------------------


@pytest.fixture
def hosted(cycle, groups, facilitators):
    """A published cycle's group with one member and two sessions, both hosted by the member's
    institution, which has two places: its main one and "Antenne Chasse"."""
    cycle.status = cycle.Status.PUBLISHED
    cycle.save()
    group = groups[0]
    host = make_org(name="CPAS de Test")
    branch = LocationFactory(organization=host, name="Antenne Chasse")
    AddressFactory(location=branch, address_1="chaussée de Wavre 500", postal_code="1040")
    member = UserFactory()
    registration = Registration.objects.create(
        cycle=cycle,
        group=group,
        user=member,
        first_name="Lou",
        last_name="Membre",
        email=member.email,
        function="f",
        organization=host,
        sector="social",
        language="fr",
        preferences=[group.pk],
        consent_at=timezone.now(),
        consent_version="t",
        commitment=True,
        status=Registration.Status.ACCEPTED,
    )
    first = Session.objects.create(
        group=group, number=1, date=datetime.date(cycle.start_date.year, 10, 6), host=host
    )
    second = Session.objects.create(
        group=group, number=2, date=datetime.date(cycle.start_date.year, 11, 3)
    )
    return {
        "group": group,
        "host": host,
        "branch": branch,
        "sessions": (first, second),
        "registration": registration,
        "member": member,
    }


@pytest.mark.django_db
def test_host_main_place_by_default(hosted):
    first, _second = hosted["sessions"]
    place = session_place(first)
    assert place["name"] == "CPAS de Test"
    assert place["address"] == "rue de la Victoire 1, 1040 Etterbeek"


@pytest.mark.django_db
def test_coordinator_chooses_a_place_of_the_host_shown_everywhere(client, coordinator, hosted):
    first, _second = hosted["sessions"]
    client.force_login(coordinator)
    url = reverse("intervisions:session_place", args=[first.pk])
    page = client.get(url).content.decode()
    assert "Antenne Chasse · chaussée de Wavre 500, 1040 Etterbeek" in page  # the choice
    response = client.post(url, {"location": hosted["branch"].pk, "access_note": "2e étage"})
    assert response.status_code == 302
    group_page = client.get(reverse("intervisions:group", args=[hosted["group"].pk]))
    text = group_page.content.decode()
    assert "CPAS de Test · Antenne Chasse" in text
    assert "chaussée de Wavre 500, 1040 Etterbeek" in text and "2e étage" in text
    calendar = ical.group_calendar(hosted["group"]).replace("\r\n ", "")
    assert "LOCATION:CPAS de Test · Antenne Chasse\\, chaussée de Wavre 500\\, 1040" in calendar
    send_group(hosted["registration"])
    assert (
        "CPAS de Test · Antenne Chasse, chaussée de Wavre 500, 1040 Etterbeek"
        in mail.outbox[-1].body
    )


@pytest.mark.django_db
def test_facilitator_sets_another_address_seen_by_members(client, facilitators, hosted):
    _first, second = hosted["sessions"]
    client.force_login(facilitators[1])
    response = client.post(
        reverse("intervisions:session_place", args=[second.pk]),
        {"other_address": "Maison des associations, rue Haute 1, 1000 Bruxelles"},
    )
    assert response.status_code == 302
    client.force_login(hosted["member"])
    page = client.get(reverse("intervisions:group", args=[hosted["group"].pk])).content.decode()
    assert "Maison des associations, rue Haute 1, 1000 Bruxelles" in page
    assert "LOCATION:Maison des associations" in ical.group_calendar(hosted["group"])


@pytest.mark.django_db
def test_place_refused_when_both_or_not_the_hosts(client, coordinator, hosted):
    first, _second = hosted["sessions"]
    client.force_login(coordinator)
    url = reverse("intervisions:session_place", args=[first.pk])
    both = client.post(url, {"location": hosted["branch"].pk, "other_address": "rue X 1"})
    assert both.status_code == 200
    assert "pas les deux" in unescape(both.content.decode())
    elsewhere = LocationFactory(name="Ailleurs")  # another organization's place
    other = client.post(url, {"location": elsewhere.pk})
    assert other.status_code == 200 and other.context["form"].errors["location"]
    too_long = client.post(url, {"other_address": "x" * 256})
    assert too_long.context["form"].errors["other_address"]
    first.refresh_from_db()
    assert (first.location_id, first.other_address) == (None, "")
    with pytest.raises(IntervisionError) as error:
        set_session_place(first, coordinator, location=elsewhere)
    assert error.value.code == "place_not_host"
    with pytest.raises(IntervisionError) as error:
        set_session_place(hosted["sessions"][1], coordinator, location=hosted["branch"])
    assert error.value.code == "place_not_host"  # the second session has no host


@pytest.mark.django_db
def test_place_only_for_coordinators_and_facilitators(client, hosted):
    first, _second = hosted["sessions"]
    url = reverse("intervisions:session_place", args=[first.pk])
    client.force_login(hosted["member"])  # a member of the group, not its facilitator
    assert client.get(url).status_code == 403
    assert client.post(url, {"other_address": "chez moi"}).status_code == 403
    first.refresh_from_db()
    assert first.other_address == ""
    assert client.get(reverse("intervisions:session_place", args=[2**62])).status_code == 404
    with pytest.raises(IntervisionError):
        set_session_place(first, hosted["member"], other_address="chez moi")


@pytest.mark.django_db
def test_confidential_place_never_shows_its_address(coordinator, hosted):
    first, _second = hosted["sessions"]
    hosted["branch"].is_confidential = True
    hosted["branch"].save()
    set_session_place(first, coordinator, location=hosted["branch"])
    place = session_place(first)
    assert place["confidential"] and place["address"] == ""
    assert "Wavre" not in ical.group_calendar(hosted["group"])
    send_group(hosted["registration"])
    assert "Wavre" not in mail.outbox[-1].body


@pytest.mark.django_db
def test_a_place_of_a_former_host_is_not_shown(coordinator, hosted):
    first, _second = hosted["sessions"]
    set_session_place(first, coordinator, location=hosted["branch"])
    Session.objects.filter(pk=first.pk).update(host=make_org(name="Nouvel hôte"))
    first.refresh_from_db()
    place = session_place(first)
    assert place["name"] == "Nouvel hôte" and "Wavre" not in place["address"]


# --- 3. The sector has no default -----------------------------------------------------------


@pytest.mark.django_db
def test_registration_form_has_no_sector_by_default(cycle, groups):
    form = RegistrationForm(cycle=cycle)
    html = str(form["sector"])
    assert '<option value="" selected>' in html
    data = {
        "first_name": "A",
        "last_name": "B",
        "email": "a@example.org",
        "function": "f",
        "organization": make_org().pk,
        "language": "fr",
        "choice_1": groups[0].pk,
        "commitment": "on",
        "consent": "on",
    }
    form = RegistrationForm(data, cycle=cycle)
    assert not form.is_valid()
    assert form.errors["sector"] == ["Choisissez le secteur dans lequel vous travaillez."]
    assert RegistrationForm({**data, "sector": "astrology"}, cycle=cycle).errors["sector"]
    assert RegistrationForm({**data, "sector": "housing"}, cycle=cycle).is_valid()


@pytest.mark.django_db
def test_register_service_refuses_a_missing_sector(register, groups, cycle):
    for sector in ("", "astrology"):
        with pytest.raises(IntervisionError) as error:
            register([groups[0]], sector=sector)
        assert error.value.code == "no_sector"
    assert not cycle.registrations.exists()
