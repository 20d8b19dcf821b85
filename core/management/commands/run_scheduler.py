"""python manage.py run_scheduler: enqueue each scheduled job once per period (core/jobs.py).

Runs forever, waking every ``--interval`` seconds; ``--once`` does one pass (for a systemd timer
or cron). Several schedulers may run at once: the database claim lets only one enqueue a job.
"""

import time

from django.core.management.base import BaseCommand

from core.scheduler import claim_due_jobs


class Command(BaseCommand):
    help = "Enqueue the scheduled jobs that are due (once per period, across all schedulers)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="one pass, then exit")
        parser.add_argument("--interval", type=int, default=60, help="seconds between passes")

    def handle(self, *args, once=False, interval=60, **options):
        while True:
            for run in claim_due_jobs():
                self.stdout.write(f"enqueued {run.job} for the period from {run.period_start}")
            if once:
                return
            time.sleep(max(1, interval))
