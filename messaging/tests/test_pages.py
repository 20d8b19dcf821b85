"""The pages: compose, preview with the number of recipients, confirm, history; who may open
them; bad ids and bad input are 400/404 or form errors, never 500."""

import re

import pytest
from django.core import mail

from messaging.models import Message

pytestmark = pytest.mark.django_db

HUGE = str(2**64)


def _write_url(event):
    return f"/fr/messages/agenda/{event.pk}/ecrire/"


def _preview(client, url, **data):
    payload = {"step": "preview", "subject": "Changement de salle", "body": "Salle B.", **data}
    return client.post(url, payload)


def _token(response) -> str:
    return re.search(r'name="token" value="([0-9a-f]{32})"', response.content.decode()).group(1)


def _send(client, url, token, **data):
    payload = {
        "step": "send",
        "subject": "Changement de salle",
        "body": "Salle B.",
        "token": token,
        **data,
    }
    return client.post(url, payload)


def test_preview_shows_the_number_of_recipients_then_send_once(client, coordinator, event):
    client.force_login(coordinator)
    url = _write_url(event)
    page = client.get(url)
    assert page.status_code == 200 and "Écrire aux participants" in page.content.decode()
    mail.outbox.clear()
    preview = _preview(client, url, audience="event_waiting")
    text = preview.content.decode()
    assert preview.status_code == 200
    assert (
        "Ce message sera envoyé à 2 personnes : Liste d&#x27;attente de l&#x27;événement." in text
    )
    assert "FR 1, NL 1" in text
    assert "Bonjour Prénom Nom," in text  # the wrapper, in the sender's language
    assert mail.outbox == []  # nothing sent by the preview
    token = _token(preview)
    sent = _send(client, url, token, audience="event_waiting")
    assert sent.status_code == 302 and sent.url == f"/fr/messages/agenda/{event.pk}/"
    assert sorted(m.to[0] for m in mail.outbox) == ["chloe@example.org", "dirk@example.org"]
    # The same form submitted again (back button, double click) sends nothing more.
    again = _send(client, url, token, audience="event_waiting")
    assert again.status_code == 302
    assert len(mail.outbox) == 2 and Message.objects.count() == 1
    history = client.get(again.url).content.decode()
    assert "Ce message était déjà envoyé ; il n&#x27;a pas été renvoyé." in history
    assert "Changement de salle" in history and "2 personnes" in history


def test_the_history_shows_who_when_to_whom_and_the_text_escaped(client, coordinator, event):
    client.force_login(coordinator)
    url = _write_url(event)
    token = _token(_preview(client, url, audience="event_registrants", body="<b>gras</b>\nfin"))
    _send(client, url, token, audience="event_registrants", body="<b>gras</b>\nfin")
    page = client.get(f"/fr/messages/agenda/{event.pk}/").content.decode()
    assert "Claire Coord" in page
    assert "Inscrit·es à l&#x27;événement (places confirmées)" in page
    assert "&lt;b&gt;gras&lt;/b&gt;<br>fin" in page and "<b>gras</b>" not in page


def test_the_event_page_shows_the_panel_to_organizers_only(client, organizer, user, event):
    client.force_login(organizer)
    page = client.get(f"/fr/agenda/{event.pk}/").content.decode()
    assert f'href="/fr/messages/agenda/{event.pk}/ecrire/"' in page
    client.force_login(user)
    page = client.get(f"/fr/agenda/{event.pk}/").content.decode()
    assert "/messages/" not in page and "Messages aux participant·es" not in page
    client.logout()
    assert "/messages/" not in client.get(f"/fr/agenda/{event.pk}/").content.decode()


def test_sent_messages_are_listed_on_the_event_page_for_organizers(client, organizer, event):
    from messaging import services

    services.send_message(organizer, event, "event_registrants", "Objet visible", "Texte", "0" * 32)
    client.force_login(organizer)
    assert "Objet visible" in client.get(f"/fr/agenda/{event.pk}/").content.decode()


def test_the_cycle_and_group_pages_link_to_writing(client, coordinator, cycle, group_named):
    monday = group_named("Lundi matin")
    client.force_login(coordinator)
    manage = client.get(f"/fr/intervisions/gestion/{cycle.pk}/").content.decode()
    assert f'href="/fr/messages/intervisions/{cycle.pk}/ecrire/"' in manage
    group = client.get(f"/fr/intervisions/groupes/{monday.pk}/").content.decode()
    link = f"/fr/messages/intervisions/{cycle.pk}/ecrire/?audience=group:{monday.pk}"
    assert f'href="{link}"' in group
    compose = client.get(link).content.decode()
    assert f'<option value="group:{monday.pk}" selected>' in compose


