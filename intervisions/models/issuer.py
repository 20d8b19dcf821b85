"""Intervisions (invoice issuer): who issues the invoices and the attendance certificates, the
network's coordinating body, set by coordinators on their invoicing page (one row).

Changed only through ``intervisions.services.issuer``; an issued invoice keeps a copy of these
details (``Invoice.issuer_*``), so changing them never alters an invoice already sent.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..validators import validate_bic, validate_enterprise_number, validate_iban

#: Suggested VAT mention (the issuer form's initial values) for a non-profit's training activity
#: (exempt, article 44 of the Belgian VAT code); coordinators change it when another one applies.
DEFAULT_VAT_MENTION = {
    "fr": "Exonération de TVA, article 44, § 2, du Code de la TVA",
    "nl": "Vrijgesteld van btw, artikel 44, § 2, van het Btw-wetboek",
    "en": "VAT exempt, article 44, § 2, of the Belgian VAT Code",
}


class InvoiceIssuer(models.Model):
    """The one issuer of the platform's invoices (primary key 1)."""

    #: Legal name, e.g. "Smes Connect asbl" (also the organizer on attendance certificates).
    name = models.CharField(_("name"), max_length=200)
    #: Registered office: street and number, postal code and city, on several lines.
    address = models.TextField(_("address"))
    #: Belgian enterprise number (BCE/KBO), stored as 0123.456.749.
    enterprise_number = models.CharField(
        _("enterprise number (BCE/KBO)"),
        max_length=12,
        validators=[validate_enterprise_number],
        help_text=_("10 digits, for example 0123.456.749."),
    )
    #: Bank account the invoices are paid to, in groups of four.
    iban = models.CharField(_("IBAN"), max_length=42, validators=[validate_iban])
    #: Bank identifier of the account.
    bic = models.CharField(_("BIC"), max_length=11, validators=[validate_bic])
    #: Printed on every invoice: why no VAT is charged (translated: fr, nl, en).
    vat_mention = models.CharField(
        _("VAT mention"),
        max_length=255,
        help_text=_("For example: VAT exempt, article 44, § 2, of the Belgian VAT Code."),
    )
    #: Days between the invoice date and its due date.
    payment_days = models.PositiveSmallIntegerField(
        _("payment term (days)"), default=30, validators=[MaxValueValidator(365)]
    )
    #: Where recipients write about an invoice.
    email = models.EmailField(_("e-mail for invoices"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("invoice issuer")
        verbose_name_plural = _("invoice issuer")
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="intervisions_one_issuer"),
            models.CheckConstraint(
                condition=models.Q(payment_days__lte=365), name="intervisions_payment_days_year"
            ),
        ]

    def __str__(self):
        return self.name
