"""Claims and runs scheduled jobs: the only code that writes ``JobRun`` rows.

``claim_due_jobs`` is called by every scheduler process (``manage.py run_scheduler``) on each
tick. A job is enqueued only by the scheduler whose INSERT of (job, period) succeeds: the unique
constraint, not a lock or a clock, decides, so any number of schedulers enqueue it once per
period. ``run_job`` (the worker side) runs the management command and records the outcome; it
never raises, so a failing job never stops the worker nor the other jobs.
"""

import io
import os
import socket
from datetime import datetime

from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from .jobs import JOBS, Job
from .models import JobRun

OUTPUT_LIMIT = 4000


def claim(job: Job, now: datetime | None = None) -> JobRun | None:
    """Claim the current period of ``job``; None when another scheduler already has it."""
    now_local = timezone.localtime(now or timezone.now())
    start = timezone.make_aware(job.period_start(now_local))
    try:
        with transaction.atomic():
            return JobRun.objects.create(
                job=job.name,
                period_start=start,
                claimed_by=f"{socket.gethostname()}:{os.getpid()}"[:120],
            )
    except IntegrityError:
        return None


def claim_due_jobs(now: datetime | None = None, jobs=JOBS) -> list[JobRun]:
    """Claim every job whose current period has no run yet and enqueue it. Returns the claims."""
    from .tasks import run_scheduled_job

    claimed = []
    for job in jobs:
        run = claim(job, now)
        if run is None:
            continue
        claimed.append(run)
        transaction.on_commit(lambda run_id=run.pk: run_scheduled_job.enqueue(run_id))
    return claimed


def run_job(run_id: int) -> str:
    """Run the command of a claimed job and record start, end, status and output."""
    from .jobs import job as registered

    run = JobRun.objects.get(pk=run_id)
    JobRun.objects.filter(pk=run_id).update(status=JobRun.Status.RUNNING, started_at=timezone.now())
    out = io.StringIO()
    try:
        call_command(registered(run.job).command, stdout=out, stderr=out)
    except Exception as error:  # noqa: BLE001 - a failed job is recorded, never fatal
        status, text = JobRun.Status.FAILED, f"{out.getvalue()}\n{type(error).__name__}: {error}"
    else:
        status, text = JobRun.Status.DONE, out.getvalue()
    JobRun.objects.filter(pk=run_id).update(
        status=status, finished_at=timezone.now(), output=text.strip()[-OUTPUT_LIMIT:]
    )
    return status
