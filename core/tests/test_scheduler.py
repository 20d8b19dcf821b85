"""Scheduled jobs: each runs once per period even with several schedulers, and every run is
recorded and shown to coordinators."""

import threading
from datetime import datetime, timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from core import jobs as registry
from core.jobs import DAY, JOBS, WEEK, Job
from core.models import JobRun
from core.scheduler import claim_due_jobs

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_periods_are_aligned_on_local_time():
    daily = Job("x", "check", DAY, timedelta(hours=6, minutes=15))
    assert daily.period_start(datetime(2026, 12, 1, 6, 14)) == datetime(2026, 11, 30, 6, 15)
    assert daily.period_start(datetime(2026, 12, 1, 6, 15)) == datetime(2026, 12, 1, 6, 15)
    weekly = Job("y", "check", WEEK, timedelta(hours=8))
    # 1 December 2026 is a Tuesday: the week began on Monday 30 November at 08:00.
    assert weekly.period_start(datetime(2026, 12, 1, 12, 0)) == datetime(2026, 11, 30, 8, 0)
    assert weekly.next_start(datetime(2026, 12, 1, 12, 0)) == datetime(2026, 12, 7, 8, 0)


def test_every_periodic_command_of_the_project_is_registered():
    commands = {job.command for job in JOBS}
    assert {
        "send_event_reminders",
        "apply_retention",
        "purge_helpdesk_requests",
        "remind_visits",
        "remind_stale_sheets",
        "rebuild_search_index",
        "remind_unpaid_invoices",
    } <= commands
    assert len({job.name for job in JOBS}) == len(JOBS)
    from django.core.management import get_commands

    assert commands <= set(get_commands())


def test_the_new_periodic_commands_are_registered_at_their_period():
    assert registry.job("apply_retention").every == DAY
    assert registry.job("purge_helpdesk_requests").every == DAY
    assert registry.job("remind_visits").every == timedelta(hours=1)
    # The retention policy replaces the two older anonymisation jobs (commands kept by hand).
    names = {job.name for job in JOBS}
    assert not names & {"anonymise_event_registrations", "anonymise_ended_cycles"}
    from django.core.management import get_commands

    assert {"anonymise_event_registrations", "anonymise_ended_cycles"} <= set(get_commands())


@pytest.mark.django_db
def test_a_job_runs_once_per_period_and_its_run_is_recorded(django_capture_on_commit_callbacks):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_scheduler", "--once", stdout=out)
    assert out.getvalue().count("enqueued") == len(JOBS)
    runs = JobRun.objects.all()
    assert sorted(r.job for r in runs) == sorted(j.name for j in JOBS)
    assert all(r.status == JobRun.Status.DONE for r in runs), [(r.job, r.output) for r in runs]
    reminders = runs.get(job="send_event_reminders")
    assert "reminder(s) queued" in reminders.output
    assert reminders.started_at and reminders.finished_at >= reminders.started_at

    again = StringIO()
    call_command("run_scheduler", "--once", stdout=again)
    assert "enqueued" not in again.getvalue()
    assert JobRun.objects.count() == len(JOBS)


@pytest.mark.django_db
def test_the_next_period_runs_again(settings):
    settings.TASKS = DUMMY_TASKS
    now = timezone.now()
    assert len(claim_due_jobs(now)) == len(JOBS)
    assert len(claim_due_jobs(now + timedelta(hours=1))) in range(0, len(JOBS))
    assert len(claim_due_jobs(now + timedelta(days=8))) == len(JOBS)


@pytest.mark.django_db
def test_a_failing_job_is_recorded_as_failed_and_the_others_still_run(
    django_capture_on_commit_callbacks,
):
    broken = mock.patch(
        "directory.management.commands.remind_stale_sheets.remind_stale_sheets",
        side_effect=RuntimeError("mail server down"),
    )
    with broken, django_capture_on_commit_callbacks(execute=True):
        claim_due_jobs()
    failed = JobRun.objects.get(job="remind_stale_sheets")
    assert failed.status == JobRun.Status.FAILED
    assert "mail server down" in failed.output
    assert JobRun.objects.filter(status=JobRun.Status.DONE).count() == len(JOBS) - 1


@pytest.mark.postgres  # SQLite's in-memory test database has one writer at a time
@pytest.mark.django_db(transaction=True)
def test_several_schedulers_at_once_enqueue_each_job_once(settings):
    settings.TASKS = DUMMY_TASKS
    now = timezone.now()
    barrier = threading.Barrier(4)
    claimed: list[str] = []
    errors: list[BaseException] = []

    def scheduler():
        try:
            barrier.wait()
            claimed.extend(run.job for run in claim_due_jobs(now))
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(claimed) == sorted(job.name for job in JOBS)
    assert JobRun.objects.count() == len(JOBS)


@pytest.mark.django_db
def test_coordinators_see_the_last_run_of_each_job(client, coordinator, user):
    JobRun.objects.create(
        job="remind_stale_sheets",
        period_start=timezone.now(),
        status=JobRun.Status.DONE,
        output="3 reminder e-mail(s) queued.",
    )
    client.force_login(user)
    assert client.get(reverse("core:jobs")).status_code == 403
    client.force_login(coordinator)
    page = client.get(reverse("core:jobs")).content.decode()
    assert "3 reminder e-mail(s) queued." in page
    for job in registry.JOBS:
        assert job.command in page
    assert page.count('class="never"') == len(JOBS) - 1  # the other jobs never ran
