"""Open doors week ("Le grand bain"): editions and their rules, services taking part, the visit
slots they offer, visits (each holding a seat through ``booking``), ranked wishes and
evaluations.

Statuses (participation, wish round, attendance) change ONLY through ``opendoors.services``; a
visit's seat is a ``booking.Booking`` whose status only ``booking.services`` writes. This module
never locks, never sends e-mail and never writes other apps' rows.
"""

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from booking.models import Booking


class EditionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def coming(self, today=None):
        return self.filter(ends_on__gte=today or dt.date.today())

    def past(self, today=None):
        return self.filter(ends_on__lt=today or dt.date.today())


class Edition(models.Model):
    """One open doors week, with its calendar and rules."""

    class WishRound(models.TextChoices):
        NONE = "none", _("No wish round")
        OPEN = "open", _("Wish round open")
        ALLOCATED = "allocated", _("Allocation computed, not published")
        PUBLISHED = "published", _("Allocation published")

    #: Translated title, e.g. "Le grand bain 2025".
    name = models.CharField(_("name"), max_length=200)
    #: First and last day of the week.
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    #: The call to services: services enrol and offer slots between these dates.
    call_opens_on = models.DateField(_("call to services opens"))
    call_closes_on = models.DateField(_("call to services closes"))
    #: First-come booking window.
    booking_opens_at = models.DateTimeField(_("booking opens"))
    booking_closes_at = models.DateTimeField(_("booking closes"))
    #: Wish round state (one door: services.open_wish_round / run_allocation / publish).
    wish_round = models.CharField(
        _("wish round"), max_length=10, choices=WishRound, default=WishRound.NONE, editable=False
    )
    #: Figures of the last allocation run (served, wishes met, first choices, status...).
    allocation_figures = models.JSONField(default=dict, blank=True, editable=False)
    #: Rules.
    max_visits_per_person = models.PositiveSmallIntegerField(
        _("maximum visits per professional"), default=3, validators=[MinValueValidator(1)]
    )
    max_slots_per_service = models.PositiveSmallIntegerField(
        _("maximum slots per service"), default=3, validators=[MinValueValidator(1)]
    )
    max_visitors_per_slot = models.PositiveSmallIntegerField(
        _("maximum visitors per slot"), default=8, validators=[MinValueValidator(1)]
    )
    #: Optional cap on visitors of one service over all its slots (empty: none).
    max_visitors_per_service = models.PositiveSmallIntegerField(
        _("maximum visitors per service"), null=True, blank=True
    )
    #: Cancelling is possible until this many hours before the visit.
    cancellation_hours = models.PositiveSmallIntegerField(
        _("cancellation deadline (hours before)"), default=24, validators=[MaxValueValidator(720)]
    )
    #: Minutes needed between two visits in different municipalities (none in one building).
    travel_minutes = models.PositiveSmallIntegerField(
        _("travel margin (minutes)"), default=30, validators=[MaxValueValidator(240)]
    )
    is_published = models.BooleanField(_("programme published"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("open doors edition")
        verbose_name_plural = _("open doors editions")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="opendoors_edition_dates_ordered",
            )
        ]

    def __str__(self):
        return self.name

    def days(self) -> list[dt.date]:
        count = (self.ends_on - self.starts_on).days + 1
        return [self.starts_on + dt.timedelta(days=i) for i in range(count)]

    def previous(self):
        return Edition.objects.filter(starts_on__lt=self.starts_on).order_by("-starts_on").first()


class ParticipationQuerySet(models.QuerySet):
    def validated(self):
        return self.filter(status=Participation.Status.VALIDATED)

    def to_review(self):
        return self.filter(status=Participation.Status.SUBMITTED)


