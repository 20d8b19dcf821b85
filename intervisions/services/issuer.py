"""The invoice issuer (the network's coordinating body): read by invoices and certificates,
changed by coordinators only. Identifiers are stored in their normalised form."""

from django.db import transaction

from ..errors import IntervisionError
from ..models import InvoiceIssuer
from ..validators import normalise_bic, normalise_enterprise_number, normalise_iban
from .cycles import _require_coordinator


def current_issuer() -> InvoiceIssuer | None:
    """The issuer, or None while coordinators have not filled it in."""
    return InvoiceIssuer.objects.filter(pk=1).first()


def require_issuer() -> InvoiceIssuer:
    issuer = current_issuer()
    if issuer is None:
        raise IntervisionError("no_issuer")
    return issuer


@transaction.atomic
def save_issuer(issuer: InvoiceIssuer, by) -> InvoiceIssuer:
    """Validate (``full_clean``: BCE/KBO, IBAN and BIC check digits) and save the one issuer."""
    _require_coordinator(by)
    issuer.pk = 1
    issuer.full_clean()
    issuer.enterprise_number = normalise_enterprise_number(issuer.enterprise_number)
    issuer.iban = normalise_iban(issuer.iban)
    issuer.bic = normalise_bic(issuer.bic)
    issuer.save()
    return issuer
