"""French, Dutch and English texts with fallback; the directory's service page shows how to
orient someone there and links into the path that leads to it."""

from html import unescape

from django.urls import reverse
from django.utils import translation

from orientation.models import Choice, Node

from .conftest import NO_ROOF_ETTERBEEK


def test_question_in_dutch_and_english(client, db):
    nl = client.get("/nl/orientation/housing/")
    html = nl.content.decode()
    assert "Wat is de woonsituatie?" in html
    assert "Zonder dak vanavond" in html
    assert "Vraag 1 van hoogstens 7" in html
    en = client.get("/en/orientation/housing/").content.decode()
    assert "What is the housing situation?" in en and "No roof tonight" in en


def test_missing_dutch_text_falls_back_to_french(client, db):
    node = Node.objects.get(version__tree__need="housing", version__number=1, code="situation")
    node.text_nl = ""
    node.save()
    Choice.objects.filter(node=node, code="eviction").update(label_nl="")
    html = unescape(client.get("/nl/orientation/housing/").content.decode())
    assert "Quelle est la situation de logement ?" in html
    assert "Menacée d'expulsion" in html
    assert "Zonder dak vanavond" in html  # the other answers stay in Dutch


def test_result_in_dutch_says_why_in_dutch(client, housing_offer):
    query = "&".join(f"{k}={v}" for k, v in NO_ROOF_ETTERBEEK.items())
    page = client.get("/nl/orientation/housing/resultat/?v=1&" + query)
    html = page.content.decode()
    assert "Opvanghuis Etterbeek" in html
    assert "nederlands gesproken" in html
    assert "in Etterbeek" in html
    assert "Lijn voor professionals" in html
    assert "Bel de nachtlijn voor partners." in html


def test_home_lists_every_need(client, db):
    html = client.get(reverse("orientation:home")).content.decode()
    assert reverse("orientation:step", args=["housing"]) in html
    assert reverse("orientation:step", args=["mental_health"]) in html
    assert "Violences" in html  # a need without a path yet, with a way out


def test_service_page_shows_how_to_orient_and_the_path_that_leads_there(client, housing_offer):
    service = housing_offer["shelter_nl"]
    html = client.get(reverse("directory:service", args=[service.pk])).content.decode()
    assert "Comment orienter quelqu" in html
    assert "+32 2 555 10 10" in html
    assert "Pas d'orientation préalable" in unescape(html)
    link = reverse("orientation:step", args=["housing"]) + "?v=1&amp;"
    assert link in html
    start = html.index(link)
    href = html[start : html.index('"', start)].replace("&amp;", "&")
    # The link fills the answers of the branch that ends on shelters, up to the language.
    follow = client.get(href)
    assert follow.status_code == 200
    assert follow.context["node"].code == "language"
    with translation.override("fr"):
        answers = dict(follow.context["hidden"])
    assert answers["situation"] == "no_roof"


def test_service_page_of_a_service_no_path_leads_to(client, housing_offer):
    service = housing_offer["mental"]  # mental health, specialised: the path starts at the root
    html = client.get(reverse("directory:service", args=[service.pk])).content.decode()
    assert "Comment orienter quelqu" in html
    assert reverse("orientation:step", args=["mental_health"]) in html
