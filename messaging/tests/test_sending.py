"""Sending: each person gets the wrapper text and links in their language, through the task
queue; a double submission sends once; the text is checked; the copy is kept."""

import uuid

import pytest
from django.core import mail

from messaging import services
from messaging.errors import MessagingError
from messaging.models import Message

pytestmark = pytest.mark.django_db


def _send(
    user, target, audience, subject="Changement de salle", body="Rendez-vous salle B.", token=None
):
    return services.send_message(user, target, audience, subject, body, token or uuid.uuid4().hex)


def _by_address():
    return {m.to[0]: m for m in mail.outbox}


def test_french_and_dutch_registrants_get_their_own_wrapper_and_link(coordinator, event):
    mail.outbox.clear()
    message, created = _send(coordinator, event, "event_registrants")
    assert created and message.recipient_count == 2
    sent = _by_address()
    assert set(sent) == {"anne@example.org", "bram@example.org"}
    fr, nl = sent["anne@example.org"], sent["bram@example.org"]
    assert fr.subject == "[Table d'échanges santé mentale] Changement de salle"
    assert nl.subject == "[Uitwisselingstafel geestelijke gezondheid] Changement de salle"
    assert fr.body.startswith("Bonjour Anne Dupont,")
    assert "Message des organisateurs de « Table d'échanges santé mentale »" in fr.body
    assert f"/fr/agenda/{event.pk}/" in fr.body and "/nl/" not in fr.body
    assert nl.body.startswith("Beste Bram Peeters,")
    assert "Bericht van de organisatoren van ‘Uitwisselingstafel geestelijke gezondheid’" in nl.body
    assert f"/nl/agenda/{event.pk}/" in nl.body and "/fr/" not in nl.body
    for m in (fr, nl):
        assert "Rendez-vous salle B." in m.body
        assert "Claire Coord" in m.body


def test_the_waiting_list_is_written_to_without_the_seated(coordinator, event):
    mail.outbox.clear()
    _send(coordinator, event, "event_waiting")
    assert sorted(_by_address()) == ["chloe@example.org", "dirk@example.org"]


def test_a_group_gets_it_in_each_members_language(coordinator, cycle, group_named):
    monday = group_named("Lundi matin")
    mail.outbox.clear()
    message, _created = _send(coordinator, cycle, f"group:{monday.pk}", body="Séance annulée.")
    sent = _by_address()
    assert set(sent) == {
        "amina@example.org",
        "jan@example.org",
        "sophie@example.org",
        "marc@example.org",
    }
    assert message.languages == {"fr": 2, "nl": 2}
    assert message.group == monday and message.cycle == cycle
    assert sent["amina@example.org"].body.startswith("Bonjour Amina Benali,")
    assert "au groupe Lundi matin" in sent["amina@example.org"].body
    assert sent["jan@example.org"].body.startswith("Beste Jan Claes,")
    assert "aan de groep Lundi matin" in sent["jan@example.org"].body
    assert "/nl/intervisions/groupes/" in sent["marc@example.org"].body


def test_the_facilitators_of_the_cycle(coordinator, cycle):
    mail.outbox.clear()
    message, _created = _send(coordinator, cycle, "cycle_facilitators")
    assert sorted(_by_address()) == ["marc@example.org", "sophie@example.org"]
    assert "à ses animateur·rices" in _by_address()["sophie@example.org"].body
    assert message.audience == "cycle_facilitators" and message.group is None


def test_a_double_submission_sends_once(coordinator, event):
    mail.outbox.clear()
    token = uuid.uuid4().hex
    first, created = _send(coordinator, event, "event_registrants", token=token)
    again, created_again = _send(coordinator, event, "event_registrants", token=token)
    assert created and not created_again
    assert again.pk == first.pk
    assert len(mail.outbox) == 2
    assert Message.objects.count() == 1


def test_someone_elses_token_is_refused(coordinator, event):
    from maillage.testing.factories import CoordinatorFactory

    token = uuid.uuid4().hex
    _send(coordinator, event, "event_registrants", token=token)
    mail.outbox.clear()
    with pytest.raises(MessagingError) as refused:
        _send(CoordinatorFactory(), event, "event_registrants", token=token)
    assert refused.value.code == "bad_token"
    assert mail.outbox == []


