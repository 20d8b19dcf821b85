"""What the search understands, on a small fixed corpus: thesaurus synonyms, French and Dutch
inflections, Dutch typos, the ranking rules (word above synonym, name above description), the
help of the zero-result page, the thesaurus edited by a coordinator (and refused to a
professional), several municipalities at once, zero-result searches counted without a user."""

import pytest

from directory.models import ThesaurusEntry, ZeroResultSearch
from directory.search.engine import SearchParams, search
from directory.services.searches import save_entry

from .factories import make_service, term_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    return {
        "shelter": make_service(
            name_fr="Maison d'accueil Horizon",
            name_nl="Onthaaltehuis Horizon",
            description_fr="Accueil de nuit.",
            terms=["public:homeless", "service_type:accommodation"],
            nis="21004",
        ),
        "dakloos": make_service(
            name_fr="Antenne de rue",
            name_nl="Straathoek",
            description_nl="Begeleiding van mensen die dakloos zijn.",
            nis="21001",
        ),
        "housing": make_service(
            name_fr="Cellule logement",
            name_nl="Cel huisvesting",
            description_fr="Recherche de logement et garantie locative.",
            terms=["theme:housing"],
            nis="21005",
        ),
        "psy": make_service(
            name_fr="Consultations adultes",
            description_fr="Un psychologue reçoit sur rendez-vous.",
            terms=["theme:mental_health"],
            nis="21009",
        ),
        "psy_named": make_service(
            name_fr="Psychologue de quartier",
            description_fr="Entretiens individuels.",
            nis="21009",
        ),
    }


def ids(result):
    return result.ids


def test_a_synonym_finds_the_tagged_services(corpus):
    result = search(SearchParams(query="SDF"))
    assert corpus["shelter"].pk in ids(result)  # tagged "homeless", no "SDF" in its text
    assert result.understood[0]["terms"]


def test_a_situation_in_plain_words_finds_the_tagged_services(corpus):
    result = search(SearchParams(query="elle n'a plus de toit"))
    assert ids(result)[:1] == [corpus["shelter"].pk] or corpus["shelter"].pk in ids(result)[:3]
    assert result.ignored == []


@pytest.mark.parametrize(
    ("query", "key"),
    [("logements", "housing"), ("psychologues", "psy_named"), ("daklozen", "dakloos")],
)
def test_a_stemmed_plural_finds_the_singular(corpus, query, key):
    assert corpus[key].pk in ids(search(SearchParams(query=query)))


def test_a_dutch_typo_is_corrected(corpus):
    result = search(SearchParams(query="huisvesing"))
    assert ids(result) == [corpus["housing"].pk]
    assert result.fuzzy and result.understood[0]["corrected"] == {"huisvesing": ["huisvesting"]}


def test_the_word_itself_ranks_above_a_thesaurus_match(corpus):
    # "dakloos" is in the text of "Antenne de rue"; the shelter is only tagged "homeless".
    result = search(SearchParams(query="dakloos"))
    assert ids(result)[0] == corpus["dakloos"].pk
    assert corpus["shelter"].pk in ids(result)[1:]


def test_a_name_match_ranks_above_a_description_match(corpus):
    result = search(SearchParams(query="psychologue"))
    assert ids(result)[:2] == [corpus["psy_named"].pk, corpus["psy"].pk]


def test_two_municipalities_at_once(corpus):
    result = search(SearchParams(municipalities=["21009", "21005"]))
    assert set(ids(result)) == {corpus[k].pk for k in ("housing", "psy", "psy_named")}


def test_the_zero_result_page_suggests_terms_and_is_counted_without_a_user(client, corpus):
    page = client.get("/fr/annuaire/", {"q": "sans-abri", "municipality": "21016"})
    content = page.content.decode()
    assert "Aucun service trouvé" in content
    assert "Personnes sans abri" in content  # the thesaurus term, as a link
    assert "Rechercher sans les filtres" in content
    assert '<ol class="results"' not in content and 'id="map"' not in content
    row = ZeroResultSearch.objects.get()
    assert (row.words, row.language, row.count) == ("sans abri", "fr", 1)
    client.get("/fr/annuaire/", {"q": "sans-abri", "municipality": "21016"})
    assert ZeroResultSearch.objects.get().count == 2
    assert not hasattr(row, "user")


def test_an_api_search_without_result_is_counted_like_the_page(client, corpus):
    data = client.get(
        "/api/hsds/services", {"search": "Zwxq trottinette"}, HTTP_ACCEPT_LANGUAGE="nl"
    ).json()
    assert data["total_items"] == 0
    row = ZeroResultSearch.objects.get()
    assert (row.words, row.language, row.count) == ("zwxq trottinette", "nl", 1)
    assert client.get("/api/hsds/services", {"search": "SDF"}).json()["total_items"] >= 1
    assert ZeroResultSearch.objects.count() == 1


def test_words_not_understood_are_said(client, corpus):
    content = client.get("/nl/annuaire/", {"q": "huisvesting xqzw"}).content.decode()
    assert "xqzw" in content and "Cel huisvesting" in content


def test_a_coordinator_edits_the_thesaurus_and_the_next_search_uses_it(client, coordinator, corpus):
    assert search(SearchParams(query="trottoir")).total == 0
    client.force_login(coordinator)
    response = client.post(
        "/fr/annuaire/coordination/thesaurus/nouveau/",
        {
            "words": "Trottoir",
            "language": "fr",
            "terms": [str(t) for t in term_ids("public:homeless")],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert ids(search(SearchParams(query="trottoir"))) == [corpus["shelter"].pk]
    entry = ThesaurusEntry.objects.get(folded="trottoir")
    response = client.post(
        f"/fr/annuaire/coordination/thesaurus/{entry.pk}/",
        {
            "words": "Trottoir",
            "language": "fr",
            "terms": [str(t) for t in term_ids("theme:housing")],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert ids(search(SearchParams(query="trottoir"))) == [corpus["housing"].pk]


def test_a_professional_cannot_edit_the_thesaurus(client, user):
    client.force_login(user)
    assert client.get("/fr/annuaire/coordination/thesaurus/").status_code == 403
    response = client.post(
        "/fr/annuaire/coordination/thesaurus/nouveau/",
        {"words": "trottoir", "language": "fr", "terms": [str(term_ids("theme:housing")[0])]},
    )
    assert response.status_code == 403
    assert not ThesaurusEntry.objects.filter(folded="trottoir").exists()
    assert client.get("/fr/annuaire/coordination/recherches-sans-resultat/").status_code == 403


def test_the_thesaurus_form_refuses_a_duplicate_with_a_message(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        "/fr/annuaire/coordination/thesaurus/nouveau/",
        {"words": "Sdf", "language": "fr", "terms": [str(term_ids("theme:housing")[0])]},
    )
    assert response.status_code == 200
    assert "déjà dans le thésaurus" in response.content.decode()


def test_save_entry_needs_a_term():
    from directory.services.errors import DirectoryError

    with pytest.raises(DirectoryError):
        save_entry(ThesaurusEntry(words="abc", language="fr"), [])


def test_the_api_search_uses_the_same_engine(client, corpus):
    data = client.get("/api/hsds/services", {"search": "SDF"}).json()
    found = [item["id"] for item in data.get("contents", data.get("results", []))]
    assert str(corpus["shelter"].pk) in found
