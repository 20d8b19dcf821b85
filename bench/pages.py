"""Server time and size of the main pages, on the demo network (DESIGN.md budget: under 300 ms
server time and under 150 KB transferred for any page).

    .venv/bin/python bench/pages.py            # a fresh SQLite database in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/maillage_pages_bench .venv/bin/python bench/pages.py

Loads the demo data (load_demo), then requests each page 20 times with Django's test client
(in-process: server time without network), as an anonymous visitor and as a coordinator.
Prints p50/p95 in ms, the HTML size and its gzip size (what a browser transfers). Static files
(CSS, htmx, Leaflet) are listed separately: they are cached after the first page.
"""

import gzip
import io
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
    os.environ["MAILLAGE_DATA_DIR"] = tempfile.mkdtemp(prefix="maillage-pages-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
os.environ["DEBUG"] = "0"
warnings.filterwarnings("ignore", "No directory at")  # no collectstatic needed here

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from accounts.models import User  # noqa: E402
from directory.models import Organization  # noqa: E402

RUNS = 20


def main():
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    if os.environ.get("DATABASE_URL"):
        call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("load_demo", "--if-empty", stdout=io.StringIO())
    organization = Organization.objects.published().order_by("pk").first()
    service = organization.services.first() if hasattr(organization, "services") else None
    pages = [
        ("home", "/fr/"),
        ("directory search (no query)", "/fr/annuaire/"),
        ("directory search 'logement'", "/fr/annuaire/?q=logement"),
        ("organization sheet", organization.get_absolute_url()),
        ("agenda", "/fr/agenda/"),
        ("agenda month", "/fr/agenda/mois/"),
        ("intervisions", "/fr/intervisions/"),
    ]
    if service is not None:
        pages.insert(4, ("service sheet", f"/fr/annuaire/services/{service.pk}/"))
    anonymous = Client()
    coordinator = Client()
    coordinator.force_login(User.objects.get(email="coordination@maillage.demo"))
    print(
        f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, "
        f"{Organization.objects.count()} organizations, {RUNS} requests per page, "
        f"{os.cpu_count()} CPUs"
    )
    print(
        f"{'page':34} {'who':11} {'status':>6} {'p50 ms':>8} {'p95 ms':>8} {'HTML KB':>8} {'gzip KB':>8}"
    )
    for who, client in (("anonymous", anonymous), ("coordinator", coordinator)):
        for name, url in pages:
            times, response = [], None
            for _ in range(RUNS):
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            body = response.content
            times.sort()
            p95 = times[int(len(times) * 0.95) - 1]
            print(
                f"{name:34} {who:11} {response.status_code:>6} {statistics.median(times):8.1f} "
                f"{p95:8.1f} {len(body) / 1024:8.1f} {len(gzip.compress(body)) / 1024:8.1f}"
            )
    print("static files (cached after the first page):")
    for path in (
        "css/maillage.css",
        "django_htmx/htmx-2.min.js",
        "leaflet/leaflet.js",
        "leaflet/leaflet.css",
    ):
        found = finders.find(path)
        if found:
            data = Path(found).read_bytes()
            print(
                f"  {path:30} {len(data) / 1024:7.1f} KB, gzip {len(gzip.compress(data)) / 1024:6.1f} KB"
            )


if __name__ == "__main__":
    main()
