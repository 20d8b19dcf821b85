"""Cycle titles, descriptions and group names are content in three languages: the visitor's
language on the pages, the recipient's in the e-mails, French copied in by the migration."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation

from intervisions.models import Cycle, Group


def _in_dutch(cycle):
    cycle.title_nl = "Intervisies van de test"
    cycle.description_nl = "Een cyclus om samen te leren."
    cycle.save()
    cycle.groups.filter(name_fr="Lundi matin").update(name_nl="Maandagochtend")


@pytest.mark.django_db
def test_a_cycle_shows_its_dutch_title_on_dutch_pages(client, cycle):
    _in_dutch(cycle)
    with translation.override("nl"):
        page = client.get(reverse("intervisions:cycle", args=[cycle.pk])).content.decode()
    assert "<h1>Intervisies van de test</h1>" in page
    assert "Een cyclus om samen te leren." in page
    assert "<td>Maandagochtend</td>" in page
    assert "Intervisions de test" not in page
    with translation.override("fr"):
        page = client.get(reverse("intervisions:cycle", args=[cycle.pk])).content.decode()
    assert "<h1>Intervisions de test</h1>" in page
    assert "<td>Lundi matin</td>" in page


@pytest.mark.django_db
def test_a_dutch_page_falls_back_to_the_french_title(client, cycle):
    with translation.override("nl"):
        url = reverse("intervisions:cycle", args=[cycle.pk])
    assert url.startswith("/nl/")
    page = client.get(url).content.decode()
    assert "<h1>Intervisions de test</h1>" in page
    assert "<td>Mardi après-midi</td>" in page


@pytest.mark.django_db
def test_a_cycle_written_in_dutch_only_shows_dutch_on_french_pages(client, coordinator):
    client.force_login(coordinator)
    data = {
        "title_nl": "Intervisies „Door de crisis heen”",
        "season": "2030",
        "start_date": "2030-01-01",
        "end_date": "2030-05-31",
        "session_count": 5,
        "session_minutes": 120,
        "fee_member": 0,
        "fee_non_member": 0,
        "registration_deadline": "2029-12-20",
        "max_per_institution": 2,
        "group_min_size": 5,
        "group_max_size": 15,
        "retention_days": 90,
    }
    with translation.override("fr"):
        response = client.post(reverse("intervisions:cycle_create"), data)
    assert response.status_code == 302
    cycle = Cycle.objects.get(title_nl="Intervisies „Door de crisis heen”")
    assert cycle.title_fr in (None, "")
    with translation.override("fr"):
        page = client.get(reverse("intervisions:cycle", args=[cycle.pk])).content.decode()
    assert "<h1>Intervisies „Door de crisis heen”</h1>" in page


@pytest.mark.django_db
def test_a_cycle_with_no_title_in_any_language_is_refused_and_keeps_the_rest(client, coordinator):
    client.force_login(coordinator)
    with translation.override("nl"):
        response = client.post(
            reverse("intervisions:cycle_create"),
            {"title_fr": "  ", "title_nl": "", "season": "2030-2031", "description_nl": "Uitleg"},
        )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Geef de titel in het Frans of in het Nederlands." in page
    assert "2030-2031" in page and "Uitleg" in page
    assert not Cycle.objects.filter(season="2030-2031").exists()


@pytest.mark.django_db
def test_a_group_with_no_name_is_refused(client, coordinator, cycle):
    client.force_login(coordinator)
    with translation.override("fr"):
        response = client.post(
            reverse("intervisions:group_create", args=[cycle.pk]),
            {"name_fr": "", "name_nl": "", "language": "fr", "weekday": 2},
        )
    assert "Donnez le nom en français ou en néerlandais." in response.content.decode()
    assert cycle.groups.count() == 3


@pytest.mark.django_db
def test_the_registration_mail_of_a_dutch_speaker_is_in_dutch_with_dutch_links(
    cycle, groups, register
):
    _in_dutch(cycle)
    with translation.override("fr"):  # the page the person came from does not matter
        register([groups[2]], language="nl")
    message = mail.outbox[-1]
    assert message.subject == "Uw inschrijving voor Intervisies van de test"
    assert "We hebben uw inschrijving voor Intervisies van de test ontvangen." in message.body
    links = re.findall(r"https?://\S+", message.body)
    assert links
    assert all("/nl/" in link for link in links), links


@pytest.mark.django_db
def test_a_french_speaker_gets_the_french_title_of_the_same_cycle(cycle, groups, register):
    _in_dutch(cycle)
    with translation.override("nl"):
        register([groups[0]], language="fr")
    message = mail.outbox[-1]
    assert "Intervisions de test" in message.subject
    assert "Intervisies" not in message.body
    assert all("/fr/" in link for link in re.findall(r"https?://\S+", message.body))


@pytest.mark.django_db(transaction=True)
def test_the_migration_copies_existing_titles_into_french():
    executor = MigrationExecutor(connection)
    executor.migrate([("intervisions", "0001_initial")])
    old = executor.loader.project_state([("intervisions", "0001_initial")]).apps
    OldCycle = old.get_model("intervisions", "Cycle")
    cycle = OldCycle.objects.create(
        title="Intervisions 2024",
        season="2024",
        description="Une description",
        start_date="2024-10-01",
        end_date="2025-06-30",
        registration_deadline="2024-09-30",
    )
    old.get_model("intervisions", "Group").objects.create(
        cycle=cycle, name="Lundi matin", weekday=0
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    row = Cycle.objects.values("title_fr", "description_fr", "title_nl").get(pk=cycle.pk)
    assert row == {
        "title_fr": "Intervisions 2024",
        "description_fr": "Une description",
        "title_nl": None,
    }
    assert Group.objects.get(cycle_id=cycle.pk).name_fr == "Lundi matin"
