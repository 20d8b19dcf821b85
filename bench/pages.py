"""Server time and size of every kind of page, on a network ten times the demo (DESIGN.md budget:
under 300 ms server time and under 150 KB transferred for any page).

    .venv/bin/python bench/pages.py                 # a fresh SQLite database in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/maillage_pages_bench .venv/bin/python bench/pages.py
    .venv/bin/python bench/pages.py --scale 1       # the demo network itself (quicker)

Builds the network with the apps' demo loaders, ``--scale`` times over (default 10: 3,200
organizations, their services, about 200 events, 20 intervision cycles of 40 registrants), then
requests each page of ``PAGES`` ``--runs`` times (default 20) with Django's test client
(in-process: server time without network, no static files), as the person the page is for:
an anonymous visitor, a professional (member of an organization), a facilitator or a
coordinator. Prints p50/p95 in ms, the HTML size and its gzip size (what a browser transfers)
and the number of SQL queries. Static files (CSS, htmx, Leaflet) are listed separately: they
are cached after the first page. Search pages are listed for completeness; search itself is
measured by ``bench/search.py``.

To add a page: append a ``Page(name, who, url)`` to ``PAGES``, where ``url`` is a function of
the ``Network`` (the objects the pages need: an event with registrants, a published cycle...)
returning the path. Add objects to ``Network`` when a new app needs them.
"""

import argparse
import gzip
import io
import os
import random
import statistics
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
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
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


@dataclass
class Network:
    """The objects the pages of PAGES are about (filled by build_network / find_objects)."""

    organization: object = None
    service: object = None
    event: object = None  # an upcoming event with registrants
    past_event: object = None  # a past event with expectations (report, follow-up)
    series: object = None
    cycle: object = None  # a published intervision cycle (groups, sessions, registrants)
    open_cycle: object = None
    group: object = None
    session: object = None
    registration: object = None  # an intervision registration (the person's page token)
    invoice: object = None


@dataclass
class Page:
    name: str
    who: str  # anonymous | professional | facilitator | coordinator
    url: object  # function(Network) -> path


def _token(n):
    from intervisions import services

    return services.page_token(n.registration)


