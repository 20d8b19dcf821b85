"""What a signed-in person sees of their own registration on an event page: the registration
instead of the form, where and who, the options chosen, seats left, the .ics, the two-step
cancellation; a full option cannot be ticked."""

import re
from html import unescape

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from events import services
from events.tests.factories import EventFactory, EventOptionFactory, in_days
from maillage.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def guest(event, n, **extra):
    return services.register(
        event,
        name=f"Personne {n}",
        email=f"p{n}@example.org",
        organization_name="CPAS",
        consent=True,
        **extra,
    )


def test_a_registered_person_sees_the_registration_not_the_form(client, user):
    event = EventFactory(capacity=10)
    lunch = EventOptionFactory(event=event, capacity=5)
    services.register(event, user=user, options=[lunch])
    client.force_login(user)
    page = unescape(client.get(event.get_absolute_url()).content.decode())
    assert "Vous êtes inscrit·e." in page
    assert "Vos options : Je reste pour le lunch" in page
    assert reverse("events:register", args=[event.pk]) not in page  # no registration form
    assert "Inscription en un clic" not in page
    assert "lien de votre e-mail" not in page
    assert reverse("events:cancel", args=[event.pk]) in page


def test_the_register_page_sends_a_registered_person_back_to_the_event(client, user):
    event = EventFactory()
    services.register(event, user=user)
    client.force_login(user)
    response = client.get(reverse("events:register", args=[event.pk]), follow=True)
    assert response.redirect_chain[-1][0] == event.get_absolute_url()
    assert "Vous êtes déjà inscrit·e à cet événement." in unescape(response.content.decode())
    again = client.post(reverse("events:register", args=[event.pk]))
    assert again.status_code == 302
    assert event.registrations.filter(cancelled_at__isnull=True).count() == 1


def test_place_and_organizer_are_always_shown(client):
    online = EventFactory(place="", is_online=True, online_url="https://meet.example.org/abc")
    page = unescape(client.get(online.get_absolute_url()).content.decode())
    assert "En ligne" in page
    assert "le lien est envoyé aux participant·es inscrit·es" in page
    assert "meet.example.org" not in page  # the link is for registrants only
    assert str(online.organizer) in page
    nowhere = EventFactory(place="")
    assert "Lieu à annoncer" in unescape(client.get(nowhere.get_absolute_url()).content.decode())


def test_a_confirmed_participant_sees_the_online_link(client, user):
    online = EventFactory(place="", is_online=True, online_url="https://meet.example.org/abc")
    services.register(online, user=user)
    client.force_login(user)
    assert "https://meet.example.org/abc" in unescape(
        client.get(online.get_absolute_url()).content.decode()
    )


def test_seats_are_shown_as_seats_left_with_plurals(client):
    event = EventFactory(capacity=3)
    guest(event, 1)
    guest(event, 2)
    page = unescape(client.get(event.get_absolute_url()).content.decode())
    assert "1 place restante" in page
    assert "sur 3" not in page
    guest(event, 3)
    assert "Complet" in unescape(client.get(event.get_absolute_url()).content.decode())
    roomy = EventFactory(capacity=5)
    assert "5 places restantes" in unescape(client.get(roomy.get_absolute_url()).content.decode())


def test_a_full_option_cannot_be_ticked_and_is_refused_by_the_server(client, user):
    event = EventFactory(capacity=10)
    lunch = EventOptionFactory(event=event, capacity=1)
    guest(event, 1, options=[lunch])
    client.force_login(user)
    page = unescape(client.get(event.get_absolute_url()).content.decode())
    assert "Je reste pour le lunch (complet)" in page
    checkbox = re.search(rf'<input[^>]*value="{lunch.pk}"[^>]*>', page).group(0)
    assert "disabled" in checkbox
    response = client.post(reverse("events:register", args=[event.pk]), {"options": [lunch.pk]})
    assert response.status_code == 400
    assert "Désolé, il n'y a plus de place pour « Je reste pour le lunch »." in unescape(
        response.content.decode()
    )
    assert not event.registrations.filter(user=user).exists()


