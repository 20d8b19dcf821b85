"""Invoices an accountant accepts: the issuer's and the recipient's details, a valid structured
communication, the VAT mention, in the person's language; the issuer page refuses bad
identifiers; credit notes cancel an invoice without breaking the numbering; issuing and
publishing ask for a confirmation that says how many."""

import datetime
import html
import re

import pytest
from django.urls import reverse

from intervisions import pdf, services
from intervisions.errors import IntervisionError
from intervisions.models import CreditNote, Cycle, Invoice, InvoiceIssuer
from intervisions.services import fees
from maillage.testing.factories import AddressFactory, OrganizationFactory
from maillage.testing.pdf import pdf_text

from .conftest import late_registration

LIMIT = 2.0
DAY = datetime.date(2030, 10, 2)
REFERENCE = re.compile(r"\+\+\+(\d{3})/(\d{4})/(\d{5})\+\+\+")


@pytest.fixture
def published(cycle, groups, register, coordinator):
    people = [register([groups[0]]) for _ in range(3)]
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    services.publish(cycle, coordinator)
    for p in people:
        p.refresh_from_db()
    return people


def _page(response) -> str:
    """The page's text as a person reads it (HTML entities such as &#x27; decoded, runs of
    whitespace made single spaces)."""
    return " ".join(html.unescape(response.content.decode()).split())


def _modulo_97_holds(groups) -> bool:
    digits = "".join(groups)
    return len(digits) == 12 and (int(digits[:10]) % 97 or 97) == int(digits[10:])


@pytest.mark.django_db
def test_invoice_pdf_has_what_an_accountant_checks(issuer, cycle, groups, register, coordinator):
    org = OrganizationFactory(name="CPAS de Forest", enterprise_number="0212.345.673")
    AddressFactory(
        location__organization=org,
        address_1="Rue de Bruxelles 50",
        postal_code="1190",
        city="Forest",
    )
    person = register([groups[0]], organization=org)
    register([groups[0]])  # a group takes place from two people
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    services.publish(cycle, coordinator)
    person.refresh_from_db()
    invoice = services.issue_invoice(person, today=DAY)
    text = pdf_text(pdf.invoice(invoice))
    # The issuer, with its enterprise number, IBAN and BIC.
    assert "Smes Connect asbl" in text and "Rue du Marché 12" in text
    assert "N° d'entreprise : 0403.170.701" in text
    assert "BE48 3200 7018 4927" in text and "BBRUBEBB" in text
    # The recipient institution and its address.
    assert "CPAS de Forest" in text and "Rue de Bruxelles 50" in text and "1190 Forest" in text
    assert "0212.345.673" in text
    # Number, dates, VAT mention, amount.
    assert "Facture 2030-0001" in text
    assert "2 octobre 2030" in text and "Échéance 1 novembre 2030" in text
    assert "TVA non applicable, art. 44 §2 du Code TVA" in text
    assert f"{person.fee:.2f} EUR".replace(".", ",") in text
    # A structured communication whose modulo 97 holds, the same as the invoice's.
    found = REFERENCE.findall(text)
    assert len(found) >= 2  # in the facts and in the payment sentence
    assert all(_modulo_97_holds(groups) for groups in found)
    assert invoice.payment_reference in text


@pytest.mark.django_db
def test_a_dutch_participants_invoice_is_in_dutch(issuer, cycle, groups, register, coordinator):
    person = register([groups[2]])  # the Dutch group: a Dutch registration
    register([groups[2]])
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    services.publish(cycle, coordinator)
    person.refresh_from_db()
    invoice = services.issue_invoice(person, today=DAY)
    assert invoice.language == "nl"
    text = pdf_text(pdf.invoice(invoice))  # downloaded from a French page: still Dutch
    assert "Factuur 2030-0001" in text and "Ondernemingsnummer: 0403.170.701" in text
    assert "Btw niet van toepassing, art. 44 §2 van het Btw-wetboek" in text
    assert "Gestructureerde mededeling" in text and "Vervaldatum 1 november 2030" in text


@pytest.mark.django_db
def test_an_issued_invoice_keeps_the_issuer_it_was_issued_with(issuer, published, coordinator):
    invoice = services.issue_invoice(published[0], today=DAY)
    issuer.iban, issuer.name = "BE71 0961 2345 6769", "Autre asbl"
    issuer.save()
    text = pdf_text(pdf.invoice(Invoice.objects.get(pk=invoice.pk)))
    assert "BE48 3200 7018 4927" in text and "Smes Connect asbl" in text
    assert "Autre asbl" not in text


