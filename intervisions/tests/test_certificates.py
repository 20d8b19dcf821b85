"""Attendance certificates state the organizer, the cycle's dates, the sessions attended out of
the total and their dates, the facilitators; they count only sessions already held and are
refused before the first one. Attendance is recorded only for sessions that have started."""

import datetime
import html

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from intervisions import pdf, services
from intervisions.errors import IntervisionError
from intervisions.models import Attendance
from intervisions.services.attendance import certificate_facts
from maillage.testing.pdf import pdf_text

from .conftest import hold_sessions

LIMIT = 2.0


@pytest.fixture
def published(cycle, groups, register, coordinator):
    people = [register([groups[0]]) for _ in range(2)]
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    services.publish(cycle, coordinator)
    for p in people:
        p.refresh_from_db()
    return people


def _day(value) -> str:
    return formats.date_format(value, "DATE_FORMAT")


@pytest.mark.django_db
def test_certificate_states_dates_facilitators_and_organizer(issuer, published, groups, client):
    a, b = published
    sessions = hold_sessions(groups[0], 3)
    for session, status in zip(sessions[:3], ["present", "absent", "present"], strict=True):
        Attendance.objects.create(session=session, registration=a, status=status)
    text = pdf_text(pdf.certificate(certificate_facts(a)))
    assert f"Smes Connect asbl certifie que {a.full_name} ({a.organization.name})" in text
    assert f"Séances suivies : 2 sur {len(sessions)} (6,0 heures)" in text
    assert f"Dates suivies : {_day(sessions[0].date)}, {_day(sessions[2].date)}." in text
    assert _day(sessions[1].date) + "," not in text.split("Dates suivies")[1]
    assert f"Du {_day(sessions[0].date)} au {_day(sessions[-1].date)}, 9 séances" in text
    assert "Animé par : Sophie Social, Marc Mental" in text
    assert f"les 3 séances tenues jusqu'ici ; {len(sessions) - 3} sont encore à venir" in text
    assert f"Groupe : {groups[0].name}" in text


@pytest.mark.django_db
def test_future_sessions_are_not_counted(issuer, published, groups):
    a = published[0]
    sessions = hold_sessions(groups[0], 1)
    Attendance.objects.create(session=sessions[0], registration=a, status="present")
    # A presence on a session still to come (an old sheet, typed ahead) is not counted.
    Attendance.objects.create(session=sessions[4], registration=a, status="present")
    facts = certificate_facts(a)
    assert (facts.attended, facts.held, facts.total) == (1, 1, 9)
    assert facts.attended_dates == [sessions[0].date]
    assert _day(sessions[4].date) not in pdf_text(pdf.certificate(facts))


@pytest.mark.django_db
def test_no_certificate_before_the_first_session(published, groups, coordinator, client):
    a = published[0]
    first = groups[0].sessions.order_by("date").first()
    Attendance.objects.create(session=first, registration=a, status="present")  # typed ahead
    with pytest.raises(IntervisionError) as error:
        certificate_facts(a)
    assert error.value.code == "no_session_held"
    client.force_login(coordinator)
    page = client.get(reverse("intervisions:certificate", args=[a.pk]), follow=True)
    assert "Aucune séance de ce groupe n'a encore eu lieu" in html.unescape(page.content.decode())
    own = reverse("intervisions:my_certificate", args=[services.page_token(a)])
    assert client.get(own).status_code == 404


@pytest.mark.django_db
def test_attendance_for_a_future_session_is_refused(published, groups, facilitators, client):
    a, b = published
    future = groups[0].sessions.order_by("date").first()
    assert future.date > datetime.date.today()
    with pytest.raises(IntervisionError) as error:
        services.record_attendance(future, {a.pk: "present"}, facilitators[0])
    assert error.value.code == "session_not_started"
    client.force_login(facilitators[0])
    url = reverse("intervisions:attendance", args=[future.pk])
    page = html.unescape(client.get(url).content.decode())
    assert "Cette séance n'a pas encore commencé" in page and 'name="r' not in page
    response = client.post(url, {f"r{a.pk}": "present", f"r{b.pk}": "absent"})
    assert response.status_code == 200
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_attendance_opens_when_the_session_starts(published, groups, facilitators):
    a = published[0]
    session = groups[0].sessions.order_by("date").first()
    start = timezone.make_aware(session.starts_at())
    with pytest.raises(IntervisionError):
        services.record_attendance(
            session, {a.pk: "present"}, facilitators[0], now=start - datetime.timedelta(minutes=1)
        )
    saved = services.record_attendance(session, {a.pk: "present"}, facilitators[0], now=start)
    assert saved == 1 and Attendance.objects.get().status == "present"
