"""Page chrome: titles with a separator, the branded admin with one Accounts section and every
section and model name in French and Dutch, "Filtrer" on filter buttons."""

import re

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from maillage.testing.factories import CoordinatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return CoordinatorFactory(is_staff=True, is_superuser=True)


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


def test_home_title_has_a_separator(client):
    assert title(client.get("/fr/")) == "Accueil · Maillage"


def test_other_page_titles_have_the_separator_once(client):
    assert title(client.get(reverse("events:agenda"))).endswith(" · Maillage")
    assert title(client.get(reverse("events:agenda"))).count(" · Maillage") == 1


@pytest.mark.parametrize("language, word", [("fr", "Filtrer"), ("nl", "Filteren")])
def test_filter_buttons_say_filter_as_a_verb(client, language, word):
    with translation.override(language):
        url = reverse("events:agenda")
    page = client.get(url).content.decode()
    assert f'<button type="submit">{word}</button>' in page


def app_list(coordinator, language):
    request = RequestFactory().get("/admin/")
    request.user = coordinator
    with translation.override(language):
        return [
            (str(app["name"]), [str(model["name"]) for model in app["models"]])
            for app in admin.site.get_app_list(request)
        ]


UNTRANSLATED = {
    "Audit log",
    "Authenticators",
    "MFA",
    "Task Results",
    "Tasks Database Backend",
    "Background tasks",
    "Second factors (authenticator app, recovery codes)",
    "Profile",
}


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_admin_has_one_accounts_section_and_no_english_name(superuser, language):
    apps = app_list(superuser, language)
    names = {name for name, _ in apps} | {m for _, models in apps for m in models}
    assert names & UNTRANSLATED == set()
    accounts = {"fr": "Comptes", "nl": "Accounts"}[language]
    sections = [name for name, _ in apps]
    assert sections.count(accounts) == 1
    models = dict(apps)[accounts]
    expected = {
        "fr": {"Utilisateurs", "Affiliations", "Adresses e-mail", "Groupes de permissions"},
        "nl": {"Gebruikers", "Lidmaatschappen", "E-mailadressen", "Machtigingsgroepen"},
    }[language]
    assert expected <= set(models)
    assert len(models) == 5  # and the second factors


def test_admin_is_branded_maillage(client, superuser):
    client.force_login(superuser)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Administration de Maillage" in page
    assert "Administration de Django" not in page
    assert page.count(">Comptes<") == 1


def test_admin_accounts_section_page_lists_the_allauth_models_too(client, superuser):
    client.force_login(superuser)
    response = client.get(reverse("admin:app_list", args=["accounts"]))
    page = response.content.decode()
    assert "Adresses e-mail" in page
    assert "Seconds facteurs" in page
