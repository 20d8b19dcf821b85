"""Coordinators edit trees: only they may; an edit makes a draft and a new version; publishing
refuses dead ends and loops with a clear message; links already shared keep working."""

from html import unescape

import pytest
from django.urls import reverse

from orientation.models import Tree, TreeVersion
from orientation.services import trees

TREE = reverse("orientation:tree_edit", args=["housing"])
ACTION = reverse("orientation:version_action", args=["housing"])
PAGES = [
    reverse("orientation:trees"),
    reverse("orientation:gaps"),
    TREE,
    reverse("orientation:node_new", args=["housing"]),
    reverse("orientation:node_edit", args=["housing", "situation"]),
]


@pytest.mark.parametrize("url", PAGES)
def test_only_coordinators_open_the_editor(client, user, url):
    response = client.get(url)
    assert response.status_code == 302 and "/compte/" in response["Location"]
    client.force_login(user)
    assert client.get(url).status_code == 403


def test_only_coordinators_change_a_tree(client, user):
    client.force_login(user)
    assert client.post(ACTION, {"action": "draft"}).status_code == 403
    assert not TreeVersion.objects.drafts().exists()


def test_coordinator_pages_open(client, coordinator):
    client.force_login(coordinator)
    for url in PAGES[:3]:
        assert client.get(url).status_code == 200, url


def _node_post(**overrides):
    data = {
        "code": "situation",
        "kind": "question",
        "text_fr": "Quelle est la situation du logement ?",
        "text_nl": "Hoe is de woonsituatie?",
        "text_en": "",
        "help_fr": "",
        "help_nl": "",
        "help_en": "",
        "next": "",
        "level": "",
        "require": "",
        "prefer": "",
        "choices-TOTAL_FORMS": "2",
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "30",
        "choices-0-code": "no_roof",
        "choices-0-label_fr": "Sans toit ce soir",
        "choices-0-label_nl": "Zonder dak vanavond",
        "choices-0-next": "legal",
        "choices-0-level": "first_line",
        "choices-0-require": "service_type:accommodation",
        "choices-0-prefer": "public:homeless",
        "choices-1-code": "other",
        "choices-1-label_fr": "Autre chose",
        "choices-1-next": "helpdesk",
    }
    data.update(overrides)
    return data


def test_editing_makes_a_new_version_and_old_links_keep_working(client, coordinator):
    client.force_login(coordinator)
    old_link = reverse("orientation:step", args=["housing"]) + "?v=1&situation=no_roof"
    before = client.get(old_link)
    assert before.context["node"].code == "who"
    client.post(ACTION, {"action": "draft"})
    draft = TreeVersion.objects.drafts().get()
    assert draft.number == 2
    url = reverse("orientation:node_edit", args=["housing", "situation"])
    response = client.post(url, _node_post())
    assert response.status_code == 302
    # "who" and the minors' end are now reached by no answer: refused until deleted.
    client.post(ACTION, {"action": "publish"})
    assert Tree.objects.get(need="housing").published.number == 1
    assert "Aucun parcours ne mène à « who »" in client.get(TREE).content.decode()
    for code in ("who", "helpdesk_minor"):
        client.post(reverse("orientation:node_delete", args=["housing", code]))
    client.post(ACTION, {"action": "publish"})
    tree = Tree.objects.get(need="housing")
    assert tree.published.number == 2
    assert TreeVersion.objects.get(tree=tree, number=1).status == "retired"
    # The new version skips "who"; the link shared before still asks it, with version 1.
    client.logout()
    new = client.get(reverse("orientation:step", args=["housing"]) + "?v=2&situation=no_roof")
    assert new.context["node"].code == "legal"
    after = client.get(old_link)
    assert after.status_code == 200 and after.context["node"].code == "who"
    assert after.context["version"].number == 1
    # New paths start on version 2; a draft number is no link for the public.
    assert client.get(reverse("orientation:step", args=["housing"])).context["version"].number == 2


def test_a_dead_end_is_refused_with_a_clear_message(client, coordinator):
    client.force_login(coordinator)
    client.post(ACTION, {"action": "draft"})
    url = reverse("orientation:node_edit", args=["housing", "situation"])
    client.post(url, _node_post(**{"choices-1-next": ""}))
    page = client.get(TREE).content.decode()
    assert "Impasse : la réponse « other » de « situation » ne mène nulle part." in page
    response = client.post(ACTION, {"action": "publish"}, follow=True)
    assert "Cette version ne peut pas être publiée" in response.content.decode()
    assert Tree.objects.get(need="housing").published.number == 1


def test_a_loop_is_refused_with_a_clear_message(coordinator):
    tree = Tree.objects.get(need="housing")
    draft = trees.start_draft(coordinator, tree)
    demand = draft.nodes.get(code="demand")
    choices = [
        {"code": c.code, "label": c.label, "label_fr": c.label_fr, "next": c.next}
        for c in demand.choices.all()
    ]
    choices[0]["next"] = "legal"  # back to a question already asked
    trees.save_node(draft, demand, {"code": "demand", "kind": "question"}, choices)
    messages = trees.problems(draft)
    assert any(m.startswith("Boucle : depuis") and "« legal »" in m for m in messages), messages
    with pytest.raises(trees.OrientationError) as error:
        trees.publish(coordinator, draft)
    assert "Boucle" in error.value.message
    assert Tree.objects.get(need="housing").published.number == 1


def test_editor_refuses_unknown_terms_and_taken_codes(client, coordinator):
    client.force_login(coordinator)
    client.post(ACTION, {"action": "draft"})
    url = reverse("orientation:node_edit", args=["housing", "situation"])
    response = client.post(url, _node_post(**{"choices-0-require": "service_type:spaceship"}))
    assert response.status_code == 400
    assert "« service_type:spaceship » n'est pas un terme" in unescape(response.content.decode())
    response = client.post(url, _node_post(code="legal"))
    assert response.status_code == 400
    assert "a déjà le code « legal »" in unescape(response.content.decode())


def test_published_versions_cannot_be_edited(coordinator):
    version = Tree.objects.get(need="housing").published
    with pytest.raises(trees.OrientationError):
        trees.save_node(version, None, {"code": "new", "kind": "helpdesk"}, [])


def test_a_draft_is_previewed_by_coordinators_only(client, coordinator, user):
    trees.start_draft(coordinator, Tree.objects.get(need="housing"))
    url = reverse("orientation:step", args=["housing"]) + "?v=2"
    client.force_login(user)
    assert client.get(url).status_code == 400
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 200 and response.context["preview"]


def test_gaps_page_lists_branches_that_find_nothing(client, coordinator):
    client.force_login(coordinator)
    html = client.get(reverse("orientation:gaps")).content.decode()
    # No service at all in this database: every search branch leads nowhere.
    assert "Branches sans service dans certains bassins" in html
    assert "Sans toit ce soir" in html
    assert "0 %" in html
