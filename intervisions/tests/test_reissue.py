"""A credit-noted invoice no longer counts: the registration is invoiced again under a new number,
at most one of its invoices is live, and the person's pages show the live invoice and the
cancelled one with its credit note."""

import datetime
import html
import re

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from intervisions import pdf, services
from intervisions.models import Invoice
from intervisions.services import fees
from maillage.testing.factories import UserFactory
from maillage.testing.pdf import pdf_text

DAY = datetime.date(2030, 10, 2)


@pytest.fixture
def credited(issuer, cycle, groups, register, coordinator):
    """Three people placed and invoiced; the second person's invoice cancelled by a note."""
    people = [register([groups[0]]) for _ in range(3)]
    services.compose_cycle(cycle, coordinator, limit=2.0)
    services.publish(cycle, coordinator)
    issued = services.issue_invoices(cycle, coordinator, today=DAY)
    note = fees.credit(issued[1], "error", coordinator, today=DAY)
    people[1].refresh_from_db()
    return {"people": people, "issued": issued, "note": note}


def _text(response) -> str:
    """What a person reads: tags removed, entities decoded, whitespace made single spaces."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.mark.django_db
def test_a_credited_registration_is_invoiced_again_under_a_new_number(
    credited, cycle, coordinator, client
):
    person, old = credited["people"][1], credited["issued"][1]
    assert list(fees.missing_invoices(cycle)) == [person]
    client.force_login(coordinator)
    url = reverse("intervisions:issue_invoices", args=[cycle.pk])
    assert "1 facture sera émise" in _text(client.get(url))
    client.post(url, {"confirm": "yes"})
    new = Invoice.objects.live().get(registration=person)
    assert new.number not in (i.number for i in credited["issued"]) and new.pk != old.pk
    assert list(fees.missing_invoices(cycle)) == []
    token = services.page_token(person)
    client.logout()
    live_pdf = client.get(reverse("intervisions:my_invoice", args=[token]))
    assert new.number in pdf_text(live_pdf.content)
    assert "Annulée" not in pdf_text(live_pdf.content)


@pytest.mark.django_db
def test_the_cancelled_invoice_keeps_saying_so_and_its_note_is_downloadable(credited, client):
    person, old, note = credited["people"][1], credited["issued"][1], credited["note"]
    new = services.issue_invoice(person, today=DAY)
    token = services.page_token(person)
    base = reverse("intervisions:my_invoice", args=[token])
    page = _text(client.get(reverse("intervisions:my_registration", args=[token])))
    assert new.number in page and old.number in page
    assert f"annulée par la note de crédit {note.number}" in page
    old_text = pdf_text(client.get(base, {"invoice": old.pk}).content)
    assert "Annulée par la note de crédit CN-2030-0001" in old_text
    assert "Annulée" in pdf_text(pdf.invoice(Invoice.objects.get(pk=old.pk)))
    note_text = pdf_text(client.get(base, {"credit_note": note.pk}).content)
    assert "Note de crédit CN-2030-0001" in note_text and old.number in note_text


@pytest.mark.django_db
def test_issuing_twice_gives_one_live_invoice(credited, cycle, coordinator):
    person = credited["people"][1]
    first = services.issue_invoice(person, today=DAY)
    assert services.issue_invoice(person, today=DAY) == first
    assert services.issue_invoices(cycle, coordinator, today=DAY) == []  # nothing missing
    assert Invoice.objects.live().filter(registration=person).count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():  # the database refuses a second
        Invoice.objects.create(
            registration=person, year=2030, sequence=99, amount=1, issued_on=DAY, billed_to="x"
        )


@pytest.mark.django_db
def test_a_document_of_someone_else_or_a_bad_id_is_refused(credited, client):
    mine = reverse("intervisions:my_invoice", args=[services.page_token(credited["people"][0])])
    other_invoice, note = credited["issued"][1], credited["note"]
    assert client.get(mine, {"invoice": other_invoice.pk}).status_code == 404
    assert client.get(mine, {"credit_note": note.pk}).status_code == 404
    bad = client.get(mine, {"invoice": "abc"})
    assert bad.status_code == 400 and "identifiant" in _text(bad)


@pytest.mark.django_db
def test_my_data_lists_the_credited_invoice(credited):
    from intervisions.retention import export

    person = credited["people"][1]
    services.issue_invoice(person, today=DAY)
    user = UserFactory(email=person.email)  # the person's account, found by e-mail
    row = next(r for r in export(user) if r.get("kind") == "intervision_registration")
    assert row["invoice"]["number"] == "2030-0004"
    assert row["credited_invoices"] == [
        {
            "number": "2030-0002",
            "amount": str(credited["issued"][1].amount),
            "issued_on": DAY.isoformat(),
            "credit_note": "CN-2030-0001",
        }
    ]


@pytest.mark.django_db
def test_my_registrations_show_the_live_invoice_and_the_cancelled_one(credited, client):
    person, note = credited["people"][1], credited["note"]
    new = services.issue_invoice(person, today=DAY)
    client.force_login(UserFactory(email=person.email))
    page = _text(client.get(reverse("core:my_registrations")))
    assert f"Facture {new.number}" in page
    assert f"Facture 2030-0002 annulée par la note de crédit {note.number}" in page
