"""The Dutch admin (/nl/admin/) shows no French: Django 5.2's Dutch admin catalogue lacks seven
messages (the index's table headers, the login page, the user "add" form), which fell back to the
default language; ``maillage/upstream_messages.py`` gives them a Dutch translation."""

import html
import re

import pytest

from maillage.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

#: What the Dutch admin showed before (Django's French for the messages its Dutch lacks).
FRENCH_SEEN = [
    "Nom du modèle",
    "Lien pour l'ajout",
    "Lien pour modifier ou voir la liste",
    "Après avoir créé un utilisateur",
    "Identifiants de connexion oubliés",
    "Erreur",
]


def _text(response) -> str:
    page = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", response.content.decode())
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _french(text: str) -> list[str]:
    return [words for words in FRENCH_SEEN if words in text]


def test_the_dutch_admin_index_and_user_form_have_no_french_label(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    index = _text(client.get("/nl/admin/"))
    assert "Modelnaam" in index and "Link om toe te voegen" in index
    add_user = _text(client.get("/nl/admin/accounts/user/add/"))
    assert "Nadat u een gebruiker hebt aangemaakt" in add_user
    assert _french(index) == [] and _french(add_user) == []


def test_the_dutch_admin_login_page_has_no_french(client):
    page = client.post("/nl/admin/login/", {"username": "niemand@example.org", "password": "x"})
    text = _text(page)
    assert text.startswith("Fout:")  # the <title> after a refused login
    assert _french(text) == []
