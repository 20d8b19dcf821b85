"""E-mails: in the recipient's language with links in that language, plain text never escaped
as HTML, an HTML e-mail always with its plain-text part."""

import re
from types import SimpleNamespace

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import translation

from core.links import link
from core.notifications import notify, notify_address, render_email
from events import services as event_services
from events.tests.factories import EventFactory
from maillage.testing.factories import UserFactory

LINK = re.compile(r"https?://\S+")

#: A title with every character HTML escaping would turn into an entity.
HOSTILE = "C'est \"l'intervision\" <Crise> & co"


def _registration(**fields):
    return SimpleNamespace(first_name="Anne", fee=0, **fields)


@pytest.mark.django_db
def test_a_plain_text_email_of_a_title_with_quote_and_angle_bracket_has_no_html_entity():
    notify_address(
        "anne@example.org",
        "fr",
        "intervisions/email/registered",
        {"registration": _registration(), "cycle": HOSTILE, "page_url": "http://x/fr/p/"},
    )
    message = mail.outbox[-1]
    assert message.subject == f"Votre inscription à {HOSTILE}"
    assert f"inscription à {HOSTILE}." in message.body
    for entity in ("&#x27;", "&#39;", "&lt;", "&gt;", "&amp;", "&quot;"):
        assert entity not in message.body and entity not in message.subject


@pytest.mark.django_db
def test_an_account_holder_writing_dutch_gets_a_dutch_email_with_dutch_links_from_a_french_page():
    event = EventFactory(title_nl="Uitwisselingstafel in het Nederlands")
    person = UserFactory(preferred_language="nl")
    with translation.override("fr"):  # the coordinator's or the page's language
        event_services.register(event, user=person, consent=True)
    message = mail.outbox[-1]
    assert message.to == [person.email]
    assert message.subject == "Inschrijving bevestigd: Uitwisselingstafel in het Nederlands"
    assert "Uw inschrijving is bevestigd." in message.body
    links = LINK.findall(message.body)
    assert len(links) == 2, links  # the event page and the cancellation link
    assert all("/nl/" in url for url in links), links


@pytest.mark.django_db
def test_a_link_is_built_in_the_language_active_when_the_email_is_rendered():
    url = link("intervisions:home")
    with translation.override("nl"):
        assert str(url).endswith("/nl/intervisions/")
    with translation.override("fr"):
        assert str(url).endswith("/fr/intervisions/")


def test_an_unknown_language_falls_back_to_french():
    subject, body, html = render_email(
        "intervisions/email/withdrawn", {"registration": _registration(), "cycle": "C"}, "xx"
    )
    assert subject == "Vous vous êtes désinscrit·e de C"
    assert html is None


TEMPLATES_WITH_HTML = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "loaders": [
                (
                    "django.template.loaders.locmem.Loader",
                    {
                        "t/email/x_subject.txt": "{{ title }}",
                        "t/email/x.txt": "{{ title }}\n{{ url }}",
                        "t/email/x.html": "<p>{{ title }}</p><a href='{{ url }}'>{{ url }}</a>",
                    },
                )
            ]
        },
    }
]


@pytest.mark.django_db
@override_settings(TEMPLATES=TEMPLATES_WITH_HTML)
def test_an_html_email_is_sent_with_its_plain_text_part_and_only_the_html_is_escaped():
    person = UserFactory(preferred_language="nl")
    notify([person], "t/email/x", {"title": HOSTILE, "url": link("intervisions:home")})
    message = mail.outbox[-1]
    assert message.subject == HOSTILE
    assert message.body.startswith(HOSTILE)
    assert message.body.strip().endswith("/nl/intervisions/")
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert "&lt;Crise&gt; &amp; co" in html
    assert "/nl/intervisions/" in html
