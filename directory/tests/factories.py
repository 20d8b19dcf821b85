"""Directory test data: one helper that builds a complete, indexed service (organization,
location, address, terms, hours) with a handful of keyword arguments."""

import datetime

from django.utils import timezone

from directory.hours import parse_ranges
from directory.models import (
    Address,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    reference_uuid,
)
from directory.search.indexer import reindex
from maillage.testing.factories import OrganizationFactory
from territory.models import Municipality
from territory.services import basin_for


def term_ids(*codes) -> list:
    """Reference term ids from "taxonomy:code" strings, e.g. "theme:housing"."""
    return [reference_uuid(*code.split(":")) for code in codes]


def make_service(
    *,
    organization: Organization | None = None,
    name_fr="Service test",
    name_nl="",
    description_fr="",
    description_nl="",
    terms=(),
    nis="21005",
    postal_code=None,
    latitude=None,
    longitude=None,
    confidential=False,
    languages=("fr",),
    fee="free",
    hours="",
    assured_days_ago=10,
    street="rue de la Victoire 1",
    phone="",
    **extra,
) -> Service:
    organization = organization or OrganizationFactory()
    municipality = Municipality.objects.get(nis_code=nis)
    postal_code = postal_code or municipality.postal_codes[0]
    location = Location.objects.create(
        organization=organization,
        name_fr=name_fr,
        latitude=municipality.latitude if latitude is None else latitude,
        longitude=municipality.longitude if longitude is None else longitude,
        is_confidential=confidential,
    )
    Address.objects.create(
        location=location,
        address_1=street,
        city=municipality.name_fr,
        postal_code=postal_code,
        municipality=municipality,
        basin=basin_for(municipality, postal_code),
    )
    assured = (
        None
        if assured_days_ago is None
        else timezone.localdate() - datetime.timedelta(days=assured_days_ago)
    )
    service = Service.objects.create(
        organization=organization,
        name=name_fr or name_nl,
        name_fr=name_fr,
        name_nl=name_nl,
        description_fr=description_fr,
        description_nl=description_nl,
        languages=list(languages),
        fee=fee,
        assured_date=assured,
        **extra,
    )
    service.review_due = service.compute_review_due()
    service.save()
    service.terms.set(term_ids(*terms))
    ServiceAtLocation.objects.create(service=service, location=location)
    for day, opens, closes in parse_ranges(hours):
        Schedule.objects.create(service=service, weekday=day, opens_at=opens, closes_at=closes)
    if phone:
        Phone.objects.create(service=service, number=phone)
    reindex([service.pk])
    return service
