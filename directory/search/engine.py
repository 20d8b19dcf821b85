"""Answer a directory search: matching ids in order, facet counts, distances, one page.

The same function serves the search page, the map and the HSDS API. It returns ids (and counts);
callers load the page's services with a fixed number of queries.
"""

import math
import uuid
from dataclasses import dataclass, field

import numpy as np
from django.utils import timezone

from ..models import Closure
from . import memory, ranking
from .backends import get_backend
from .indexer import hours_token
from .text import fold, query_tokens, token


@dataclass
class SearchParams:
    query: str = ""
    #: Taxonomy term ids chosen, grouped by taxonomy code (OR inside a taxonomy).
    terms: dict = field(default_factory=dict)
    municipalities: list = field(default_factory=list)  # NIS codes (located in)
    basins: list = field(default_factory=list)  # basin codes (located in)
    served: list = field(default_factory=list)  # NIS codes the service must cover
    languages: list = field(default_factory=list)
    fees: list = field(default_factory=list)
    open_now: bool = False
    #: "relevance", "distance" or "name".
    sort: str = "relevance"
    #: (latitude, longitude) for the distance sort.
    origin: tuple | None = None
    #: Only results within this distance (km) of ``origin`` (the API's ``proximity``).
    max_km: float | None = None
    #: Only these service ids (the API's organization and date filters).
    restrict_to: set | None = None
    page: int = 1
    per_page: int = 20

    def groups(self) -> list[list[str]]:
        groups = [["t" + uuid.UUID(str(t)).hex for t in ids] for ids in self.terms.values() if ids]
        if self.served:
            groups.append(served_tokens(self.served))
        for prefix, values in (
            ("m", self.municipalities),
            ("b", self.basins),
            ("l", self.languages),
            ("f", self.fees),
        ):
            if values:
                groups.append([token(prefix, v) for v in values])
        return groups


def served_tokens(nis_codes) -> list[str]:
    """Tokens of the services covering any of these municipalities: the whole region, one of
    their basins, or the municipality itself."""
    from territory.models import Municipality

    tokens = {"sall"}
    for municipality in Municipality.objects.filter(nis_code__in=nis_codes).prefetch_related(
        "basins"
    ):
        tokens.add(token("s", municipality.nis_code))
        tokens |= {token("sb", b.code) for b in municipality.basins.all()}
    return sorted(tokens)


