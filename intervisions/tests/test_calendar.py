"""Session calendars around Belgian holidays, host rotation, presenters' rota and swaps,
confidential host addresses, iCal feed."""

import datetime

import pytest
from django.urls import reverse

from intervisions import ical, services
from intervisions.errors import IntervisionError
from intervisions.models import Cycle, Group, Presentation
from intervisions.scheduling import ClosureCalendar

from .conftest import make_org


@pytest.fixture
def season_2025(facilitators):
    """The real 2025-2026 season: Tuesday 11 November 2025 is Armistice Day."""
    cycle = Cycle.objects.create(
        title="Intervisions 2025-2026",
        season="2025-2026",
        start_date=datetime.date(2025, 10, 1),
        end_date=datetime.date(2026, 6, 30),
        session_count=9,
        registration_deadline=datetime.date(2025, 9, 20),
        group_min_size=1,
        group_max_size=15,
    )
    group = Group.objects.create(
        cycle=cycle,
        name="Mardi",
        language="fr",
        weekday=1,
        week_of_month=2,
        start_time=datetime.time(14),
        end_time=datetime.time(17),
    )
    return cycle, group


def _members(group, n, *, orgs=None):
    from django.utils import timezone

    from intervisions.models import Registration

    made = []
    for i in range(n):
        org = orgs[i] if orgs else make_org()
        made.append(
            Registration.objects.create(
                cycle=group.cycle,
                group=group,
                first_name=f"P{i}",
                last_name="X",
                email=f"p{i}@example.org",
                function="f",
                organization=org,
                sector="social",
                language="fr",
                preferences=[group.pk],
                consent_at=timezone.now(),
                consent_version="t",
                commitment=True,
            )
        )
    return made


@pytest.mark.django_db
def test_calendar_skips_holidays_and_hosts_never_repeat(season_2025, coordinator):
    cycle, group = season_2025
    people = _members(group, 12)
    sessions = services.plan_group(group, coordinator)
    dates = [s.date for s in sessions]
    assert len(dates) == 9
    assert datetime.date(2025, 11, 11) not in dates  # Armistice (and FR autumn break)
    closures = ClosureCalendar(("fr", "nl"))
    assert all(not closures.closures(d) for d in dates)
    assert all(d.weekday() == 1 for d in dates)
    hosts = [s.host_id for s in sessions if s.host_id]
    assert len(hosts) == len(set(hosts)) == 9
    # Everybody presents exactly once.
    assert Presentation.objects.filter(session__group=group).count() == len(people)


@pytest.mark.django_db
def test_host_rotation_with_few_institutions_and_confidential_address(season_2025, coordinator):
    cycle, group = season_2025
    shelter = make_org(name="Abri")
    shelter.locations.update(is_confidential=True)
    other = make_org(name="CPAS")
    _members(group, 4, orgs=[shelter, shelter, other, other])
    sessions = services.plan_group(group, coordinator)
    hosted = [s for s in sessions if s.host_id]
    assert sorted(s.host.name for s in hosted) == ["Abri", "CPAS"]
    from intervisions.services.calendar import host_address

    venue = host_address(next(s for s in hosted if s.host == shelter))
    assert venue["confidential"] and venue["address"] == ""
    text = ical.group_calendar(group)
    assert "Victoire" in text  # CPAS's address
    assert text.count("rue de la Victoire") == 1  # never the shelter's


@pytest.mark.django_db
def test_not_enough_dates_is_a_clear_error(season_2025, coordinator):
    cycle, group = season_2025
    cycle.session_count = 12
    cycle.save()
    with pytest.raises(IntervisionError) as error:
        services.plan_group(group, coordinator)
    assert error.value.code == "scheduling"


@pytest.mark.django_db
def test_only_managers_plan(season_2025, user):
    _cycle, group = season_2025
    with pytest.raises(IntervisionError):
        services.plan_group(group, user)


@pytest.mark.django_db
def test_swap_presenters(season_2025, coordinator, facilitators):
    cycle, group = season_2025
    a, b, *_ = _members(group, 9)
    services.plan_group(group, coordinator)

    def session_of(r):
        return Presentation.objects.get(registration=r).session

    before_a, before_b = session_of(a), session_of(b)
    group.facilitator_social = facilitators[0]
    group.save()
    services.swap_presenters(group, a, b, facilitators[0])
    assert (session_of(a), session_of(b)) == (before_b, before_a)


