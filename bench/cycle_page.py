"""Server time, size and SQL queries of the coordinators' cycle page with 200 registrants
(issue 10: "the cycle page stays usable with 200 registrants"; DESIGN.md budget for any page:
under 300 ms server time, under 150 KB transferred).

    .venv/bin/python bench/cycle_page.py                # a fresh SQLite database in a temp folder
    .venv/bin/python bench/cycle_page.py --registrants 400 --runs 30
    MAILLAGE_DATA_DIR=/tmp/cycle-bench .venv/bin/python bench/cycle_page.py   # keep the SQLite file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/maillage_cycle_bench .venv/bin/python bench/cycle_page.py

Builds one cycle with ``intervisions.tests.crowd.crowded_cycle`` (14 groups, 60 institutions, a
composition proposal), then times with Django's test client (in process: server time, no
network) the page as a coordinator sees it before publication, then after publication (seats,
waiting lists, calendars), and the page filtered on one group. Prints p50/p95 in ms, the HTML
size and its gzip size, and the number of SQL queries.
"""

import argparse
import gzip
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
if not os.environ.get("DATABASE_URL") and not os.environ.get("MAILLAGE_DATA_DIR"):
    os.environ["MAILLAGE_DATA_DIR"] = tempfile.mkdtemp(prefix="maillage-cycle-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
os.environ["DEBUG"] = "0"
warnings.filterwarnings("ignore", "No directory at")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def coordinator():
    from allauth.mfa.totp.internal.auth import TOTP

    from accounts.models import User
    from core.demo import DEMO_TOTP_SECRET
    from privacy.models import Consent
    from privacy.versions import current_version

    user = User.objects.filter(email="bench.cycle@maillage.demo").first()
    if user is not None:
        return user
    user = User.objects.create_user(
        email="bench.cycle@maillage.demo", password=None, first_name="Coord", last_name="Bench"
    )
    user.role = User.Role.COORDINATOR
    user.save(update_fields=["role"])
    TOTP.activate(user, DEMO_TOTP_SECRET)
    Consent.objects.create(user=user, version=current_version(), context=Consent.Context.RENEWAL)
    return user


def measure(client, url: str, runs: int) -> dict:
    client.get(url)  # warm caches (templates, translations)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    body = response.content
    times.sort()
    return {
        "p50": statistics.median(times),
        "p95": times[max(0, round(len(times) * 0.95) - 1)],
        "kb": len(body) / 1024,
        "gzip_kb": len(gzip.compress(body)) / 1024,
        "queries": len(queries),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--registrants", type=int, default=200)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    if os.environ.get("DATABASE_URL"):
        call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)

    from intervisions import services
    from intervisions.tests.crowd import crowded_cycle

    cycle = crowded_cycle(args.registrants)
    user = coordinator()
    client = Client()
    client.force_login(user)
    url = f"/fr/intervisions/gestion/{cycle.pk}/"
    group = cycle.groups.order_by("pk").first()
    results = [("before publication", measure(client, url, args.runs))]
    results.append(("one group", measure(client, f"{url}?group={group.pk}", args.runs)))
    services.publish(cycle, user)
    results.append(("after publication", measure(client, url, args.runs)))
    results.append(("waiting lists", measure(client, f"{url}?group=none", args.runs)))
    print(
        f"cycle page, {args.registrants} registrants, {cycle.groups.count()} groups, "
        f"{connection.vendor}, {args.runs} runs"
    )
    print(f"{'page':<22} {'p50 ms':>8} {'p95 ms':>8} {'KB':>7} {'gzip KB':>8} {'queries':>8}")
    for name, r in results:
        print(
            f"{name:<22} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['kb']:>7.1f} "
            f"{r['gzip_kb']:>8.1f} {r['queries']:>8}"
        )


if __name__ == "__main__":
    main()
