"""Answer a directory search: matching ids in order, facet counts, distances, one page, and
what the query was understood as.

The same function serves the search page, the map and the HSDS API. It returns ids (and counts);
callers load the page's services with a fixed number of queries.

A query is cut into concepts (``understanding``: thesaurus phrases, then single words). A
concept matches a service whose text has each of its words, as a word prefix or as an indexed
word sharing its French or Dutch stem (``stemming``), or that carries a term the thesaurus
says it stands for. A word that finds fewer than ``FEW`` services as typed is also looked for
as the closest indexed or thesaurus words (typos, RapidFuzz over the index's vocabulary). A
concept that matches nothing at all is "not understood" and left out (the page says so).
Services must match every understood concept; when none does (within the filters) and there
are several, services matching some of them are given, those matching more first. Ranking:
``relevance``. Never writes (the page counts zero-result searches through
``directory.services.searches``).
"""

import math
import uuid
from dataclasses import dataclass, field

import numpy as np
from django.utils import timezone

from ..models import Closure
from . import memory, ranking, relevance, stemming, thesaurus
from .backends import get_backend
from .indexer import hours_token
from .text import token
from .understanding import concepts as read_concepts

#: Fewer services than this for a word as typed: typo correction is tried.
FEW = 3
#: At most this many indexed words of the same stem are searched for one query word.
MAX_FORMS = 40
#: Words this short (abbreviations: "ris", "cgg", "mena") are also looked for as whole words:
#: found only as the start of a longer word ("risques"), they weigh less than a synonym.
SHORT = 4


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
    """Tokens of the services covering any of these municipalities (``tokens_serving``)."""
    from territory.models import Municipality

    return tokens_serving(
        {
            municipality.nis_code: [b.code for b in municipality.basins.all()]
            for municipality in Municipality.objects.filter(
                nis_code__in=nis_codes
            ).prefetch_related("basins")
        }
    )


def tokens_serving(basins_of: dict) -> list[str]:
    """Tokens of the services covering any of these municipalities ({NIS code: the codes of
    its basins}): the whole region, one of their basins, or the municipality itself."""
    tokens = {"sall"}
    for nis_code, basin_codes in basins_of.items():
        tokens.add(token("s", nis_code))
        tokens |= {token("sb", code) for code in basin_codes}
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
    #: Some words were corrected (typos).
    fuzzy: bool = False
    all_points: list = field(default_factory=list)  # (id, lat, lon) of every result, for the map
    #: The concepts understood, in query order: {"text", "terms" (term ids the thesaurus
    #: gave), "corrected" ({typed word: [indexed words]}), "matches" (services in the index)}.
    understood: list = field(default_factory=list)
    #: Words or phrases that matched nothing and were left out.
    ignored: list = field(default_factory=list)
    #: No service matched every concept: services matching some of them are shown.
    partial: bool = False
    #: Results of the same words without any filter (to offer widening the search).
    unfiltered_total: int = 0

    @property
    def total_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _uuid(value) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


@dataclass
class _Concept:
    """A concept with its bitmaps over the snapshot (whole index, before filters)."""

    concept: object
    forms: list  # per word: (prefix, exact words)
    literal: int = 0  # every word found in the text
    whole: int = 0  # every word found as a whole word (or a form of the same stem)
    synonym: int = 0  # carries a term the thesaurus gives
    mask: int = 0


