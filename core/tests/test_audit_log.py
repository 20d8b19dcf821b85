"""The audit trail's page: foreign keys shown by name, and a query count that does not grow
with the rows shown (the names of a page are read together)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Membership
from maillage.testing.factories import MembershipFactory, OrganizationFactory


def _page(client, model="membership"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("core:audit_log") + f"?model={model}")
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _members(n, organization):
    # Each membership is logged with its two foreign keys (person and organization).
    return MembershipFactory.create_batch(n, organization=organization)


def test_query_count_stays_the_same_with_5_or_30_rows(client, coordinator):
    client.force_login(coordinator)
    _members(5, OrganizationFactory(name_fr="Maison Médicale Atlas"))
    html, with_5 = _page(client)
    assert html.count("Maison Médicale Atlas") >= 5
    _members(25, OrganizationFactory(name_fr="Centre Horizon"))
    html, with_30 = _page(client)
    assert html.count("Centre Horizon") >= 25
    assert with_30 <= with_5


def test_changed_foreign_keys_show_names_and_deleted_targets(client, coordinator):
    client.force_login(coordinator)
    membership = _members(1, OrganizationFactory(name_fr="Ancienne asbl"))[0]
    membership.organization = OrganizationFactory(name_fr="Nouvelle asbl")
    membership.save()
    html, _count = _page(client)
    assert "Ancienne asbl" in html and "Nouvelle asbl" in html
    person = membership.user
    Membership.objects.filter(user=person).delete()
    pk = person.pk
    person.delete()
    html, _count = _page(client)
    assert f"Élément supprimé (utilisateur {pk})" in html  # in the reader's language


def test_the_page_shows_the_same_changes_as_auditlog(client, coordinator):
    from auditlog.models import LogEntry

    from core import audit

    client.force_login(coordinator)
    membership = _members(3, OrganizationFactory(name_fr="Asbl Tilleul"))[0]
    membership.is_admin = True
    membership.save()
    expected = [e.changes_display_dict for e in LogEntry.objects.order_by("-timestamp")]
    assert [e.changes for e in audit.with_changes(audit.entries())] == expected
    html, _count = _page(client)
    assert "non → oui" in html  # a yes/no field, in the reader's language
    assert "— → Asbl Tilleul" in html  # nothing before: a dash


def test_long_values_are_shortened_on_the_page(client, coordinator):
    client.force_login(coordinator)
    organization = OrganizationFactory(name_fr="Courte")
    organization.description_fr = "Une description qui ne finit pas " * 10
    organization.save()
    html, _count = _page(client, "organization")
    assert "Une description qui ne finit pas " * 3 in html
    assert "Une description qui ne finit pas " * 4 not in html
    assert "…" in html


def test_every_field_of_a_journaled_model_has_a_translated_label():
    """The journal names a changed field by its verbose name: a field without one showed
    "decided by" or "user" in English on French and Dutch pages."""
    from auditlog.registry import auditlog
    from django.utils import translation
    from django.utils.functional import Promise

    untranslated = [
        f"{model._meta.label}.{field.name}"
        for model in auditlog.get_models()
        for field in model._meta.get_fields()
        if getattr(field, "concrete", False)
        and not field.auto_created
        and field.name != "id"
        and not isinstance(field.verbose_name, Promise)
    ]
    assert untranslated == []
    with translation.override("nl"):
        assert str(Membership._meta.get_field("decided_by").verbose_name) == "beslist door"
