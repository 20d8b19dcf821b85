"""E-mails around open doors visits (a periodic job, e.g. every hour):

    python manage.py remind_visits [--hours 48]

Each confirmed visit starting within the window gets one reminder e-mail with its .ics; each
visit that has ended gets one e-mail with the link to its evaluation form (not for no-shows).
Running it twice sends nothing new.
"""

from django.core.management.base import BaseCommand

from opendoors.services.visits import ask_evaluations, send_reminders


class Command(BaseCommand):
    help = "E-mail a reminder (with .ics) for confirmed open doors visits starting soon."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=48, help="Window in hours (default 48).")

    def handle(self, *args, hours, **options):
        sent = send_reminders(hours=max(1, min(hours, 24 * 14)))
        asked = ask_evaluations()
        self.stdout.write(f"{sent} reminder(s) sent, {asked} evaluation request(s) sent")