def test_add_to_my_calendar_downloads_the_event(client, user):
    event = EventFactory(is_online=True, online_url="https://meet.example.org/xyz")
    anonymous = client.get(reverse("events:ics", args=[event.pk]))
    assert anonymous["Content-Type"].startswith("text/calendar")
    assert f"event-{event.pk}.ics" in anonymous["Content-Disposition"]
    vevent = Calendar.from_ical(anonymous.content).walk("VEVENT")[0]
    assert str(vevent["summary"]) == event.title
    assert "Rue du Progrès 323" in str(vevent["location"])
    assert "meet.example.org" not in unescape(anonymous.content.decode())
    services.register(event, user=user)
    client.force_login(user)
    mine = unescape(client.get(reverse("events:ics", args=[event.pk])).content.decode())
    assert "https://meet.example.org/xyz" in mine.replace("\r\n ", "")
    assert client.get(reverse("events:ics", args=[999_999_999])).status_code == 404


def test_the_event_page_gives_the_personal_feed(client, user):
    event = EventFactory()
    client.force_login(user)
    page = unescape(client.get(event.get_absolute_url()).content.decode())
    assert "/feeds/personal/" in page
    assert reverse("events:ics", args=[event.pk]) in page


def test_cancelling_asks_for_a_confirmation_first(client, user):
    event = EventFactory()
    registration = services.register(event, user=user)
    client.force_login(user)
    url = reverse("events:cancel", args=[event.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Voulez-vous vraiment annuler votre inscription" in unescape(confirm.content.decode())
    registration.refresh_from_db()
    assert registration.cancelled_at is None  # the GET changed nothing
    done = client.post(url, follow=True)
    assert "Votre inscription est annulée." in unescape(done.content.decode())
    registration.refresh_from_db()
    assert registration.cancelled_at is not None
    again = client.get(url, follow=True)
    assert "Vous n'avez pas d'inscription à cet événement." in unescape(again.content.decode())


def test_cancel_confirmation_refused_for_someone_not_registered(client):
    event = EventFactory()
    client.force_login(UserFactory())
    response = client.get(reverse("events:cancel", args=[event.pk]), follow=True)
    assert "Vous n'avez pas d'inscription à cet événement." in unescape(response.content.decode())
    assert client.get(reverse("events:cancel", args=[2**40])).status_code == 404


def test_the_confirmation_email_says_where_and_who_and_the_options():
    event = EventFactory(
        capacity=5, place="", is_online=True, online_url="https://meet.example.org/q"
    )
    lunch = EventOptionFactory(event=event, capacity=5)
    guest(event, 1, options=[lunch])
    body = mail.outbox[-1].body
    assert "Où: En ligne: https://meet.example.org/q" in body
    assert f"Organisateur: {event.organizer}" in body
    assert "Vos options: Je reste pour le lunch" in body


def test_the_old_my_registrations_address_redirects(client, user):
    client.force_login(user)
    response = client.get(reverse("events:my_registrations"))
    assert response.status_code == 302
    assert response["Location"] == reverse("core:my_registrations")


def test_the_month_view_lists_days_with_events_for_phones(client):
    from django.utils import timezone

    event = EventFactory()
    local = timezone.localtime(event.starts_at)
    page = unescape(
        client.get(reverse("events:month", args=[local.year, local.month])).content.decode()
    )
    assert 'class="month-day-long"' in page
    assert "no-events" in page


def test_a_past_event_shows_no_seats_left_and_its_minutes_keep_their_language(client):
    from django.utils import timezone

    from events.models import Report

    past = EventFactory(
        capacity=20, language="fr", starts_at=in_days(-30), ends_at=in_days(-30, hour=12)
    )
    EventOptionFactory(event=past, capacity=10)
    Report.objects.create(event=past, body="<p>Compte rendu.</p>", published_at=timezone.now())
    page = unescape(client.get(f"/nl/agenda/{past.pk}/").content.decode())
    assert "nog 20 plaatsen" not in page
    assert "Je reste pour le lunch" not in page
    assert '<div class="report-body" lang="fr"><p>Compte rendu.</p>' in page
    coming = EventFactory(capacity=20)
    assert "nog 20 plaatsen" in unescape(client.get(f"/nl/agenda/{coming.pk}/").content.decode())
