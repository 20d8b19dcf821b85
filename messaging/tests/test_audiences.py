"""Each audience selects exactly the right people, once each, with their language."""

import pytest

from messaging import audiences, services
from messaging.errors import MessagingError

pytestmark = pytest.mark.django_db


def _people(recipients):
    return {r.email: r.language for r in recipients}


def test_the_registrants_are_the_confirmed_seats_only(event):
    assert _people(audiences.event_registrants(event)) == {
        "anne@example.org": "fr",
        "bram@example.org": "nl",  # his account says Dutch
    }


def test_the_waiting_list_is_a_separate_audience_without_the_cancelled(event):
    assert _people(audiences.event_waiting(event)) == {
        "chloe@example.org": "fr",
        "dirk@example.org": "nl",
    }


def test_links_point_to_the_event_page_in_each_language(event):
    links = {r.email: r.link for r in audiences.event_registrants(event)}
    assert links["anne@example.org"].endswith(f"/fr/agenda/{event.pk}/")
    assert links["bram@example.org"].endswith(f"/nl/agenda/{event.pk}/")


def test_a_group_is_its_active_members_and_its_facilitators(group_named):
    monday = group_named("Lundi matin")
    assert _people(audiences.group_members(monday)) == {
        "amina@example.org": "fr",
        "jan@example.org": "nl",  # registered in a French group, his account reads Dutch
        "sophie@example.org": "fr",
        "marc@example.org": "nl",
    }


def test_a_member_gets_their_personal_page_a_facilitator_the_group_page(group_named):
    monday = group_named("Lundi matin")
    links = {r.email: r.link for r in audiences.group_members(monday)}
    assert "/fr/intervisions/inscription/" in links["amina@example.org"]
    assert "/nl/intervisions/inscription/" in links["jan@example.org"]
    assert links["marc@example.org"].endswith(f"/nl/intervisions/groupes/{monday.pk}/")


def test_the_facilitators_of_a_cycle_once_each_without_cancelled_groups(cycle):
    people = audiences.cycle_facilitators(cycle)
    # Marc facilitates two groups and is written to once; Lotte's group is cancelled.
    assert sorted(r.email for r in people) == ["marc@example.org", "sophie@example.org"]


def test_an_anonymised_registration_is_not_written_to(event):
    from events.services.retention import anonymise_registrations

    anonymise_registrations(event.registrations.filter(email="anne@example.org"))
    assert _people(audiences.event_registrants(event)) == {"bram@example.org": "nl"}


def test_a_cycle_offers_its_running_groups_and_its_facilitators(cycle, group_named):
    monday = group_named("Lundi matin")
    thursday = group_named("Donderdagnamiddag")
    values = [c.value for c in services.choices(cycle)]
    assert values == ["cycle_facilitators", f"group:{monday.pk}", f"group:{thursday.pk}"]


def test_no_group_audience_before_the_groups_are_published(cycle, group_named):
    monday = group_named("Lundi matin")
    cycle.status = "closed"
    assert [c.value for c in services.choices(cycle)] == ["cycle_facilitators"]
    with pytest.raises(MessagingError) as refused:
        services.resolve(cycle, f"group:{monday.pk}")
    assert refused.value.code == "unknown_audience"


@pytest.mark.parametrize("value", ["group:999999", "group:abc", "event_registrants", "", "group:"])
def test_an_unknown_audience_of_a_cycle_is_refused(cycle, value):
    with pytest.raises(MessagingError) as refused:
        services.resolve(cycle, value)
    assert refused.value.code == "unknown_audience"


def test_a_group_of_another_cycle_is_refused(cycle, group_named, event):
    monday = group_named("Lundi matin")
    with pytest.raises(MessagingError):
        services.resolve(event, f"group:{monday.pk}")
