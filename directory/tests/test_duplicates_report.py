"""The coordinators' likely-duplicates report: 25 pairs a page, the pairs kept in the cache
until an organization, place, address or phone changes, a constant number of queries."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import Address, Location, Phone
from directory.services import duplicates as duplicate_services
from maillage.testing.factories import OrganizationFactory

DUPLICATES = "/fr/annuaire/coordination/doublons/"
PAIR = 'class="card duplicate-pair"'


def _pairs(count, first=0):
    """``count`` pairs of organizations sharing a phone (names unlike each other)."""
    made = []
    for n in range(first, first + count):
        a = OrganizationFactory(name=f"Org {uuid.uuid4().hex}")
        b = OrganizationFactory(name=f"Org {uuid.uuid4().hex}")
        for organization in (a, b):
            Phone.objects.create(organization=organization, number=f"02 600 {n:04d}")
        made.append((a, b))
    return made


@pytest.fixture
def matching_calls(monkeypatch):
    """How many times the report ran the matching (not read from the cache)."""
    calls = []
    real = duplicate_services.find_pairs

    def counting(records, *args, **kwargs):
        calls.append(len(records))
        return real(records, *args, **kwargs)

    monkeypatch.setattr(duplicate_services, "find_pairs", counting)
    return calls


def test_the_pairs_come_25_a_page_with_a_shareable_page_link(client, coordinator):
    _pairs(30)
    client.force_login(coordinator)
    first = client.get(DUPLICATES).content.decode()
    assert first.count(PAIR) == 25
    assert "30 paires à vérifier" in first
    assert "?page=2" in first
    second = client.get(DUPLICATES + "?page=2").content.decode()
    assert second.count(PAIR) == 5
    not_a_number = client.get(DUPLICATES + "?page=deux")
    assert not_a_number.status_code == 200
    assert not_a_number.content.decode().count(PAIR) == 25


def test_the_page_reads_a_constant_number_of_queries(client, coordinator):
    _pairs(3)
    client.force_login(coordinator)
    client.get(DUPLICATES)
    with CaptureQueriesContext(connection) as few:
        client.get(DUPLICATES)
    _pairs(27, first=3)
    client.get(DUPLICATES)
    with CaptureQueriesContext(connection) as many:
        assert client.get(DUPLICATES).content.decode().count(PAIR) == 25
    assert len(many) == len(few)


def test_the_pairs_are_cached_until_a_phone_or_an_address_changes(
    client, coordinator, matching_calls
):
    (a, b), *_ = _pairs(2)
    client.force_login(coordinator)
    assert "2 paires à vérifier" in client.get(DUPLICATES).content.decode()
    assert "2 paires à vérifier" in client.get(DUPLICATES + "?page=1").content.decode()
    assert len(matching_calls) == 1  # the second page view read the cache

    newcomer = OrganizationFactory(name=f"Org {uuid.uuid4().hex}")
    Phone.objects.create(organization=newcomer, number=a.phones.get().number)
    page = client.get(DUPLICATES).content.decode()
    assert len(matching_calls) == 2
    assert newcomer.name in page
    assert "4 paires à vérifier" in page  # a-b, a-newcomer, b-newcomer and the other pair

    c = OrganizationFactory(name=f"Org {uuid.uuid4().hex}")
    d = OrganizationFactory(name=f"Org {uuid.uuid4().hex}")
    for organization in (c, d):
        Address.objects.create(
            location=Location.objects.create(organization=organization, name="Siège"),
            address_1=f"rue {organization.name}",
            postal_code="1000",
            city="Bruxelles",
        )
    assert "4 paires à vérifier" in client.get(DUPLICATES).content.decode()
    address = Address.objects.get(location__organization=d)
    address.address_1 = f"rue {c.name}"
    address.save()
    page = client.get(DUPLICATES).content.decode()
    assert "5 paires à vérifier" in page
    assert c.name in page and d.name in page


def test_merge_and_not_a_duplicate_show_at_once_on_the_cached_report(client, coordinator):
    (a, b), (c, d) = _pairs(2)
    client.force_login(coordinator)
    assert "2 paires à vérifier" in client.get(DUPLICATES).content.decode()
    client.post(f"{DUPLICATES}{a.pk}/distinct/{b.pk}/")
    assert "1 paire à vérifier" in client.get(DUPLICATES).content.decode()
    assert client.post(f"{DUPLICATES}{c.pk}/fusionner/{d.pk}/").status_code == 302
    assert "Aucun doublon probable" in client.get(DUPLICATES).content.decode()


def test_only_what_the_matching_reads_of_an_organization_recomputes_the_pairs(
    client, coordinator, matching_calls
):
    (a, b), (c, d) = _pairs(2)
    client.force_login(coordinator)
    client.get(DUPLICATES)
    a.description_fr = "Une nouvelle description"
    a.save()
    b.status = "draft"
    b.save()
    assert "2 paires à vérifier" in client.get(DUPLICATES).content.decode()
    assert len(matching_calls) == 1  # a description or a moderation leaves the pairs as they are

    a.name_fr = a.name = "Maison médicale Renommée"
    a.save()
    assert "Maison médicale Renommée" in client.get(DUPLICATES).content.decode()
    assert len(matching_calls) == 2
    c.status = "archived"
    c.save()
    assert "1 paire à vérifier" in client.get(DUPLICATES).content.decode()
    assert len(matching_calls) == 3
