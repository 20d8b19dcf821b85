"""Answer a directory search: matching ids in order, facet counts, distances, one page.

The same function serves the search page, the map and the HSDS API. It returns ids (and counts);
callers load the page's services with a fixed number of queries.
"""

import uuid
from dataclasses import dataclass, field

from django.utils import timezone

from ..models import Closure
from . import ranking
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


def relevance(tokens: list[str]):
    """Sort key: services whose name contains more of the words come first (then by name,
    which the backends already ordered). Cheap on large result sets, the same on both backends."""
    if not tokens:
        return None
    padded = [" " + t for t in tokens]

    def key(row):
        name = " " + (row[4] or "")
        return -sum(1 for t in padded if t in name)

    return key


def search(params: SearchParams, now=None, with_points: bool = False) -> SearchResult:
    backend = get_backend()
    tokens = query_tokens(params.query)
    groups = params.groups()
    rows = backend.match(tokens, groups)
    fuzzy = False
    if not rows and tokens:
        rows = _fuzzy(backend, params.query, groups)
        fuzzy = bool(rows)
    elif tokens:
        rows.sort(key=relevance(tokens))
    if params.restrict_to is not None:
        allowed = {backend.raw_id(_uuid(i)) for i in params.restrict_to}
        rows = [r for r in rows if r[0] in allowed]
    now = now or timezone.now()
    open_ids: set = set()
    if rows:
        today = timezone.localdate(now)
        closed = {
            backend.raw_id(i)
            for i in Closure.objects.filter(start_date__lte=today, end_date__gte=today).values_list(
                "service_id", flat=True
            )
        }
        open_ids = backend.count_with_hours(tokens, groups, hours_token(now)) - closed
    if params.open_now:
        rows = [r for r in rows if r[0] in open_ids]
    distances = {}
    if params.origin is not None and (params.sort == "distance" or params.max_km is not None):
        sorted_rows, km = ranking.sort_by_distance(rows, params.origin, 2, 3)
        if params.max_km is not None:
            kept = [
                (r, d)
                for r, d in zip(sorted_rows, km, strict=True)
                if d is not None and d <= params.max_km
            ]
            sorted_rows, km = [k[0] for k in kept], [k[1] for k in kept]
        distances = {r[0]: d for r, d in zip(sorted_rows, km, strict=True)}
        rows = sorted_rows if params.sort == "distance" else [r for r in rows if r[0] in distances]
    counts = ranking.count_tokens(r[1] for r in rows)
    open_now_count = sum(1 for r in rows if r[0] in open_ids) if open_ids else 0
    page = max(1, params.page)
    start = (page - 1) * params.per_page
    page_rows = rows[start : start + params.per_page]
    points = [(_uuid(r[0]), r[2], r[3]) for r in rows] if with_points else []
    return SearchResult(
        total=len(rows),
        ids=[_uuid(r[0]) for r in page_rows],
        distances={_uuid(r[0]): distances[r[0]] for r in page_rows if r[0] in distances},
        counts=dict(counts),
        open_now_count=open_now_count,
        page=page,
        per_page=params.per_page,
        fuzzy=fuzzy,
        all_points=points,
    )


def _fuzzy(backend, query: str, groups) -> list:
    """Typos: names close to the query (pg_trgm on PostgreSQL, rapidfuzz on SQLite)."""
    folded = fold(query)
    rows = backend.fuzzy_names(folded)
    if not rows and backend.vendor == "sqlite":
        from rapidfuzz import fuzz, process

        from ..models import ServiceIndex

        candidates = list(
            ServiceIndex.objects.values_list(
                "service_id", "facets", "latitude", "longitude", "name"
            )
        )
        best = process.extract(
            folded, [c[4] for c in candidates], scorer=fuzz.partial_ratio, limit=20, score_cutoff=80
        )
        rows = [candidates[index] for _, score, index in best]
    wanted = [set(g) for g in groups]
    return [r for r in rows if all(set(r[1].split()) & g for g in wanted)]
