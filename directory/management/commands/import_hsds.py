"""python manage.py import_hsds PATH [--dry-run]

PATH is an HSDS 3.0/3.1 JSON file, in any shape the specification publishes (a service, a list
or page of services, an organization with its services, a service_at_location, a location,
taxonomies and terms, tabular.json) or a tabular data package folder (datapackage.json + CSV).
Idempotent by id. A malformed file changes nothing; each rejected record is reported with its
reasons, and what is read but not kept is listed as a note."""

from django.core.management.base import BaseCommand, CommandError

from directory.hsds.importer import MalformedFile, load_records, record_count
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
        for note in report.notes:
            self.stdout.write(f"note: {note}")
        prefix = "[dry run] " if dry_run else ""
        kinds = ", ".join(
            f"{kind} {counts['created']}+{counts['updated']}"
            for kind, counts in report.by_kind.items()
            if counts["created"] or counts["updated"]
        )
        self.stdout.write(
            f"{prefix}{record_count(records)} records: {report.created} created, "
            f"{report.updated} updated, {len(report.rejected)} rejected."
            + (f" (created+updated: {kinds})" if kinds else "")
        )
