"""Registrations to events (by a logged-in professional or by e-mail), and sub-groups
("tables de conversation") inside an event.

A registration's seat is a ``booking.Booking``: its state (confirmed / waiting / cancelled) is
the booking's, changed through ``events.services`` -> ``booking.services`` only.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from booking.models import Booking


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(booking__status=Booking.Status.CONFIRMED)

    def waiting(self):
        return self.filter(booking__status=Booking.Status.WAITING).order_by(
            "booking__created_at", "booking__pk"
        )

    def active(self):
        return self.filter(booking__status__in=[Booking.Status.CONFIRMED, Booking.Status.WAITING])

    def checked_in(self):
        return self.filter(checked_in_at__isnull=False)


class Registration(models.Model):
    """One person's registration to one event."""

    event = models.ForeignKey(
        "events.Event",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
    )
    #: The account, when registered while logged in.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("account"),
    )
    #: Name and e-mail (copied from the account, or typed in the short form).
    name = models.CharField(_("name"), max_length=160)
    email = models.EmailField(_("e-mail"))
    #: Organization from the directory, or typed as free text.
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organization"),
    )
    organization_name = models.CharField(_("organization"), max_length=255, blank=True)
    #: Language of the e-mails.
    language = models.CharField(_("language"), max_length=5, default="fr")
    #: Consent to keep the data for this event (recorded with its date).
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    #: The seat (main booking), set by events.services.
    booking = models.OneToOneField(
        Booking,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registration",
        verbose_name=_("seat"),
    )
    #: Bookings of options (the lunch...).
    option_bookings = models.ManyToManyField(
        Booking, blank=True, related_name="+", verbose_name=_("options booked")
    )
    #: Options asked for (kept while on the waiting list, booked when promoted).
    wanted_options = models.ManyToManyField(
        "events.EventOption", blank=True, related_name="+", verbose_name=_("options asked for")
    )
    #: Sub-group wished and assigned.
    table_choice = models.ForeignKey(
        "events.SubGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("table wished"),
    )
    table = models.ForeignKey(
        "events.SubGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("table"),
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=models.Q(cancelled_at__isnull=True),
                name="events_one_registration_per_email",
            )
        ]

    def __str__(self):
        return f"{self.name} · {self.event}"

    @property
    def status(self) -> str:
        return self.booking.status if self.booking_id else Booking.Status.CANCELLED

    def get_status_display(self):
        return Booking.Status(self.status).label

    @property
    def organization_label(self) -> str:
        return str(self.organization) if self.organization_id else self.organization_name


class SubGroup(models.Model):
    """A conversation table inside an event (e.g. "Périnatalité et vulnérabilité")."""

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="subgroups")
    name = models.CharField(_("name"), max_length=160)
    #: Seats at the table; empty = no limit (automatic balancing still evens tables out).
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)

    class Meta:
        verbose_name = _("conversation table")
        verbose_name_plural = _("conversation tables")
        ordering = ["pk"]

    def __str__(self):
        return self.name
