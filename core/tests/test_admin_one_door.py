"""The admin never writes a status that has rules: those fields are read-only there (they change
through the services, which keep the rules and write the change records)."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from accounts.models import Membership
from booking.models import Booking, Resource
from directory.models import ErrorReport, Organization, Service
from events.models import Action, Event, Expectation
from events.models import Registration as EventRegistration
from intervisions.admin import GroupInline
from intervisions.models import Attendance, Cycle, Invoice
from intervisions.models import Registration as IntervisionRegistration
from maillage.testing.factories import UserFactory

RULED = [
    (Organization, "status"),
    (Organization, "assured_date"),
    (Service, "assured_date"),
    (Service, "assured_by"),
    (Service, "assurer_email"),
    (Service, "publication_status"),
    (ErrorReport, "status"),
    (Membership, "status"),
    (Membership, "is_admin"),
    (Expectation, "status"),
    (Expectation, "status_note"),
    (Event, "status"),
    (Event, "attendance_count"),
    (EventRegistration, "cancelled_at"),
    (EventRegistration, "event"),
    (EventRegistration, "checked_in_at"),
    (EventRegistration, "table"),
    (EventRegistration, "wanted_options"),
    (Action, "status"),
    (Action, "expectations"),
    (Cycle, "status"),
    (IntervisionRegistration, "status"),
    (IntervisionRegistration, "group"),
    (IntervisionRegistration, "cycle"),
    (IntervisionRegistration, "fee"),
    (IntervisionRegistration, "is_member"),
    (Attendance, "status"),
    (Invoice, "paid_at"),
    (Invoice, "amount"),
    (Invoice, "billed_to"),
    (Invoice, "issued_on"),
    (Invoice, "reminded_at"),
    (Resource, "capacity"),
    (Resource, "waitlist_enabled"),
    (Booking, "status"),
    (Booking, "resource"),
    (Booking, "holder_id"),
]

#: Rows only a service creates (a seat, a number without gaps, a consent): no "add" in the admin.
SERVICE_CREATED = [EventRegistration, IntervisionRegistration, Attendance, Invoice, Booking]


@pytest.fixture
def staff_request(db):
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    return request


@pytest.mark.parametrize(("model", "field"), RULED, ids=lambda v: getattr(v, "__name__", v))
def test_ruled_field_cannot_be_written_in_the_admin(staff_request, model, field):
    model_admin = admin.site._registry[model]
    assert field in model_admin.get_readonly_fields(staff_request)
    form = model_admin.get_form(staff_request)
    assert field not in form.base_fields


def test_group_cancellation_is_read_only_in_the_cycle_admin(staff_request):
    inline = GroupInline(Cycle, admin.site)
    assert "cancelled" in inline.get_readonly_fields(staff_request)
    assert "cancelled" not in inline.get_formset(staff_request).form.base_fields


def test_posting_is_admin_in_the_admin_changes_nothing(client, db):
    from maillage.testing.factories import MembershipFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    membership = MembershipFactory(is_admin=False)
    url = f"/fr/admin/accounts/membership/{membership.pk}/change/"
    page = client.get(url).content.decode()
    assert 'name="is_admin"' not in page
    response = client.post(
        url,
        {"user": membership.user_id, "organization": membership.organization_id, "is_admin": "on"},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.is_admin is False


@pytest.mark.parametrize("model", SERVICE_CREATED, ids=lambda m: m.__name__)
def test_rows_made_by_a_service_cannot_be_added_in_the_admin(staff_request, model):
    assert admin.site._registry[model].has_add_permission(staff_request) is False


def test_an_invoice_cannot_be_deleted_in_the_admin(staff_request):
    assert admin.site._registry[Invoice].has_delete_permission(staff_request) is False


def test_group_size_is_read_only_once_the_groups_are_published(staff_request):
    import datetime

    cycle_admin = admin.site._registry[Cycle]
    cycle = Cycle.objects.create(
        title="Intervisions",
        season="2030-2031",
        start_date=datetime.date(2030, 10, 1),
        end_date=datetime.date(2031, 6, 30),
        registration_deadline=datetime.date(2030, 9, 20),
    )
    assert "group_max_size" in cycle_admin.get_form(staff_request, cycle).base_fields
    Cycle.objects.filter(pk=cycle.pk).update(status=Cycle.Status.PUBLISHED)
    cycle.refresh_from_db()
    assert "group_max_size" in cycle_admin.get_readonly_fields(staff_request, cycle)
    assert "group_max_size" not in cycle_admin.get_form(staff_request, cycle).base_fields


def test_the_event_page_of_the_admin_shows_the_status_without_a_field(client, db):
    from events.tests.factories import EventFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    event = EventFactory(status=Event.Status.PUBLISHED)
    response = client.get(f"/fr/admin/events/event/{event.pk}/change/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="status"' not in page and 'name="attendance_count"' not in page
    assert str(Event.Status.PUBLISHED.label) in page


def test_change_pages_of_read_only_rows_still_open(client, db):
    """Support still reads an action, a booking and an invoice in the admin."""
    from events.tests.factories import EventFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    event = EventFactory(capacity=3)
    from events import services

    registration = services.register(
        event, name="P", email="p@example.org", organization_name="CPAS", consent=True
    )
    action = Action.objects.create(title="Plan", status=Action.Status.IN_PROGRESS)
    for url in [
        f"/fr/admin/events/action/{action.pk}/change/",
        f"/fr/admin/booking/booking/{registration.booking_id}/change/",
        f"/fr/admin/events/registration/{registration.pk}/change/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'name="status"' not in response.content.decode(), url
