"""Territory use cases: which basin an address belongs to."""

from .models import Basin, Municipality, PostalCodeBasin


def basin_for(municipality: Municipality | None, postal_code: str = "") -> Basin | None:
    """The basin of an address, when the municipality (and postal code) decide it.

    Returns None when they do not (a split municipality with an unknown postal code): the address
    must then carry its basin explicitly.
    """
    if municipality is None:
        return None
    basins = list(municipality.basins.all())
    if len(basins) == 1:
        return basins[0]
    if postal_code:
        row = (
            PostalCodeBasin.objects.filter(municipality=municipality, postal_code=postal_code)
            .select_related("basin")
            .first()
        )
        if row:
            return row.basin
    return None


def municipality_for_postal_code(postal_code: str) -> Municipality | None:
    """The municipality using a postal code (each Brussels postal code has one main one)."""
    for municipality in Municipality.objects.all():
        if postal_code in municipality.postal_codes:
            return municipality
    return None
