"""Attendance and people at risk, certificates, numbered invoices and reminders, and the
anonymisation once the cycle has ended."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from intervisions import pdf, services
from intervisions.errors import IntervisionError
from intervisions.models import Cycle, Invoice, Registration
from maillage.testing.factories import UserFactory
from maillage.testing.pdf import pdf_text

from .conftest import hold_sessions, late_registration

LIMIT = 2.0


@pytest.fixture
def published(cycle, groups, register, coordinator):
    people = [register([groups[0]]) for _ in range(3)]
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    services.publish(cycle, coordinator)
    for p in people:
        p.refresh_from_db()
    return people


@pytest.mark.django_db
def test_attendance_and_at_risk(issuer, published, groups, facilitators, client):
    group = groups[0]
    sessions = hold_sessions(group, 2)  # two sessions held, the others to come
    a, b, c = published
    facilitator = facilitators[0]
    client.force_login(facilitator)
    url = reverse("intervisions:attendance", args=[sessions[0].pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {f"r{a.pk}": "present", f"r{b.pk}": "absent", f"r{c.pk}": "excused"}
    )
    assert response.status_code == 302
    services.record_attendance(
        sessions[1], {a.pk: "present", b.pk: "absent", c.pk: "present"}, facilitator
    )
    risky = services.at_risk(group)
    assert [row["registration"].pk for row in risky] == [b.pk]
    page = client.get(reverse("intervisions:group", args=[group.pk]))
    assert page.status_code == 200
    # Certificates: a attended twice (both sessions so far), with the person, cycle and group.
    response = client.get(reverse("intervisions:certificate", args=[a.pk]))
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert f"Smes Connect asbl certifie que {a.full_name} ({a.organization.name})" in text
    assert str(a.cycle) in text and f"Groupe : {group.name}" in text
    assert f"Séances suivies : 2 sur {len(sessions)}" in text
    c_text = pdf_text(client.get(reverse("intervisions:certificate", args=[c.pk])).content)
    assert f"{c.full_name} ({c.organization.name})" in c_text
    assert f"Séances suivies : 1 sur {len(sessions)}" in c_text
    # b attended nothing: no certificate, the group page says why.
    assert client.get(reverse("intervisions:certificate", args=[b.pk])).status_code == 302


@pytest.mark.django_db
def test_attendance_is_for_managers_only(published, groups, user, client):
    session = groups[0].sessions.first()
    with pytest.raises(IntervisionError):
        services.record_attendance(session, {published[0].pk: "present"}, user)
    client.force_login(user)
    assert client.get(reverse("intervisions:attendance", args=[session.pk])).status_code == 403


@pytest.mark.django_db
def test_pdf_text_replaces_what_latin1_lacks():
    assert pdf._latin("Café — 120 €") == "Café - 120 EUR"


@pytest.mark.django_db
def test_invoice_numbers_are_unique_and_without_gaps(issuer, published, cycle, coordinator):
    issued = services.issue_invoices(cycle, coordinator, today=datetime.date(2030, 10, 2))
    assert [i.number for i in issued] == ["2030-0001", "2030-0002", "2030-0003"]
    assert services.issue_invoice(published[0]) == issued[0]  # issued once
    assert issued[0].amount == published[0].fee
    text = pdf_text(pdf.invoice(issued[0]))
    assert "2030-0001" in text and published[0].full_name in text
    next_year = services.issue_invoice(
        late_registration(published[0], sector="social", fee=150),
        today=datetime.date(2031, 1, 5),
    )
    assert next_year.number == "2031-0001"


@pytest.mark.django_db
def test_reminder_for_unpaid_invoices(issuer, published, cycle, coordinator, client):
    a, b, _c = published
    services.issue_invoices(cycle, coordinator, today=datetime.date(2030, 10, 2))
    services.mark_paid(Invoice.objects.get(registration=a), coordinator)
    mail.outbox.clear()
    call_command("remind_unpaid_invoices")  # today: too early
    assert mail.outbox == []
    assert services.remind_unpaid_invoices(today=datetime.date(2030, 11, 5)) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([b.email, published[2].email])
    # Not twice within the delay, again after it.
    assert services.remind_unpaid_invoices(today=datetime.date(2030, 11, 20)) == 0
    assert services.remind_unpaid_invoices(today=datetime.date(2030, 12, 6)) == 2
    page = client.get(reverse("intervisions:my_invoice", args=[services.page_token(b)]))
    assert page.status_code == 200
    assert Invoice.objects.get(registration=b).number in pdf_text(page.content)
    client.force_login(coordinator)
    assert client.get(reverse("intervisions:invoices", args=[cycle.pk])).status_code == 200


@pytest.mark.django_db
def test_anonymisation_after_the_cycle(published, cycle):
    a = published[0]
    # A registration linked to an account: the anonymisation must cut the link.
    Registration.objects.filter(pk=a.pk).update(user=UserFactory(email="linked@example.org"))
    stats_before = services.statistics(cycle)
    cycle.end_date = datetime.date.today() - datetime.timedelta(days=cycle.retention_days + 1)
    cycle.start_date = cycle.end_date - datetime.timedelta(days=200)
    cycle.save()
    call_command("anonymise_ended_cycles")
    cycle.refresh_from_db()
    assert cycle.anonymised_at is not None
    for r in Registration.objects.filter(cycle=cycle):
        assert r.anonymised_at and r.user_id is None
        assert r.email.endswith("@invalid") and r.first_name == "—" and r.phone == ""
        assert r.sector == "social" and r.municipality is not None
    assert services.statistics(cycle) == stats_before
    entries = LogEntry.objects.get_for_object(a).filter(additional_data__isnull=False)
    assert entries.exists()
    logged = str(
        list(
            LogEntry.objects.get_for_objects(Registration.objects.all()).values_list(
                "changes", flat=True
            )
        )
    )
    assert "alice" not in logged and "linked@example.org" not in logged
    # Nothing left to do the next day; tokens no longer open the page.
    assert services.anonymise_ended_cycles() == {}
    assert services.registration_from_token(services.page_token(a)) is None


@pytest.mark.django_db
def test_cycle_within_retention_is_kept(published, cycle):
    cycle.end_date = datetime.date.today() - datetime.timedelta(days=cycle.retention_days - 1)
    cycle.start_date = cycle.end_date - datetime.timedelta(days=200)
    cycle.save()
    assert services.anonymise_ended_cycles() == {}
    assert Cycle.objects.get(pk=cycle.pk).anonymised_at is None
