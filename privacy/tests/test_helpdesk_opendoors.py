"""The helpdesk and the open doors week in "My data", account erasure and the read audit: a
person's requests and visits are downloaded, erasure leaves no name or e-mail in those tables
(the counts stay, the waiting list moves), and coordinators' and hosts' lists are logged."""

import datetime as dt
import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from helpdesk.models import HelpRequest
from helpdesk.tests.factories import make_request
from maillage.testing.factories import UserFactory
from opendoors.models import Evaluation, Visit, Wish
from opendoors.services import visits
from opendoors.tests import factories as f
from privacy.models import ReadLog

PASSWORD = "un-mot-de-passe-solide-42"


@pytest.fixture
def visitor(person):
    person.set_password(PASSWORD)
    person.save()
    return person


@pytest.fixture
def edition(db):
    return f.edition()


@pytest.fixture
def helped(visitor, edition):
    """Nadia with a helpdesk request, an upcoming full visit (Omar waits behind her), a past
    visit with an evaluation, and a wish."""
    make_request(
        visitor,
        situation="Nadia cherche un logement d'urgence",
        answer_when="Nadia, le matin au 0470 12 34 56",
        need="housing",
    )
    slot = f.slot(f.host_service(edition), capacity=1)
    visits.book_visit(slot, visitor)
    omar = UserFactory(email="omar@example.org")
    waiting = visits.book_visit(slot, omar)
    assert not waiting.booking.is_confirmed
    past_slot = f.slot(f.host_service(edition, name="CGG"), day=f.MONDAY + dt.timedelta(days=1))
    past = visits.book_visit(past_slot, visitor)
    Evaluation.objects.create(visit=past, usefulness=4, will_orient="yes", comment="Nadia: super")
    Wish.objects.create(slot=past_slot, visitor=visitor, rank=1)
    # The second visit is in the past: its day moved before today.
    type(past_slot).objects.filter(pk=past_slot.pk).update(day=dt.date(2020, 3, 2))
    return {"waiting": waiting, "past": past}


def _items(data, kind):
    return [i for s in data["sections"] for i in s["items"] if i["kind"] == kind]


@pytest.mark.django_db
def test_my_data_contains_the_helpdesk_request_and_the_visits(client, helped, visitor):
    client.force_login(visitor)
    data = json.loads(client.get(reverse("privacy:export_json")).content)
    (request,) = _items(data, "helpdesk_request")
    assert request["situation"] == "Nadia cherche un logement d'urgence"
    assert request["need"] == "housing" and request["role"] == "requester"
    visits_ = _items(data, "opendoors_visit")
    assert len(visits_) == 2
    assert {v["evaluation"]["comment"] for v in visits_ if v["evaluation"]} == {"Nadia: super"}
    assert len(_items(data, "opendoors_wish")) == 1
    page = client.get(reverse("privacy:export_page")).content.decode()
    assert "Nadia cherche un logement" in page and "Maison médicale" in page


