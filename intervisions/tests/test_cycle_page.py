"""The coordinators' cycle page with 200 registrants (paged, filtered, few queries), the groups a
composition empties shown as cancelled, a summary that is current, and the bulk accept."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from intervisions import services
from intervisions.errors import IntervisionError
from intervisions.models import Registration
from intervisions.services.cycles import accept_many

from .crowd import crowded_cycle

LIMIT = 2.0


def page_of(client, cycle, query=""):
    response = client.get(reverse("intervisions:manage_cycle", args=[cycle.pk]) + query)
    assert response.status_code == 200
    return unescape(response.content.decode())


def ticked(html) -> list[int]:
    """The registrations that can be ticked for the bulk accept, in the order shown."""
    return [int(pk) for pk in re.findall(r'name="registration" value="(\d+)"', html)]


# --- 6. 200 registrants -------------------------------------------------------------------


@pytest.mark.django_db
def test_two_hundred_registrants_are_paged_by_fifty(client, coordinator, crowded):
    client.force_login(coordinator)
    html = page_of(client, crowded)
    assert len(ticked(html)) == 50
    assert "200 inscriptions" in html and "page 1 sur 4" in html
    assert len(html.encode()) < 150_000
    last = page_of(client, crowded, "?page=4")
    seen = set()
    for number in (1, 2, 3, 4):
        seen |= set(ticked(page_of(client, crowded, f"?page={number}")))
    assert len(seen) == 200  # every registrant on exactly one page
    assert "Page précédente" in last and "Page suivante" not in last


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_registrants(
    client, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)
    small, large = crowded_cycle(20), crowded_cycle(200)
    counts = []
    for cycle in (small, large):
        page_of(client, cycle)  # sessions, content types: the first request warms them
        with CaptureQueriesContext(connection) as queries:
            page_of(client, cycle)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(20):
        page_of(client, large, "?status=pending&q=Martin&page=2")


@pytest.mark.django_db
def test_published_page_reads_the_waiting_lists_at_once(
    client, coordinator, crowded, django_assert_max_num_queries
):
    services.publish(crowded, coordinator)
    client.force_login(coordinator)
    page_of(client, crowded, "?group=none")
    with django_assert_max_num_queries(22):
        html = page_of(client, crowded, "?group=none")
    unplaced = crowded.registrations.filter(group__isnull=True).count()
    assert f"{unplaced} inscriptions affichées" in html
    assert html.count("en attente pour Groupe") + html.count("en attente pour Groep") == unplaced


@pytest.mark.django_db
def test_filters_by_group_status_and_name(client, coordinator, crowded):
    client.force_login(coordinator)
    group = crowded.groups.order_by("pk").first()
    html = page_of(client, crowded, f"?group={group.pk}")
    shown = ticked(html)
    assert set(shown) == set(group.registrations.values_list("pk", flat=True))
    nobody = page_of(client, crowded, "?group=none")
    assert set(ticked(nobody)) == set(
        crowded.registrations.filter(group__isnull=True).values_list("pk", flat=True)
    )
    one = crowded.registrations.order_by("pk")[7]
    found = page_of(client, crowded, f"?q={one.last_name.split()[-1]}")
    assert ticked(found) == [one.pk]
    crowded.registrations.filter(pk=one.pk).update(status=Registration.Status.WITHDRAWN)
    withdrawn = page_of(client, crowded, "?status=withdrawn")
    assert one.full_name in withdrawn and ticked(withdrawn) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["?group=abc", "?group=999999999999999999999", "?status=nope", "?q=" + "x" * 300]
)
def test_bad_filters_are_shown_not_a_500(client, coordinator, crowded, query):
    client.force_login(coordinator)
    html = page_of(client, crowded, query)
    assert 'role="alert"' in html
    assert len(ticked(html)) == 50  # the filter is ignored, the list still there


@pytest.mark.django_db
@pytest.mark.parametrize(
    "number, expected", [("abc", "page 1 sur 4"), ("99999999999999999999", "page 4 sur 4")]
)
def test_bad_page_numbers_open_a_real_page(client, coordinator, crowded, number, expected):
    client.force_login(coordinator)
    assert expected in page_of(client, crowded, f"?page={number}")


# --- 4. Cancelled groups and a current summary --------------------------------------------


@pytest.mark.django_db
def test_group_emptied_by_the_composition_is_shown_cancelled(
    client, coordinator, cycle, groups, register
):
    monday, tuesday, dutch = groups
    for _ in range(3):
        register([monday])
    client.force_login(coordinator)
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    html = page_of(client, cycle)
    rows = dict(re.findall(r"<tr>\s*<td><a [^>]+>([^<]+)</a>(.*?)</tr>", html, re.S))
    assert "annulé" in rows["Mardi après-midi"] and "annulé" in rows["Donderdagnamiddag"]
    assert "annulé" not in rows["Lundi matin"]
    assert (
        "Groupes restés vides (annulés à la publication) : Mardi après-midi, Donderdagnamiddag"
        in html
    )


@pytest.mark.django_db
def test_summary_is_current_after_a_re_run_and_a_move(client, coordinator, cycle, groups, register):
    monday, tuesday, _dutch = groups
    first = [register([monday, tuesday]) for _ in range(2)]
    client.force_login(coordinator)
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    assert "Maintenant : 2 placées, 0 sans groupe." in page_of(client, cycle)
    for _ in range(3):
        register([tuesday])
    for _ in range(2):
        register([groups[2]])
    client.post(reverse("intervisions:compose", args=[cycle.pk]))
    html = page_of(client, cycle)
    assert re.search(r"Maintenant : \d+ placées, \d+ sans groupe\.", html).group() == (
        "Maintenant : 7 placées, 0 sans groupe."
    )
    services.move(first[0], None, coordinator)
    assert "Maintenant : 6 placées, 1 sans groupe." in page_of(client, cycle)


# --- 5. Bulk accept -------------------------------------------------------------------------


def bulk(client, cycle, ids, **extra):
    return client.post(
        reverse("intervisions:bulk_accept", args=[cycle.pk]),
        {"registration": [str(pk) for pk in ids], **extra},
        follow=True,
    )


@pytest.mark.django_db
def test_bulk_accept_accepts_each_and_says_how_many(client, coordinator, cycle, groups, register):
    people = [register([groups[0]]) for _ in range(4)]
    services.withdraw(people[3])
    client.force_login(coordinator)
    response = bulk(client, cycle, [r.pk for r in people])
    html = unescape(response.content.decode())
    assert "3 inscriptions acceptées." in html
    assert f"1 inscription n'a pas pu être acceptée : {people[3].full_name}" in html
    statuses = [Registration.objects.get(pk=r.pk).status for r in people]
    assert statuses == ["accepted", "accepted", "accepted", "withdrawn"]
    again = unescape(bulk(client, cycle, [r.pk for r in people[:3]]).content.decode())
    assert "0 inscription acceptée. 3 l'étaient déjà." in again  # a double submit changes nothing


@pytest.mark.django_db
def test_bulk_accept_returns_to_the_same_page_and_filters(client, coordinator, crowded):
    client.force_login(coordinator)
    back = reverse("intervisions:manage_cycle", args=[crowded.pk]) + "?status=pending&page=2"
    html = page_of(client, crowded, "?status=pending&page=2")
    chosen = ticked(html)[:5]
    response = client.post(
        reverse("intervisions:bulk_accept", args=[crowded.pk]),
        {"registration": chosen, "next": back},
    )
    assert response.status_code == 302 and response["Location"] == back
    assert crowded.registrations.filter(status="accepted").count() == 5
    elsewhere = client.post(
        reverse("intervisions:bulk_accept", args=[crowded.pk]),
        {"registration": chosen, "next": "https://evil.example/"},
    )
    assert elsewhere["Location"] == reverse("intervisions:manage_cycle", args=[crowded.pk])


@pytest.mark.django_db
def test_bulk_accept_refuses_a_foreign_or_bad_selection(
    client, coordinator, cycle, groups, register
):
    mine = register([groups[0]])
    other_cycle = crowded_cycle(3)
    foreign = other_cycle.registrations.first()
    client.force_login(coordinator)
    html = unescape(bulk(client, cycle, [mine.pk, foreign.pk]).content.decode())
    assert "n'appartient pas à ce cycle : rien n'a été changé" in html
    assert Registration.objects.get(pk=mine.pk).status == "pending"
    assert "Sélectionnez au moins une inscription." in bulk(client, cycle, []).content.decode()
    bad = client.post(
        reverse("intervisions:bulk_accept", args=[cycle.pk]), {"registration": ["12", "abc"]}
    )
    assert bad.status_code == 400
    huge = client.post(
        reverse("intervisions:bulk_accept", args=[cycle.pk]), {"registration": [str(2**70)]}
    )
    assert huge.status_code == 400
    assert client.get(reverse("intervisions:bulk_accept", args=[cycle.pk])).status_code == 405


@pytest.mark.django_db
def test_only_coordinators_accept_in_bulk(client, user, cycle, groups, register):
    r = register([groups[0]])
    client.force_login(user)
    response = client.post(
        reverse("intervisions:bulk_accept", args=[cycle.pk]), {"registration": [r.pk]}
    )
    assert response.status_code == 403
    with pytest.raises(IntervisionError) as error:
        accept_many(cycle, [r.pk], user)
    assert error.value.code == "not_allowed"
    assert Registration.objects.get(pk=r.pk).status == "pending"
