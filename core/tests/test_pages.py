"""Home page, base layout accessibility landmarks, audit trail for coordinators, demo data."""

import io
import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from directory.models import Organization, Service
from events.models import Event
from intervisions.models import Cycle, Session
from maillage.testing.factories import OrganizationFactory
from orientation.models import PathRecord
from territory.models import Municipality

ROOT = Path(__file__).resolve().parents[2]


def test_home_page_is_accessible_and_says_what_the_platform_offers(client, db):
    OrganizationFactory.create_batch(3)
    html = client.get("/fr/").content.decode()
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert 'role="banner"' in html and 'role="contentinfo"' in html
    assert 'aria-label="Menu principal"' in html
    assert "3 organisations sont répertoriées" in html
    assert 'name="viewport"' in html


def test_audit_trail_records_changes_and_only_coordinators_read_it(client, coordinator, user):
    organization = OrganizationFactory(name_fr="Ancien nom")
    client.force_login(coordinator)
    organization.name_fr = "Nouveau nom"
    organization.save()
    client.force_login(user)
    assert client.get(reverse("core:audit_log")).status_code == 403
    client.force_login(coordinator)
    html = client.get(reverse("core:audit_log") + "?model=organization").content.decode()
    assert "Ancien nom" in html and "Nouveau nom" in html


def test_audit_trail_records_who_changed_an_account(client, coordinator):
    client.force_login(coordinator)
    client.post(
        reverse("accounts:profile"),
        {"first_name": "Claire", "last_name": "Nouvelle", "preferred_language": "fr", "phone": ""},
    )
    html = client.get(reverse("core:audit_log") + "?model=user").content.decode()
    assert "Nouvelle" in html
    coordinator.refresh_from_db()
    assert f"<td>{coordinator}</td>" in html  # the actor: "Claire Nouvelle"


def test_demo_data_is_deterministic_and_spread_over_the_region(db):
    call_command("load_demo", stdout=io.StringIO())
    assert Organization.objects.count() >= 300
    covered = Municipality.objects.filter(addresses__isnull=False).distinct().count()
    assert covered == 19
    assert Organization.objects.values("sector").distinct().count() >= 10
    assert User.objects.filter(role=User.Role.COORDINATOR).exists()
    # Every feature has something to show: services, events, a running intervision cycle.
    assert Service.objects.count() >= Organization.objects.count()
    assert Event.objects.exists()
    running = Cycle.objects.get(status=Cycle.Status.PUBLISHED)
    assert Session.objects.filter(group__cycle=running).exists()
    assert Cycle.objects.filter(status=Cycle.Status.OPEN).exists()
    from helpdesk.models import HelpRequest, OrientationLink

    assert HelpRequest.objects.filter(status="no_solution").exists()
    assert HelpRequest.objects.open().exists() and OrientationLink.objects.exists()
    from opendoors.models import Edition as OpenDoorsEdition
    from opendoors.models import Visit as OpenDoorsVisit

    past = OpenDoorsEdition.objects.order_by("starts_on").first()
    assert (
        OpenDoorsVisit.objects.filter(slot__participation__edition=past).confirmed().count() == 182
    )
    assert OpenDoorsEdition.objects.filter(wish_round="open").exists()
    assert PathRecord.objects.filter(result_count__gt=0).exclude(opened_services=[]).exists()
    first = list(Organization.objects.order_by("pk").values_list("pk", "name_fr")[:5])
    # A second run on a non-empty database is refused; --if-empty does nothing.
    call_command("load_demo", "--if-empty", stdout=io.StringIO())
    assert list(Organization.objects.order_by("pk").values_list("pk", "name_fr")[:5]) == first


def test_demo_login_works(client, db):
    call_command("load_demo", stdout=io.StringIO())
    response = client.post(
        reverse("account_login"),
        {"login": "professionnel@maillage.demo", "password": "maillage-demo-2026"},
    )
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_production_settings_pass_check_deploy():
    env = {
        **os.environ,
        "MAILLAGE_ENV": "production",
        "SECRET_KEY": "k" * 20 + "-Zq8!vX2#pL9@wR4$tY7%uI1^oP3&aS6*dF0(gH5)jK",
        "ALLOWED_HOSTS": "maillage.example.be",
        "DEBUG": "0",
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "MAILLAGE_ENV": "production", "SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