PAGES = [
    # Public pages.
    Page("home", "anonymous", lambda n: "/fr/"),
    Page("directory search (no query)", "anonymous", lambda n: "/fr/annuaire/"),
    Page("directory search 'logement'", "anonymous", lambda n: "/fr/annuaire/?q=logement"),
    Page("organization list", "anonymous", lambda n: "/fr/annuaire/organisations/"),
    Page("organization sheet", "anonymous", lambda n: n.organization.get_absolute_url()),
    Page("service sheet", "anonymous", lambda n: f"/fr/annuaire/services/{n.service.pk}/"),
    Page("agenda", "anonymous", lambda n: "/fr/agenda/"),
    Page("agenda month", "anonymous", lambda n: "/fr/agenda/mois/"),
    Page("event", "anonymous", lambda n: f"/fr/agenda/{n.event.pk}/"),
    Page("event registration form", "anonymous", lambda n: f"/fr/agenda/{n.event.pk}/inscription/"),
    Page("series", "anonymous", lambda n: f"/fr/agenda/series/{n.series.pk}/"),
    Page("intervisions", "anonymous", lambda n: "/fr/intervisions/"),
    Page("cycle", "anonymous", lambda n: f"/fr/intervisions/cycles/{n.open_cycle.pk}/"),
    Page(
        "cycle registration form",
        "anonymous",
        lambda n: f"/fr/intervisions/cycles/{n.open_cycle.pk}/inscription/",
    ),
    Page(
        "my intervision registration",
        "anonymous",
        lambda n: f"/fr/intervisions/inscription/{_token(n)}/",
    ),
    # A professional's pages.
    Page("home", "professional", lambda n: "/fr/"),
    Page("profile", "professional", lambda n: "/fr/profil/"),
    Page("my registrations", "professional", lambda n: "/fr/agenda/mes-inscriptions/"),
    Page("organization sheet", "professional", lambda n: n.organization.get_absolute_url()),
    Page("service sheet", "professional", lambda n: f"/fr/annuaire/services/{n.service.pk}/"),
    Page(
        "organization edit form",
        "professional",
        lambda n: f"{n.organization.get_absolute_url()}modifier/",
    ),
    Page(
        "service edit form",
        "professional",
        lambda n: f"/fr/annuaire/services/{n.service.pk}/modifier/",
    ),
    Page("event edit form", "professional", lambda n: f"/fr/agenda/{n.event.pk}/modifier/"),
    Page("event registrants", "professional", lambda n: f"/fr/agenda/{n.event.pk}/inscriptions/"),
    # Facilitators' pages.
    Page("group", "facilitator", lambda n: f"/fr/intervisions/groupes/{n.group.pk}/"),
    Page(
        "session attendance",
        "facilitator",
        lambda n: f"/fr/intervisions/seances/{n.session.pk}/presences/",
    ),
    # Coordinators' pages.
    Page("home", "coordinator", lambda n: "/fr/"),
    Page("directory search (no query)", "coordinator", lambda n: "/fr/annuaire/"),
    Page("organization sheet", "coordinator", lambda n: n.organization.get_absolute_url()),
    Page("service sheet", "coordinator", lambda n: f"/fr/annuaire/services/{n.service.pk}/"),
    Page("moderation", "coordinator", lambda n: "/fr/annuaire/coordination/"),
    Page("stale sheets", "coordinator", lambda n: "/fr/annuaire/coordination/fiches-a-verifier/"),
    Page("duplicates", "coordinator", lambda n: "/fr/annuaire/coordination/doublons/"),
    Page("membership requests", "coordinator", lambda n: "/fr/profil/demandes/"),
    Page("journal (audit log)", "coordinator", lambda n: "/fr/journal/"),
    Page("event registrants", "coordinator", lambda n: f"/fr/agenda/{n.event.pk}/inscriptions/"),
    Page("event tables", "coordinator", lambda n: f"/fr/agenda/{n.event.pk}/tables/"),
    Page(
        "event report edit", "coordinator", lambda n: f"/fr/agenda/{n.past_event.pk}/compte-rendu/"
    ),
    Page("follow-up", "coordinator", lambda n: "/fr/agenda/suivi/"),
    Page("new event form", "coordinator", lambda n: "/fr/agenda/nouveau/"),
    Page("cycles (management)", "coordinator", lambda n: "/fr/intervisions/gestion/"),
    Page("cycle management", "coordinator", lambda n: f"/fr/intervisions/gestion/{n.cycle.pk}/"),
    Page(
        "cycle management (open)",
        "coordinator",
        lambda n: f"/fr/intervisions/gestion/{n.open_cycle.pk}/",
    ),
    Page(
        "cycle invoices",
        "coordinator",
        lambda n: f"/fr/intervisions/gestion/{n.cycle.pk}/factures/",
    ),
    Page("group (coordinator)", "coordinator", lambda n: f"/fr/intervisions/groupes/{n.group.pk}/"),
]


def build_network(scale: int, seed: int = 2026) -> None:
    """The demo network, ``scale`` times over: organizations and services scaled by the
    directory loaders, events and intervision cycles by running their loaders again."""
    import importlib

    from intervisions.models import Registration

    rng = random.Random(seed)
    out = io.StringIO()
    with transaction.atomic():
        orgs = importlib.import_module("directory.demo").load(rng, 320 * scale, stdout=out)
        context = {"organizations": orgs}
        context |= importlib.import_module("accounts.demo").load(rng, orgs, stdout=out)
        importlib.import_module("directory.demo_services").load(rng, context, stdout=out)
        events_demo = importlib.import_module("events.demo")
        intervisions_demo = importlib.import_module("intervisions.demo")
        for _ in range(scale):
            events_demo.load(rng, context, stdout=out)
            cycles = intervisions_demo.load(rng, context, stdout=out)["intervision_cycles"]
            # The loader fills its first cycle only: give the second as many registrants.
            main, other = cycles
            groups = list(other.groups.values_list("pk", flat=True))
            copies = []
            for r in main.registrations.all():
                r.pk, r.cycle, r.group, r.preferences = None, other, None, groups[:1]
                r.status = Registration.Status.PENDING
                copies.append(r)
            Registration.objects.bulk_create(copies)


