"""Intervisions (invoices): yearly cycles of closed peer-supervision groups, their registrations, sessions,
hosts, presenters, attendance and invoices.

Rows are written through ``intervisions.services`` only (one door per status). Seats in a group
and its waiting list live in the shared capacity service (``booking``), reached only through
``intervisions.seats``. This module never sends e-mail, never locks and never writes other apps'
rows.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .registrations import Registration


class InvoiceSequence(models.Model):
    """Last invoice number of a year (locked while numbering: gap-free, unique)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


class InvoiceQuerySet(models.QuerySet):
    def unpaid(self):
        return self.filter(paid_at__isnull=True)


class Invoice(models.Model):
    """The invoice of a paying registration, numbered YYYY-NNNN without gaps."""

    registration = models.OneToOneField(
        Registration, on_delete=models.PROTECT, related_name="invoice"
    )
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    #: Billed institution (its name stays after the person's data is anonymised).
    billed_to = models.CharField(_("billed to"), max_length=255)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=7, decimal_places=2)
    issued_on = models.DateField(_("issued on"))
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)

    objects = InvoiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        ordering = ["year", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="intervisions_invoice_number")
        ]

    def __str__(self):
        return self.number

    @property
    def number(self) -> str:
        return f"{self.year}-{self.sequence:04d}"

    @property
    def is_paid(self) -> bool:
        return self.paid_at is not None
