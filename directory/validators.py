"""Django validators wrapping the pure identifier checks with translated messages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .identifiers import InvalidEnterpriseNumber, normalize_enterprise_number

ENTERPRISE_NUMBER_MESSAGES = {
    "length": _(
        "An enterprise number has 10 digits, for example 0123.456.749. Please check the number."
    ),
    "prefix": _("A Belgian enterprise number starts with 0 or 1."),
    "checksum": _(
        "This enterprise number is not valid: its last two digits do not match the others "
        "(modulo 97 check). Please copy it again from the Crossroads Bank for Enterprises."
    ),
}


def validate_enterprise_number(value: str) -> None:
    if not value:
        return
    try:
        normalize_enterprise_number(value)
    except InvalidEnterpriseNumber as error:
        raise ValidationError(ENTERPRISE_NUMBER_MESSAGES[error.code], code=error.code) from None
