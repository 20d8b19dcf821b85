"""The retention job applies every declared policy, logs what it did, and the coordinators'
page shows what will be removed when."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership
from events import services as event_services
from events.models import Registration as EventRegistration
from events.tests.factories import EventFactory, in_days
from maillage.testing.factories import MembershipFactory
from privacy import registry
from privacy.models import ReadLog, RetentionRun
from privacy.services.retention import apply_retention


@pytest.fixture
def old_and_recent(settings):
    settings.EVENTS_REGISTRATION_RETENTION_DAYS = 30
    old = EventFactory(title="Ancienne table", starts_at=in_days(-40), capacity=5)
    recent = EventFactory(title="Table récente", starts_at=in_days(-5), capacity=5)
    for event in (old, recent):
        event_services.register(
            event,
            name="Awa",
            email="awa@example.org",
            organization_name="Service social",
            consent=True,
            now=event.starts_at - datetime.timedelta(days=2),
        )
    return old, recent


@pytest.mark.django_db
def test_command_applies_every_policy_and_logs_the_run(old_and_recent):
    old, recent = old_and_recent
    stale = ReadLog.objects.create(list_name="event_registrants")
    ReadLog.objects.filter(pk=stale.pk).update(
        read_at=timezone.now() - datetime.timedelta(days=400)
    )
    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    assert "event_registrations: 1 row(s) treated" in out.getvalue()
    assert "read_log: 1 row(s) treated" in out.getvalue()
    assert old.registrations.get().name == "—"
    assert recent.registrations.get().name == "Awa"
    assert not ReadLog.objects.filter(pk=stale.pk).exists()
    run = RetentionRun.objects.get()
    assert run.results["event_registrations"] == 1 and not run.dry_run and run.finished_at
    # Nothing left the next time.
    assert apply_retention().results["event_registrations"] == 0


@pytest.mark.django_db
def test_dry_run_changes_nothing(old_and_recent):
    old, _recent = old_and_recent
    out = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    assert "event_registrations: 1 row(s) would treat" in out.getvalue()
    assert old.registrations.get().name == "Awa"


@pytest.mark.django_db
def test_the_old_commands_are_the_policys_actions(old_and_recent, cycle):
    """anonymise_event_registrations and anonymise_ended_cycles run the same functions as the
    policies (their own tests are in events and intervisions)."""
    from events.services.retention import anonymise_past_registrations
    from intervisions.services.privacy import anonymise_ended_cycles

    assert registry.policy_for("events.Registration").apply is not None
    assert registry.policy_for("intervisions.Registration").apply is not None
    assert anonymise_past_registrations() == 1
    assert anonymise_ended_cycles() == {}


@pytest.mark.django_db
def test_intervision_cycles_are_anonymised_by_the_job(cycle, groups, register):
    registration = register([groups[0]], first_name="Awa")
    cycle.end_date = datetime.date.today() - datetime.timedelta(days=cycle.retention_days + 1)
    cycle.start_date = cycle.end_date - datetime.timedelta(days=200)
    cycle.save()
    run = apply_retention()
    assert run.results["intervision_registrations"] == 1
    registration.refresh_from_db()
    assert registration.first_name == "—" and registration.anonymised_at


@pytest.mark.django_db
def test_refused_memberships_are_deleted_after_a_year(db):
    membership = MembershipFactory()
    Membership.objects.filter(pk=membership.pk).update(
        status=Membership.Status.REFUSED,
        decided_at=timezone.now() - datetime.timedelta(days=400),
        refusal_reason="pas dans l'équipe",
    )
    assert apply_retention().results["memberships"] == 1
    assert not Membership.objects.filter(pk=membership.pk).exists()


@pytest.mark.django_db
def test_a_failing_policy_does_not_stop_the_others(old_and_recent, monkeypatch):
    policy = registry.policy_for("accounts.Membership")

    def broken(now, dry_run):
        raise RuntimeError("boom")

    monkeypatch.setattr(policy, "apply", broken)
    run = apply_retention()
    assert "boom" in run.errors["memberships"]
    assert run.results["event_registrations"] == 1


@pytest.mark.django_db
def test_coordinators_see_what_will_be_removed_when(client, coordinator, user, settings):
    settings.EVENTS_REGISTRATION_RETENTION_DAYS = 30
    event = EventFactory(title="Table à venir", starts_at=in_days(5), capacity=5)
    event_services.register(
        event, name="Awa", email="awa@example.org", organization_name="Service social", consent=True
    )
    client.force_login(user)
    assert client.get(reverse("privacy:schedule")).status_code == 403
    client.force_login(coordinator)
    html = client.get(reverse("privacy:schedule")).content.decode()
    due = (event.ends_at + datetime.timedelta(days=30)).astimezone(timezone.get_current_timezone())
    assert "Table à venir" in html
    assert due.strftime("%d/%m/%Y") in html
    apply_retention()
    assert "Dernières exécutions" in client.get(reverse("privacy:schedule")).content.decode()
    assert EventRegistration.objects.get().name == "Awa"


@pytest.mark.django_db
def test_task_runs_the_same_job():
    from privacy.tasks import apply_retention_task

    apply_retention_task.enqueue()
    assert RetentionRun.objects.count() == 1
