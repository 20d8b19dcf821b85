"""Booking: the one capacity service's data. A ``Resource`` has a capacity (seats of an event, its
lunch, an intervision group); a ``Booking`` holds one seat of it for a domain row (a registration,
an intervision registration...) through a generic reference.

A booking's ``status`` is changed ONLY by ``booking.services`` (one door, under the resource's
lock). This module never locks, never sends e-mail and never writes other apps' rows.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Resource(models.Model):
    """Something with a capacity, e.g. "event:12", "event:12:lunch", "intervision-group:3"."""

    #: Stable key chosen by the owning app; also the lock order (sorted by key).
    key = models.CharField(_("key"), max_length=200, unique=True)
    #: What a person sees ("Atelier du changement, 17 June", "Lunch").
    label = models.CharField(_("label"), max_length=255, blank=True)
    #: Number of seats; null means unlimited.
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    #: When full: put people on a waiting list (True) or refuse them (False).
    waitlist_enabled = models.BooleanField(_("waiting list"), default=True)
    #: Name of a rule of ``booking.rules`` that a waiting booking must pass to be promoted
    #: (e.g. at most 2 people of one institution in an intervision group); empty: in order.
    promotion_rule = models.CharField(_("promotion rule"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("bookable resource")
        verbose_name_plural = _("bookable resources")
        ordering = ["key"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gt=0),
                name="booking_resource_capacity_positive",
            )
        ]

    def __str__(self):
        return self.label or self.key

    def confirmed_count(self) -> int:
        return self.bookings.confirmed().count()

    def waiting_count(self) -> int:
        return self.bookings.waiting().count()

    def seats_left(self) -> int | None:
        """Free seats now (None when unlimited). Informative only: decisions are taken under lock."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_count(), 0)


class BookingQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Booking.Status.CONFIRMED)

    def waiting(self):
        """The waiting list, in promotion order (first come, first served)."""
        return self.filter(status=Booking.Status.WAITING).order_by("created_at", "pk")

    def active(self):
        """Bookings that still hold or wait for a seat."""
        return self.filter(status__in=[Booking.Status.CONFIRMED, Booking.Status.WAITING])

    def for_holder(self, holder):
        return self.filter(
            holder_type=ContentType.objects.get_for_model(holder), holder_id=str(holder.pk)
        )


class Booking(models.Model):
    """One seat (or one place on the waiting list) of a resource, held by a domain row."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        REFUSED = "refused", _("Refused")

    #: The resource whose capacity this booking uses.
    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="bookings", verbose_name=_("resource")
    )
    #: Type of the domain row that owns the booking (a registration...).
    holder_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    #: Its primary key as text, so that UUID and integer keys both work.
    holder_id = models.CharField(max_length=64)
    holder = GenericForeignKey("holder_type", "holder_id")
    #: Changed only through booking.services (never assign it elsewhere).
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.WAITING, editable=False
    )
    #: Waiting order: created_at, then pk.
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True, db_index=True)
    #: When a waiting booking got a seat.
    promoted_at = models.DateTimeField(_("promoted at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["resource", "status", "created_at"])]
        constraints = [
            # A holder has at most one active booking per resource (the database's last word
            # behind BookingError("already_booked")).
            models.UniqueConstraint(
                fields=["resource", "holder_type", "holder_id"],
                condition=models.Q(status__in=["confirmed", "waiting"]),
                name="booking_one_active_per_holder",
            )
        ]

    def __str__(self):
        return f"{self.resource} · {self.holder_type_id}:{self.holder_id} ({self.status})"

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.WAITING

    def waiting_position(self) -> int | None:
        """1 for the first person on the waiting list; None when not waiting."""
        if not self.is_waiting:
            return None
        earlier = self.resource.bookings.waiting().filter(
            models.Q(created_at__lt=self.created_at)
            | models.Q(created_at=self.created_at, pk__lt=self.pk)
        )
        return earlier.count() + 1
