"""Server time and size of every kind of page, on a network ten times the demo (DESIGN.md budget:
under 300 ms server time and under 150 KB transferred for any page).

    .venv/bin/python bench/pages.py                 # a fresh SQLite database in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/maillage_pages_bench .venv/bin/python bench/pages.py
    .venv/bin/python bench/pages.py --scale 1       # the demo network itself (quicker)
    DATABASE_URL=... .venv/bin/python bench/pages.py --reuse   # time again, no rebuild

Builds the network with the apps' demo loaders, ``--scale`` times over (default 10: 3,200
organizations, their services, about 200 events, 20 intervision cycles of 40 registrants), then
requests each page of ``PAGES`` once ("first": the process compiles the page's templates then;
the very first page also loads the search snapshot), then ``--runs`` times more (default 20,
p50 and p95 of these) with Django's test client
(in-process: server time without network, no static files), as the person the page is for:
an anonymous visitor, a professional (member of an organization; the requester of a helpdesk
request, an open doors visitor, a host member), a facilitator or a coordinator (no second
factor: none is required in this branch yet). Prints p50/p95 in ms, the HTML size and its gzip
size (what a browser would transfer behind a compressing proxy) and the number of SQL queries. Static files (CSS, htmx, Leaflet) are listed separately: they
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
    result_url: str = ""  # an orientation result page (a path that ends on a search)
    tree: object = None  # a published orientation tree
    node_code: str = ""  # a node of that tree's published version
    help_request: object = None  # an answered helpdesk request (its requester reads it)
    open_request: object = None  # a helpdesk request still in triage
    thesaurus_entry: object = None
    slot: object = None  # an open doors slot of the current programme
    host_slot: object = None  # an open doors slot with the most visitors (the host's page)
    participation: object = None  # that slot's participation


@dataclass
class Page:
    name: str
    who: str  # anonymous | professional | facilitator | coordinator | requester | visitor | host
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
    Page("my registrations", "professional", lambda n: "/fr/mes-inscriptions/"),
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
    # The directory's thesaurus and searches without result (coordinators).
    Page("thesaurus", "coordinator", lambda n: "/fr/annuaire/coordination/thesaurus/"),
    Page(
        "thesaurus new entry",
        "coordinator",
        lambda n: "/fr/annuaire/coordination/thesaurus/nouveau/",
    ),
    Page(
        "thesaurus entry",
        "coordinator",
        lambda n: f"/fr/annuaire/coordination/thesaurus/{n.thesaurus_entry.pk}/",
    ),
    Page(
        "zero-result searches",
        "coordinator",
        lambda n: "/fr/annuaire/coordination/recherches-sans-resultat/",
    ),
    # Orientation: guided paths (anyone), trees and gaps (coordinators).
    Page("orientation home", "anonymous", lambda n: "/fr/orientation/"),
    Page("orientation first step", "anonymous", lambda n: f"/fr/orientation/{n.tree.need}/"),
    Page("orientation result", "anonymous", lambda n: n.result_url),
    Page("orientation result", "professional", lambda n: n.result_url),
    Page("orientation trees", "coordinator", lambda n: "/fr/orientation/coordination/"),
    Page(
        "orientation tree edit",
        "coordinator",
        lambda n: f"/fr/orientation/coordination/{n.tree.need}/",
    ),
    Page(
        "orientation node edit",
        "coordinator",
        lambda n: f"/fr/orientation/coordination/{n.tree.need}/noeuds/{n.node_code}/",
    ),
    Page("orientation gaps", "coordinator", lambda n: "/fr/orientation/coordination/lacunes/"),
    # Helpdesk: a professional's requests, the coordinators' triage and needs watch.
    Page("helpdesk new request", "professional", lambda n: "/fr/helpdesk/nouvelle-demande/"),
    Page("helpdesk my requests", "requester", lambda n: "/fr/helpdesk/"),
    Page(
        "helpdesk a request", "requester", lambda n: f"/fr/helpdesk/demandes/{n.help_request.pk}/"
    ),
    Page("helpdesk triage", "coordinator", lambda n: "/fr/helpdesk/triage/"),
    Page(
        "helpdesk triage request",
        "coordinator",
        lambda n: f"/fr/helpdesk/triage/{n.open_request.pk}/",
    ),
    Page("needs watch", "coordinator", lambda n: "/fr/helpdesk/veille/"),
    # Open doors week: programme (anyone), visits and wishes, hosts, coordination.
    Page("open doors programme", "anonymous", lambda n: "/fr/portes-ouvertes/"),
    Page("open doors slot", "anonymous", lambda n: f"/fr/portes-ouvertes/creneau/{n.slot.pk}/"),
    Page("open doors slot", "visitor", lambda n: f"/fr/portes-ouvertes/creneau/{n.slot.pk}/"),
    Page("open doors my visits", "visitor", lambda n: "/fr/portes-ouvertes/mes-visites/"),
    Page("open doors wishes", "visitor", lambda n: "/fr/portes-ouvertes/voeux/"),
    Page("open doors host home", "host", lambda n: "/fr/portes-ouvertes/accueil/"),
    Page(
        "open doors participation",
        "host",
        lambda n: f"/fr/portes-ouvertes/accueil/{n.participation.pk}/",
    ),
    Page(
        "open doors new slot form",
        "host",
        lambda n: f"/fr/portes-ouvertes/accueil/{n.participation.pk}/creneau/",
    ),
    Page(
        "open doors slot edit form",
        "host",
        lambda n: f"/fr/portes-ouvertes/accueil/{n.participation.pk}/creneau/{n.host_slot.pk}/",
    ),
    Page(
        "open doors slot visitors",
        "host",
        lambda n: f"/fr/portes-ouvertes/creneau/{n.host_slot.pk}/visiteurs/",
    ),
    Page("open doors coordination", "coordinator", lambda n: "/fr/portes-ouvertes/coordination/"),
    Page(
        "open doors review",
        "coordinator",
        lambda n: f"/fr/portes-ouvertes/coordination/participation/{n.participation.pk}/",
    ),
    Page(
        "open doors wish round", "coordinator", lambda n: "/fr/portes-ouvertes/coordination/voeux/"
    ),
    Page(
        "open doors dashboard", "coordinator", lambda n: "/fr/portes-ouvertes/coordination/tableau/"
    ),
    # Privacy: the policy (anyone), one's data, the coordinators' schedule and read log.
    Page("privacy policy", "anonymous", lambda n: "/fr/vie-privee/"),
    Page("my data", "professional", lambda n: "/fr/vie-privee/mes-donnees/"),
    Page("my data export page", "professional", lambda n: "/fr/vie-privee/mes-donnees/export/"),
    Page(
        "retention schedule", "coordinator", lambda n: "/fr/vie-privee/coordination/conservation/"
    ),
    Page("read log", "coordinator", lambda n: "/fr/vie-privee/coordination/lectures/"),
]


def build_network(scale: int, seed: int = 2026) -> None:
    """The demo network, ``scale`` times over: organizations and services scaled by the
    directory loaders; events, intervision cycles, orientation paths and helpdesk requests by
    running their loaders again; the open doors week (two editions) and the privacy data (the
    demo accounts' consents) once, as in the demo: the week's programme is chosen among the
    (ten times more) services, and the accounts are not scaled."""
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
        issuer = importlib.import_module("intervisions.services.issuer")
        # The network has one invoice issuer: the loader's second run keeps the first one's.
        first_save = intervisions_demo.save_issuer
        intervisions_demo.save_issuer = lambda new, by: (
            issuer.current_issuer() or first_save(new, by)
        )
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
            importlib.import_module("orientation.demo").load(rng, context, stdout=out)
            importlib.import_module("helpdesk.demo").load(rng, context, stdout=out)
        intervisions_demo.save_issuer = first_save
        importlib.import_module("opendoors.demo").load(rng, context, stdout=out)
        importlib.import_module("privacy.demo").load(rng, context, stdout=out)


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
    _find_new_apps(n)
    return n


def _find_new_apps(n: Network) -> None:
    """Objects of the orientation, helpdesk, open doors and directory thesaurus pages."""
    from urllib.parse import urlencode

    from django.db.models import Count, Q

    from directory.models import ThesaurusEntry
    from helpdesk.models import HelpRequest
    from opendoors.models import Slot
    from opendoors.programme import current_edition
    from orientation import tree as pure
    from orientation.models import Tree
    from orientation.services import paths
    from territory.models import Municipality

    n.tree = Tree.objects.select_related("published").filter(published__isnull=False).first()
    data = paths.data_of(n.tree.published)
    n.node_code = next(iter(data["nodes"]))
    # A coordinator edits a draft (the published version is never edited in place).
    from accounts.models import User
    from orientation.services import trees

    if not n.tree.versions.drafts().exists():
        trees.start_draft(User.objects.get(email="coordination@maillage.demo"), n.tree)
    # The longest path that ends on a search, in the first municipality, in French.
    steps = max(
        (
            s
            for s in pure.branches(data)
            if data["nodes"][pure.leaf_of(data, s)]["kind"] == pure.SEARCH
        ),
        key=len,
    )
    nis = Municipality.objects.order_by("nis_code").values_list("nis_code", flat=True).first()
    answers = {}
    for code, answer in steps:
        kind = data["nodes"][code]["kind"]
        answers[code] = (
            "fr" if kind == pure.LANGUAGE else nis if kind == pure.MUNICIPALITY else answer
        )
    query = urlencode([("v", n.tree.published.number)] + sorted(answers.items()))
    n.result_url = f"/fr/orientation/{n.tree.need}/resultat/?{query}"
    answered = HelpRequest.objects.filter(requester__isnull=False, status="answered")
    n.help_request = (
        answered.annotate(k=Count("answers")).order_by("-k", "pk").first()
        or HelpRequest.objects.filter(requester__isnull=False).first()
    )
    n.open_request = HelpRequest.objects.filter(status__in=HelpRequest.OPEN_STATUSES).first()
    n.thesaurus_entry = ThesaurusEntry.objects.order_by("pk").first()
    edition = current_edition()
    n.slot = (
        Slot.objects.in_programme().filter(participation__edition=edition).order_by("pk").first()
    )
    n.host_slot = (
        Slot.objects.annotate(k=Count("visits", filter=Q(visits__booking__status="confirmed")))
        .order_by("-k", "pk")
        .first()
    )
    n.participation = n.host_slot.participation


def clients(n: Network) -> dict:
    from accounts.models import Membership, User

    facilitator = n.group.facilitator_social
    admin = (
        Membership.objects.filter(organization=n.organization, status="accepted", is_admin=True)
        .select_related("user")
        .first()
    )
    if admin is None:  # at ten times the demo, the event's organizer often has no account
        admin, _ = Membership.objects.update_or_create(
            user=User.objects.filter(role="professional").first(),
            organization=n.organization,
            defaults={"status": "accepted", "is_admin": True},
        )
    # The professional also edits the event: a member of its organizer (when the sheet pages'
    # organization is another one, the organizer having no services).
    Membership.objects.update_or_create(
        user=admin.user, organization=n.event.organizer, defaults={"status": "accepted"}
    )
    people = {
        "anonymous": None,
        "professional": admin.user,
        "facilitator": facilitator,
        "coordinator": User.objects.get(email="coordination@maillage.demo"),
        "requester": n.help_request.requester,
        "visitor": _visitor(),
        "host": _host(n.participation),
    }
    result = {}
    for who, user in people.items():
        client = Client()
        if user is not None:
            _accept_policy(user)
            _second_factor(user)
            client.force_login(user)
        result[who] = client
    return result


def _second_factor(user) -> None:
    """Coordinators need two-factor authentication before any page opens: give them the demo
    authenticator, as ``load_demo`` does (``core.demo``)."""
    if not user.is_coordinator:
        return
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    from core.demo import DEMO_TOTP_SECRET

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)


def _host(participation):
    """A member of the host organization (at ten times the demo, the loader's host is often
    nobody: the demo accounts belong to few of the 3,200 organizations; then one becomes it)."""
    from accounts.models import Membership, User

    if participation.enrolled_by_id:
        return participation.enrolled_by
    org = participation.service.organization
    member = Membership.objects.filter(organization=org, status="accepted").first()
    if member:
        return member.user
    user = User.objects.filter(
        email="host.bench@maillage.demo"
    ).first() or User.objects.create_user(
        email="host.bench@maillage.demo", password=None, first_name="Hôte", last_name="Bench"
    )
    Membership.objects.create(user=user, organization=org, status="accepted")
    return user


def _visitor():
    """The professional with the most active open doors visits (my visits, wishes)."""
    from django.db.models import Count

    from accounts.models import User
    from opendoors.models import Visit

    top = (
        Visit.objects.active()
        .values("visitor")
        .annotate(k=Count("pk"))
        .order_by("-k", "visitor")
        .first()
    )
    return User.objects.get(pk=top["visitor"])


def _accept_policy(user) -> None:
    """The person has accepted the current data policy (else every page redirects there)."""
    from privacy.models import Consent
    from privacy.versions import current_version

    if not Consent.objects.filter(user=user, version=current_version()).exists():
        Consent.objects.create(
            user=user, version=current_version(), context=Consent.Context.RENEWAL
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="time the pages on the network already in the PostgreSQL database (a previous run's)",
    )
    args = parser.parse_args()
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    reuse = args.reuse and os.environ.get("DATABASE_URL")
    if os.environ.get("DATABASE_URL") and not reuse:
        call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    started = time.perf_counter()
    if not reuse:
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
        f"{'page':30} {'who':12} {'status':>6} {'first ms':>8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7} "
        f"{'HTML KB':>8} {'gzip KB':>8}"
    )
    slowest, largest = (0.0, ""), (0.0, "")
    for page in PAGES:
        client = by_who[page.who]
        times, response = [], None
        try:
            url = page.url(n)
            # The process's first request of a page compiles its templates (and the first page
            # of all loads the search snapshot): timed apart ("first"), not in p50/p95.
            start = time.perf_counter()
            client.get(url)
            first = (time.perf_counter() - start) * 1000
            for _ in range(args.runs):
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(url)
                    times.append((time.perf_counter() - start) * 1000)
        except Exception as error:  # one broken page must not lose the others' figures
            print(f"{page.name:30} {page.who:12} ERROR {type(error).__name__}: {error}")
            continue
        body = response.content
        times.sort()
        p95 = times[max(0, int(round(0.95 * (len(times) - 1))))]
        gz = len(gzip.compress(body)) / 1024
        slowest = max(slowest, (p95, f"{page.name} ({page.who})"))
        largest = max(largest, (gz, f"{page.name} ({page.who})"))
        print(
            f"{page.name:30} {page.who:12} {response.status_code:>6} {first:8.1f} "
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