@pytest.mark.django_db
def test_no_invoice_without_an_issuer(published, cycle, coordinator, client):
    with pytest.raises(IntervisionError) as error:
        services.issue_invoices(cycle, coordinator, today=DAY)
    assert error.value.code == "no_issuer"
    client.force_login(coordinator)
    page = _page(client.get(reverse("intervisions:issue_invoices", args=[cycle.pk])))
    assert "Qui émet les factures n'est pas encore renseigné" in page
    client.post(reverse("intervisions:issue_invoices", args=[cycle.pk]), {"confirm": "yes"})
    assert Invoice.objects.count() == 0


@pytest.mark.django_db
def test_credit_note_cancels_without_breaking_the_numbering(issuer, published, cycle, coordinator):
    issued = services.issue_invoices(cycle, coordinator, today=DAY)
    assert [i.number for i in issued] == ["2030-0001", "2030-0002", "2030-0003"]
    note = fees.credit(issued[1], "withdrawn", coordinator, today=DAY)
    assert note.number == "CN-2030-0001" and note.amount == issued[1].amount
    # The invoice stays, with its number; the next invoice takes the next number.
    assert sorted(Invoice.objects.values_list("sequence", flat=True)) == [1, 2, 3]
    assert Invoice.objects.get(pk=issued[1].pk).number == "2030-0002"
    late = services.issue_invoice(late_registration(published[0]), today=DAY)
    assert late.number == "2030-0004"
    second = fees.credit(issued[2], "error", coordinator, today=DAY)
    assert second.number == "CN-2030-0002"
    # Once only; a cancelled invoice cannot be paid and is never reminded.
    with pytest.raises(IntervisionError) as error:
        fees.credit(issued[1], "other", coordinator)
    assert error.value.code == "already_credited"
    with pytest.raises(IntervisionError):
        services.mark_paid(Invoice.objects.get(pk=issued[1].pk), coordinator)
    assert services.remind_unpaid_invoices(today=DAY + datetime.timedelta(days=40)) == 2
    text = pdf_text(pdf.credit_note(note))
    assert "Note de crédit CN-2030-0001" in text and "2030-0002" in text
    assert f"-{issued[1].amount:.2f}".replace(".", ",") + " EUR" in text
    assert "0403.170.701" in text and "La personne s'est retirée du cycle" in text
    invoice_text = pdf_text(pdf.invoice(Invoice.objects.get(pk=issued[1].pk)))
    assert "Annulée par la note de crédit CN-2030-0001" in invoice_text


@pytest.mark.django_db
def test_credit_note_page(issuer, published, cycle, coordinator, client, user):
    invoice = services.issue_invoices(cycle, coordinator, today=DAY)[0]
    url = reverse("intervisions:credit", args=[invoice.pk])
    client.force_login(user)
    assert client.post(url, {"reason": "error"}).status_code == 403
    client.force_login(coordinator)
    assert "Annuler la facture" in _page(client.get(url))
    bad = client.post(url, {"reason": "because"})
    assert bad.status_code == 200 and "errorlist" in bad.content.decode()
    assert not CreditNote.objects.exists()
    assert client.post(url, {"reason": "error"}).status_code == 302
    again = _page(client.post(url, {"reason": "error"}, follow=True))
    assert "déjà annulée par une note de crédit" in again
    assert CreditNote.objects.count() == 1
    note = CreditNote.objects.get()
    listing = client.get(reverse("intervisions:invoices", args=[cycle.pk])).content.decode()
    assert "CN-" in listing and reverse("intervisions:credit_note_pdf", args=[note.pk]) in listing
    response = client.get(reverse("intervisions:credit_note_pdf", args=[note.pk]))
    assert "Note de crédit" in pdf_text(response.content)
    assert client.get(reverse("intervisions:credit", args=[10**30])).status_code == 404


@pytest.mark.django_db
def test_issuing_asks_for_a_confirmation_that_counts(issuer, published, cycle, coordinator, client):
    client.force_login(coordinator)
    url = reverse("intervisions:issue_invoices", args=[cycle.pk])
    page = _page(client.get(url))
    total = f"{sum(p.fee for p in published):.2f}".replace(".", ",")
    assert f"3 factures seront émises, pour un total de {total} EUR." in page
    assert Invoice.objects.count() == 0  # looking issues nothing
    client.post(url)  # no confirmation: nothing
    assert Invoice.objects.count() == 0
    done = _page(client.post(url, {"confirm": "yes"}, follow=True))
    assert Invoice.objects.count() == 3 and "3 factures émises" in done
    assert "Il n'y a aucune facture à émettre" in _page(client.get(url))
    client.post(url, {"confirm": "yes"})  # a double submit issues nothing more
    assert Invoice.objects.count() == 3


