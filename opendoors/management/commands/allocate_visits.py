"""Allocate open doors visits from CSV files, without the database:

    python manage.py allocate_visits --slots S.csv --wishes W.csv --out A.csv \
        [--max-per-person 3] [--travel-minutes 30] [--max-per-service N]

A thin wrapper over ``opendoors.allocation.run_csv``: on a malformed file it exits non-zero with
the file, line and reason and writes nothing.
"""

from django.core.management.base import BaseCommand, CommandError

from opendoors.allocation import AllocationError, Rules, read_slots, run_csv


class Command(BaseCommand):
    help = "Allocate visits (slots.csv + ranked wishes.csv) into professional,slot pairs."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--slots",
            required=True,
            help=",".join(["id", "service", "day", "start", "end", "municipality", "capacity"]),
        )
        parser.add_argument("--wishes", required=True, help="professional,slot,rank")
        parser.add_argument("--out", required=True, help="A.csv to write: professional,slot")
        parser.add_argument("--max-per-person", type=int, default=3)
        parser.add_argument("--travel-minutes", type=int, default=30)
        parser.add_argument(
            "--max-per-service",
            type=int,
            default=None,
            help="Optional: at most N visitors per service over all its slots.",
        )
        parser.add_argument("--time-limit", type=float, default=30.0, help="Seconds (default 30).")

    def handle(
        self,
        *args,
        slots,
        wishes,
        out,
        max_per_person,
        travel_minutes,
        max_per_service,
        time_limit,
        **options,
    ):
        if max_per_person < 1 or travel_minutes < 0 or (max_per_service or 1) < 1:
            raise CommandError(
                "--max-per-person and --max-per-service must be >= 1, --travel-minutes >= 0"
            )
        try:
            per_service = {}
            if max_per_service:
                per_service = {s.service: max_per_service for s in read_slots(slots).values()}
            rules = Rules(max_per_person, travel_minutes, per_service)
            result = run_csv(slots, wishes, out, rules, time_limit=time_limit)
        except AllocationError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"professionals served: {result.served}/{result.professionals}\n"
            f"wishes met: {result.wishes_met}/{result.wishes}\n"
            f"first choices: {result.first_choices}\n"
            f"solver status: {result.status} ({result.seconds:.2f} s)\n"
            f"wrote {out}"
        )
