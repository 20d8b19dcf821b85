"""Reindexing many services at once on SQLite: the indexer reads them in chunks, so that no
query holds more terms than SQLite's expression depth allows (a directory-wide change used to
fail with "Expression tree is too large", bench/duplicates.py included)."""

import pytest

from directory.models import Location, PublicationStatus, Service, ServiceAtLocation, ServiceIndex
from directory.search import indexer
from maillage.testing.factories import OrganizationFactory

MANY = 1200  # more than two chunks of 500, and more places than SQLite's 1,000 expression depth


def _tiny_services(count):
    """``count`` published services, each at a place of its own (the prefetch that failed)."""
    organization = OrganizationFactory(status=PublicationStatus.PUBLISHED)
    services = Service.objects.bulk_create(
        [
            Service(
                organization=organization,
                name=f"Permanence {n}",
                name_fr=f"Permanence {n}",
                publication_status=PublicationStatus.PUBLISHED,
            )
            for n in range(count)
        ],
        batch_size=500,
    )
    locations = Location.objects.bulk_create(
        [Location(organization=organization, name=f"Antenne {n}") for n in range(count)],
        batch_size=500,
    )
    ServiceAtLocation.objects.bulk_create(
        [
            ServiceAtLocation(service=s, location=p)
            for s, p in zip(services, locations, strict=True)
        ],
        batch_size=500,
    )
    return [s.pk for s in services]


def _indexed() -> set:
    return set(ServiceIndex.objects.values_list("service_id", flat=True))


@pytest.mark.django_db
def test_reindex_of_more_services_than_a_chunk_indexes_them_all():
    ids = _tiny_services(MANY)
    indexer.reindex(ids)
    assert _indexed() == set(ids)


@pytest.mark.django_db
def test_rebuild_of_more_services_than_a_chunk_indexes_them_all():
    ids = _tiny_services(MANY)
    assert indexer.rebuild() == MANY
    assert _indexed() == set(ids)


@pytest.mark.django_db
def test_every_chunk_is_reindexed_updated_and_removed(monkeypatch):
    """With chunks of 7, 30 services: new rows, updated rows and archived ones in every chunk."""
    monkeypatch.setattr(indexer, "CHUNK_SIZE", 7)
    ids = _tiny_services(30)
    indexer.reindex(ids[:12])
    assert _indexed() == set(ids[:12])
    Service.objects.filter(pk__in=ids[::3]).update(publication_status=PublicationStatus.ARCHIVED)
    Service.objects.filter(pk__in=ids[1::3]).update(name_fr="Accueil renommé")
    indexer.reindex(ids)
    kept = set(ids) - set(ids[::3])
    assert _indexed() == kept
    renamed = ServiceIndex.objects.filter(service_id__in=ids[1::3])
    assert renamed.count() == len(ids[1::3])
    assert all("renomme" in row.name for row in renamed)
