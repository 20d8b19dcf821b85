"""Validators and normalisers of the invoice issuer's identifiers: the Belgian enterprise number
(BCE/KBO), the IBAN and the BIC, checked with python-stdnum (check digits included).

Each ``normalise_*`` returns the stored form or raises ``ValidationError`` with a translated
message; the model fields use the ``validate_*`` functions. Never touches the database.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import bic as std_bic
from stdnum import iban as std_iban
from stdnum.be import vat as std_be_vat
from stdnum.exceptions import ValidationError as StdnumError


def normalise_enterprise_number(value: str) -> str:
    """0123.456.749 (the way the Crossroads Bank for Enterprises writes it)."""
    try:
        digits = std_be_vat.validate(value)
    except StdnumError:
        raise ValidationError(
            _("This is not a valid Belgian enterprise number (10 digits, e.g. 0123.456.749)."),
            code="enterprise_number",
        ) from None
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def normalise_iban(value: str) -> str:
    """The IBAN in groups of four: BE68 5390 0754 7034."""
    try:
        return std_iban.format(std_iban.validate(value))
    except StdnumError:
        raise ValidationError(
            _("This is not a valid IBAN (check the letters and digits)."), code="iban"
        ) from None


def normalise_bic(value: str) -> str:
    """The BIC in capitals, without spaces: GKCCBEBB."""
    try:
        return std_bic.validate(value)
    except StdnumError:
        raise ValidationError(
            _("This is not a valid BIC (8 or 11 letters and digits, e.g. GKCCBEBB)."), code="bic"
        ) from None


def validate_enterprise_number(value: str) -> None:
    if value:
        normalise_enterprise_number(value)


def validate_iban(value: str) -> None:
    if value:
        normalise_iban(value)


def validate_bic(value: str) -> None:
    if value:
        normalise_bic(value)
