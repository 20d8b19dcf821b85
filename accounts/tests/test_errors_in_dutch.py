"""Sign-up, sign-in and password errors in the page's language: Dutch pages never show the
French fallback of a message missing from the Dutch catalogue (maillage/upstream_messages.py),
and speak to the person with "u", like the rest of the platform."""

import gettext
import html
import pathlib
import re

import allauth
import django
import pytest
from django.utils import translation

from maillage.testing.factories import PASSWORD, UserFactory

SIGNUP = {
    "email": "an.peeters@example.org",
    "first_name": "An",
    "last_name": "Peeters",
    "privacy_consent": "on",
}


def _errors(response) -> list[str]:
    page = html.unescape(response.content.decode())
    lists = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in lists]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password1", "password2", "error"),
    [
        (
            "1234567",
            "1234567",
            "Dit wachtwoord is te kort. Het moet minstens 8 tekens bevatten. "
            "Dit wachtwoord is te algemeen. Dit wachtwoord bevat alleen cijfers.",
        ),
        (
            "een-goed-wachtwoord-7",
            "een-ander-wachtwoord-7",
            "U moet twee keer hetzelfde wachtwoord intypen.",
        ),
        (
            "an.peeters.example",
            "an.peeters.example",
            "Het wachtwoord lijkt te veel op uw e-mailadres.",
        ),
    ],
)
def test_a_dutch_sign_up_page_shows_dutch_password_errors(client, password1, password2, error):
    response = client.post(
        "/nl/compte/signup/", {**SIGNUP, "password1": password1, "password2": password2}
    )
    assert response.status_code == 200
    assert _errors(response) == [error]


@pytest.mark.django_db
def test_a_french_sign_up_page_keeps_django_s_french(client):
    response = client.post(
        "/fr/compte/signup/", {**SIGNUP, "password1": "1234567", "password2": "1234567"}
    )
    assert _errors(response)[0].startswith(
        "Ce mot de passe est trop court. Il doit contenir au minimum 8 caractères."
    )


@pytest.mark.django_db
def test_a_wrong_password_on_the_dutch_sign_in_page_is_said_in_dutch(client):
    user = UserFactory()
    response = client.post("/nl/compte/login/", {"login": user.email, "password": "fout"})
    assert _errors(response) == ["Het e-mailadres of het wachtwoord dat u opgaf, klopt niet."]


@pytest.mark.django_db
def test_changing_a_password_in_dutch_says_what_is_wrong_in_dutch(client):
    client.force_login(UserFactory())
    response = client.post(
        "/nl/compte/password/change/",
        {"oldpassword": "niet-het-juiste", "password1": "kort", "password2": "kort"},
    )
    errors = _errors(response)
    assert errors[0] == "Geef uw huidige wachtwoord op."
    assert errors[1].startswith("Dit wachtwoord is te kort. Het moet minstens 8 tekens bevatten.")
    assert PASSWORD not in response.content.decode()


def _french_catalogue(package_dir: pathlib.Path) -> dict:
    with open(package_dir / "locale/fr/LC_MESSAGES/django.mo", "rb") as mo:
        return gettext.GNUTranslations(mo)._catalog


@pytest.mark.parametrize(
    "package_dir",
    [
        pathlib.Path(django.__file__).parent / "conf",
        pathlib.Path(django.__file__).parent / "contrib/auth",
        pathlib.Path(django.__file__).parent / "contrib/admin",
        pathlib.Path(allauth.__file__).parent,
    ],
    ids=["django", "django.contrib.auth", "django.contrib.admin", "allauth"],
)
def test_no_message_of_django_or_allauth_falls_back_to_french_on_a_dutch_page(package_dir):
    leaks = []
    for key, french in _french_catalogue(package_dir).items():
        msgid = key[0] if isinstance(key, tuple) else key
        if not msgid or "\x04" in msgid or french == msgid:  # header, contexts, same word
            continue
        with translation.override("nl"):
            if isinstance(key, tuple):  # a plural form: ask for the same form in Dutch
                dutch = translation.ngettext(msgid, msgid, 1 if key[1] == 0 else 5)
            else:
                dutch = translation.gettext(msgid)
        if dutch == french:
            leaks.append(msgid)
    assert leaks == []


INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jouwe)\b", re.I)


def _visible_text(response) -> str:
    page = response.content.decode()
    page = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _informal(text: str) -> list[str]:
    return [text[max(0, m.start() - 40) : m.end() + 40] for m in INFORMAL.finditer(text)]


ANONYMOUS_PAGES = [
    "/nl/compte/login/",
    "/nl/compte/signup/",
    "/nl/compte/password/reset/",
    "/nl/compte/password/reset/done/",
    "/nl/compte/password/reset/key/1-bad-key/",
    "/nl/compte/confirm-email/",
]
SIGNED_IN_PAGES = [
    "/nl/compte/password/change/",
    "/nl/compte/email/",
    "/nl/compte/logout/",
    "/nl/compte/reauthenticate/",
    "/nl/compte/2fa/",
    "/nl/compte/2fa/totp/activate/",
]
MFA_PAGES = [
    "/nl/compte/2fa/",
    "/nl/compte/2fa/totp/deactivate/",
    "/nl/compte/2fa/recovery-codes/generate/",
    "/nl/compte/2fa/reauthenticate/",
]


@pytest.mark.django_db
def test_dutch_account_pages_say_u_not_je(client):
    """Sign-in, sign-up, password reset and change, e-mail, sign-out, reauthentication and the
    two-factor pages (authenticator app, recovery codes) in Dutch: allauth's own Dutch says
    "je"; the project's catalogue (maillage/upstream_messages.py) says "u"."""
    seen = {}
    for url in ANONYMOUS_PAGES:
        seen[url] = client.get(url, follow=True)
    client.force_login(UserFactory())
    for url in SIGNED_IN_PAGES:
        seen[url] = client.get(url, follow=True)
    client.logout()
    secured = UserFactory(mfa=True)
    step = client.post("/nl/compte/login/", {"login": secured.email, "password": PASSWORD})
    seen["/nl/compte/2fa/authenticate/"] = client.get(step["Location"])
    client.logout()
    client.force_login(secured)
    for url in MFA_PAGES:
        seen[url + " (TOTP on)"] = client.get(url, follow=True)
    texts = {url: _visible_text(response) for url, response in seen.items()}
    assert {url: r.status_code for url, r in seen.items() if r.status_code != 200} == {}
    assert "Meld u opnieuw aan om uw account te beveiligen." in texts["/nl/compte/reauthenticate/"]
    assert "twee-factor-authenticatie" in texts["/nl/compte/2fa/authenticate/"]
    assert "Weet u zeker dat u zich wilt afmelden?" in texts["/nl/compte/logout/"]
    assert {url: _informal(text) for url, text in texts.items() if _informal(text)} == {}


@pytest.mark.django_db
def test_dutch_account_e_mails_say_u_not_je(client, mailoutbox):
    UserFactory(email="an.peeters@example.org")
    client.post("/nl/compte/password/reset/", {"email": "an.peeters@example.org"})
    client.post("/nl/compte/password/reset/", {"email": "onbekend@example.org"})
    client.post(
        "/nl/compte/signup/",
        {
            **SIGNUP,
            "email": "nieuw@example.org",
            "password1": "een-goed-ww-77",
            "password2": "een-goed-ww-77",
        },
    )
    assert len(mailoutbox) == 3
    bodies = [f"{m.subject}\n{m.body}" for m in mailoutbox]
    assert "U ontvangt deze e-mail omdat u of iemand anders gevraagd heeft" in bodies[0]
    assert [_informal(body) for body in bodies] == [[], [], []]
