"""Benchmark: bursts of simultaneous registrations to one event, on a real server and PostgreSQL.

What it does (bounded in count and time):
1. (re)creates the PostgreSQL database ``maillage_bench`` (127.0.0.1:5432, user postgres) and
   migrates it;
2. starts ``gunicorn maillage.wsgi`` on 127.0.0.1 only (4 sync workers by default);
3. for each level of concurrency (default 1, 50 and 500 requests in flight), creates a fresh
   published event with 15 seats and posts N registrations through the real logged-out form
   (one GET for the CSRF cookie and token, then POSTs with distinct e-mails). The client is ONE
   process: asyncio + httpx, a semaphore keeps exactly ``concurrency`` POSTs in flight (500 in
   flight means 500 open connections at once; the server queues what its workers cannot take);
4. prints per level: throughput (registrations per second, wall time of the POST phase), POST
   latency p50/p95/max as the client sees it (queueing included), the server's CPU time per
   request (user+system CPU of the gunicorn master and workers, read from /proc before and after
   the phase, divided by the number of requests; PostgreSQL's own CPU is not included), and the
   client's own CPU time (to show it stays small);
5. checks the database after every level: exactly 15 confirmed, the others on the waiting list
   (or refused with a clear message with ``--no-waitlist``), no 5xx, no client error.

Run:  .venv/bin/python bench/booking_burst.py [--levels 1:40,50:500,500:500] [--seats 15]
      [--workers 4] [--no-waitlist] [--database maillage_bench]
This is a benchmark, not a test: it checks counts (correctness), never asserts timings.
Linux only (reads /proc for the server's CPU time).
"""

from __future__ import annotations

