"""Directory models: Open Referral HSDS 3.x objects plus the Maillage Brussels profile.

One module per HSDS family: ``organization`` (the spine), ``location`` (location, address).
The directory issue adds services, phones, schedules, taxonomies in sibling modules.
"""

from .location import Address, Location
from .organization import Organization, OrganizationQuerySet, PublicationStatus, Sector

__all__ = [
    "Address",
    "Location",
    "Organization",
    "OrganizationQuerySet",
    "PublicationStatus",
    "Sector",
]