@dataclass
class SearchResult:
    total: int
    ids: list  # the page's service ids, in order
    distances: dict  # service id -> km (distance sort only)
    counts: dict  # facet token -> count within the results
    open_now_count: int
    page: int
    per_page: int
    fuzzy: bool = False
    all_points: list = field(default_factory=list)  # (id, lat, lon) of every result, for the map

    @property
    def total_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _uuid(value) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def search(params: SearchParams, now=None, with_points: bool = False) -> SearchResult:
    backend = get_backend()
    snap = memory.snapshot()
    tokens = query_tokens(params.query)
    fuzzy = False
    groups = params.groups()
    mask = snap.all
    if tokens:
        mask = _text_mask(backend, snap, tokens, groups)
        # Typos only when the words match nothing at all (not when the filters exclude them).
        if not mask and not (groups and _text_mask(backend, snap, tokens, ())):
            mask = _fuzzy(backend, snap, params.query)
            fuzzy = bool(mask)
    for group in groups:
        group_mask = 0
        for tok in group:
            group_mask |= snap.masks.get(tok, 0)
        mask &= group_mask
    if params.restrict_to is not None:
        mask &= snap.mask_of_services({_uuid(i) for i in params.restrict_to})
    now = now or timezone.now()
    today = timezone.localdate(now)
    closed = Closure.objects.filter(start_date__lte=today, end_date__gte=today).values_list(
        "service_id", flat=True
    )
    open_mask = snap.masks.get(hours_token(now), 0)
    closed = {_uuid(i) for i in closed}
    if closed:
        open_mask &= ~snap.mask_of_services(closed)
    if params.open_now:
        mask &= open_mask
    positions = snap.positions(mask)  # name order
    page = max(1, params.page)
    start = (page - 1) * params.per_page
    need = start + params.per_page
    if params.origin is not None and (params.sort == "distance" or params.max_km is not None):
        lat0, lon0 = params.origin
        scale = math.cos(math.radians(lat0)) ** 2
        # Squared equirectangular distance in degrees: the haversine's order at city scale.
        keys = (snap.lat_sort[positions] - lat0) ** 2 + (
            snap.lon_sort[positions] - lon0
        ) ** 2 * scale
        if params.max_km is not None:
            near = keys <= (params.max_km / 111.195) ** 2
            positions, keys = positions[near], keys[near]
            mask = snap.mask_of(positions)
        if params.sort == "distance":
            positions = positions[np.argsort(keys, kind="stable")]  # ties: name order
    elif tokens and not fuzzy:
        positions = _by_relevance(snap, positions, tokens)
    counts = {tok: (mask & snap.masks[tok]).bit_count() for tok in snap.facet_tokens}
    counts = {tok: n for tok, n in counts.items() if n}
    page_positions = positions[start:need].tolist()
    distances = {}
    if params.origin is not None:
        lat0, lon0 = params.origin
        for p in page_positions:
            if snap.latitudes[p] is not None:
                distances[snap.service_ids[p]] = ranking.haversine_km(
                    lat0, lon0, snap.latitudes[p], snap.longitudes[p]
                )
    points = (
        [(snap.service_ids[p], snap.latitudes[p], snap.longitudes[p]) for p in positions.tolist()]
        if with_points
        else []
    )
    return SearchResult(
        total=len(positions),
        ids=[snap.service_ids[p] for p in page_positions],
        distances=distances,
        counts=counts,
        open_now_count=(mask & open_mask).bit_count(),
        page=page,
        per_page=params.per_page,
        fuzzy=fuzzy and len(positions) > 0,
        all_points=points,
    )


def _text_mask(backend, snap, tokens: list, groups: list) -> int:
    """The bitmap of the rows having every token as a word prefix (SQLite: and a facet token
    of each group). PostgreSQL answers word by word; the snapshot keeps each word's bitmap, so
    that the same words with other facets (a click on a facet) cost no query."""
    if not hasattr(backend, "word_matches"):
        return snap.mask_of_rows(backend.text_match(tokens, groups))
    cached = ((t, snap.word_masks.get(t)) for t in tokens)  # (another thread may clear it)
    known = {t: mask for t, mask in cached if mask is not None}
    missing = [t for t in tokens if t not in known]
    if missing:
        for word, row_ids in zip(missing, backend.word_matches(missing), strict=True):
            known[word] = snap.mask_of_rows(row_ids)
            snap.remember_word(word, known[word])
    mask = snap.all
    for word in tokens:
        mask &= known[word]
    return mask


def _by_relevance(snap, positions: np.ndarray, tokens: list) -> np.ndarray:
    """Positions (given in name order) with the services naming more query words first, then
    in name order."""
    named = np.zeros(snap.size, dtype=np.int8)
    for word in tokens:
        named[snap.positions_naming(word)] += 1  # once per name, even if named twice
    return positions[np.argsort(-named[positions], kind="stable")]


def _fuzzy(backend, snap, query: str) -> int:
    """Typos: the bitmap of names close to the query (pg_trgm on PostgreSQL, rapidfuzz on
    SQLite)."""
    folded = fold(query)
    row_ids = backend.fuzzy_names(folded)
    if row_ids is not None:
        return snap.mask_of_rows(row_ids)
    from rapidfuzz import fuzz, process

    best = process.extract(folded, snap.names, scorer=fuzz.partial_ratio, limit=20, score_cutoff=80)
    return snap.mask_of([index for _, _score, index in best])
