"""Platform records: one row per run of a scheduled job (see ``core/jobs.py``).

The unique (job, period) pair is the claim that makes several schedulers enqueue a job once per
period. Rows are written only by ``core.scheduler``; this module never enqueues nor runs a job.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobRunQuerySet(models.QuerySet):
    def latest_per_job(self) -> dict[str, "JobRun"]:
        """The last claimed run of each job, by job name."""
        runs: dict[str, JobRun] = {}
        for run in self.order_by("job", "-period_start"):
            runs.setdefault(run.job, run)
        return runs


class JobRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    #: Name of the job in the registry (``core.jobs.JOBS``).
    job = models.CharField(_("job"), max_length=80)
    #: Start of the period this run belongs to: one run per job and period.
    period_start = models.DateTimeField(_("period"))
    #: When a scheduler claimed the period and enqueued the job.
    claimed_at = models.DateTimeField(_("claimed at"), auto_now_add=True)
    #: Which scheduler claimed it (host and process id), for diagnosis.
    claimed_by = models.CharField(_("claimed by"), max_length=120, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    #: What the command printed (its summary), or the error, cut to a few thousand characters.
    output = models.TextField(_("output"), blank=True)

    objects = JobRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("scheduled job run")
        verbose_name_plural = _("scheduled job runs")
        constraints = [
            models.UniqueConstraint(
                fields=["job", "period_start"], name="core_jobrun_one_per_period"
            )
        ]
        indexes = [models.Index(fields=["job", "-period_start"])]

    def __str__(self):
        return f"{self.job} @ {self.period_start:%Y-%m-%d %H:%M}"
