"""Benchmark of the HSDS export and import on the demo network: export (JSON + data package),
then import of each form into a directory emptied of its services and places, with the time of each step, the number of
records, and whether the data came back the same. It prints figures; it asserts nothing.

Run: .venv/bin/python bench/hsds_roundtrip.py [--database-url postgres://...]
Without --database-url it builds a throwaway SQLite database in a temporary folder.
"""

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def setup_django(database_url: str | None, folder: str) -> None:
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ["MAILLAGE_DATA_DIR"] = folder
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="maillage-hsds-bench-")
    setup_django(args.database_url, folder)

    from django.core.management import call_command

    from directory.hsds.exporter import export, published_services
    from directory.hsds.importer import load_records
    from directory.models import Location, Organization, Service
    from directory.services import apply_import

    if not Organization.objects.exists():
        call_command("load_demo", verbosity=0, stdout=io.StringIO())

    def snapshot():
        data = published_services()
        for item in data:
            item.pop("last_modified", None)
        return sorted(data, key=lambda s: s["id"])

    before = snapshot()
    out = Path(folder) / "export"
    start = time.perf_counter()
    result = export(out)
    export_s = time.perf_counter() - start
    size = sum(p.stat().st_size for p in out.iterdir())
    print(
        f"export: {result['services']} services, {len(result['files'])} files, "
        f"{size / 1e6:.1f} MB, {export_s:.2f} s"
    )
    for name, path in (("JSON services.json", out / "services.json"), ("data package", out)):
        # the demo's events point at organizations (protected): empty the services and
        # places, the organizations are then updated from the file
        Service.objects.all().delete()
        Location.objects.all().delete()
        start = time.perf_counter()
        batch = load_records(path)
        read_s = time.perf_counter() - start
        report = apply_import(batch)
        import_s = time.perf_counter() - start - read_s
        same = snapshot() == before
        print(
            f"import {name}: read {read_s:.2f} s, write {import_s:.2f} s "
            f"({report.created} created, {report.updated} updated, {len(report.rejected)} "
            f"rejected), {len(before) / (read_s + import_s):.0f} services/s, "
            f"same data as exported: {same}"
        )


if __name__ == "__main__":
    main()
