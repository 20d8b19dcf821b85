"""python manage.py export_hsds DIR: write services.json and the tabular data package
(datapackage.json + CSV) of the published directory. Confidential addresses are never written."""

from django.core.management.base import BaseCommand

from directory.hsds.exporter import export


class Command(BaseCommand):
    help = "Export the published directory as HSDS 3.x (JSON and tabular data package)."

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, directory, **options):
        result = export(directory)
        self.stdout.write(
            f"{result['services']} services written to {directory}: " + ", ".join(result["files"])
        )