def search(params: SearchParams, now=None, with_points: bool = False) -> SearchResult:
    backend = get_backend()
    snap = memory.snapshot()
    groups = params.groups()
    filters = snap.all
    for group in groups:
        group_mask = 0
        for tok in group:
            group_mask |= snap.masks.get(tok, 0)
        filters &= group_mask
    if params.restrict_to is not None:
        filters &= snap.mask_of_services({_uuid(i) for i in params.restrict_to})
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
        filters &= open_mask
    found = _understand(backend, snap, params.query)
    understood = [c for c in found if c.mask]
    partial = False
    mask = snap.all
    if found:
        mask = 0
        if understood:
            mask = snap.all
            for c in understood:
                mask &= c.mask
            if len(understood) > 1 and not mask & filters:
                partial = True
                mask = 0
                for c in understood:
                    mask |= c.mask
    unfiltered = mask.bit_count()
    mask &= filters
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
        elif understood:
            positions = _by_relevance(snap, positions, understood)
    elif understood:
        positions = _by_relevance(snap, positions, understood)
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
        fuzzy=any(c.concept.corrected for c in understood) and len(positions) > 0,
        all_points=points,
        understood=[
            {
                "text": c.concept.text,
                "terms": sorted(uuid.UUID(t[1:]) for t in c.concept.synonyms),
                "corrected": dict(c.concept.corrected),
                "matches": c.mask.bit_count(),
            }
            for c in understood
        ],
        ignored=[c.concept.text for c in found if not c.mask],
        partial=partial,
        unfiltered_total=unfiltered,
    )


def _forms(snap, word: str, extra=()) -> tuple:
    """A query word's forms: itself as a prefix, plus the indexed words sharing a stem."""
    exact = set(extra)
    for key in stemming.keys(word):
        exact.update(snap.stem_groups.get(key, ()))
    exact = sorted(w for w in exact if not w.startswith(word))[:MAX_FORMS]
    return (word, tuple(exact))


def _form_masks(backend, snap, entries: list) -> list:
    """The bitmap of each entry (forms that must all be there); the snapshot keeps them (a
    facet click asks nothing)."""
    keys = ["&".join(f"{f[0] or ''}|{' '.join(f[1])}" for f in forms) for forms in entries]
    known = {k: snap.word_masks.get(k) for k in keys}  # (another thread may clear it)
    missing = [(k, f) for k, f in zip(keys, entries, strict=True) if known[k] is None]
    if missing:
        unique = dict(missing)
        answers = backend.all_forms_matches(list(unique.values()))
        for key, row_ids in zip(unique, answers, strict=True):
            known[key] = snap.mask_of_rows(row_ids)
            snap.remember_word(key, known[key])
    return [known[k] for k in keys]


def _understand(backend, snap, query: str) -> list:
    if not (query or "").strip():
        return []
    thes = thesaurus.current()
    found = [_Concept(c, [_forms(snap, w) for w in c.words]) for c in read_concepts(query, thes)]
    # One entry per concept (its words intersected by the database: fewer ids to read), and
    # one for a concept having short words, each looked for as a whole word.
    asked, whole_of = [], {}
    for c in found:
        if not c.forms:
            continue
        asked.append(tuple(c.forms))
        if any(len(f[0]) <= SHORT for f in c.forms):
            whole_of[id(c)] = len(asked)
            asked.append(tuple((None, (f[0], *f[1])) if len(f[0]) <= SHORT else f for f in c.forms))
    masks = _form_masks(backend, snap, asked)
    index = 0
    for c in found:
        c.literal = c.whole = snap.all
        if c.forms:
            c.literal = c.whole = masks[index]
            index += 1
            if id(c) in whole_of:
                c.whole = masks[index]
                index += 1
        c.synonym = _synonym_mask(snap, c.concept.synonyms)
        c.mask = c.literal | c.synonym
    for c in found:
        if c.mask.bit_count() < FEW and not c.concept.phrase:
            _correct(backend, snap, thes, c)
    return found


def _synonym_mask(snap, tokens) -> int:
    mask = 0
    for tok in tokens:
        mask |= snap.masks.get(tok, 0)
    return mask


