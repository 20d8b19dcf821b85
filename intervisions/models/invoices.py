"""Intervisions (invoices): the numbered invoices of paying registrations and the credit notes
that cancel them.

An invoice is never deleted or renumbered: it is cancelled by a credit note, numbered in its own
gap-free sequence. A registration may then get a new invoice: over time it has several, at most
one of them live (not cancelled), which the database enforces (``intervisions_one_live_invoice``,
a unique index on the registration of the invoices not ``cancelled``). Both keep a copy of what they printed (issuer, recipient, VAT mention), so a
later change of the issuer or of the directory never alters a document already sent. Rows are
written through ``intervisions.services.fees`` only; this module never sends e-mail, never locks
and never writes other apps' rows.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import payment_reference
from .registrations import Registration


class YearSequence(models.Model):
    """Last number of a year (locked while numbering: gap-free, unique)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.year}: {self.last}"


class InvoiceSequence(YearSequence):
    """Invoice numbers: YYYY-NNNN."""


class CreditNoteSequence(YearSequence):
    """Credit note numbers: CN-YYYY-NNNN (their own sequence: invoices keep theirs)."""


class InvoiceQuerySet(models.QuerySet):
    def unpaid(self):
        """Invoices still to be paid (neither paid nor cancelled by a credit note)."""
        return self.filter(paid_at__isnull=True, cancelled=False)

    def live(self):
        """Invoices not cancelled by a credit note (at most one per registration)."""
        return self.filter(cancelled=False)


class Invoice(models.Model):
    """An invoice of a paying registration, numbered YYYY-NNNN without gaps."""

    registration = models.ForeignKey(
        Registration,
        on_delete=models.PROTECT,
        related_name="invoices",
        verbose_name=_("registration"),
    )
    year = models.PositiveSmallIntegerField(verbose_name=_("year"))
    sequence = models.PositiveIntegerField(verbose_name=_("sequence number"))
    #: Language of the document (the person's), whoever downloads it.
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="fr"
    )
    #: Billed institution (its name stays after the person's data is anonymised).
    billed_to = models.CharField(_("billed to"), max_length=255)
    #: The institution's address when the invoice was issued (empty: none in the directory).
    billed_to_address = models.TextField(_("address of the institution billed"), blank=True)
    #: The institution's enterprise number (BCE/KBO), when the directory knows it.
    billed_to_enterprise_number = models.CharField(
        _("enterprise number of the institution billed"), max_length=12, blank=True
    )
    amount = models.DecimalField(_("amount (EUR)"), max_digits=7, decimal_places=2)
    issued_on = models.DateField(_("issued on"))
    #: Payment due date (issued_on + the issuer's payment term); empty on older invoices.
    due_on = models.DateField(_("due on"), null=True, blank=True)
    #: Copy of the issuer (``InvoiceIssuer``) at issue time; empty on older invoices.
    issuer_name = models.CharField(_("issuer"), max_length=200, blank=True)
    issuer_address = models.TextField(_("issuer's address"), blank=True)
    issuer_enterprise_number = models.CharField(
        _("issuer's enterprise number"), max_length=12, blank=True
    )
    issuer_iban = models.CharField(_("IBAN"), max_length=42, blank=True)
    issuer_bic = models.CharField(_("BIC"), max_length=11, blank=True)
    #: Why no VAT is charged, in the invoice's language.
    vat_mention = models.CharField(_("VAT mention"), max_length=255, blank=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    #: Set with its credit note, in the same transaction (``services.fees.credit``): the
    #: column the one-live-invoice constraint reads (a constraint cannot read another table).
    cancelled = models.BooleanField(_("cancelled by a credit note"), default=False)

    objects = InvoiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        ordering = ["year", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "sequence"], name="intervisions_invoice_number"
            ),
            models.UniqueConstraint(
                fields=["registration"],
                condition=models.Q(cancelled=False),
                name="intervisions_one_live_invoice",
            ),
        ]

    def __str__(self):
        return self.number

    @property
    def number(self) -> str:
        return f"{self.year}-{self.sequence:04d}"

    @property
    def payment_reference(self) -> str:
        """The Belgian structured communication to quote with the transfer."""
        return payment_reference.for_invoice(self.year, self.sequence)

    @property
    def is_paid(self) -> bool:
        return self.paid_at is not None

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled


class CreditNote(models.Model):
    """Cancels one invoice for its whole amount; numbered CN-YYYY-NNNN without gaps."""

    class Reason(models.TextChoices):
        WITHDRAWN = "withdrawn", _("The person withdrew from the cycle")
        GROUP_CANCELLED = "group_cancelled", _("The group does not take place")
        ERROR = "error", _("The invoice contains an error")
        OTHER = "other", _("Another reason")

    invoice = models.OneToOneField(
        Invoice, on_delete=models.PROTECT, related_name="credit_note", verbose_name=_("invoice")
    )
    year = models.PositiveSmallIntegerField(verbose_name=_("year"))
    sequence = models.PositiveIntegerField(verbose_name=_("sequence number"))
    #: Always the invoice's whole amount (printed as a negative amount).
    amount = models.DecimalField(_("amount (EUR)"), max_digits=7, decimal_places=2)
    issued_on = models.DateField(_("issued on"))
    reason = models.CharField(_("reason"), max_length=20, choices=Reason)

    class Meta:
        verbose_name = _("credit note")
        verbose_name_plural = _("credit notes")
        ordering = ["year", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "sequence"], name="intervisions_credit_note_number"
            )
        ]

    def __str__(self):
        return self.number

    @property
    def number(self) -> str:
        return f"CN-{self.year}-{self.sequence:04d}"
