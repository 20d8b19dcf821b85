"""Compose intervision groups from CSV files, without the database:

    python manage.py compose_groups --registrants R.csv --groups G.csv --out A.csv

A thin wrapper over ``intervisions.composition.run_csv``: on a malformed file it exits non-zero
with the engine's message and writes nothing.
"""

from django.core.management.base import BaseCommand, CommandError

from intervisions.composition import CompositionError, run_csv


class Command(BaseCommand):
    help = "Compose intervision groups from R.csv (registrants) and G.csv (groups) into A.csv."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--registrants",
            required=True,
            help="R.csv: id,institution,sector,language,choices[,pinned_group]",
        )
        parser.add_argument(
            "--groups",
            required=True,
            help="G.csv: id,language,min_size,max_size[,max_per_institution]",
        )
        parser.add_argument(
            "--out", required=True, help="A.csv to write: id,group,choice_rank,reason"
        )
        parser.add_argument("--time-limit", type=float, default=10.0, help="Seconds (default 10).")
        parser.add_argument("--method", choices=["solver", "greedy"], default="solver")
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, registrants, groups, out, time_limit, method, seed, **options):
        try:
            result = run_csv(
                registrants, groups, out, time_limit=time_limit, method=method, seed=seed
            )
        except CompositionError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{result.placed} placed, {len(result.unplaced)} unplaced, "
            f"{len(result.cancelled_groups)} group(s) cancelled ({result.status}); wrote {out}"
        )