def _correct(backend, snap, thes, c: _Concept) -> None:
    """Typos: the closest indexed or thesaurus words replace a word that finds little."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    thesaurus_words = thes.words()
    forms, synonyms, corrected = [], set(c.concept.synonyms), {}
    for word, form in zip(c.concept.words, c.forms, strict=True):
        if len(word) < 4 or word in snap.vocabulary or word in thesaurus_words:
            forms.append(form)
            continue
        limit = 1 if len(word) < 8 else 2
        choices = snap.sorted_vocabulary + sorted(thesaurus_words - snap.vocabulary)
        best = process.extract(
            word, choices, scorer=Levenshtein.distance, score_cutoff=limit, limit=8
        )
        if not best:
            forms.append(form)
            continue
        nearest = min(score for _, score, _ in best)
        words = sorted(w for w, score, _ in best if score == nearest)
        corrected[word] = words
        for w in words:
            synonyms |= thes.word(w)
        indexed = [w for w in words if w in snap.vocabulary]
        forms.append(_forms(snap, word, [x for w in indexed for x in (w, *_forms(snap, w)[1])]))
    if not corrected:
        return
    c.forms = forms
    c.concept.corrected = corrected
    c.concept.synonyms = frozenset(synonyms)
    c.literal = _form_masks(backend, snap, [tuple(forms)])[0] if forms else snap.all
    c.whole = c.literal
    c.synonym = _synonym_mask(snap, c.concept.synonyms)
    c.mask = c.literal | c.synonym


def _by_relevance(snap, positions: np.ndarray, understood: list) -> np.ndarray:
    """Positions (given in name order) in relevance order (see ``relevance``)."""
    if len(positions) < 2:
        return positions
    coverage = np.zeros(len(positions), dtype=np.int64)
    score = np.zeros(len(positions), dtype=np.float64)
    all_titled = np.ones(len(positions), dtype=bool)
    for c in understood:
        matched = snap.flags(c.mask)[positions]
        coverage += matched
        title = np.ones(len(positions), dtype=bool)
        terms_mask = snap.all
        for prefix, exact in c.forms:
            named = np.zeros(snap.size, dtype=bool)
            named[snap.positions_naming(prefix, exact)] = True
            title &= named[positions]
            words = {prefix, *exact}
            terms_mask &= _synonym_mask(
                snap,
                [
                    tok
                    for tok, names in snap.term_words.items()
                    if any(w.startswith(prefix) or w in words for w in names)
                ],
            )
        all_titled &= title
        body = snap.flags(c.literal)[positions]
        whole = snap.flags(c.whole)[positions]
        # The share of the concept's thesaurus terms a service carries ("SDF": homeless
        # people and housing; a shelter carrying both comes before one carrying either).
        synonym = np.zeros(len(positions), dtype=np.float64)
        for tok in c.concept.synonyms:
            synonym += snap.flags(snap.masks.get(tok, 0))[positions]
        if c.concept.synonyms:
            synonym /= len(c.concept.synonyms)
        terms = snap.flags(terms_mask)[positions] if c.forms else np.zeros(len(positions), bool)
        evidence = relevance.evidence(title & whole, terms & whole, whole, body & ~whole, synonym)
        weight = relevance.idf(snap.size, c.mask.bit_count())
        score += np.where(matched, weight * relevance.saturate(evidence), 0.0)
    words = [w for c in understood for w in c.concept.words]
    phrase = " ".join(words)
    # The query is a term's whole name ("gezondheid", "sante mentale"): its services first.
    named = [t for t, text in snap.term_texts.items() if phrase in text.strip().split(" | ")]
    exact = snap.flags(_synonym_mask(snap, named))[positions]
    if len(words) >= 2:
        # Only a title having every word can have them together: few rows to read.
        in_title = np.zeros(len(positions), dtype=bool)
        for i in np.flatnonzero(all_titled).tolist():
            in_title[i] = " " + phrase in snap.titles[positions[i]]
        term_tokens = [t for t, text in snap.term_texts.items() if " " + phrase in text]
        in_terms = snap.flags(_synonym_mask(snap, term_tokens))[positions]
        exact |= in_title | in_terms
    score += relevance.PHRASE * exact
    score += relevance.FRESH * snap.freshness[positions]
    return relevance.order(positions, coverage, score)
