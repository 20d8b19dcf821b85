"""Send a reminder for intervision invoices still unpaid after INTERVISIONS_REMINDER_DAYS.

Scheduled weekly (the ``remind_unpaid_invoices`` task runs the same service function).
"""

from django.core.management.base import BaseCommand

from intervisions.services import remind_unpaid_invoices


class Command(BaseCommand):
    help = "Remind the people whose intervision invoice is unpaid."

    def handle(self, *args, **options):
        self.stdout.write(f"{remind_unpaid_invoices()} reminder(s) sent.")
