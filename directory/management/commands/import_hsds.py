"""python manage.py import_hsds PATH [--dry-run]

PATH is an HSDS JSON file (a list of compiled services with their organization and locations)
or a tabular data package folder (datapackage.json + CSV). Idempotent by id. A malformed file
changes nothing; each rejected record is reported with its reasons."""

from django.core.management.base import BaseCommand, CommandError

from directory.hsds.importer import MalformedFile, load_records
from directory.services import apply_import


class Command(BaseCommand):
    help = "Import an HSDS 3.x JSON file or tabular data package into the directory."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, write nothing."
        )

    def handle(self, path, dry_run=False, **options):
        try:
            records = load_records(path)
        except MalformedFile as error:
            raise CommandError(f"Malformed file, nothing imported: {error}") from None
        report = apply_import(records, dry_run=dry_run)
        for record_id, name, reasons in report.rejected:
            self.stderr.write(f"REJECTED {record_id} {name!r}: " + "; ".join(reasons))
        prefix = "[dry run] " if dry_run else ""
        self.stdout.write(
            f"{prefix}{len(records)} records: {report.created} created, {report.updated} updated, "
            f"{len(report.rejected)} rejected."
        )
