"""The registry of scheduled jobs: what runs, how often, and which management command it is.

One line per job. ``manage.py run_scheduler`` reads this list, claims each job once per period in
the database (``core.models.JobRun``) and enqueues it on the django-tasks worker, which runs the
management command (each command stays runnable by hand). To add a job: write its management
command, then add a ``Job`` here. This module is plain data and arithmetic: it never touches the
database nor runs anything.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

#: Periods are counted from this Monday at midnight, local time (Europe/Brussels): a weekly job
#: with ``offset=timedelta(hours=8)`` runs on Mondays from 08:00.
EPOCH = datetime(2024, 1, 1)

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
WEEK = timedelta(weeks=1)


@dataclass(frozen=True)
class Job:
    #: Unique name, shown to coordinators.
    name: str
    #: The management command the worker runs (``call_command(command)``).
    command: str
    #: Length of a period: the job runs once in each.
    every: timedelta
    #: Where in the period it becomes due (e.g. 6 h 15 into the day).
    offset: timedelta = timedelta(0)
    #: One line for the coordinators' page.
    description: Promise | str = ""

    def period_start(self, now_local: datetime) -> datetime:
        """Start of the period containing ``now_local`` (naive local time)."""
        elapsed = now_local.replace(tzinfo=None) - EPOCH - self.offset
        return EPOCH + self.offset + (elapsed // self.every) * self.every

    def next_start(self, now_local: datetime) -> datetime:
        return self.period_start(now_local) + self.every


JOBS: tuple[Job, ...] = (
    Job(
        "send_event_reminders",
        "send_event_reminders",
        DAY,
        timedelta(hours=6, minutes=15),
        _("Reminder e-mail the day before an event"),
    ),
    # The one retention policy (privacy), which includes what anonymise_event_registrations and
    # anonymise_ended_cycles do; those two commands stay runnable by hand.
    Job(
        "apply_retention",
        "apply_retention",
        DAY,
        timedelta(hours=2, minutes=30),
        _("Apply the retention policy: anonymise or delete personal data past its time"),
    ),
    Job(
        "purge_helpdesk_requests",
        "purge_helpdesk_requests",
        DAY,
        timedelta(hours=2, minutes=45),
        _("Delete the free text of old helpdesk requests"),
    ),
    Job(
        "remind_stale_sheets",
        "remind_stale_sheets",
        DAY,
        timedelta(hours=7),
        _("Remind organizations of directory sheets past their update frequency"),
    ),
    Job(
        "rebuild_search_index",
        "rebuild_search_index",
        DAY,
        timedelta(hours=3, minutes=30),
        _("Rebuild the directory search index"),
    ),
    Job(
        "remind_unpaid_invoices",
        "remind_unpaid_invoices",
        WEEK,
        timedelta(hours=8),
        _("Remind unpaid intervision invoices (Mondays)"),
    ),
    Job(
        "remind_visits",
        "remind_visits",
        HOUR,
        timedelta(minutes=5),
        _("Open doors: visit reminders and evaluation requests"),
    ),
)


def job(name: str) -> Job:
    for candidate in JOBS:
        if candidate.name == name:
            return candidate
    raise KeyError(name)
