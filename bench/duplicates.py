"""Server time of the coordinators' likely-duplicates page on ten times the demo's directory
(3,200 organizations, their places, services and phones). DESIGN.md budget: any page under
300 ms server time.

    .venv/bin/python bench/duplicates.py              # a fresh SQLite database in a temp folder
    .venv/bin/python bench/duplicates.py --scale 1    # the demo's 320 organizations
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/maillage_dup_bench .venv/bin/python bench/duplicates.py
    DATABASE_URL=sqlite:////tmp/dup.sqlite3 .venv/bin/python bench/duplicates.py --reuse  # no rebuild

Prints, for ``--runs`` requests (Django's test client, in-process, as a coordinator with the
second factor): p50/p95 of the whole page (the pairs read from the cache), of the page just after
a change of the directory (the cache forgotten: the matching runs again; ``--runs`` // 4 times,
at least 3), and of the matching alone (``candidates()`` reading the records, then
``find_pairs``), with the number of pairs found.

With ``DATABASE_URL`` and without ``--reuse`` the database is flushed; on a file that already
holds a network, delete the file first (a flush also drops the reference data the migrations
loaded: municipalities, taxonomies).
"""

import argparse
import io
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages  # noqa: E402  (environment, Django set-up, the coordinator's sign-in helpers)
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def build(scale: int, seed: int = 2026) -> None:
    import importlib

    rng = random.Random(seed)
    out = io.StringIO()
    with transaction.atomic():
        orgs = importlib.import_module("directory.demo").load(rng, 320 * scale, stdout=out)
        context = {"organizations": orgs}
        context |= importlib.import_module("accounts.demo").load(rng, orgs, stdout=out)
        importlib.import_module("directory.demo_services").load(rng, context, stdout=out)


def percentiles(times):
    times = sorted(times)
    return statistics.median(times), times[max(0, int(round(0.95 * (len(times) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--reuse", action="store_true", help="time the network already built")
    args = parser.parse_args()
    reuse = args.reuse and pages.os.environ.get("DATABASE_URL")
    setup_test_environment()
    pages.settings.ALLOWED_HOSTS = ["testserver"]
    if pages.os.environ.get("DATABASE_URL") and not reuse:
        call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    started = time.perf_counter()
    if not reuse:
        build(args.scale)
    built = time.perf_counter() - started

    from accounts.models import User
    from directory.duplicates import find_pairs
    from directory.models import Organization, Phone, Service
    from directory.services.duplicates import bump_version, candidates

    coordinator = User.objects.get(email="coordination@maillage.demo")
    pages._accept_policy(coordinator)
    pages._second_factor(coordinator)
    client = Client()
    client.force_login(coordinator)
    url = "/fr/annuaire/coordination/doublons/"
    assert client.get(url).status_code == 200
    page_times, matching_times, pairs = [], [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        response = client.get(url)
        page_times.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        pairs = find_pairs(candidates())
        matching_times.append((time.perf_counter() - start) * 1000)
    cold_times = []
    for _ in range(max(3, args.runs // 4)):
        bump_version()  # what any save of an organization, place, address or phone does
        start = time.perf_counter()
        client.get(url)
        cold_times.append((time.perf_counter() - start) * 1000)
    engine = pages.settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(
        f"database: {engine}, scale {args.scale}: {Organization.objects.count()} organizations, "
        f"{Service.objects.count()} services, {Phone.objects.count()} phones "
        f"(built in {built:.0f} s); {args.runs} requests"
    )
    # The minimum too: on a shared machine (and under ``nice``) it is the closest to a quiet one.
    p50, p95 = percentiles(page_times)
    print(
        f"duplicates page   p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  min {min(page_times):7.1f} ms  "
        f"{len(response.content)} bytes"
    )
    p50, p95 = percentiles(cold_times)
    print(
        f"after a change    p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  min {min(cold_times):7.1f} ms  "
        "(the matching runs again)"
    )
    p50, p95 = percentiles(matching_times)
    print(
        f"matching alone    p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
        f"min {min(matching_times):7.1f} ms  {len(pairs)} pairs"
    )


if __name__ == "__main__":
    main()