@pytest.mark.django_db
def test_attendance_started_blocks_regeneration(season_2025, coordinator):
    cycle, group = season_2025
    people = _members(group, 3)
    sessions = services.plan_group(group, coordinator)
    services.record_attendance(sessions[0], {people[0].pk: "present"}, coordinator)
    with pytest.raises(IntervisionError) as error:
        services.plan_group(group, coordinator)
    assert error.value.code == "attendance_started"


@pytest.mark.django_db
def test_personal_feed_with_signed_token(client, season_2025, coordinator):
    cycle, group = season_2025
    person = _members(group, 2)[0]
    services.plan_group(group, coordinator)
    cycle.status = Cycle.Status.PUBLISHED
    cycle.save()
    response = client.get(reverse("intervisions:feed", args=[services.feed_token(person)]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response.content.decode().count("BEGIN:VEVENT") == 9
    # The page token does not open the feed, and a forged token opens nothing.
    assert (
        client.get(reverse("intervisions:feed", args=[services.page_token(person)])).status_code
        == 404
    )
    page = client.get(reverse("intervisions:my_registration", args=[services.page_token(person)]))
    assert page.status_code == 200 and "Mardi" in page.content.decode()
    ics = client.get(reverse("intervisions:ics", args=[services.page_token(person)]))
    assert ics["Content-Disposition"].startswith("attachment")


# --- Places set on sessions survive a regenerated calendar ----------------------------------


@pytest.mark.django_db
def test_regenerating_keeps_the_place_of_a_date_still_in_the_calendar(
    client, season_2025, coordinator
):
    from intervisions.services.places import set_session_place

    _cycle, group = season_2025
    _members(group, 9)
    first, *_rest = services.plan_group(group, coordinator)
    host_place = first.host.locations.first()
    set_session_place(first, coordinator, location=host_place, access_note="Sonnette 3")
    third = group.sessions.get(number=3)
    set_session_place(third, coordinator, other_address="Maison des associations, rue Haute 1")
    client.force_login(coordinator)
    response = client.post(reverse("intervisions:plan", args=[group.pk]), follow=True)
    page = response.content.decode()
    assert "2 lieux de séance conservés, 0 abandonné" in page
    assert "Maison des associations, rue Haute 1" in page and "Sonnette 3" in page
    again = group.sessions.get(date=first.date)
    assert (again.location_id, again.access_note) == (host_place.pk, "Sonnette 3")
    assert group.sessions.get(date=third.date).other_address.startswith("Maison des")


@pytest.mark.django_db
def test_a_date_that_leaves_the_calendar_drops_its_place(client, season_2025, coordinator):
    from intervisions.services.places import set_session_place

    cycle, group = season_2025
    _members(group, 9)
    services.plan_group(group, coordinator)
    last = group.sessions.order_by("-date").first()
    set_session_place(last, coordinator, other_address="Salle du dernier jour")
    kept = group.sessions.get(number=1)
    set_session_place(kept, coordinator, access_note="Entrée par la cour")
    cycle.session_count = 8  # the last date leaves the calendar
    cycle.save()
    client.force_login(coordinator)
    response = client.post(reverse("intervisions:plan", args=[group.pk]), follow=True)
    page = response.content.decode()
    assert "1 lieu de séance conservé, 1 abandonné" in page
    assert "Salle du dernier jour" not in page and "Entrée par la cour" in page
    assert not group.sessions.filter(date=last.date).exists()


@pytest.mark.django_db
def test_a_location_of_a_host_that_changed_is_dropped_but_its_note_kept(season_2025, coordinator):
    from intervisions.models import Session
    from intervisions.services.calendar import regenerate_calendar
    from intervisions.services.places import set_session_place

    _cycle, group = season_2025
    _members(group, 9)
    first = services.plan_group(group, coordinator)[0]
    set_session_place(first, coordinator, location=first.host.locations.first(), access_note="2e")
    stranger = make_org(name="Ancien hôte")
    Session.objects.filter(pk=first.pk).update(host=stranger)  # the host of that date changes
    Session.objects.filter(pk=first.pk).update(location=stranger.locations.first())
    plan = regenerate_calendar(group, coordinator)
    again = group.sessions.get(date=first.date)
    assert (plan.places_kept, plan.places_dropped) == (0, 1)
    assert again.location_id is None and again.access_note == "2e"
