"""In-process snapshot of the search index for facets, "open now", sorting and distances.

The database answers the text part of a search (FTS5 or tsvector) with index row ids; everything
else works on this snapshot: one Python integer used as a bitmap per facet token, and per-row
arrays (service id, folded name, point). Counting a facet is then one AND and one popcount.

Several processes: each keeps its own snapshot and reloads it when the shared version number
(Django cache, bumped by ``indexer`` after every write, immediately and on commit) changes.
Never written to by anything but ``load``; never holds personal data.
"""

import threading

from django.core.cache import cache
from django.db import DatabaseError

from ..models import ServiceIndex

VERSION_KEY = "directory:search-index-version"
_lock = threading.Lock()
_snapshot = None


class Snapshot:
    def __init__(self, version, rows):
        self.version = version
        self.size = len(rows)
        self.position = {}
        self.service_ids = []
        self.names = []
        self.latitudes = []
        self.longitudes = []
        bits: dict[str, bytearray] = {}
        nbytes = self.size // 8 + 1
        for index, (row_id, service_id, facets, hours, name, lat, lon) in enumerate(rows):
            self.position[row_id] = index
            self.service_ids.append(service_id)
            self.names.append(" " + name)
            self.latitudes.append(lat)
            self.longitudes.append(lon)
            for token in facets.split() + hours.split():
                array = bits.get(token)
                if array is None:
                    array = bits[token] = bytearray(nbytes)
                array[index >> 3] |= 1 << (index & 7)
        # Points for sorting: far away (1e6 degrees) when unknown, so that they come last.
        self.lat_sort = [1e6 if v is None else v for v in self.latitudes]
        self.lon_sort = [1e6 if v is None else v for v in self.longitudes]
        self.masks = {token: int.from_bytes(array, "little") for token, array in bits.items()}
        # Index row id -> position, as a list (ids are small integers): -1 when absent.
        self.position_of_id = [-1] * (max(self.position, default=0) + 1)
        for row_id, index in self.position.items():
            self.position_of_id[row_id] = index
        self.all = (1 << self.size) - 1
        self.facet_tokens = [t for t in self.masks if not t.startswith("o")]

    def positions_of(self, row_ids) -> list[int]:
        """Sorted positions (name order) of these index rows; rows newer than the snapshot
        are ignored until it reloads."""
        table, size = self.position_of_id, len(self.position_of_id)
        found = [table[r] for r in row_ids if r < size]
        found = [p for p in found if p >= 0]
        found.sort()
        return found

    def mask_of(self, positions) -> int:
        array = bytearray(self.size // 8 + 1)
        for p in positions:
            array[p >> 3] |= 1 << (p & 7)
        return int.from_bytes(array, "little")

    def positions_in(self, mask: int, candidates) -> list[int]:
        """The candidates (positions, order kept) whose bit is set in ``mask``."""
        data = mask.to_bytes(self.size // 8 + 1, "little")
        return [p for p in candidates if data[p >> 3] >> (p & 7) & 1]


def current_version():
    """The shared version, or a value equal to nothing when the cache cannot be read (then
    every search reloads: slow but never stale)."""
    try:
        return cache.get(VERSION_KEY, 0)
    except DatabaseError:  # the database cache table is missing (createcachetable)
        return object()


def bump_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)
    except DatabaseError:
        pass


def snapshot() -> Snapshot:
    global _snapshot
    version = current_version()
    current = _snapshot
    if current is not None and current.version == version:
        return current
    with _lock:
        if _snapshot is not None and _snapshot.version == version:
            return _snapshot
        rows = list(
            ServiceIndex.objects.order_by("name", "id").values_list(
                "id", "service_id", "facets", "hours", "name", "latitude", "longitude"
            )
        )
        _snapshot = Snapshot(version, rows)
        return _snapshot


def reset() -> None:
    """Forget the snapshot (tests: the database was rolled back under it)."""
    global _snapshot
    with _lock:
        _snapshot = None