@pytest.mark.django_db
def test_publish_asks_for_a_confirmation_that_counts(cycle, groups, register, coordinator, client):
    for _ in range(3):
        register([groups[0]])
    register([groups[1]])
    services.compose_cycle(cycle, coordinator, limit=LIMIT)
    client.force_login(coordinator)
    url = reverse("intervisions:publish", args=[cycle.pk])
    page = _page(client.get(url))
    # Three in Monday's group, the one person of Tuesday's is too few: no group for them.
    assert "3 personnes recevront une place. 1 groupe a lieu." in page
    assert "1 personne n'a pas de groupe" in page
    assert "2 groupes sans personne seront annulés." in page
    assert "4 e-mails seront envoyés." in page
    client.post(url)  # no confirmation
    assert Cycle.objects.get(pk=cycle.pk).status != Cycle.Status.PUBLISHED
    client.post(url, {"confirm": "yes"})
    assert Cycle.objects.get(pk=cycle.pk).status == Cycle.Status.PUBLISHED
    again = _page(client.get(url, follow=True))
    assert "déjà publiés" in again


@pytest.mark.django_db
def test_a_paid_invoice_says_payee(issuer, published, cycle, coordinator, client):
    invoice = services.issue_invoices(cycle, coordinator, today=DAY)[0]
    services.mark_paid(invoice, coordinator)
    client.force_login(coordinator)
    page = client.get(reverse("intervisions:invoices", args=[cycle.pk])).content.decode()
    assert "Payée" in page and "Payant" not in page
    assert "Payée" in pdf_text(pdf.invoice(Invoice.objects.get(pk=invoice.pk)))


VALID = {
    "name": "Smes Connect asbl",
    "address": "Rue du Marché 12\n1000 Bruxelles",
    "enterprise_number": "BE 0403 170 701",
    "iban": "be48320070184927",
    "bic": "bbru be bb",
    "vat_mention_fr": "TVA non applicable, art. 44 §2 du Code TVA",
    "vat_mention_nl": "Btw niet van toepassing, art. 44 §2 van het Btw-wetboek",
    "vat_mention_en": "",
    "payment_days": "30",
    "email": "",
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("enterprise_number", "0403.170.702", "numéro d'entreprise belge valide"),
        ("enterprise_number", "12", "numéro d'entreprise belge valide"),
        ("iban", "BE48 3200 7018 4928", "IBAN valide"),
        ("iban", "XX00", "IBAN valide"),
        ("bic", "BBRU", "BIC valide"),
        ("payment_days", str(10**30), "inférieure ou égale"),
        ("payment_days", "400", "inférieure ou égale à 365"),
        ("vat_mention_nl", "", "Ce champ est obligatoire"),
    ],
)
def test_issuer_page_refuses_bad_identifiers(client, coordinator, field, value, message):
    client.force_login(coordinator)
    response = client.post(reverse("intervisions:issuer"), VALID | {field: value})
    assert response.status_code == 200
    assert message in _page(response)
    if value:  # what was typed is kept
        assert value in _page(response)
    assert not InvoiceIssuer.objects.exists()


@pytest.mark.django_db
def test_issuer_page_saves_normalised_identifiers(client, coordinator, user, cycle):
    client.force_login(user)
    assert client.get(reverse("intervisions:issuer")).status_code == 403
    client.force_login(coordinator)
    page = _page(client.get(reverse("intervisions:issuer")))
    assert "Vrijgesteld van btw, artikel 44" in page  # suggested mentions in both languages
    url = reverse("intervisions:issuer") + f"?cycle={cycle.pk}"
    response = client.post(url, VALID)
    assert response.status_code == 302
    assert response["Location"] == reverse("intervisions:invoices", args=[cycle.pk])
    issuer = InvoiceIssuer.objects.get()
    assert (issuer.enterprise_number, issuer.iban, issuer.bic) == (
        "0403.170.701",
        "BE48 3200 7018 4927",
        "BBRUBEBB",
    )
    assert (
        client.post(reverse("intervisions:issuer"), VALID | {"name": "Nouveau"}).status_code == 302
    )
    assert InvoiceIssuer.objects.get().name == "Nouveau" and InvoiceIssuer.objects.count() == 1
