"""More pages: ranking wishes (bad ranks refused with a message, nothing saved), the
coordinator's wish round buttons, the evaluation form, the host's visitor list and attendance."""

import pytest
from django.urls import reverse

from maillage.testing.factories import CoordinatorFactory, UserFactory
from opendoors.models import Edition, Evaluation, Visit, Wish
from opendoors.services import visits, wishes

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_open():
    edition = f.edition()
    a = f.slot(f.host_service(edition, name="A"), start="09:00", end="10:00", capacity=1)
    b = f.slot(f.host_service(edition, name="B"), start="14:00", end="15:00", capacity=1)
    wishes.open_wish_round(edition)
    return edition, a, b


def test_rank_wishes_and_refuse_bad_ranks(client, round_open):
    edition, a, b = round_open
    person = UserFactory()
    client.force_login(person)
    url = reverse("opendoors:wishes")
    assert "Classer" in client.get(reverse("opendoors:programme")).content.decode()
    for bad in (
        {f"rank-{a.pk}": "1", f"rank-{b.pk}": "1"},
        {f"rank-{a.pk}": "x"},
        {f"rank-{a.pk}": "99999999999999999999"},
        {"rank-424242": "1"},
    ):
        response = client.post(url, bad, follow=True)
        assert response.status_code == 200 and "message-error" in response.content.decode()
    assert not Wish.objects.exists()
    response = client.post(url, {f"rank-{a.pk}": "2", f"rank-{b.pk}": "1"}, follow=True)
    assert "Vos souhaits sont enregistrés (2)" in response.content.decode()
    assert list(Wish.objects.order_by("rank").values_list("slot_id", flat=True)) == [b.pk, a.pk]
    # booking is closed while the wish round runs
    response = client.post(reverse("opendoors:book", args=[a.pk]), follow=True)
    assert "ne sont pas ouvertes" in response.content.decode()


def test_coordinator_runs_and_publishes_the_round(
    client, round_open, mailoutbox, django_capture_on_commit_callbacks
):
    edition, a, b = round_open
    person = UserFactory()
    wishes.save_wishes(edition, person, [a.pk, b.pk])
    client.force_login(CoordinatorFactory())
    url = reverse("opendoors:wish_round") + f"?edition={edition.pk}"
    page = client.post(
        url, {"action": "allocate", "edition": edition.pk}, follow=True
    ).content.decode()
    assert "2 / 2" in page  # wishes met shown before publishing
    assert Visit.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "publish", "edition": edition.pk})
    assert Edition.objects.get(pk=edition.pk).wish_round == "published"
    assert Visit.objects.confirmed().filter(visitor=person).count() == 2
    assert [m.to for m in mailoutbox] == [[person.email]]
    again = client.post(url, {"action": "publish", "edition": edition.pk}, follow=True)
    assert "pas possible maintenant" in again.content.decode()
    assert client.post(url, {"action": "hack", "edition": edition.pk}).status_code == 404


def test_evaluation_form_and_host_attendance(client):
    edition = f.edition()
    participation = f.host_service(edition)
    slot = f.slot(participation)
    person = UserFactory(function="psychologue")
    visit = visits.book_visit(slot, person)
    client.force_login(participation.host)
    page = client.get(reverse("opendoors:visitors", args=[slot.pk])).content.decode()
    assert person.get_full_name() in page and "psychologue" in page
    response = client.post(
        reverse("opendoors:attendance", args=[visit.pk]), {"attendance": "present"}, follow=True
    )
    assert "une fois la visite commencée" in response.content.decode()  # the visit is in 2030
    client.force_login(person)
    response = client.post(
        reverse("opendoors:evaluate", args=[visit.pk]),
        {"usefulness": "5", "will_orient": "yes"},
        follow=True,
    )
    assert "après celle-ci" in response.content.decode()
    assert not Evaluation.objects.exists()
    bad = client.post(
        reverse("opendoors:evaluate", args=[visit.pk]), {"usefulness": "9", "will_orient": "yes"}
    )
    assert bad.status_code == 200 and 'role="alert"' in bad.content.decode()
    other = UserFactory()
    client.force_login(other)
    assert client.get(reverse("opendoors:evaluate", args=[visit.pk])).status_code == 404
