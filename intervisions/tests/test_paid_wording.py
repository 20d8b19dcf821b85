"""A paid invoice says "Payée" on the person's "my registrations" page, not "Payant" (the
directory's word for a paid service): the two "Paid" live in different catalogues and Django
would show the first app's translation everywhere (core/tests/test_catalogue_collisions.py)."""

import datetime
import html
import re

import pytest
from django.urls import reverse

from intervisions import services
from maillage.testing.factories import UserFactory

DAY = datetime.date(2030, 10, 2)


@pytest.mark.django_db
def test_my_registrations_say_the_invoice_is_payee(
    issuer, cycle, groups, register, coordinator, client
):
    registration = register([groups[0]])
    for _ in range(2):
        register([groups[0]])
    services.compose_cycle(cycle, coordinator, limit=2.0)
    services.publish(cycle, coordinator)
    registration.refresh_from_db()
    invoice = next(
        i
        for i in services.issue_invoices(cycle, coordinator, today=DAY)
        if i.registration_id == registration.pk
    )
    services.mark_paid(invoice, coordinator)
    client.force_login(UserFactory(email=registration.email))
    response = client.get(reverse("core:my_registrations"))
    page = " ".join(re.sub(r"<[^>]+>", " ", html.unescape(response.content.decode())).split())
    assert f"Facture {invoice.number} (Payée)" in page
    assert "Payant" not in page
