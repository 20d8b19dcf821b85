"""Property-based test (hypothesis): on a small directory, every search (words, facets, sort,
page) gives exactly what a plain reading of the index rows gives, row by row in plain Python:
the query cut into concepts (thesaurus phrases, then words, as ``understanding`` does), a
concept matching a row whose body has each of its words as a word prefix or as a word sharing a
French or Dutch stem (or a typo correction the engine reports), or whose facets carry one of
its thesaurus terms; rows matching every concept, or, when none does within the
filters, rows matching some; a facet token of each chosen facet; then the nearest first, or
the relevance formula (more concepts, then the score of ``relevance``, then name order); and
counts that match. Runs on SQLite (FTS5) and, with DATABASE_URL, on PostgreSQL (word table)."""

import datetime
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.models import Service, ServiceIndex
from directory.search import memory, relevance, stemming, thesaurus
from directory.search.engine import SearchParams, search
from directory.search.text import fold, token
from directory.search.understanding import concepts

from .factories import make_service

pytestmark = pytest.mark.django_db

SHEETS = [
    ("Cellule logement", "Recherche de logement, expulsion.", "21005", "free", ["fr", "ar"]),
    ("Logement accompagné", "Logements pour familles.", "21016", "paid", ["fr"]),
    ("Santé mentale Ixelles", "Psychologue, psychothérapie.", "21009", "sliding", ["fr", "nl"]),
    ("Centrum geestelijke gezondheid", "Psychotherapie, huisvesting.", "21009", "free", ["nl"]),
    ("Aide alimentaire", "Colis et épicerie sociale; logement d'urgence.", "21001", "free", ["fr"]),
    ("Maison médicale", "Médecine générale, santé.", "21005", "sliding", ["fr", "en"]),
    ("Permanence juridique", "Séjour, asile, logement.", "21004", "free", ["fr", "es"]),
    ("Espace santé logement", "Santé et logement, un seul lieu.", "21016", "free", ["fr", "nl"]),
]
WORDS = ["logement", "loge", "sante", "psy", "cellule", "aide", "gez", "huis", "medic", "xyz"]
PLACES = {"21005": (50.8361, 4.3889), "21016": (50.8000, 4.3500), "21001": (50.8380, 4.3100)}


@pytest.fixture
def directory():
    return [
        make_service(name_fr=name, description_fr=text, nis=nis, fee=fee, languages=langs)
        for name, text, nis, fee, langs in SHEETS
    ]


def expected(params: SearchParams, corrected: dict) -> list:
    """The ordered index rows, read plainly."""
    rows = list(ServiceIndex.objects.order_by("name", "id"))
    services = {s.pk: s for s in Service.objects.select_related("organization")}
    found = concepts(params.query, thesaurus.current())
    n = len(rows)

    def forms(word):
        extra = corrected.get(word, [])
        keys = set(stemming.keys(word)) | {k for w in extra for k in stemming.keys(w)}
        return lambda w: w.startswith(word) or w in extra or bool(keys & set(stemming.keys(w)))

    def facts(row):
        body = row.body.split()
        service = services[row.service_id]
        names = [service.name_fr, service.name_nl, service.name_en, service.alternate_name]
        org = service.organization
        names += [org.name_fr, org.name_nl, org.name_en, org.alternate_name]
        title = fold(" ".join(x for x in names if x)).split()
        facets = set(row.facets.split())
        out = []
        for c in found:
            tests = [forms(w) for w in c.words]
            literal = all(any(t(w) for w in body) for t in tests)
            whole = all(
                any(t(w) for w in body if len(word) > 4 or not w.startswith(word) or w == word)
                or (len(word) <= 4 and any(w == word for w in body))
                for word, t in zip(c.words, tests, strict=True)
            )
            synonym = len(facets & c.synonyms) / len(c.synonyms) if c.synonyms else 0.0
            out.append(
                (
                    literal,
                    whole and literal,
                    synonym,
                    all(any(t(w) for w in title) for t in tests),
                    title,
                )
            )
        return out

    kept_facts = {r.id: facts(r) for r in rows}
    in_filters = [
        r for r in rows if all(set(r.facets.split()) & set(group) for group in params.groups())
    ]
    matches = {
        c.text: sum(bool(f[i][0] or f[i][2]) for f in kept_facts.values())
        for i, c in enumerate(found)
    }
    understood = [i for i, c in enumerate(found) if matches[c.text]]

    def hit(row, every):
        f = kept_facts[row.id]
        got = [bool(f[i][0] or f[i][2]) for i in understood]
        return all(got) if every else any(got)

    if found and not understood:
        kept = []
    elif not found:
        kept = in_filters
    else:
        kept = [r for r in in_filters if hit(r, True)]
        if len(understood) > 1 and not kept:
            kept = [r for r in in_filters if hit(r, False)]
    if params.sort == "distance":
        lat0, lon0 = params.origin
        scale = math.cos(math.radians(lat0)) ** 2
        kept.sort(key=lambda r: (r.latitude - lat0) ** 2 + (r.longitude - lon0) ** 2 * scale)
    elif understood and len(kept) > 1:

        def key(row):
            f = kept_facts[row.id]
            coverage, score = 0, 0.0
            for i in understood:
                literal, whole, synonym, title, _ = f[i]
                if not (literal or synonym):
                    continue
                coverage += 1
                e = relevance.W_TITLE * (title and whole) + relevance.W_BODY * whole
                e += relevance.W_PREFIX * (literal and not whole)
                e += relevance.W_SYNONYM * synonym * (not literal)
                score += relevance.idf(n, matches[found[i].text]) * relevance.saturate(e)
            words = [w for i in understood for w in found[i].words]
            if len(words) >= 2 and " " + " ".join(words) in " " + " ".join(f[-1][4]):
                score += relevance.PHRASE
            service = services[row.service_id]
            age = (datetime.date.today() - service.assured_date).days
            score += relevance.FRESH * max(0.0, 1.0 - max(age, 0) / memory.FRESH_DAYS)
            return (-coverage, -score)

        kept.sort(key=key)  # stable: name order for ties
    return kept


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(st.sampled_from(WORDS), max_size=3),
    municipalities=st.lists(st.sampled_from(["21005", "21009", "21016"]), max_size=2),
    fees=st.lists(st.sampled_from(["free", "paid", "sliding"]), max_size=2),
    languages=st.lists(st.sampled_from(["fr", "nl", "ar"]), max_size=1),
    near=st.sampled_from([None, *PLACES]),
    page=st.integers(1, 3),
)
def test_search_agrees_with_a_plain_reading_of_the_index(
    directory, words, municipalities, fees, languages, near, page
):
    params = SearchParams(
        query=" ".join(words),
        municipalities=municipalities,
        fees=fees,
        languages=languages,
        sort="distance" if near else "relevance",
        origin=PLACES[near] if near else None,
        page=page,
        per_page=2,
    )
    result = search(params)
    corrected = {k: v for c in result.understood for k, v in c["corrected"].items()}
    rows = expected(params, corrected)
    assert result.total == len(rows)
    assert result.ids == [r.service_id for r in rows][(page - 1) * 2 : page * 2]
    free = token("f", "free")
    assert result.counts.get(free, 0) == sum(free in r.facets.split() for r in rows)
