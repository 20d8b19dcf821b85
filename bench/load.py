"""Benchmark: a mixed load (directory searches, page views, event registrations) on gunicorn and
PostgreSQL for a bounded time, then a check that no registration was lost or duplicated.

What it does:
1. (re)creates the PostgreSQL database (default ``maillage_h7``), migrates it, adds 60 published
   services to the directory and one published event with enough seats for everyone;
2. starts ``gunicorn maillage.wsgi`` on 127.0.0.1 only;
3. for ``--seconds`` seconds, ``--concurrency`` asyncio tasks of one httpx client each send a mix
   of requests: 50 % directory searches, 30 % page views (home, agenda, the event), 20 %
   registrations through the real logged-out form (distinct e-mail each);
4. prints throughput and p50/p95 per kind, then compares the e-mails the client saw confirmed
   with the database: every confirmed one stored exactly once, nothing stored that was not
   answered (lost or duplicated registrations make the result FAILED).

Run:  .venv/bin/python bench/load.py [--seconds 60] [--concurrency 20] [--workers 3]
This is a benchmark, not a test: it asserts counts (correctness), never timings.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from booking_burst import (  # noqa: E402
    CSRF_RE,
    GUNICORN,
    PYTHON,
    ROOT,
    free_port,
    percentile,
    recreate_database,
    setup_event,
    wait_for,
)

WORDS = ["logement", "santé mentale", "CPAS", "aide alimentaire", "jeunes", "Anderlecht", "xyz"]


def add_services(count: int) -> None:
    from directory.tests.factories import make_service

    for n in range(count):
        make_service(name_fr=f"Permanence {WORDS[n % len(WORDS)]} {n}")


def stored_emails(event_pk: int) -> Counter:
    from django.db import connections

    from events.models import Registration

    emails = Counter(Registration.objects.filter(event_id=event_pk).values_list("email", flat=True))
    connections.close_all()
    return emails


async def worker(n, base, event_pk, stop_at, timings, statuses, confirmed, answered):
    event_url = f"{base}/fr/agenda/{event_pk}/"
    form_url = f"{event_url}inscription/"
    rng = random.Random(n)
    sent = 0
    async with httpx.AsyncClient(timeout=60) as client:
        while time.perf_counter() < stop_at:
            roll = rng.random()
            started = time.perf_counter()
            if roll < 0.5:
                kind = "search"
                response = await client.get(f"{base}/fr/annuaire/", params={"q": rng.choice(WORDS)})
            elif roll < 0.8:
                kind = "page"
                response = await client.get(
                    rng.choice([f"{base}/fr/", f"{base}/fr/agenda/", event_url])
                )
            else:
                kind = "registration"
                form = await client.get(form_url)
                token = CSRF_RE.search(form.text).group(1)
                email = f"load{n}-{sent}@example.org"
                sent += 1
                started = time.perf_counter()  # the POST only
                answered.add(email)
                response = await client.post(
                    form_url,
                    data={
                        "csrfmiddlewaretoken": token,
                        "name": f"Personne {n}",
                        "email": email,
                        "organization_name": "CPAS",
                        "consent": "on",
                    },
                    headers={"Referer": form_url},
                )
                if response.status_code == 200 and 'id="registration-status"' in response.text:
                    confirmed.append(email)
            timings[kind].append(time.perf_counter() - started)
            statuses[(kind, response.status_code)] += 1


async def run_load(base, event_pk, seconds, concurrency):
    timings, statuses, confirmed, answered = defaultdict(list), Counter(), [], set()
    stop_at = time.perf_counter() + seconds
    started = time.perf_counter()
    await asyncio.gather(
        *(
            worker(n, base, event_pk, stop_at, timings, statuses, confirmed, answered)
            for n in range(concurrency)
        )
    )
    return time.perf_counter() - started, timings, statuses, confirmed, answered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--database", default="maillage_h7")
    args = parser.parse_args()

    database_url = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    settings_env = {"DATABASE_URL": database_url, "DEBUG": "0", "LOG_LEVEL": "WARNING"}
    env = {**os.environ, **settings_env}
    env.pop("MAILLAGE_TESTING", None)
    os.environ.update({**settings_env, "DJANGO_SETTINGS_MODULE": "maillage.settings"})
    sys.path.insert(0, str(ROOT))

    print(f"database {args.database}: recreate + migrate ...", flush=True)
    recreate_database(args.database)
    subprocess.run([PYTHON, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PYTHON, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True)
    event_pk = setup_event(100_000, waitlist=True)
    add_services(60)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [GUNICORN, "maillage.wsgi", "-w", str(args.workers), "-b", f"127.0.0.1:{port}"]
        + ["--timeout", "120", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(base, time.time() + 60)
        print(
            f"server: gunicorn -w {args.workers} on {base}; {args.concurrency} tasks, "
            f"{args.seconds} s",
            flush=True,
        )
        wall, timings, statuses, confirmed, answered = asyncio.run(
            run_load(base, event_pk, args.seconds, args.concurrency)
        )
    finally:
        server.terminate()
        server.wait(timeout=30)

    total = sum(len(values) for values in timings.values())
    print(f"requests: {total} in {wall:.1f} s ({total / wall:.1f} requests/s)")
    for kind in ("search", "page", "registration"):
        values = timings.get(kind, [])
        if values:
            print(
                f"  {kind:12} {len(values):6} ({len(values) / wall:5.1f}/s)  "
                f"p50 {percentile(values, 0.5) * 1000:6.0f} ms  "
                f"p95 {percentile(values, 0.95) * 1000:6.0f} ms"
            )
    print(f"HTTP statuses: {dict(sorted(statuses.items()))}")
    stored = stored_emails(event_pk)
    duplicated = sorted(email for email, count in stored.items() if count > 1)
    lost = sorted(set(confirmed) - set(stored))
    unanswered = sorted(set(stored) - answered)
    unconfirmed_but_stored = sorted(set(stored) - set(confirmed))
    print(
        f"registrations: {len(confirmed)} confirmed to the client, {sum(stored.values())} rows "
        f"in the database; lost {len(lost)}, duplicated {len(duplicated)}, "
        f"never sent {len(unanswered)}, stored without a confirmation {len(unconfirmed_but_stored)}"
    )
    errors = sum(count for (_, status), count in statuses.items() if status >= 500)
    ok = not (lost or duplicated or unanswered or unconfirmed_but_stored or errors)
    print("RESULT:", "OK, no registration lost or duplicated" if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
