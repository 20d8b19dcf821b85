"""The retention policy is complete (every personal field of every model has one), coherent
with the models, versioned, and the public page is generated from it in three languages."""

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from privacy import registry
from privacy.detection import personal_fields
from privacy.digest import policy_digest
from privacy.policy import After
from privacy.versions import HISTORY


def test_every_personal_field_of_every_model_has_a_policy():
    missing = []
    for model in apps.get_models():
        label = model._meta.label
        policy = registry.policy_for(label)
        for name in personal_fields(model):
            if policy is None or policy.rule(name) is None:
                missing.append(f"{label}.{name}")
    assert not missing, (
        "Personal-data fields without a retention policy (declare them in <app>/retention.py, "
        "see docs/privacy.md): " + ", ".join(missing)
    )


def test_a_new_personal_field_without_policy_is_named(monkeypatch):
    """The completeness test can fail: removing one declared field makes it name that field."""
    policy = registry.policy_for("events.Registration")
    fields = dict(policy.fields)
    del fields["email"]
    monkeypatch.setattr(policy, "fields", fields)
    model = apps.get_model("events.Registration")
    missing = [n for n in personal_fields(model) if policy.rule(n) is None]
    assert missing == ["email"]


def test_detection_rule_finds_names_emails_and_account_links():
    found = set(personal_fields(apps.get_model("intervisions.Registration")))
    assert {"first_name", "last_name", "email", "phone", "function", "user"} <= found
    assert "status" not in found and "sector" not in found  # fixed choices are not personal
    assert "actor_email" in personal_fields(apps.get_model("auditlog.LogEntry"))
    assert personal_fields(apps.get_model("territory.Municipality")) == []


def test_every_declared_field_exists():
    for policy in registry.policies():
        model = apps.get_model(policy.model)
        names = {f.name for f in model._meta.get_fields()}
        unknown = set(policy.fields) - names
        assert not unknown, f"{policy.model}: declared fields that do not exist: {unknown}"
        assert policy.after in After.labels


def test_policy_digest_matches_the_current_version():
    """Changing the declared policy without a new version in privacy/versions.py would change
    the public page without asking people again."""
    assert HISTORY[-1][3] == policy_digest(), (
        f"The retention policy changed: add a version to privacy/versions.py with digest "
        f"{policy_digest()!r}"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, words",
    [
        ("fr", ["Inscriptions aux intervisions", "anonymisé", "90 jours après"]),
        ("nl", ["Inschrijvingen voor intervisies", "geanonimiseerd", "90 dagen na"]),
        ("en", ["Intervision registrations", "anonymised", "90 days after"]),
    ],
)
def test_public_page_is_generated_from_the_policy(client, language, words):
    with translation.override(language):
        url = reverse("privacy:policy")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for word in words:
        assert word in html
    assert "2026-1" in html


@pytest.mark.django_db
def test_public_page_follows_the_settings(client, settings):
    settings.EVENTS_REGISTRATION_RETENTION_DAYS = 45
    html = client.get(reverse("privacy:policy")).content.decode()
    assert "45 jours après" in html


@pytest.mark.django_db
def test_demo_data_shows_every_page():
    import random

    from maillage.testing.factories import CoordinatorFactory, UserFactory
    from privacy import demo
    from privacy.models import Consent, RetentionRun

    pros = [UserFactory(email=f"pro0{i}@maillage.demo") for i in range(1, 8)]
    demo.load(random.Random(1), {"coordinators": [CoordinatorFactory()], "professionals": pros})
    # Demo people accepted the previous version or the current one.
    assert Consent.objects.filter(version=HISTORY[-2][0]).count() == 5
    assert Consent.objects.filter(version=HISTORY[-1][0]).count() == 3
    assert RetentionRun.objects.filter(dry_run=True).count() == 1