def test_a_facilitator_sees_no_panel_on_their_group_page(client, facilitators, group_named):
    monday = group_named("Lundi matin")
    client.force_login(facilitators["sophie"])
    page = client.get(f"/fr/intervisions/groupes/{monday.pk}/")
    assert page.status_code == 200 and "/messages/" not in page.content.decode()


def test_a_dutch_page_speaks_dutch(client, coordinator, cycle, group_named):
    monday = group_named("Lundi matin")
    client.force_login(coordinator)
    url = f"/nl/messages/intervisions/{cycle.pk}/ecrire/"
    page = client.post(
        url,
        {
            "step": "preview",
            "audience": f"group:{monday.pk}",
            "subject": "Onderwerp",
            "body": "Tekst",
        },
    ).content.decode()
    assert "Dit bericht wordt naar 4 personen verstuurd" in page
    assert "Beste Voornaam Achternaam," in page
    too_long = client.post(
        url,
        {
            "step": "preview",
            "audience": "cycle_facilitators",
            "subject": "x" * 151,
            "body": "Tekst",
        },
    )
    assert too_long.status_code == 400
    assert "hoogstens 150 tekens" in too_long.content.decode()


@pytest.mark.parametrize(
    ("who", "status"), [("user", 403), ("facilitator", 403), ("anonymous", 302)]
)
def test_who_may_not_write(client, who, status, user, facilitators, event, cycle):
    if who == "user":
        client.force_login(user)
    elif who == "facilitator":
        client.force_login(facilitators["sophie"])
    mail.outbox.clear()
    for url in (
        _write_url(event),
        f"/fr/messages/intervisions/{cycle.pk}/ecrire/",
        f"/fr/messages/agenda/{event.pk}/",
        f"/fr/messages/intervisions/{cycle.pk}/",
    ):
        assert client.get(url).status_code == status
        posted = _send(client, url, "0" * 32, audience="cycle_facilitators")
        assert posted.status_code == status
    assert mail.outbox == [] and not Message.objects.exists()


@pytest.mark.parametrize("pk", ["999999", HUGE])
def test_an_unknown_event_or_cycle_is_a_404(client, coordinator, pk):
    client.force_login(coordinator)
    assert client.get(f"/fr/messages/agenda/{pk}/ecrire/").status_code == 404
    assert client.get(f"/fr/messages/intervisions/{pk}/").status_code == 404


@pytest.mark.parametrize("audience", ["nobody", "group:999999", f"group:{HUGE}", "group:x"])
def test_an_unknown_audience_in_a_link_is_a_400(client, coordinator, cycle, audience):
    client.force_login(coordinator)
    url = f"/fr/messages/intervisions/{cycle.pk}/ecrire/"
    assert client.get(url, {"audience": audience}).status_code == 400


@pytest.mark.parametrize("audience", ["nobody", "group:999999", f"group:{HUGE}", ""])
def test_an_unknown_audience_posted_is_a_form_error_keeping_the_text(
    client, coordinator, cycle, audience
):
    client.force_login(coordinator)
    url = f"/fr/messages/intervisions/{cycle.pk}/ecrire/"
    response = _preview(client, url, audience=audience, body="Mon long texte à garder")
    assert response.status_code == 400
    text = response.content.decode()
    assert 'role="alert"' in text and "Mon long texte à garder" in text
    for forged in (_send(client, url, "0" * 32, audience=audience),):
        assert forged.status_code == 400
    assert not Message.objects.exists()


def test_a_too_long_message_is_refused_with_its_length_and_kept(client, coordinator, event):
    client.force_login(coordinator)
    body = "Bonjour à toutes et tous. " + "x" * 5000
    response = _preview(client, _write_url(event), audience="event_registrants", body=body)
    assert response.status_code == 400
    text = response.content.decode()
    assert "5026" in text and body in text


def test_a_forged_or_missing_token_sends_nothing(client, coordinator, event):
    client.force_login(coordinator)
    mail.outbox.clear()
    for token in ("", "not-a-token", "z" * 32):
        response = _send(client, _write_url(event), token, audience="event_registrants")
        assert response.status_code == 400
        assert "Ce formulaire a expiré" in response.content.decode()
    assert mail.outbox == [] and not Message.objects.exists()


def test_change_the_message_goes_back_with_the_text(client, coordinator, event):
    client.force_login(coordinator)
    response = client.post(
        _write_url(event),
        {"step": "edit", "audience": "event_waiting", "subject": "Mon objet", "body": "Mon texte"},
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert 'value="Mon objet"' in text and "Mon texte</textarea>" in text
    assert '<option value="event_waiting" selected>' in text
