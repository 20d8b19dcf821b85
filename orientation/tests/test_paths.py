"""The guided path through links: fixed answers give the expected ranked services and reasons;
back and forward keep answers; bad links get a clear 400; completed paths are counted without a
person; paths that find nothing record an unmet need; opened services are counted."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse
from django.utils.http import urlencode

from orientation.models import PathRecord, UnmetNeed

from .conftest import NO_ROOF_ETTERBEEK

STEP = reverse("orientation:step", args=["housing"])
RESULT = reverse("orientation:result", args=["housing"])


def _answer(client, answers, node, value):
    query = {"v": 1, **answers, node: value, "from": node}
    return client.get(STEP + "?" + urlencode(query))


def _complete(client, answers):
    """Answer every question in path order, like a person clicking Next."""
    given = {}
    response = client.get(STEP)
    order = list(answers)
    for node in order:
        response = _answer(client, given, node, answers[node])
        given[node] = answers[node]
        assert response.status_code == 302, (node, response.content[:300])
    return response


def test_fixed_answers_give_the_expected_ranked_services_and_reasons(client, housing_offer):
    response = _complete(client, NO_ROOF_ETTERBEEK)
    target = response["Location"]
    assert target.startswith(RESULT)
    page = client.get(target)
    html = page.content.decode()
    names = [s.name_fr for s in page.context["found"].services]
    # Dutch spoken, in Etterbeek, accepts people in exile: first; the youth shelter (12-17) and
    # the one serving no municipality of the path are out; the eviction cell is no shelter.
    assert names == ["Maison d'accueil Etterbeek", "Abri de nuit Ixelles"]
    first = page.context["found"].services[0]
    assert "néerlandais parlé" in first.reasons
    assert "à Etterbeek" in first.reasons
    assert any("exil" in r for r in first.reasons)
    assert "pas de prescription ou d'orientation nécessaire" in first.reasons or any(
        "orientation" in r for r in first.reasons
    )
    assert "Ligne pour les professionnel·les" in html or "+32 2 555 10 10" in html
    assert "+32 2 555 10 10" in html
    assert "Appeler la ligne de nuit des partenaires." in html
    assert "00:00–23:59" in html  # hours today
    second = page.context["found"].services[1]
    assert "néerlandais parlé" not in second.reasons


def test_back_and_forward_keep_the_answers(client, housing_offer):
    given = {"situation": "no_roof", "who": "family", "legal": "asylum"}
    response = client.get(STEP + "?" + urlencode({"v": 1, **given, "at": "who"}))
    html = response.content.decode()
    assert 'value="family" checked' in html
    assert response.context["position"] == 2
    # Every other answer rides along in the form, so Next keeps them.
    assert 'name="legal" value="asylum"' in html
    forward = _answer(client, {k: v for k, v in given.items() if k != "who"}, "who", "family")
    assert parse_qs(urlparse(forward["Location"]).query)["at"] == ["legal"]
    assert parse_qs(urlparse(forward["Location"]).query)["legal"] == ["asylum"]
    back = response.context["back"]
    assert "at=situation" in back and "legal=asylum" in back


def test_progress_indicator_counts_the_questions(client, db):
    response = client.get(STEP)
    assert response.context["position"] == 1
    assert response.context["total"] == 7  # situation, who, legal, age, language, where, demand
    assert "Question 1 sur 7 au plus" in response.content.decode()


def test_no_answer_is_refused_with_a_message(client, db):
    response = client.get(STEP + "?v=1&from=situation")
    assert response.status_code == 400
    assert "Veuillez choisir une réponse." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "v=99999999999999999999999",
        "v=abc",
        "v=7",
        "v=-1",
    ],
)
def test_bad_versions_get_a_clear_400(client, db, query):
    response = client.get(STEP + "?" + query)
    assert response.status_code == 400
    assert "version" in response.content.decode()


def test_hostile_answers_are_ignored_or_refused(client, db):
    response = client.get(STEP + "?v=1&situation=<script>&who=" + "x" * 500)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]
    response = client.get(
        STEP + "?v=1&situation=no_roof&who=adult&legal=regular&age=adult&language=xx"
    )
    assert response.status_code == 400  # "xx" is no language: asked again, with a message
    assert response.context["node"].code == "language"


def test_unknown_need_is_404(client, db):
    assert client.get(reverse("orientation:step", args=["astrology"])).status_code == 404


def test_completed_path_is_counted_without_person_or_free_text(client, housing_offer, user):
    client.force_login(user)
    response = _complete(client, NO_ROOF_ETTERBEEK)
    record = PathRecord.objects.get()
    assert record.need == "housing"
    assert record.answers == NO_ROOF_ETTERBEEK
    assert record.municipality.nis_code == "21005" and record.basin.code == "sud-est"
    assert record.result_count == 2
    field_names = {f.name for f in PathRecord._meta.get_fields()}
    assert not field_names & {"user", "created_by", "note", "text", "comment"}
    assert all(isinstance(v, str) and len(v) <= 40 for v in record.answers.values())
    assert not UnmetNeed.objects.exists()
    # Reading the shared link again counts nothing more.
    shared = client.get(response["Location"]).context["share_url"]
    assert "r=" not in shared
    client.get(shared)
    assert PathRecord.objects.count() == 1


def test_path_with_no_fitting_service_records_an_unmet_need(client, housing_offer):
    answers = dict(NO_ROOF_ETTERBEEK, situation="unfit", age="older")
    del answers["who"]
    housing_offer["eviction"].delete()
    response = _complete(client, answers)
    page = client.get(response["Location"])
    assert page.context["found"].count == 0
    assert "Aucun service de l'annuaire" in page.content.decode()
    unmet = UnmetNeed.objects.get()
    assert unmet.need == "housing" and unmet.basin.code == "sud-est"
    assert unmet.answers["situation"] == "unfit"
    assert PathRecord.objects.get().result_count == 0


def test_helpdesk_leaf_is_counted_but_is_no_unmet_need(client, db):
    response = _answer(client, {}, "situation", "other")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "helpdesk" in page.content.decode()
    assert PathRecord.objects.get().result_count == 0
    assert not UnmetNeed.objects.exists()


def test_opened_services_are_counted_through_the_redirect(client, housing_offer):
    response = _complete(client, NO_ROOF_ETTERBEEK)
    page = client.get(response["Location"])
    service = page.context["found"].services[0]
    link = reverse("orientation:open", args=[page.context["token"], service.pk])
    assert link in page.content.decode()
    opened = client.get(link)
    assert opened.status_code == 302 and opened["Location"] == service.get_absolute_url()
    client.get(link)  # twice: counted once
    assert PathRecord.objects.get().opened_services == [str(service.pk)]
    forged = client.get(reverse("orientation:open", args=["forged-token", service.pk]))
    assert forged.status_code == 302
    assert PathRecord.objects.get().opened_services == [str(service.pk)]


def test_next_step_up_or_down_the_stepped_care_scale(client, housing_offer):
    response = _complete(client, NO_ROOF_ETTERBEEK)
    page = client.get(response["Location"])
    steps = {
        direction: (term.code, count) for direction, term, count, url in page.context["step_links"]
    }
    assert steps["down"][0] == "self_help" and steps["up"][0] == "specialised"
    html = page.content.decode()
    assert "Un niveau plus bas" in html and "Un niveau plus haut" in html


def test_the_same_last_answer_sent_twice_is_counted_once(client, housing_offer):
    answers = dict(NO_ROOF_ETTERBEEK)
    last = answers.pop("demand")
    query = {"v": 1, **answers, "demand": last, "from": "demand", "n": "abc123XYZ"}
    first = client.get(STEP + "?" + urlencode(query))
    again = client.get(STEP + "?" + urlencode(query))  # a reload, a double click
    assert PathRecord.objects.count() == 1
    assert first["Location"] == again["Location"]
    other = client.get(STEP + "?" + urlencode({**query, "n": "another1"}))
    assert other.status_code == 302 and PathRecord.objects.count() == 2


def test_non_uuid_service_in_the_click_through_is_404(client, db):
    response = client.get("/fr/orientation/ouvrir/-/not-a-uuid/")
    assert response.status_code == 404
