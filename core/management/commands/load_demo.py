"""Fill an empty database with the fictional Brussels demo network (deterministic).

    python manage.py load_demo            # refuses if organizations already exist
    python manage.py load_demo --if-empty # does nothing on a database that has data (bin/setup)

Each domain app may provide a ``demo`` module with ``load(rng, context, stdout)``; they run in
the order of DEMO_APPS, sharing a context dict (organizations, users...).
"""

import importlib
import random

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import demo as core_demo

#: Apps whose demo module extends the network after organizations and accounts exist.
DEMO_APPS = [
    "directory.demo_services",
    "events.demo",
    "intervisions.demo",
    "orientation.demo",
    "helpdesk.demo",
    "opendoors.demo",
    "privacy.demo",
]


class Command(BaseCommand):
    help = "Load the fictional Brussels demo network into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Skip quietly if data exists.")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--organizations", type=int, default=320)

    def handle(self, *args, if_empty=False, seed=2026, organizations=320, **options):
        # Apps by name, never imported here: core is the lowest layer.
        if apps.get_model("directory", "Organization").objects.exists():
            if if_empty:
                self.stdout.write("Demo data: the database already has data, nothing loaded.")
                return
            raise CommandError(
                "The database already has organizations: load_demo needs an empty one."
            )
        rng = random.Random(seed)
        self.stdout.write("Loading the demo network:")
        with transaction.atomic():
            directory_demo = importlib.import_module("directory.demo")
            accounts_demo = importlib.import_module("accounts.demo")
            orgs = directory_demo.load(rng, organizations, stdout=self.stdout)
            context = {"organizations": orgs, **accounts_demo.load(rng, orgs, stdout=self.stdout)}
            for module_name in DEMO_APPS:
                try:
                    module = importlib.import_module(module_name)
                except ModuleNotFoundError as error:
                    if error.name != module_name:
                        raise
                    continue
                module.load(rng, context, stdout=self.stdout)
            core_demo.load(rng, context, stdout=self.stdout)  # coordinators' two factors
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Logins are listed in README.md."))
