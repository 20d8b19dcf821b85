"""Send the reminders for tomorrow's events (daily job; safe to run twice)."""

from django.core.management.base import BaseCommand

from events.services import send_reminders


class Command(BaseCommand):
    help = "E-mail a reminder to the confirmed participants of tomorrow's events."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} reminder(s) queued.")
