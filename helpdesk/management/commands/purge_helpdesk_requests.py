"""``manage.py purge_helpdesk_requests [--days N]``: the helpdesk's retention rule.

Deletes the free text of requests answered, closed or without solution more than N days ago
(default ``HELPDESK_RETENTION_DAYS``, 90) and closes the answered ones; the classification
(need, public, municipality, basin, outcome, waiting time) stays for the needs watch.
Meant to run daily from the scheduler. Never deletes a row.
"""

from django.core.management.base import BaseCommand, CommandError

from helpdesk.services import purge_free_text, retention_days


class Command(BaseCommand):
    help = "Delete the free text of helpdesk requests finished long ago (retention)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="default: the setting (90)")

    def handle(self, *args, days=None, **options):
        if days is not None and not 0 <= days <= 3650:
            raise CommandError("--days must be between 0 and 3650.")
        days = retention_days() if days is None else days
        purged = purge_free_text(days=days)
        self.stdout.write(
            f"Helpdesk: free text deleted from {purged} request(s) finished more than {days} days ago."
        )
