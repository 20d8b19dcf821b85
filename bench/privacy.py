"""Benchmark of the privacy app: the nightly retention job on many registrations, the cost of the
consent check on every page view, and the "My data" export of a busy person.

    .venv/bin/python bench/privacy.py [--registrations 20000]   # a fresh SQLite database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/maillage_privacy_bench .venv/bin/python bench/privacy.py

Builds its own data (events in the past with N registrations, half past the retention period),
then prints: apply_retention --dry-run and real run times and counts; the server time of a page
view (p50/p95 over 200 requests) with and without the consent middleware for a signed-in person;
the time of the JSON export of a person with 200 registrations. Prints figures, asserts counts.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
if not os.environ.get("DATABASE_URL"):
    os.environ["MAILLAGE_DATA_DIR"] = tempfile.mkdtemp(prefix="maillage-privacy-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
os.environ["DEBUG"] = "0"
warnings.filterwarnings("ignore", "No directory at")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402


def ms(values):
    values = sorted(values)
    return statistics.median(values) * 1000, values[int(len(values) * 0.95) - 1] * 1000


def build(n: int):
    from accounts.models import User
    from booking.models import Booking
    from directory.models import Organization
    from events.models import Event, EventType, Registration
    from privacy.models import Consent

    org = Organization.objects.create(name="Bench org", status="published")
    kind = EventType.objects.order_by("pk").first()
    now = timezone.now()
    events = []
    for i in range(20):
        start = now - datetime.timedelta(days=30 + i * 10)
        events.append(
            Event.objects.create(
                event_type=kind,
                organizer=org,
                title=f"Bench event {i}",
                starts_at=start,
                ends_at=start + datetime.timedelta(hours=2),
                status="published",
            )
        )
    person = User.objects.create_user("bench@example.org", "bench-password-42")
    Consent.objects.create(user=person, version="2026-1", context="signup")
    rows = [
        Registration(
            event=events[i % len(events)],
            name=f"Person {i}",
            email=f"p{i}@example.org",
            user=person if i < 200 else None,
            organization_name="Service social",
        )
        for i in range(n)
    ]
    Registration.objects.bulk_create(rows, batch_size=2000)
    del Booking
    return person


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--registrations", type=int, default=20000)
    args = parser.parse_args()
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    if os.environ.get("DATABASE_URL"):
        call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    person = build(args.registrations)

    from privacy.services.retention import apply_retention

    with override_settings(EVENTS_REGISTRATION_RETENTION_DAYS=120):
        from privacy import registry

        start = time.perf_counter()
        registry.policies()
        print(
            f"finding every app's retention.py (once per process): "
            f"{time.perf_counter() - start:.2f} s"
        )
        start = time.perf_counter()
        dry = apply_retention(dry_run=True)
        dry_s = time.perf_counter() - start
        start = time.perf_counter()
        run = apply_retention()
        run_s = time.perf_counter() - start
        again = apply_retention()
    due = run.results["event_registrations"]
    assert dry.results["event_registrations"] == due and again.results["event_registrations"] == 0
    print(f"registrations: {args.registrations}, past the retention period: {due}")
    print(
        f"apply_retention --dry-run: {dry_s:.2f} s; real run: {run_s:.2f} s "
        f"({due / run_s:.0f} registrations anonymised per second)"
    )

    client = Client()
    client.force_login(person)
    middleware = list(settings.MIDDLEWARE)
    without = [m for m in middleware if m != "privacy.middleware.ConsentMiddleware"]
    for label, stack in (("with consent check", middleware), ("without", without)):
        with override_settings(MIDDLEWARE=stack):
            client.get("/fr/vie-privee/")
            times = []
            for _ in range(200):
                start = time.perf_counter()
                response = client.get("/fr/profil/")
                times.append(time.perf_counter() - start)
                assert response.status_code == 200
        p50, p95 = ms(times)
        print(f"signed-in page view /fr/profil/ {label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")

    times = []
    for _ in range(10):
        start = time.perf_counter()
        response = client.get("/fr/vie-privee/mes-donnees/export.json")
        times.append(time.perf_counter() - start)
    p50, p95 = ms(times)
    print(
        f"JSON export of a person with 200 event registrations: p50 {p50:.0f} ms, "
        f"p95 {p95:.0f} ms, {len(response.content) // 1024} KB"
    )


if __name__ == "__main__":
    main()
