"""Benchmark of the open doors week: allocation by ranked wishes against first-come, and a burst
of simultaneous bookings of one slot on PostgreSQL through a live server.

1. Allocation (pure engine, no database): synthetic instances at the past edition's scale
   (50 services, 130 professionals) and 10 times it (500 services, 1,300 professionals), 3 slots
   per service of 2-4 seats over 5 days in 8 municipalities, 5 ranked wishes each with a
   popularity skew; rules: 3 visits per person, 30 minutes between municipalities. Prints wishes
   met and the share of applicants with no visit, for the allocation and for first-come in random
   arrival order (mean and range over 5 orders), and the solver's time.
2. Burst (with ``--burst``, needs PostgreSQL): (re)creates the database ``--database``, migrates,
   creates one slot with ``--seats`` seats and 200 signed-in professionals (sessions), starts
   ``gunicorn maillage.wsgi`` on 127.0.0.1, fires the 200 booking POSTs at once from separate
   processes, then checks: never more confirmed than the seats, the rest on the waiting list, no
   5xx; prints p50/p95 latency.

Run:  .venv/bin/python bench/opendoors.py [--scales 1 10] [--solver-workers 1] [--burst] [--database NAME]
A benchmark, not a test: it checks counts (correctness), never timings.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
CSRF = "b" * 32


# --- 1. allocation -----------------------------------------------------------------------


def allocation_figures(scales: list[int], time_limit: float, solver_workers: int) -> None:
    from opendoors.allocation import Rules, allocate, first_come, violations
    from opendoors.allocation.synthetic import instance

    print(f"load average (1, 5, 15 min): {os.getloadavg()}, {os.cpu_count()} cores", flush=True)

    rules = Rules(max_per_person=3, travel_minutes=30)
    for scale in scales:
        slots, wishes = instance(scale, seed=scale)
        people = len({w.professional for w in wishes})
        seats = sum(s.capacity for s in slots)
        cpu = time.process_time()  # every solver thread of this process
        best = allocate(slots, wishes, rules, time_limit=time_limit, workers=solver_workers)
        cpu = time.process_time() - cpu
        assert not violations({s.id: s for s in slots}, wishes, best.assignment, rules)
        runs = [first_come(slots, wishes, rules, seed=k) for k in range(5)]
        met = [r.wishes_met / len(wishes) for r in runs]
        zero = [1 - r.served / people for r in runs]
        print(
            f"scale {scale}x: {len(slots)} slots ({seats} seats), {people} professionals, "
            f"{len(wishes)} wishes\n"
            f"  allocation: {best.wishes_met / len(wishes):.1%} of wishes met, "
            f"{1 - best.served / people:.1%} of applicants with no visit, "
            f"{best.first_choices} first choices, rank sum {best.rank_sum}, {best.status}, "
            f"{best.seconds:.2f} s wall, {cpu:.2f} s CPU ({solver_workers} solver worker(s))\n"
            f"  first-come: {statistics.mean(met):.1%} of wishes met "
            f"({min(met):.1%}-{max(met):.1%}), {statistics.mean(zero):.1%} with no visit "
            f"({min(zero):.1%}-{max(zero):.1%})",
            flush=True,
        )


# --- 2. burst ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def recreate_database(name: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup_slot(seats: int, people: int):
    import warnings

    import django

    warnings.filterwarnings("ignore", "No directory at")
    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connections

    from accounts.models import User
    from opendoors.models import Slot
    from opendoors.tests import factories as f

    edition = f.edition(max_visitors_per_slot=max(8, seats))
    slot = f.slot(f.host_service(edition), capacity=seats)
    from django.contrib.auth.hashers import make_password

    unusable = make_password(None)
    users = User.objects.bulk_create(
        [
            User(email=f"burst{n}@example.org", first_name=f"P{n}", password=unusable)
            for n in range(people)
        ]
    )
    sessions = []
    for user in User.objects.filter(pk__in=[u.pk for u in users]):
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions.append(store.session_key)
    pk = Slot.objects.get(pk=slot.pk).pk
    connections.close_all()
    return pk, sessions


def book_once(args):
    base, slot_pk, session, barrier_at = args
    url = f"{base}/fr/portes-ouvertes/creneau/{slot_pk}/reserver/"
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": CSRF}).encode()
    request = urllib.request.Request(
        url,
        data=data,
        headers={"Cookie": f"sessionid={session}; csrftoken={CSRF}", "Referer": url},
    )
    while time.time() < barrier_at:  # every process fires at the same instant
        time.sleep(0.001)
    started = time.perf_counter()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        status = opener.open(request, timeout=120).status
    except urllib.error.HTTPError as error:
        status = error.code
    except Exception:  # noqa: BLE001 - reported as a failed request
        status = 0
    return status, time.perf_counter() - started


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def wait_for(base, deadline):
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{base}/fr/portes-ouvertes/", timeout=5).read()
            return
        except Exception:  # noqa: BLE001
            time.sleep(0.3)
    raise SystemExit("the server did not start in time")


def burst(args) -> bool:
    database_url = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "0", "LOG_LEVEL": "WARNING"}
    os.environ.update(
        {"DATABASE_URL": database_url, "DEBUG": "0", "DJANGO_SETTINGS_MODULE": "maillage.settings"}
    )
    print(f"database {args.database}: recreate + migrate ...", flush=True)
    recreate_database(args.database)
    subprocess.run([PYTHON, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PYTHON, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True)
    slot_pk, sessions = setup_slot(args.seats, args.requests)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            GUNICORN,
            "maillage.wsgi",
            "-w",
            str(args.workers),
            "--threads",
            "4",
            "-b",
            f"127.0.0.1:{port}",
            "--timeout",
            "120",
            "--backlog",
            "2048",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(base, time.time() + 60)
        at = time.time() + 3
        jobs = [(base, slot_pk, s, at) for s in sessions]
        with multiprocessing.get_context("spawn").Pool(args.processes) as pool:
            results = pool.map_async(
                book_once, jobs, chunksize=max(1, len(jobs) // args.processes)
            ).get(timeout=300)
    finally:
        server.terminate()
        server.wait(timeout=30)
    from booking.models import Booking
    from opendoors.models import Visit

    visits = Visit.objects.filter(slot_id=slot_pk)
    confirmed, waiting = visits.confirmed().count(), visits.waiting().count()
    statuses = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = [t for s, t in results if 0 < s < 500]
    errors = sum(n for s, n in statuses.items() if s >= 500 or s == 0)
    print(
        f"burst: {len(results)} simultaneous bookings of one slot with {args.seats} seats "
        f"(gunicorn -w {args.workers} --threads 4, {args.processes} client processes)\n"
        f"  HTTP statuses: {dict(sorted(statuses.items()))}\n"
        f"  database: {confirmed} confirmed, {waiting} waiting, "
        f"{Booking.objects.filter(resource__key=f'opendoors-slot:{slot_pk}').count()} bookings\n"
        f"  POST latency: p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms"
    )
    busy = args.requests - confirmed - waiting  # refused "busy, try again" (lock timeout)
    print(f"  refused with the 'try again in a moment' message (lock wait > 5 s): {busy}")
    ok = confirmed == args.seats and errors == 0 and busy >= 0
    print("RESULT:", "OK, never above capacity, no 5xx" if ok else "FAILED")
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="*", default=[1, 10])
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--solver-workers", type=int, default=1)
    parser.add_argument("--burst", action="store_true")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seats", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--processes", type=int, default=50)
    parser.add_argument("--database", default="maillage_opendoors_bench")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
    if args.scales:
        allocation_figures(args.scales, args.time_limit, args.solver_workers)
    if args.burst:
        sys.exit(0 if burst(args) else 1)


if __name__ == "__main__":
    main()