def find_objects() -> Network:
    from django.utils import timezone

    from directory.models import Organization
    from events.models import Event, Series
    from intervisions.models import Cycle, Invoice

    n = Network()
    now = timezone.now()
    events = Event.objects.filter(registrations__isnull=False, starts_at__gte=now).distinct()
    # Prefer an event whose organizer also has services: the professional (an administrator of
    # that organization) then edits the event, the organization and one of its services.
    with_sheets = [e for e in events if e.organizer.services.exists()] or list(events)
    n.event = max(with_sheets, key=lambda e: e.registrations.count())
    n.past_event = (
        Event.objects.filter(starts_at__lt=now, expectations__isnull=False).distinct().first()
        or Event.objects.filter(starts_at__lt=now).first()
    )
    n.series = Series.objects.filter(sessions__isnull=False).first()
    n.organization = n.event.organizer
    published = Organization.objects.published().order_by("pk")
    with_services = published.filter(services__isnull=False).distinct()
    if not n.organization.services.exists():
        n.organization = with_services.first()
    n.service = n.organization.services.first()
    n.cycle = Cycle.objects.filter(status=Cycle.Status.PUBLISHED).order_by("pk").first()
    n.open_cycle = Cycle.objects.filter(status=Cycle.Status.OPEN).order_by("pk").first()
    n.group = n.cycle.groups.filter(cancelled=False, registrations__isnull=False).first()
    n.session = n.group.sessions.order_by("date").first()
    n.registration = n.group.registrations.first()
    n.invoice = Invoice.objects.first()
    return n


def clients(n: Network) -> dict:
    from accounts.models import Membership, User

    facilitator = n.group.facilitator_social
    admin = (
        Membership.objects.filter(organization=n.organization, status="accepted", is_admin=True)
        .select_related("user")
        .first()
    )
    people = {
        "anonymous": None,
        "professional": admin.user if admin else User.objects.filter(role="professional").first(),
        "facilitator": facilitator,
        "coordinator": User.objects.get(email="coordination@maillage.demo"),
    }
    result = {}
    for who, user in people.items():
        client = Client()
        if user is not None:
            client.force_login(user)
        result[who] = client
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    if os.environ.get("DATABASE_URL"):
        call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    started = time.perf_counter()
    build_network(args.scale)
    built = time.perf_counter() - started
    from directory.models import Organization, Service
    from events.models import Event
    from intervisions.models import Cycle, Registration

    n = find_objects()
    by_who = clients(n)
    print(
        f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, scale {args.scale}: "
        f"{Organization.objects.count()} organizations, {Service.objects.count()} services, "
        f"{Event.objects.count()} events, {Cycle.objects.count()} cycles, "
        f"{Registration.objects.count()} intervision registrations (built in {built:.0f} s); "
        f"{args.runs} requests per page, {os.cpu_count()} CPUs"
    )
    print(
        f"{'page':30} {'who':12} {'status':>6} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7} "
        f"{'HTML KB':>8} {'gzip KB':>8}"
    )
    slowest, largest = (0.0, ""), (0.0, "")
    for page in PAGES:
        client = by_who[page.who]
        url = page.url(n)
        times, response = [], None
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
        body = response.content
        times.sort()
        p95 = times[max(0, int(round(0.95 * (len(times) - 1))))]
        gz = len(gzip.compress(body)) / 1024
        slowest = max(slowest, (p95, f"{page.name} ({page.who})"))
        largest = max(largest, (gz, f"{page.name} ({page.who})"))
        print(
            f"{page.name:30} {page.who:12} {response.status_code:>6} "
            f"{statistics.median(times):8.1f} {p95:8.1f} {len(queries):>7} "
            f"{len(body) / 1024:8.1f} {gz:8.1f}"
        )
    print(
        f"slowest p95: {slowest[0]:.1f} ms, {slowest[1]}; largest: {largest[0]:.1f} KB gzip, {largest[1]}"
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
