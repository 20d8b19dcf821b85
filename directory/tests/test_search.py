"""Search: accents, case and language do not matter; each facet filters and counts; distance
sort; only public services are found. Runs on SQLite and, with DATABASE_URL, on PostgreSQL."""

import datetime

import pytest
from django.utils import timezone

from directory.models import PublicationStatus
from directory.search.engine import SearchParams, search
from directory.search.indexer import rebuild
from directory.search.text import fold, query_tokens

from .factories import make_service, term_ids

pytestmark = pytest.mark.django_db


def names(result):
    from directory.models import Service

    by_id = dict(Service.objects.filter(pk__in=result.ids).values_list("pk", "name"))
    return [by_id[pk] for pk in result.ids]


@pytest.fixture
def network():
    return {
        "ssm": make_service(
            name_fr="Consultations de santé mentale",
            name_nl="Consultaties geestelijke gezondheid",
            description_fr="Psychothérapie pour adultes.",
            terms=[
                "theme:mental_health",
                "public:adults",
                "stepped_care:specialised",
                "service_type:consultation",
                "reform_function:f1",
            ],
            nis="21009",
            languages=["fr", "nl"],
            fee="sliding",
            hours="lundi-dimanche 0:00-23:59",
        ),
        "housing": make_service(
            name_fr="Cellule logement",
            name_nl="Cel huisvesting",
            description_fr="Aide à la recherche d'un logement.",
            terms=[
                "theme:housing",
                "public:homeless",
                "stepped_care:first_line",
                "service_type:support",
            ],
            nis="21005",
            languages=["fr", "ar"],
            fee="free",
        ),
        "housing_far": make_service(
            name_fr="Logement accompagné",
            description_fr="Logements pour familles.",
            terms=["theme:housing", "public:families"],
            nis="21016",
            fee="paid",
        ),
    }


def test_fold_and_tokens():
    assert fold("Santé MENTALE, cœur") == "sante mentale coeur"
    assert query_tokens("la santé et le logement") == ["sante", "logement"]


@pytest.mark.parametrize(
    "query",
    [
        "santé mentale",
        "sante mentale",
        "SANTE MENTALE",
        "Santé",
        "geestelijke gezondheid",
        "GEESTELIJKE",
        "psychotherapie",
    ],
)
def test_accents_case_and_language_do_not_matter(network, query):
    assert names(search(SearchParams(query=query))) == ["Consultations de santé mentale"]


def test_prefix_and_taxonomy_names_are_searched(network):
    # "huisvesting" is the Dutch name of the "housing" term: found for the French-only sheet too.
    assert set(names(search(SearchParams(query="huisvesting")))) == {
        "Cellule logement",
        "Logement accompagné",
    }
    assert len(search(SearchParams(query="logem")).ids) == 2


def test_municipality_name_in_the_box(network):
    assert names(search(SearchParams(query="logement etterbeek"))) == ["Cellule logement"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"terms": {"theme": term_ids("theme:housing")}}, {"housing", "housing_far"}),
        ({"terms": {"public": term_ids("public:homeless")}}, {"housing"}),
        ({"terms": {"service_type": term_ids("service_type:consultation")}}, {"ssm"}),
        ({"terms": {"stepped_care": term_ids("stepped_care:first_line")}}, {"housing"}),
        ({"terms": {"reform_function": term_ids("reform_function:f1")}}, {"ssm"}),
        ({"municipalities": ["21016"]}, {"housing_far"}),
        ({"basins": ["sud-est"]}, {"housing"}),
        ({"basins": ["sud"]}, {"ssm", "housing_far"}),
        ({"languages": ["ar"]}, {"housing"}),
        ({"fees": ["sliding", "paid"]}, {"ssm", "housing_far"}),
        ({"open_now": True}, {"ssm"}),
        (
            {"terms": {"theme": term_ids("theme:housing")}, "fees": ["free"], "query": "logement"},
            {"housing"},
        ),
    ],
)
def test_each_facet_filters(network, params, expected):
    result = search(SearchParams(**params))
    assert set(result.ids) == {network[key].pk for key in expected}


def test_facet_counts(network):
    result = search(SearchParams(query="logement"))
    housing = "t" + term_ids("theme:housing")[0].hex
    assert result.counts[housing] == 2
    assert result.counts["m21005"] == 1
    assert result.counts["ffree"] == 1
    everything = search(SearchParams())
    assert everything.total == 3
    assert everything.open_now_count == 1


def test_closure_means_not_open_now(network):
    from directory.models import Closure

    today = timezone.localdate()
    Closure.objects.create(service=network["ssm"], start_date=today, end_date=today)
    assert search(SearchParams(open_now=True)).ids == []


def test_distance_sort(network):
    from territory.models import Municipality

    uccle = Municipality.objects.get(nis_code="21016")
    result = search(
        SearchParams(query="logement", sort="distance", origin=(uccle.latitude, uccle.longitude))
    )
    assert result.ids == [network["housing_far"].pk, network["housing"].pk]
    assert result.distances[network["housing_far"].pk] < 0.1
    etterbeek = Municipality.objects.get(nis_code="21005")
    result = search(
        SearchParams(
            query="logement", sort="distance", origin=(etterbeek.latitude, etterbeek.longitude)
        )
    )
    assert result.ids[0] == network["housing"].pk