@pytest.mark.parametrize("token", ["", "not-a-token", "1" * 64, None])
def test_a_malformed_token_is_refused(coordinator, event, token):
    with pytest.raises(MessagingError) as refused:
        services.send_message(coordinator, event, "event_registrants", "Sujet", "Texte", token)
    assert refused.value.code == "bad_token"


def test_html_is_sent_as_the_plain_text_it_is(coordinator, event):
    mail.outbox.clear()
    _send(
        coordinator,
        event,
        "event_registrants",
        subject="<b>Salle</b> & accès",
        body='<script>alert("x")</script> c\'est "ici" & là',
    )
    m = _by_address()["anne@example.org"]
    assert m.alternatives == []  # no HTML part at all
    assert '<script>alert("x")</script> c\'est "ici" & là' in m.body
    assert "&lt;" not in m.body and "&#x27;" not in m.body and "&amp;" not in m.body
    assert m.subject.endswith("<b>Salle</b> & accès")


@pytest.mark.parametrize(
    ("subject", "body", "code"),
    [
        ("", "Texte", "subject_missing"),
        ("   ", "Texte", "subject_missing"),
        ("Sujet", "  \n ", "body_missing"),
        ("x" * 151, "Texte", "subject_too_long"),
        ("Sujet", "x" * 5001, "body_too_long"),
        ("Ligne\nBcc: victim@example.org", "Texte", "subject_line_break"),
    ],
)
def test_bad_text_is_refused_and_nothing_is_sent(coordinator, event, subject, body, code):
    mail.outbox.clear()
    with pytest.raises(MessagingError) as refused:
        _send(coordinator, event, "event_registrants", subject=subject, body=body)
    assert refused.value.code == code
    assert mail.outbox == [] and not Message.objects.exists()


def test_the_limits_are_inclusive_and_the_error_says_the_length(coordinator, event):
    message, _created = _send(coordinator, event, "event_registrants", "x" * 150, "y" * 5000)
    assert len(message.subject) == 150 and len(message.body) == 5000
    with pytest.raises(MessagingError) as refused:
        _send(coordinator, event, "event_registrants", "Sujet", "y" * 5003)
    assert "5003" in refused.value.message and "5000" in refused.value.message


def test_control_characters_are_removed(coordinator, event):
    message, _created = _send(coordinator, event, "event_registrants", "Su\x00jet", "A\x07B\r\nC")
    assert message.subject == "Sujet" and message.body == "AB\nC"


def test_a_non_coordinator_is_refused_and_nothing_is_sent(user, event, cycle, group_named):
    monday = group_named("Lundi matin")
    mail.outbox.clear()
    for target, audience in ((event, "event_registrants"), (cycle, f"group:{monday.pk}")):
        with pytest.raises(MessagingError) as refused:
            _send(user, target, audience)
        assert refused.value.code == "not_allowed"
    assert mail.outbox == [] and not Message.objects.exists()


def test_a_facilitator_cannot_write_to_the_cycle(facilitators, cycle):
    with pytest.raises(MessagingError):
        _send(facilitators["sophie"], cycle, "cycle_facilitators")


def test_an_event_organizer_may_write_to_its_registrants(organizer, event):
    mail.outbox.clear()
    message, created = _send(organizer, event, "event_registrants")
    assert created and message.sender == organizer and len(mail.outbox) == 2


def test_an_empty_audience_is_refused(coordinator, event):
    event.registrations.all().delete()
    with pytest.raises(MessagingError) as refused:
        services.preview(coordinator, event, "event_waiting", "Sujet", "Texte")
    assert refused.value.code == "no_recipients"


def test_the_preview_counts_and_sends_nothing(coordinator, cycle, group_named):
    monday = group_named("Lundi matin")
    mail.outbox.clear()
    preview = services.preview(coordinator, cycle, f"group:{monday.pk}", " Sujet ", "Texte")
    assert preview.count == 4 and dict(preview.languages) == {"fr": 2, "nl": 2}
    assert preview.subject == "Sujet" and uuid.UUID(preview.token)
    assert mail.outbox == [] and not Message.objects.exists()


def test_the_copy_is_kept_with_sender_audience_and_count(coordinator, event):
    _send(coordinator, event, "event_waiting", body="Une place se libère peut-être.")
    message = Message.objects.get()
    assert message.sender == coordinator
    assert message.event == event and message.cycle is None
    assert message.audience == "event_waiting" and message.recipient_count == 2
    assert message.body == "Une place se libère peut-être."
