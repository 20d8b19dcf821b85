"""The admin never writes a status that has rules: those fields are read-only there (they change
through the services, which keep the rules and write the change records)."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from accounts.models import Membership
from directory.models import ErrorReport, Organization, Service
from events.models import Expectation
from events.models import Registration as EventRegistration
from intervisions.admin import GroupInline
from intervisions.models import Attendance, Cycle, Invoice
from intervisions.models import Registration as IntervisionRegistration
from maillage.testing.factories import UserFactory

RULED = [
    (Organization, "status"),
    (Service, "publication_status"),
    (ErrorReport, "status"),
    (Membership, "status"),
    (Membership, "is_admin"),
    (Expectation, "status"),
    (Expectation, "status_note"),
    (EventRegistration, "cancelled_at"),
    (Cycle, "status"),
    (IntervisionRegistration, "status"),
    (IntervisionRegistration, "group"),
    (Attendance, "status"),
    (Invoice, "paid_at"),
]


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
    url = f"/admin/accounts/membership/{membership.pk}/change/"
    page = client.get(url).content.decode()
    assert 'name="is_admin"' not in page
    response = client.post(
        url,
        {"user": membership.user_id, "organization": membership.organization_id, "is_admin": "on"},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.is_admin is False
