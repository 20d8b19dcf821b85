"""Anonymise registrations of past events (daily job; EVENTS_REGISTRATION_RETENTION_DAYS)."""

from django.core.management.base import BaseCommand

from events.services import anonymise_past_registrations


class Command(BaseCommand):
    help = "Anonymise the registrations of events that ended more than the retention period ago."

    def handle(self, *args, **options):
        count = anonymise_past_registrations()
        self.stdout.write(f"{count} registration(s) anonymised.")
