"""Helpers shared by the directory views (map data, place names); permission checks come from
accounts.permissions."""

from territory.models import Municipality

from ..models import address_may_be_shown
from ..search.text import fold


def resolve_place(text: str):
    """A municipality from a postal code or a (French, Dutch or English) name, else None."""
    text = (text or "").strip()
    if not text:
        return None
    municipalities = list(Municipality.objects.all())
    if text.isdigit():
        return next((m for m in municipalities if text in m.postal_codes), None)
    wanted = fold(text)
    for m in municipalities:
        if wanted in {fold(m.name_fr or ""), fold(m.name_nl or ""), fold(m.name_en or "")}:
            return m
    for m in municipalities:
        if fold(m.name_fr or "").startswith(wanted) or fold(m.name_nl or "").startswith(wanted):
            return m
    return None


def map_points(services) -> list[dict]:
    """Markers for the map: public locations only (a confidential place never gets one)."""
    points = []
    for service in services:
        if hasattr(service, "places"):  # a search result (views.search.page_services)
            points += [
                {
                    "lat": place.latitude,
                    "lon": place.longitude,
                    "name": service.name,
                    "organization": service.organization.name,
                    "url": service.get_absolute_url(),
                }
                for place in service.places
                if not place.confidential and place.latitude is not None
            ]
            continue
        for sal in service.at_locations.all():
            location = sal.location
            if not address_may_be_shown(location.is_confidential) or location.latitude is None:
                continue
            points.append(
                {
                    "lat": location.latitude,
                    "lon": location.longitude,
                    "name": service.name,
                    "organization": service.organization.name,
                    "url": service.get_absolute_url(),
                }
            )
    return points