import argparse
import asyncio
import html
import os
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def recreate_database(name: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup_event(seats: int, waitlist: bool, label: str) -> int:
    """A fresh published event (this process has Django configured for the bench database)."""
    from django.db import connections
    from django.utils import timezone

    from directory.models import Organization, PublicationStatus
    from events import services
    from events.models import Event, EventType

    organizer, _ = Organization.objects.get_or_create(
        name="Brusano Bassin Sud-Est",
        defaults={"name_fr": "Brusano Bassin Sud-Est", "status": PublicationStatus.PUBLISHED},
    )
    start = timezone.now() + timezone.timedelta(days=20)
    event = Event(
        event_type=EventType.objects.get(code="change-workshop"),
        organizer=organizer,
        title=f"Atelier du changement (bench {label})",
        title_fr=f"Atelier du changement (bench {label})",
        starts_at=start,
        ends_at=start + timezone.timedelta(hours=2),
        status=Event.Status.PUBLISHED,
        registration_required=True,
        capacity=seats,
        waitlist_enabled=waitlist,
        audience="public",
    )
    services.save_event(event, user=services.SYSTEM)  # the benchmark acts as the platform
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


def server_cpu_seconds(master_pid: int) -> float:
    """User + system CPU of the gunicorn master and its workers (live processes)."""
    pids = [master_pid]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == master_pid:  # ppid
                pids.append(int(entry))
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
    return total / TICKS


async def burst(base: str, event_pk: int, count: int, concurrency: int, first: int) -> list:
    """POST ``count`` registrations with ``concurrency`` in flight; returns (status, s, note)."""
    url = f"{base}/fr/agenda/{event_pk}/inscription/"
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    timeout = httpx.Timeout(300.0, pool=300.0)
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as client:
        page = await client.get(url)
        token = CSRF_RE.search(page.text).group(1)
        cookie = f"csrftoken={client.cookies['csrftoken']}"
        client.cookies.clear()  # every POST carries only the CSRF cookie, set below
        gate = asyncio.Semaphore(concurrency)

        async def one(n: int):
            data = {
                "csrfmiddlewaretoken": token,
                "name": f"Personne {n}",
                "email": f"bench{n}@example.org",
                "organization_name": "CPAS",
                "consent": "on",
            }
            async with gate:
                started = time.perf_counter()
                try:
                    response = await client.post(
                        url, data=data, headers={"Referer": url, "Cookie": cookie}
                    )
                except httpx.HTTPError as error:
                    return 0, 0.0, f"client error: {error!r}"
                elapsed = time.perf_counter() - started
                client.cookies.clear()
            note = ""
            if response.status_code == 400:
                alert = re.search(r'role="alert">(.*?)</div>', response.text, re.S)
                note = re.sub(r"<[^>]+>", " ", alert.group(1)).strip() if alert else "400"
                note = html.unescape(" ".join(note.split()))
            return response.status_code, elapsed, note

        return await asyncio.gather(*(one(first + n) for n in range(count)))


def wait_for(base: str, deadline: float) -> None:
    while time.time() < deadline:
        try:
            httpx.get(f"{base}/fr/agenda/", timeout=5)
            return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit("the server did not start in time")


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def run_level(args, base, master_pid, concurrency, count, first) -> bool:
    event_pk = setup_event(args.seats, not args.no_waitlist, f"{concurrency} in flight")
    cpu_before, client_before = server_cpu_seconds(master_pid), time.process_time()
    started = time.perf_counter()
    results = asyncio.run(burst(base, event_pk, count, concurrency, first))
    wall = time.perf_counter() - started
    server_cpu = server_cpu_seconds(master_pid) - cpu_before
    client_cpu = time.process_time() - client_before
    outcome = count_outcome(event_pk)
    statuses: dict[int, int] = {}
    for status, _, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = [elapsed for status, elapsed, _ in results if status in (200, 400)]
    refusals = sorted({note for status, _, note in results if status == 400})
    errors = sum(n for status, n in statuses.items() if status >= 500 or status == 0)
    expected_waiting = 0 if args.no_waitlist else count - args.seats
    ok = (
        outcome["confirmed"] == args.seats
        and errors == 0
        and outcome["waiting"] == expected_waiting
        and statuses.get(200, 0) == args.seats + expected_waiting
    )
    p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
    p95 = percentile(latencies, 0.95) * 1000 if latencies else float("nan")
    print(
        f"{concurrency:>9} | {count:>8} | {count / wall:>8.1f} | {p50:>7.0f} | {p95:>7.0f} | "
        f"{max(latencies or [0]) * 1000:>7.0f} | {server_cpu / count * 1000:>11.1f} | "
        f"{client_cpu / count * 1000:>11.1f} | {outcome['confirmed']:>4}/{outcome['waiting']:<4} | "
        f"{dict(sorted(statuses.items()))} {'OK' if ok else 'FAILED'}",
        flush=True,
    )
    if refusals:
        print(f"          refusal messages: {refusals}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--levels", default="1:40,50:500,500:500", help="in-flight:requests,...")
    parser.add_argument("--seats", type=int, default=15)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--no-waitlist", action="store_true")
    parser.add_argument("--database", default="maillage_bench")
    args = parser.parse_args()
    levels = [tuple(int(x) for x in level.split(":")) for level in args.levels.split(",")]

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
    import django

    django.setup()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [GUNICORN, "maillage.wsgi", "-w", str(args.workers), "-b", f"127.0.0.1:{port}"]
        + ["--timeout", "300", "--backlog", "2048", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    all_ok = True
    try:
        wait_for(base, time.time() + 240)
        print(
            f"server: gunicorn -w {args.workers} (sync) on {base}, PostgreSQL; {os.cpu_count()} "
            f"CPUs; {args.seats} seats per event, waiting list "
            f"{'off' if args.no_waitlist else 'on'}; client: 1 process, asyncio + httpx"
        )
        print(
            "in flight | requests |  regs/s | p50 ms  | p95 ms  | max ms  | server CPU  "
            "| client CPU  | conf/wait | HTTP statuses"
        )
        print(
            "          |          |         |         |         |         | ms/request  "
            "| ms/request  |           |"
        )
        first = 0
        for concurrency, count in levels:
            all_ok &= run_level(args, base, server.pid, concurrency, count, first)
            first += count
    finally:
        server.terminate()
        server.wait(timeout=120)
    print("RESULT:", "OK, never overbooked" if all_ok else "FAILED")
    sys.exit(0 if all_ok else 1)


if __name__ == "__main__":
    main()
