"""python manage.py remind_stale_sheets: e-mail organizations whose sheets are past their update
frequency (the same function as the scheduled task directory.tasks.remind_stale_sheets_task)."""

from django.core.management.base import BaseCommand

from directory.services import remind_stale_sheets


class Command(BaseCommand):
    help = "E-mail organizations about directory sheets past their update frequency."

    def handle(self, **options):
        sent = remind_stale_sheets()
        self.stdout.write(f"{sent} reminder e-mail(s) queued.")
