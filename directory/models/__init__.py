"""Directory models: Open Referral HSDS 3.x objects plus the Maillage Brussels profile.

One module per HSDS family: ``organization`` (the spine), ``location`` (location, address),
``taxonomy`` (taxonomy, taxonomy_term), ``service`` (service and what hangs from it) and
``records`` (change log / HSDS metadata, error reports, search index) and ``thesaurus``
(the search's synonyms).
"""

from .location import Address, Location, address_may_be_shown
from .organization import Organization, OrganizationQuerySet, PublicationStatus, Sector
from .records import ChangeRecord, ErrorReport, NotDuplicate, ServiceIndex, ZeroResultSearch
from .service import (
    LANGUAGE_CHOICES,
    LANGUAGE_NAMES,
    Accessibility,
    AccessMode,
    Closure,
    Contact,
    CostOption,
    Fee,
    Phone,
    Schedule,
    Service,
    ServiceAreaScope,
    ServiceAtLocation,
)
from .taxonomy import Taxonomy, TaxonomyTerm, reference_uuid
from .thesaurus import ThesaurusEntry

__all__ = [
    "address_may_be_shown",
    "LANGUAGE_CHOICES",
    "LANGUAGE_NAMES",
    "AccessMode",
    "Accessibility",
    "Address",
    "ChangeRecord",
    "Closure",
    "Contact",
    "CostOption",
    "ErrorReport",
    "Fee",
    "Location",
    "NotDuplicate",
    "Organization",
    "OrganizationQuerySet",
    "Phone",
    "PublicationStatus",
    "Schedule",
    "Sector",
    "Service",
    "ServiceAreaScope",
    "ServiceAtLocation",
    "ServiceIndex",
    "Taxonomy",
    "TaxonomyTerm",
    "ThesaurusEntry",
    "ZeroResultSearch",
    "reference_uuid",
]
