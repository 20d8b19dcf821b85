"""Apply the platform's retention policy (every app's ``retention.py``): the nightly job.

``manage.py apply_retention`` anonymises or deletes what is due and prints what it did;
``--dry-run`` only counts. The ``apply_retention_task`` django-tasks task runs the same service.
"""

from django.core.management.base import BaseCommand

from privacy.services.retention import apply_retention


class Command(BaseCommand):
    help = "Apply the retention policy of personal data (anonymise or delete what is due)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what is due.")

    def handle(self, *args, dry_run=False, **options):
        run = apply_retention(dry_run=dry_run)
        verb = "would treat" if dry_run else "treated"
        for key, count in sorted(run.results.items()):
            self.stdout.write(f"{key}: {count} row(s) {verb}")
        for key, error in sorted(run.errors.items()):
            self.stderr.write(f"{key}: FAILED {error}")
        self.stdout.write(f"{run.total} row(s) {verb} in all.")
        if run.errors:
            raise SystemExit(1)
