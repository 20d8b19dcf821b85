"""Benchmark: a burst of simultaneous registrations to one event, on a real server and PostgreSQL.

What it does (bounded in count and time):
1. (re)creates the PostgreSQL database ``maillage_bench`` (127.0.0.1:5432, user postgres),
   migrates it and creates one published event with 15 seats and an open registration;
2. starts ``gunicorn maillage.wsgi`` on 127.0.0.1 only (4 workers by default);
3. fires 500 registrations through the real logged-out registration form (GET the form for the
   CSRF cookie, then POST a distinct e-mail), from separate processes (multiprocessing);
4. checks the database: exactly 15 confirmed, the others on the waiting list (or refused with a
   clear message with ``--no-waitlist``), and no server error; prints p50/p95 latency.

Run:  .venv/bin/python bench/booking_burst.py [--requests 500] [--seats 15] [--processes 50]
      [--workers 4] [--no-waitlist] [--database maillage_bench]
This is a benchmark, not a test: it asserts counts (correctness), never timings.
"""

from __future__ import annotations

import argparse
import html
import http.cookiejar
import multiprocessing
import os
import re
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
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def recreate_database(name: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup_event(seats: int, waitlist: bool) -> int:
    """Runs in this process with Django configured for the bench database."""
    import django

    django.setup()
    from django.utils import timezone

    from directory.models import Organization, PublicationStatus
    from events import services
    from events.models import Event, EventType

    organizer = Organization.objects.create(
        name="Brusano Bassin Sud-Est",
        name_fr="Brusano Bassin Sud-Est",
        status=PublicationStatus.PUBLISHED,
    )
    start = timezone.now() + timezone.timedelta(days=20)
    event = Event(
        event_type=EventType.objects.get(code="change-workshop"),
        organizer=organizer,
        title="Atelier du changement (bench)",
        title_fr="Atelier du changement (bench)",
        starts_at=start,
        ends_at=start + timezone.timedelta(hours=2),
        status=Event.Status.PUBLISHED,
        registration_required=True,
        capacity=seats,
        waitlist_enabled=waitlist,
        audience="public",
    )
    services.save_event(event)
    from django.db import connections

    connections.close_all()
    return event.pk


def count_outcome(event_pk: int) -> dict:
    from django.db import connections

    from events.models import Registration

    registrations = Registration.objects.filter(event_id=event_pk)
    result = {
        "registrations": registrations.count(),
        "confirmed": registrations.confirmed().count(),
        "waiting": registrations.waiting().count(),
    }
    connections.close_all()
    return result


def register_once(args) -> tuple[int, float, str]:
    """One person: GET the form (CSRF cookie), POST the registration. Returns (status, s, note)."""
    base, event_pk, n = args
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    url = f"{base}/fr/agenda/{event_pk}/inscription/"
    try:
        form = opener.open(url, timeout=60).read().decode()
        token = CSRF_RE.search(form).group(1)
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "name": f"Personne {n}",
                "email": f"bench{n}@example.org",
                "organization_name": "CPAS",
                "consent": "on",
            }
        ).encode()
        request = urllib.request.Request(url, data=data, headers={"Referer": url})
        started = time.perf_counter()
        try:
            response = opener.open(request, timeout=60)
            status, body = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read().decode(errors="replace")
        elapsed = time.perf_counter() - started
    except Exception as error:  # noqa: BLE001 - reported as a failed request
        return 0, 0.0, f"client error: {error!r}"
    note = ""
    if status == 400:
        alert = re.search(r'role="alert">(.*?)</div>', body, re.S)
        note = re.sub(r"<[^>]+>", " ", alert.group(1)).strip() if alert else "400"
        note = html.unescape(" ".join(note.split()))
    return status, elapsed, note


def wait_for(base: str, deadline: float) -> None:
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{base}/fr/agenda/", timeout=5).read()
            return
        except Exception:  # noqa: BLE001
            time.sleep(0.3)
    raise SystemExit("the server did not start in time")


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--seats", type=int, default=15)
    parser.add_argument("--processes", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--no-waitlist", action="store_true")
    parser.add_argument("--database", default="maillage_bench")
    parser.add_argument("--timeout", type=int, default=300, help="overall limit, seconds")
    args = parser.parse_args()

    database_url = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "0", "LOG_LEVEL": "WARNING"}
    env.pop("MAILLAGE_TESTING", None)
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "DEBUG": "0",
            "DJANGO_SETTINGS_MODULE": "maillage.settings",
            "LOG_LEVEL": "WARNING",
        }
    )
    sys.path.insert(0, str(ROOT))

    print(f"database {args.database}: recreate + migrate ...", flush=True)
    recreate_database(args.database)
    subprocess.run([PYTHON, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PYTHON, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True)
    event_pk = setup_event(args.seats, waitlist=not args.no_waitlist)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            GUNICORN,
            "maillage.wsgi",
            "-w",
            str(args.workers),
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
        print(
            f"server: gunicorn -w {args.workers} on {base}; event {event_pk} with "
            f"{args.seats} seats, waiting list {'off' if args.no_waitlist else 'on'}",
            flush=True,
        )
        jobs = [(base, event_pk, n) for n in range(args.requests)]
        started = time.perf_counter()
        context = multiprocessing.get_context("spawn")
        with context.Pool(args.processes) as pool:
            pending = pool.map_async(register_once, jobs, chunksize=1)
            results = pending.get(timeout=args.timeout)
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    outcome = count_outcome(event_pk)
    statuses: dict[int, int] = {}
    for status, _, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = [elapsed for status, elapsed, _ in results if status in (200, 400)]
    refusals = sorted({note for status, _, note in results if status == 400})
    print(
        f"requests: {len(results)} in {wall:.1f} s from {args.processes} processes "
        f"({len(results) / wall:.0f} registrations/s)"
    )
    print(f"HTTP statuses: {dict(sorted(statuses.items()))}")
    print(
        f"database: {outcome['confirmed']} confirmed, {outcome['waiting']} waiting, "
        f"{outcome['registrations']} registrations"
    )
    if refusals:
        print(f"refusal messages: {refusals}")
    if latencies:
        print(
            f"POST latency: p50 {statistics.median(latencies) * 1000:.0f} ms, "
            f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, "
            f"max {max(latencies) * 1000:.0f} ms"
        )
    errors = sum(count for status, count in statuses.items() if status >= 500 or status == 0)
    expected_waiting = 0 if args.no_waitlist else args.requests - args.seats
    ok = (
        outcome["confirmed"] == args.seats
        and errors == 0
        and outcome["waiting"] == expected_waiting
        and statuses.get(200, 0) == args.seats + expected_waiting
    )
    print("RESULT:", "OK, never overbooked" if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
