"""Erasing one's account: registrations anonymised, invoices and statistics kept; refused while
the person is an organization's only administrator."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Membership
from events.models import Registration as EventRegistration
from events.tests.factories import EventFactory, in_days
from intervisions.models import Invoice
from intervisions.models import Registration as IntervisionRegistration
from maillage.testing.factories import MembershipFactory, OrganizationFactory, UserFactory
from privacy.errors import PrivacyError
from privacy.models import Consent
from privacy.services.erasure import erase_account

PASSWORD = "un-mot-de-passe-solide-42"


def with_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.mark.django_db
def test_erase_keeps_invoices_but_removes_the_name_from_registrations(client, full_person):
    with_password(full_person)
    invoice = Invoice.objects.get(registration__email="nadia@example.org")
    amount = invoice.amount
    upcoming = EventFactory(starts_at=in_days(20), capacity=5)
    from events import services

    services.register(upcoming, user=full_person)
    client.force_login(full_person)
    response = client.post(reverse("privacy:erase"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(email="nadia@example.org").exists()
    invoice = Invoice.objects.get(pk=invoice.pk)
    assert invoice.amount == amount and invoice.billed_to == "CPAS de Saint-Gilles"
    registration = invoice.registration
    assert registration.last_name == "—" and registration.first_name == "—"
    assert registration.email.endswith("@invalid") and registration.user_id is None
    assert registration.sector == "social"  # statistics kept
    assert not IntervisionRegistration.objects.filter(last_name="Benali").exists()
    assert not EventRegistration.objects.filter(name__icontains="Nadia").exists()
    assert not EventRegistration.objects.filter(email="nadia@example.org").exists()
    assert EventRegistration.objects.filter(event=upcoming).get().cancelled_at is not None
    assert not Consent.objects.filter(user__isnull=False).exists()
    assert not Membership.objects.filter(user__email="nadia@example.org").exists()
    # Signed out afterwards.
    assert client.get(reverse("privacy:my_data")).status_code == 302


@pytest.mark.django_db
def test_a_second_admin_is_required_before_an_admin_erases(client):
    org = OrganizationFactory(name="Maison médicale du Midi")
    admin = with_password(MembershipFactory(organization=org, is_admin=True).user)
    with pytest.raises(PrivacyError) as refused:
        erase_account(admin, password=PASSWORD, confirmed=True)
    assert "Maison médicale du Midi" in refused.value.message
    client.force_login(admin)
    page = client.post(reverse("privacy:erase"), {"password": PASSWORD, "confirm": "on"})
    assert page.status_code == 400
    assert "Maison médicale du Midi" in page.content.decode()
    assert get_user_model().objects.filter(pk=admin.pk).exists()
    # A second administrator: now the first one may leave.
    MembershipFactory(organization=org, is_admin=True)
    erase_account(admin, password=PASSWORD, confirmed=True)
    assert not get_user_model().objects.filter(pk=admin.pk).exists()
    assert Membership.objects.administrators().filter(organization=org).count() == 1


@pytest.mark.django_db
def test_a_pending_admin_does_not_count(client):
    org = OrganizationFactory()
    admin = with_password(MembershipFactory(organization=org, is_admin=True).user)
    pending = Membership.objects.create(user=UserFactory(), organization=org, is_admin=True)
    assert pending.status == Membership.Status.PENDING
    with pytest.raises(PrivacyError):
        erase_account(admin, password=PASSWORD, confirmed=True)


@pytest.mark.django_db
def test_wrong_password_or_no_confirmation_erases_nothing(client, person):
    with_password(person)
    client.force_login(person)
    wrong = client.post(reverse("privacy:erase"), {"password": "nope", "confirm": "on"})
    assert wrong.status_code == 400
    assert "mot de passe" in wrong.content.decode()
    unconfirmed = client.post(reverse("privacy:erase"), {"password": PASSWORD})
    assert unconfirmed.status_code == 400
    huge = client.post(reverse("privacy:erase"), {"password": "x" * 5000, "confirm": "on"})
    assert huge.status_code == 400
    assert get_user_model().objects.filter(pk=person.pk).exists()


@pytest.mark.django_db
def test_a_coordinator_cannot_erase_itself(coordinator):
    with pytest.raises(PrivacyError):
        erase_account(coordinator, password=None, confirmed=True)


@pytest.mark.django_db
def test_the_audit_trail_forgets_an_anonymised_registration(settings):
    from auditlog.models import LogEntry

    from events import services
    from events.services.retention import anonymise_past_registrations

    settings.EVENTS_REGISTRATION_RETENTION_DAYS = 1
    event = EventFactory(starts_at=in_days(-5), capacity=5)
    services.register(
        event,
        name="Awa Diallo",
        email="awa@example.org",
        organization_name="CGG",
        consent=True,
        now=in_days(-7),
    )
    trail = lambda: str(list(LogEntry.objects.values_list("object_repr", "changes")))  # noqa: E731
    assert "awa@example.org" in trail()
    assert anonymise_past_registrations() == 1
    assert "awa@example.org" not in trail() and "Awa" not in trail()
    assert LogEntry.objects.filter(object_repr__startswith="#").exists()
