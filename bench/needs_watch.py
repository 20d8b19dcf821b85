"""The needs watch page at 100,000 helpdesk requests (budget: p95 under 300 ms server time).

    .venv/bin/python bench/needs_watch.py [--requests 100000] [--runs 30]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/maillage_watch_bench .venv/bin/python bench/needs_watch.py

Builds its own data in a fresh SQLite database in a temporary folder (or empties the PostgreSQL
database given): 100,000 requests over twelve months, 50,000 orientation paths, 8,000 unmet
needs, 3,000 zero-result search counts. Then requests the page (and its CSV, a chart, the JSON
API) with Django's test client, in-process, as a coordinator: first with the figures cache
emptied before each request (the server computes everything), then cached. Prints p50/p95 ms.
"""

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
if not os.environ.get("DATABASE_URL"):
    os.environ["MAILLAGE_DATA_DIR"] = tempfile.mkdtemp(prefix="maillage-watch-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
os.environ["DEBUG"] = "0"
warnings.filterwarnings("ignore", "No directory at")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402


def build(n_requests: int):
    from accounts.models import User
    from directory.models import ZeroResultSearch
    from helpdesk.models import HelpRequest
    from orientation.models import PathRecord, UnmetNeed
    from orientation.needs import NEEDS
    from territory.models import Municipality

    rng = random.Random(14)
    municipalities = [
        (m, m.basins.first()) for m in Municipality.objects.prefetch_related("basins")
    ]
    now = timezone.now()
    publics = ["families", "adults", "adolescents", "older_people", "exile", "homeless", ""]
    statuses = ["answered", "closed", "no_solution", "new", "in_progress"]
    batch = []
    started = time.perf_counter()
    from helpdesk.models import month_of

    for _i in range(n_requests):
        municipality, basin = rng.choice(municipalities)
        created = now - dt.timedelta(days=rng.randint(0, 364), hours=rng.randint(0, 8))
        status = rng.choices(statuses, weights=[5, 6, 2, 1, 1])[0]
        finished = status in ("answered", "closed", "no_solution")
        batch.append(
            HelpRequest(
                need=rng.choice(NEEDS),
                public=rng.choice(publics),
                municipality=municipality,
                basin=basin,
                status=status,
                situation="Une situation décrite sans personne.",
                waiting_hours=rng.uniform(0.5, 30) if finished else None,
                helped=rng.choice([True, False, None]) if finished else None,
                created_month=month_of(created),
                created_at=created,
            )
        )
        if len(batch) == 5000:
            HelpRequest.objects.bulk_create(batch)
            batch = []
    HelpRequest.objects.bulk_create(batch)
    today = timezone.localdate()
    paths, unmet = [], []
    for _ in range(50_000):
        municipality, basin = rng.choice(municipalities)
        day = today - dt.timedelta(days=rng.randint(0, 364))
        paths.append(
            PathRecord(
                need=rng.choice(NEEDS),
                municipality=municipality,
                basin=basin,
                result_count=rng.randint(0, 9),
                completed_on=day,
            )
        )
    PathRecord.objects.bulk_create(paths, batch_size=5000)
    for _ in range(8_000):
        municipality, basin = rng.choice(municipalities)
        unmet.append(
            UnmetNeed(
                need=rng.choice(NEEDS),
                municipality=municipality,
                basin=basin,
                recorded_on=today - dt.timedelta(days=rng.randint(0, 364)),
            )
        )
    UnmetNeed.objects.bulk_create(unmet, batch_size=5000)
    zero = []
    for i in range(3_000):
        municipality, basin = rng.choice(municipalities)
        index = today.year * 12 + today.month - 1 - rng.randint(0, 11)
        zero.append(
            ZeroResultSearch(
                words=f"mots {i}",
                language="fr",
                basin=basin,
                month=dt.date(index // 12, index % 12 + 1, 1),
                count=rng.randint(1, 5),
            )
        )
    ZeroResultSearch.objects.bulk_create(zero, batch_size=3000)
    coordinator = User.objects.create_user("veille@bench.example", "x", role="coordinator")
    print(
        f"data built in {time.perf_counter() - started:.0f} s: {HelpRequest.objects.count()} requests, "
        f"{PathRecord.objects.count()} paths, {UnmetNeed.objects.count()} unmet needs, "
        f"{ZeroResultSearch.objects.count()} zero-result counts"
    )
    return coordinator


def measure(client, url, runs, clear):
    times = []
    for _ in range(runs):
        if clear:
            cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    return statistics.median(times), p95, len(response.content)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    if connection.vendor == "postgresql":
        # A clean schema (a flush would also empty the reference data of the migrations).
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    coordinator = build(args.requests)
    if connection.vendor == "postgresql":
        # What autovacuum does after a bulk load: planner statistics and the visibility map
        # (index-only scans). Without it the planner believes the tables are empty.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    # As on the site: the coordinator has a second factor and has accepted the data policy
    # (otherwise every page redirects to the set-up or the policy page).
    from pages import _accept_policy, _second_factor

    _accept_policy(coordinator)
    _second_factor(coordinator)
    client = Client()
    client.force_login(coordinator)
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"database: {engine}, {os.cpu_count()} CPUs (shared machine), {args.runs} requests each")
    print(f"{'what':44} {'cache':>8} {'p50 ms':>8} {'p95 ms':>8} {'KB':>6}")
    urls = [
        ("needs watch page (12 months)", "/fr/helpdesk/veille/"),
        ("needs watch page, one basin", "/fr/helpdesk/veille/?basin=sud-est"),
        ("CSV export", "/fr/helpdesk/veille/export.csv"),
        ("chart (monthly SVG)", "/fr/helpdesk/veille/graphique-monthly.svg"),
        ("JSON API", "/api/helpdesk/watch"),
    ]
    for name, url in urls:
        for clear in (True, False):
            p50, p95, size = measure(client, url, args.runs, clear)
            print(
                f"{name:44} {'emptied' if clear else 'warm':>8} {p50:8.1f} {p95:8.1f} {size / 1024:6.1f}"
            )


if __name__ == "__main__":
    main()
