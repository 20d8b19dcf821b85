"""python manage.py demo_totp: the current two-factor code of the demo coordinators.

Development only (the demo secret is public); refuses to run in production.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.demo import demo_totp_code


class Command(BaseCommand):
    help = "Print the current TOTP code of the demo coordinators (development only)."

    def handle(self, *args, **options):
        if getattr(settings, "PRODUCTION", False):
            raise CommandError("demo_totp is for development only.")
        self.stdout.write(demo_totp_code())