class Participation(models.Model):
    """A service of the directory taking part in an edition (its answer to the call)."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted, to be reviewed")
        CHANGES = "changes", _("Changes requested")
        VALIDATED = "validated", _("Validated")
        REFUSED = "refused", _("Refused")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="participations", verbose_name=_("edition")
    )
    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="+", verbose_name=_("service")
    )
    #: The member who enrolled the service.
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    #: One door: opendoors.services.review_participation.
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.SUBMITTED, editable=False
    )
    #: The coordinator's reason (changes asked, refusal), shown to the host.
    review_note = models.TextField(_("coordinator's note"), blank=True, editable=False)
    #: The host contact given to visitors.
    host_name = models.CharField(_("host contact name"), max_length=150)
    host_email = models.EmailField(_("host contact e-mail"))
    host_phone = models.CharField(_("host contact phone"), max_length=30, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        verbose_name = _("participating service")
        verbose_name_plural = _("participating services")
        ordering = ["edition", "service__name"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "service"], name="opendoors_one_per_service")
        ]

    def __str__(self):
        return f"{self.service} ({self.edition})"

    @property
    def organization_id(self):
        return self.service.organization_id


class SlotQuerySet(models.QuerySet):
    def in_programme(self):
        return self.filter(
            participation__status=Participation.Status.VALIDATED,
            participation__edition__is_published=True,
        )


class Slot(models.Model):
    """A visit slot offered by a participating service."""

    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="slots", verbose_name=_("service")
    )
    day = models.DateField(_("day"))
    start_time = models.TimeField(_("start"))
    end_time = models.TimeField(_("end"))
    capacity = models.PositiveSmallIntegerField(_("visitors"), validators=[MinValueValidator(1)])
    #: ISO codes of the languages of the visit.
    languages = models.JSONField(_("languages"), default=list)
    #: A place of the directory (its address gives the municipality and basin).
    location = models.ForeignKey(
        "directory.Location", on_delete=models.PROTECT, related_name="+", verbose_name=_("place")
    )
    #: Translated: what the visit shows.
    description = models.TextField(_("what the visit shows"))
    #: Translated: accessibility (steps, lift, hearing loop...).
    accessibility = models.CharField(_("accessibility"), max_length=255, blank=True)
    #: The seats, in the one capacity service (key "opendoors-slot:<id>").
    resource = models.OneToOneField(
        "booking.Resource", on_delete=models.PROTECT, null=True, related_name="+", editable=False
    )

    objects = SlotQuerySet.as_manager()

    class Meta:
        verbose_name = _("visit slot")
        verbose_name_plural = _("visit slots")
        ordering = ["day", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")),
                name="opendoors_slot_end_after_start",
            )
        ]

    def __str__(self):
        return f"{self.participation.service} · {self.day:%d/%m} {self.start_time:%H:%M}"

    @property
    def resource_key(self) -> str:
        return f"opendoors-slot:{self.pk}"

    def starts_at(self) -> dt.datetime:
        from django.utils import timezone

        return timezone.make_aware(dt.datetime.combine(self.day, self.start_time))

    def ends_at(self) -> dt.datetime:
        from django.utils import timezone

        return timezone.make_aware(dt.datetime.combine(self.day, self.end_time))

    def address(self):
        return self.location.addresses.select_related("municipality", "basin").first()


class VisitQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(booking__status=Booking.Status.CONFIRMED)

    def waiting(self):
        return self.filter(booking__status=Booking.Status.WAITING)

    def active(self):
        return self.filter(booking__status__in=[Booking.Status.CONFIRMED, Booking.Status.WAITING])

    def cancelled(self):
        return self.filter(booking__status=Booking.Status.CANCELLED)


class Visit(models.Model):
    """A professional's visit of a slot; its seat (or waiting place) is ``booking``."""

    class Attendance(models.TextChoices):
        UNKNOWN = "unknown", _("Not recorded")
        PRESENT = "present", _("Came")
        ABSENT = "absent", _("Did not come")

    class Source(models.TextChoices):
        FIRST_COME = "first_come", _("First come")
        WISH = "wish", _("Wish round")

    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="visits")
    #: Empty once anonymised (``services.anonymise``); ``anonymous_key`` then tells visitors apart.
    visitor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="opendoors_visits",
    )
    anonymous_key = models.UUIDField(null=True, blank=True, editable=False)
    #: The visitor's organization when they booked (for the organization pairs that met).
    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    #: The current seat; a new booking replaces it when the person books again after cancelling.
    booking = models.OneToOneField(
        Booking, on_delete=models.PROTECT, null=True, related_name="+", editable=False
    )
    source = models.CharField(max_length=10, choices=Source, default=Source.FIRST_COME)
    #: One door: services.mark_attendance (hosts, after the visit).
    attendance = models.CharField(
        _("attendance"),
        max_length=10,
        choices=Attendance,
        default=Attendance.UNKNOWN,
        editable=False,
    )
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    #: When the visitor was e-mailed the evaluation form, after the visit.
    evaluation_asked_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["slot__day", "slot__start_time"]
        constraints = [
            models.UniqueConstraint(fields=["slot", "visitor"], name="opendoors_one_visit_per_slot")
        ]

    def __str__(self):
        return f"{self.visitor} → {self.slot}"


class Wish(models.Model):
    """A ranked wish of the wish round (rank 1 = most wanted)."""

    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="wishes")
    #: Empty once anonymised (``services.anonymise``).
    visitor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="opendoors_wishes",
    )
    rank = models.PositiveSmallIntegerField(_("rank"), validators=[MinValueValidator(1)])
    #: Set by the allocation (True: granted), before publication.
    granted = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("wish")
        verbose_name_plural = _("wishes")
        ordering = ["visitor", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["slot", "visitor"], name="opendoors_one_wish_per_slot")
        ]

    def __str__(self):
        return f"{self.visitor} #{self.rank} {self.slot}"


class Evaluation(models.Model):
    """A visitor's short evaluation of one visit."""

    class Orient(models.TextChoices):
        YES = "yes", _("Yes")
        MAYBE = "maybe", _("Perhaps")
        NO = "no", _("No")

    visit = models.OneToOneField(Visit, on_delete=models.CASCADE, related_name="evaluation")
    #: 1 (not useful) to 5 (very useful).
    usefulness = models.PositiveSmallIntegerField(
        _("usefulness"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    will_orient = models.CharField(
        _("will you orient people to this service?"), max_length=5, choices=Orient
    )
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self):
        return f"{self.visit} ({self.usefulness}/5)"