@pytest.mark.django_db
def test_erasure_empties_helpdesk_and_open_doors_but_keeps_the_counts(client, helped, visitor):
    requests_before = HelpRequest.objects.filter(need="housing").count()
    visits_before = Visit.objects.count()
    client.force_login(visitor)
    response = client.post(reverse("privacy:erase"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(email="nadia@example.org").exists()
    # Helpdesk: the classification stays, the person and the contact hours go.
    assert HelpRequest.objects.filter(need="housing").count() == requests_before
    request = HelpRequest.objects.get(need="housing")
    assert request.requester_id is None and request.situation == "" and request.answer_when == ""
    # Open doors: the rows stay, no link to Nadia, no comment; Omar got her seat.
    assert Visit.objects.count() == visits_before
    assert not Visit.objects.filter(visitor__email="nadia@example.org").exists()
    assert Visit.objects.filter(visitor__isnull=True).count() == 2
    helped["waiting"].booking.refresh_from_db()
    assert helped["waiting"].booking.is_confirmed
    assert Evaluation.objects.get().comment == "" and Evaluation.objects.get().usefulness == 4
    assert not Wish.objects.filter(visitor__isnull=False).exists()
    dump = json.dumps(list(HelpRequest.objects.values()), default=str) + json.dumps(
        list(Visit.objects.values()) + list(Evaluation.objects.values()), default=str
    )
    assert "Nadia" not in dump and "nadia@example.org" not in dump


@pytest.mark.django_db
def test_helpdesk_triage_and_request_detail_reads_are_logged(client, coordinator, visitor):
    item = make_request(visitor, situation="Nadia cherche un logement")
    client.force_login(coordinator)
    assert client.get(reverse("helpdesk:triage")).status_code == 200
    assert client.get(reverse("helpdesk:triage_detail", args=[item.pk])).status_code == 200
    rows = list(ReadLog.objects.order_by("pk"))
    assert [r.list_name for r in rows] == ["helpdesk_triage", "helpdesk_request"]
    assert rows[1].object_id == str(item.pk) and all(r.reader == coordinator for r in rows)
    assert all("Nadia" not in r.object_label for r in rows)
    # The needs watch export holds no person: not a read of people.
    client.get(reverse("helpdesk:watch_csv"))
    assert ReadLog.objects.count() == 2


@pytest.mark.django_db
def test_open_doors_visitor_list_and_exports_are_logged(client, coordinator, edition, visitor):
    participation = f.host_service(edition)
    slot = f.slot(participation)
    visits.book_visit(slot, visitor)
    client.force_login(participation.host)
    assert client.get(reverse("opendoors:visitors", args=[slot.pk])).status_code == 200
    client.force_login(coordinator)
    query = f"?edition={edition.pk}"
    for what in ("bookings", "evaluations", "slots"):
        url = reverse("opendoors:export", args=[what, "csv"]) + query
        assert client.get(url).status_code == 200
    rows = list(ReadLog.objects.order_by("pk"))
    assert [(r.list_name, r.fmt) for r in rows] == [
        ("opendoors_visitors", "page"),
        ("opendoors_bookings", "csv"),
        ("opendoors_evaluations", "csv"),
    ]
    assert rows[0].reader == participation.host and rows[1].object_id == str(edition.pk)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "lang, texts",
    [
        ("fr", ["Demandes au helpdesk", "Visites portes ouvertes", "Évaluations portes ouvertes"]),
        ("nl", ["Vragen aan de helpdesk", "Opendeurbezoeken", "Evaluaties opendeurweek"]),
        ("en", ["Helpdesk requests", "Open doors visits", "Open doors evaluations"]),
    ],
)
def test_public_policy_page_lists_helpdesk_and_open_doors(client, lang, texts):
    from django.utils import translation

    with translation.override(lang):
        url = reverse("privacy:policy")
    page = client.get(url).content.decode()
    for text in texts:
        assert text in page, text


@pytest.mark.django_db
def test_schedule_shows_when_visits_are_anonymised_and_the_job_does_it(helped, edition):
    from django.utils import timezone

    from opendoors.services.anonymise import retention_days
    from privacy.services import retention

    rows = {row["policy"].key: row for row in retention.schedule()}
    (line,) = rows["opendoors_visits"]["later"]
    assert line.label == edition.name and line.count == 3
    assert line.due == edition.ends_on + dt.timedelta(days=retention_days())
    later = timezone.make_aware(dt.datetime.combine(line.due + dt.timedelta(days=1), dt.time(3)))
    run = retention.apply_retention(now=later)
    assert not run.errors and run.results["opendoors_visits"] > 0
    assert not Visit.objects.filter(visitor__isnull=False).exists()
    assert Visit.objects.count() == 3
    # The helpdesk request is still open: its text is not purged.
    assert HelpRequest.objects.get().situation.startswith("Nadia")
