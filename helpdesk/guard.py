"""Django side of the PII guard: what the directory publishes, and a form-field check.

``directory_known()`` gathers the phones, e-mails, street addresses and names of organizations
and services from the directory (cached a few minutes), so that a service copied from the
directory is never taken for a beneficiary. ``check_text()`` raises a ``ValidationError`` that
names what was found, in the user's language. This module never stores nor logs the text.
"""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .pii import Known, scan

CACHE_KEY = "helpdesk:pii-known:v1"
CACHE_SECONDS = 600

KIND_LABELS = {
    "nrn": _("a national register or BIS number"),
    "phone": _("a phone number"),
    "email": _("an e-mail address"),
    "iban": _("a bank account number (IBAN)"),
    "birthdate": _("a date of birth"),
    "address": _("a person's address"),
    "name": _("a person's name"),
}


def directory_known() -> Known:
    known = cache.get(CACHE_KEY)
    if known is None:
        known = _load_known()
        cache.set(CACHE_KEY, known, CACHE_SECONDS)
    return known


def _load_known() -> Known:
    from directory.models import Address, Location, Organization, Phone, Service

    names = []
    for model in (Organization, Service, Location):
        for row in model.objects.values_list("name_fr", "name_nl", "name_en"):
            names.extend(n for n in row if n)
    emails = list(Organization.objects.exclude(email="").values_list("email", flat=True))
    emails += list(Service.objects.exclude(email="").values_list("email", flat=True))
    return Known.build(
        phones=Phone.objects.values_list("number", flat=True),
        emails=emails,
        addresses=Address.objects.values_list("address_1", flat=True),
        names=names,
    )


def forget_directory():
    cache.delete(CACHE_KEY)


def findings(text: str):
    return scan(text or "", directory_known())


def describe(found) -> str:
    kinds = list(dict.fromkeys(f.kind for f in found))
    labels = ", ".join(str(KIND_LABELS[k]) for k in kinds)
    return ngettext(
        "This text seems to contain %(what)s of the person you accompany. Remove it (it is "
        "highlighted below) and save again: Maillage never stores a beneficiary's identity.",
        "This text seems to contain personal data of the person you accompany: %(what)s. Remove "
        "them (they are highlighted below) and save again: Maillage never stores a "
        "beneficiary's identity.",
        len(kinds),
    ) % {"what": labels}


def check_text(text: str):
    """Raise a ValidationError naming what was found (for forms of other apps too)."""
    found = findings(text)
    if found:
        raise ValidationError(describe(found), code="pii")
    return found
