"""Pure helpers of the search: distance, facet counting, sorting (no Django import)."""

import math
from collections import Counter
from collections.abc import Iterable

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def count_tokens(facet_strings: Iterable[str]) -> Counter:
    """How many documents carry each facet token."""
    counter: Counter = Counter()
    for facets in facet_strings:
        counter.update(facets.split())
    return counter


def sort_by_distance(rows: list, origin: tuple[float, float], lat_index: int, lon_index: int):
    """Rows (tuples) sorted by distance from ``origin``; rows without a point come last.
    Returns (rows, distances) with distances in km (None when unknown)."""
    lat0, lon0 = origin
    keyed = []
    for row in rows:
        lat, lon = row[lat_index], row[lon_index]
        distance = None if lat is None or lon is None else haversine_km(lat0, lon0, lat, lon)
        keyed.append((math.inf if distance is None else distance, distance, row))
    keyed.sort(key=lambda item: item[0])
    return [item[2] for item in keyed], [item[1] for item in keyed]
