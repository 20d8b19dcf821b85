"""Size and server time of the pages with an organization picker, with 3,200 published
organizations (ten times the demo), and of the picker's JSON suggestions.

    .venv/bin/python bench/org_pickers.py            # the searchable picker (this code)
    .venv/bin/python bench/org_pickers.py --before   # the same pages with a plain <select>
                                                     # of every organization (the old widget)

A fresh SQLite database in a temporary folder (or ``DATABASE_URL``, flushed first). Builds the
organizations with ``bulk_create``, one upcoming event open to registration, one open
intervision cycle, a professional and a coordinator (second factor activated, policy accepted),
then requests each page ``--runs`` times with Django's test client (in-process: server time, no
network). Prints p50/p95 in ms, HTML KB and gzip KB. ``--before`` swaps the picker's rendering
for Django's ``Select`` (every organization as an ``<option>``), which is what these pages sent
before the picker existed.
"""

import argparse
import datetime
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
if not os.environ.get("DATABASE_URL"):
    os.environ["MAILLAGE_DATA_DIR"] = tempfile.mkdtemp(prefix="maillage-pickers-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
os.environ["DEBUG"] = "0"
warnings.filterwarnings("ignore", "No directory at")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

ORGANIZATIONS = 3_200


def build():
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP

    from accounts.models import Membership, User
    from directory.models import Organization, PublicationStatus
    from events.models import Event, EventType
    from intervisions.models import Cycle, Group
    from maillage.testing.factories import TOTP_SECRET
    from privacy.models import Consent
    from privacy.versions import current_version

    words = ["CPAS", "Maison médicale", "Service de santé mentale", "Centre", "Antenne", "Relais"]
    places = ["Ixelles", "Schaerbeek", "Anderlecht", "Forest", "Uccle", "Evere", "Jette"]
    Organization.objects.bulk_create(
        Organization(
            name=f"{words[i % 6]} {places[i % 7]} {i}",
            name_fr=f"{words[i % 6]} {places[i % 7]} {i}",
            name_nl=f"{words[i % 6]} {places[i % 7]} {i} (NL)",
            status=PublicationStatus.PUBLISHED,
        )
        for i in range(ORGANIZATIONS)
    )
    first = Organization.objects.order_by("name").first()
    people = {}
    for key, role in (("professional", "professional"), ("coordinator", "coordinator")):
        user = User.objects.create_user(
            f"{key}@bench.example",
            "bench-password-42",
            first_name="Bench",
            last_name=key,
            role=role,
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        Consent.objects.create(user=user, version=current_version(), context="signup")
        people[key] = user
    TOTP.activate(people["coordinator"], TOTP_SECRET)
    Membership.objects.create(user=people["professional"], organization=first, status="accepted")
    start = timezone.now() + datetime.timedelta(days=10)
    event = Event.objects.create(
        event_type=EventType.objects.first(),
        organizer=first,
        title="Table d'échanges",
        title_fr="Table d'échanges",
        place="Rue du Progrès 323, 1030 Schaerbeek",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        status=Event.Status.PUBLISHED,
        registration_required=True,
        capacity=40,
    )
    year = datetime.date.today().year + 1
    cycle = Cycle.objects.create(
        title="Intervisions",
        season=f"{year}-{year + 1}",
        start_date=datetime.date(year, 10, 1),
        end_date=datetime.date(year + 1, 6, 30),
        session_count=9,
        registration_deadline=datetime.date(2099, 9, 20),
        group_min_size=2,
        group_max_size=10,
        status=Cycle.Status.OPEN,
    )
    Group.objects.create(
        cycle=cycle,
        name="Lundi matin",
        language="fr",
        weekday=0,
        start_time=datetime.time(9),
        end_time=datetime.time(12),
    )
    return people, event, cycle


def plain_select():
    """The old rendering: Django's Select with every row of the queryset."""
    from django import forms

    from core.widgets import SearchSelect

    def render(self, name, value, attrs=None, renderer=None):
        return forms.Select.render(self, name, value, attrs, renderer)

    def get_context(self, name, value, attrs):
        return forms.Select.get_context(self, name, value, attrs)

    SearchSelect.template_name = "django/forms/widgets/select.html"
    SearchSelect.render = render
    SearchSelect.get_context = get_context


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--before", action="store_true", help="render a plain <select>")
    args = parser.parse_args()
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    if os.environ.get("DATABASE_URL"):
        call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if args.before:
        plain_select()
    people, event, cycle = build()
    clients = {"anonymous": Client()}
    for key, user in people.items():
        clients[key] = Client()
        clients[key].force_login(user)
    pages = [
        ("event page", "anonymous", f"/fr/agenda/{event.pk}/"),
        ("event registration form", "anonymous", f"/fr/agenda/{event.pk}/inscription/"),
        (
            "cycle registration form",
            "anonymous",
            f"/fr/intervisions/cycles/{cycle.pk}/inscription/",
        ),
        ("join an organization", "professional", "/fr/profil/organisations/rejoindre/"),
        ("new event form", "coordinator", "/fr/agenda/nouveau/"),
        ("helpdesk phone call", "coordinator", "/fr/helpdesk/triage/appel/"),
        ("suggestions 'sante'", "anonymous", "/fr/choix/organizations/?q=sante"),
        ("suggestions 'ixelles 12'", "anonymous", "/fr/choix/organizations/?q=ixelles+12"),
        ("suggestions (mine)", "professional", "/fr/choix/organizations/"),
    ]
    print(
        f"{'picker' if not args.before else 'plain <select> (before)'}, "
        f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, "
        f"{ORGANIZATIONS} organizations, {args.runs} requests per page"
    )
    print(
        f"{'page':28} {'who':12} {'status':>6} {'p50 ms':>8} {'p95 ms':>8} {'HTML KB':>8} {'gzip KB':>8}"
    )
    for name, who, url in pages:
        client, times = clients[who], []
        for _ in range(args.runs):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        body = response.content
        p95 = times[max(0, int(round(0.95 * (len(times) - 1))))]
        print(
            f"{name:28} {who:12} {response.status_code:>6} {statistics.median(times):8.1f} "
            f"{p95:8.1f} {len(body) / 1024:8.1f} {len(gzip.compress(body)) / 1024:8.1f}"
        )


if __name__ == "__main__":
    main()