def test_only_public_services_are_found(network, coordinator):
    from directory.services.sheets import set_service_publication

    organization = network["housing"].organization
    organization.status = PublicationStatus.DRAFT
    organization.save()
    rebuild()
    assert network["housing"].pk not in search(SearchParams(query="logement")).ids
    organization.status = PublicationStatus.PUBLISHED
    organization.save()
    rebuild()
    assert network["housing"].pk in search(SearchParams(query="logement")).ids

    set_service_publication(coordinator, network["ssm"], PublicationStatus.ARCHIVED)
    assert search(SearchParams(query="sante")).ids == []


def test_typo_falls_back_on_close_names(network):
    result = search(SearchParams(query="cellule logemnt"))
    assert result.fuzzy
    assert network["housing"].pk in result.ids


def test_search_page(client, network):
    response = client.get("/fr/annuaire/", {"q": "sante mentale"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Consultations de santé mentale" in content
    assert 'aria-live="polite"' in content
    response = client.get("/fr/annuaire/", {"q": "logement", "near": "1180", "sort": "distance"})
    content = response.content.decode()
    assert content.index("Logement accompagné") < content.index("Cellule logement")


def test_search_page_does_not_query_per_row(client, django_assert_max_num_queries, network):
    for i in range(6):
        make_service(name_fr=f"Logement {i}", terms=["theme:housing", "public:adults"])
    with django_assert_max_num_queries(16):
        response = client.get("/fr/annuaire/", {"q": "logement"})
    assert response.content.decode().count('class="card result"') == 8


def test_stale_sheets_are_found(network):
    from directory.models import Service

    service = network["housing_far"]
    service.assured_date = timezone.localdate() - datetime.timedelta(days=400)
    service.review_due = service.compute_review_due()
    service.save()
    assert list(Service.objects.stale()) == [service]


def test_snapshot_follows_the_shared_version(network):
    from directory.search import memory

    first = memory.snapshot()
    assert memory.snapshot() is first  # nothing changed: no reload
    make_service(name_fr="Nouvelle permanence logement", terms=["theme:housing"])
    assert memory.snapshot() is not first  # the indexer bumped the version
    assert search(SearchParams(query="permanence")).total == 1
    snap = memory.snapshot()
    housing = "t" + term_ids("theme:housing")[0].hex
    assert snap.masks[housing].bit_count() == 3


def test_distance_pages_agree_with_the_full_order():
    for i in range(12):
        make_service(name_fr=f"Logement {i}", latitude=50.80 + i * 0.005, longitude=4.35)
    origin = (50.80, 4.35)
    full = search(SearchParams(query="logement", sort="distance", origin=origin, per_page=100))
    assert full.total == 12
    paged = []
    for page in (1, 2, 3):
        result = search(
            SearchParams(query="logement", sort="distance", origin=origin, per_page=2, page=page)
        )
        assert result.total == 12
        paged += result.ids
    assert paged == full.ids[:6]
    assert list(full.distances.values()) == sorted(full.distances.values())


def test_filters_that_exclude_every_match_do_not_trigger_the_typo_fallback(network):
    result = search(SearchParams(query="logement", municipalities=["21001"]))
    assert result.total == 0 and not result.fuzzy


def test_a_service_with_several_matching_words_is_counted_once(network):
    # "Logement accompagné" and "Logements pour familles": two words start with "logement".
    result = search(SearchParams(query="logement"))
    assert result.total == 2
    assert sorted(result.ids) == sorted([network["housing"].pk, network["housing_far"].pk])
    assert result.counts["t" + term_ids("theme:housing")[0].hex] == 2


def test_every_word_must_match_when_some_service_has_them_all(network):
    result = search(SearchParams(query="logement familles"))
    assert result.ids == [network["housing_far"].pk] and not result.partial


def test_without_a_service_having_every_word_some_words_are_enough(network):
    """No sheet has both words: the page shows those having one, and says so."""
    result = search(SearchParams(query="logement psychotherapie"))
    assert result.partial
    assert set(result.ids) == {network[k].pk for k in ("housing", "housing_far", "ssm")}


def test_very_long_words_are_indexed_and_found():
    import hashlib

    # A pasted reference without spaces, longer than a database index entry may be (and not
    # compressible, as a repeated letter would be).
    reference = "dossier" + "".join(hashlib.sha256(bytes([i])).hexdigest() for i in range(100))
    service = make_service(name_fr="Permanence juridique", description_fr=f"Référence {reference}")
    # Another long word, the same for its first 100 characters (more than a stored word keeps).
    sibling = make_service(name_fr="Permanence sociale", description_fr=reference[:100] + "zz")
    assert set(search(SearchParams(query=reference[:40])).ids) == {service.pk, sibling.pk}
    assert search(SearchParams(query=reference)).ids == [service.pk]
    assert search(SearchParams(query=reference[:100] + "z")).ids == [sibling.pk]


def test_snapshot_maps_row_ids_to_bitmaps(network):
    from directory.models import ServiceIndex
    from directory.search import memory

    snap = memory.snapshot()
    rows = dict(ServiceIndex.objects.values_list("service_id", "id"))
    housing = rows[network["housing"].pk]
    # Duplicates count once; ids the snapshot does not know (newer rows) are ignored.
    mask = snap.mask_of_rows([housing, housing, max(rows.values()) + 1000, -1])
    positions = snap.positions(mask).tolist()
    assert [snap.service_ids[p] for p in positions] == [network["housing"].pk]
    everything = snap.positions(snap.all).tolist()
    assert everything == sorted(everything) and len(everything) == 3
    # Positions follow the folded names: cellule logement, consultations, logement accompagne.
    names = [snap.names[p].strip() for p in everything]
    assert names == sorted(names)


@pytest.mark.postgres
def test_migration_fills_the_word_table_like_the_indexer(network):
    """Migration 0006 fills the word table from the index rows: the same words as the indexer
    writes, so a database upgraded in place searches like a new one."""
    import importlib

    from django.db import connection

    migration = importlib.import_module("directory.migrations.0006_postgres_word_table")
    with connection.cursor() as cursor:
        cursor.execute("SELECT word, id FROM directory_serviceword ORDER BY word, id")
        written = cursor.fetchall()
        cursor.execute("TRUNCATE directory_serviceword")
        backfill = [s for s in migration.FORWARD if s.startswith("INSERT")]
        for statement in backfill:
            cursor.execute(statement)
        cursor.execute("SELECT word, id FROM directory_serviceword ORDER BY word, id")
        assert cursor.fetchall() == written
    assert len(written) > 20


def test_result_cards_show_every_public_address_and_the_terms(client, network):
    from directory.models import Address, Location, ServiceAtLocation
    from territory.models import Municipality

    service = network["housing"]
    ixelles = Municipality.objects.get(nis_code="21009")
    second = Location.objects.create(organization=service.organization, name_fr="Antenne")
    Address.objects.create(
        location=second, address_1="rue Malibran 2", postal_code="1050", municipality=ixelles
    )
    hidden = Location.objects.create(organization=service.organization, is_confidential=True)
    Address.objects.create(location=hidden, address_1="rue Cachée 9", postal_code="1050")
    ServiceAtLocation.objects.create(service=service, location=second)
    ServiceAtLocation.objects.create(service=service, location=hidden)
    page = client.get("/fr/annuaire/", {"q": "cellule"}).content.decode()
    assert "rue de la Victoire 1, 1040 Etterbeek" in page
    assert "rue Malibran 2, 1050 Ixelles" in page
    assert "rue Cachée" not in page and "adresse confidentielle" in page
    assert '<span class="badge">Logement</span>' in page
    page = client.get("/nl/annuaire/", {"q": "cellule"}).content.decode()
    assert "rue Malibran 2, 1050 Elsene" in page


@pytest.mark.postgres
def test_a_facet_click_reuses_the_words_until_the_index_changes(network):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def word_queries(params):
        with CaptureQueriesContext(connection) as context:
            result = search(params)
        # The word lists asked (not the vocabulary read when the snapshot loads).
        asked = [q for q in context.captured_queries if "array_agg" in q["sql"]]
        return result, [q for q in asked if "directory_serviceword" in q["sql"]]

    _, asked = word_queries(SearchParams(query="logement"))
    assert len(asked) == 1
    result, asked = word_queries(SearchParams(query="logement", fees=["free"]))
    assert result.ids == [network["housing"].pk] and asked == []
    make_service(name_fr="Logement d'urgence", fee="free")  # the index changes
    result, asked = word_queries(SearchParams(query="logement", fees=["free"]))
    assert result.total == 2 and len(asked) == 1


def test_the_index_version_never_expires(settings):
    """The database cache's incr() sets the default timeout (5 minutes): the version must
    outlive it, and a lost version must not start again at a number an old snapshot carries."""
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    from directory.search import memory

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "test_search_version_cache",
        }
    }
    call_command("createcachetable", verbosity=0)
    memory.bump_version()
    first = cache.get(memory.VERSION_KEY)
    assert first > 10**15  # from the clock, not 1
    memory.bump_version()
    assert cache.get(memory.VERSION_KEY) == first + 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM test_search_version_cache")
        (expires,) = cursor.fetchone()
    assert str(expires).startswith("9999")  # no timeout


def test_an_empty_directory_answers_with_no_result():
    from directory.search import memory

    rebuild()
    memory.reset()
    result = search(SearchParams(query="logement"))
    assert (result.total, result.ids) == (0, [])


def test_a_service_and_organization_names_are_the_title_of_its_index_row():
    from directory.models import ServiceIndex

    service = make_service(name_fr="Antenne Logement Sud")
    rebuild()
    title = ServiceIndex.objects.get(service=service).title
    assert fold("Antenne Logement Sud") in title
    assert fold(service.organization.name_fr) in title
