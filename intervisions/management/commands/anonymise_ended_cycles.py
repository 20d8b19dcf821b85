"""Anonymise the registrations of cycles that ended more than their retention delay ago.

Scheduled daily (the ``anonymise_ended_cycles`` task runs the same service function).
"""

from django.core.management.base import BaseCommand

from intervisions.services import anonymise_ended_cycles


class Command(BaseCommand):
    help = "Anonymise the personal data of ended intervision cycles (after their retention delay)."

    def handle(self, *args, **options):
        done = anonymise_ended_cycles()
        total = sum(done.values())
        self.stdout.write(f"{len(done)} cycle(s), {total} registration(s) anonymised.")
