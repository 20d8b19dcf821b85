"""The programme: which slots of an edition to show, filtered, with their place, basin and free
seats, grouped by day then basin. Reads only; shared by the pages, the PDF and the map.
"""

from collections import OrderedDict
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from directory.models import Address, TaxonomyTerm

from .models import Edition, Slot
from .services.call import seats_left

LANGUAGES = {"fr": "FR", "nl": "NL", "en": "EN", "de": "DE", "ar": "AR", "es": "ES", "tr": "TR"}


@dataclass
class Row:
    slot: Slot
    service: object
    organization: object
    address: object
    municipality: object
    basin: object
    free: int

    @property
    def basin_name(self) -> str:
        return str(self.basin) if self.basin else _("Outside the basins")


def current_edition():
    published = Edition.objects.published()
    return published.coming().order_by("starts_on").first() or published.first()


def _address(slot):
    addresses = list(slot.location.addresses.all())
    return addresses[0] if addresses else None


def rows(edition: Edition, filters: dict | None = None) -> list[Row]:
    filters = filters or {}
    slots = (
        Slot.objects.in_programme()
        .filter(participation__edition=edition)
        .select_related("participation__service__organization", "location", "resource")
        .prefetch_related(
            Prefetch(
                "location__addresses",
                queryset=Address.objects.select_related("municipality", "basin").prefetch_related(
                    "municipality__basins"
                ),
            )
        )
    )
    if filters.get("day"):
        slots = slots.filter(day=filters["day"])
    for taxonomy in ("theme", "public"):
        if filters.get(taxonomy):
            slots = slots.filter(
                participation__service__terms__taxonomy__code=taxonomy,
                participation__service__terms__code=filters[taxonomy],
            )
    slots = list(slots.distinct())
    free = seats_left(slots)
    result = []
    for slot in slots:
        address = _address(slot)
        municipality = address.municipality if address else None
        basin = address.basin if address and address.basin_id else None
        if basin is None and municipality is not None:
            basins = list(municipality.basins.all())
            basin = basins[0] if basins else None
        if filters.get("municipality") and (
            municipality is None or municipality.nis_code != filters["municipality"]
        ):
            continue
        if filters.get("basin") and (basin is None or basin.code != filters["basin"]):
            continue
        if filters.get("language") and filters["language"] not in (slot.languages or []):
            continue
        service = slot.participation.service
        result.append(
            Row(slot, service, service.organization, address, municipality, basin, free[slot.pk])
        )
    result.sort(key=lambda r: (r.slot.day, r.basin_name, r.slot.start_time, str(r.service)))
    return result


def grouped(rows_: list[Row]):
    """OrderedDict day -> OrderedDict basin name -> rows (the PDF's and the page's order)."""
    days: OrderedDict = OrderedDict()
    for row in rows_:
        days.setdefault(row.slot.day, OrderedDict()).setdefault(row.basin_name, []).append(row)
    return days


def terms(code: str):
    return TaxonomyTerm.objects.filter(taxonomy__code=code).order_by("position", "code")


def map_points(rows_: list[Row]) -> list[dict]:
    points = {}
    for row in rows_:
        location = row.slot.location
        if location.is_confidential or location.latitude is None:
            continue
        points.setdefault(
            location.pk,
            {
                "lat": location.latitude,
                "lon": location.longitude,
                "name": str(row.service),
                "organization": f"{row.organization} · {row.municipality or ''}",
                "url": f"#slot-{row.slot.pk}",
            },
        )
    return list(points.values())
