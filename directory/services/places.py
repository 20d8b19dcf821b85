"""Places of an organization: a member adds or edits a location and its address (municipality
and basin derived from the postal code), and the services delivered there are re-indexed."""

from django.db import transaction

from territory.services import basin_for, municipality_for_postal_code

from ..models import Address, Location, Organization
from ..search.indexer import reindex
from .changes import record_changes
from .errors import DirectoryError
from .organizations import can_edit_organization

LOCATION_FIELDS = [
    "name_fr",
    "name_nl",
    "transportation_fr",
    "transportation_nl",
    "latitude",
    "longitude",
    "is_confidential",
]
ADDRESS_FIELDS = ["address_1", "address_2", "postal_code", "city"]


@transaction.atomic
def save_location(user, organization: Organization, data: dict, location=None) -> Location:
    """Create or update a place and its (single) address; returns the location."""
    if not can_edit_organization(user, organization):
        raise DirectoryError("not_allowed")
    if location is not None and location.organization_id != organization.pk:
        raise DirectoryError("not_allowed")
    created = location is None
    location = location or Location(organization=organization)
    address = location.addresses.first() if not created else None
    before = {f: getattr(location, f) for f in LOCATION_FIELDS}
    before |= {f: getattr(address, f, "") for f in ADDRESS_FIELDS}
    for field in LOCATION_FIELDS:
        if field in data:
            setattr(location, field, data[field])
    location.name = location.name_fr or location.name_nl or ""
    location.save()
    municipality = municipality_for_postal_code(data["postal_code"])
    address = address or Address(location=location)
    for field in ADDRESS_FIELDS:
        setattr(address, field, data.get(field, "") or "")
    address.city = address.city or (municipality.name_fr if municipality else "")
    address.municipality = municipality
    address.basin = basin_for(municipality, address.postal_code)
    address.save()
    after = {f: getattr(location, f) for f in LOCATION_FIELDS}
    after |= {f: getattr(address, f) for f in ADDRESS_FIELDS}
    record_changes(
        user,
        "location",
        location.pk,
        {} if created else before,
        after,
        action="create" if created else None,
    )
    reindex(location.at_services.values_list("service_id", flat=True))
    return location
