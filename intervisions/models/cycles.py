"""Intervisions (cycles): yearly cycles of closed peer-supervision groups, their registrations, sessions,
hosts, presenters, attendance and invoices.

Rows are written through ``intervisions.services`` only (one door per status). Seats in a group
and its waiting list live in the shared capacity service (``booking``), reached only through
``intervisions.seats``. This module never sends e-mail, never locks and never writes other apps'
rows.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

LANGUAGES = [("fr", _("French")), ("nl", _("Dutch"))]
WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
]
WEEKS_OF_MONTH = [
    (1, _("1st")),
    (2, _("2nd")),
    (3, _("3rd")),
    (4, _("4th")),
    (-1, _("last")),
]


class CycleQuerySet(models.QuerySet):
    def open_for_registration(self, today=None):
        today = today or datetime.date.today()
        return self.filter(status=Cycle.Status.OPEN, registration_deadline__gte=today)

    def to_anonymise(self, today=None):
        """Ended cycles whose retention delay is over and whose data is still personal."""
        today = today or datetime.date.today()
        return [
            c
            for c in self.filter(anonymised_at__isnull=True, end_date__lt=today)
            if c.end_date + datetime.timedelta(days=c.retention_days) < today
        ]


class Cycle(models.Model):
    """A season of intervisions (October to June), e.g. "Intervisions 2025-2026"."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Registration open")
        CLOSED = "closed", _("Registration closed")
        PUBLISHED = "published", _("Groups published")

    #: Title shown to professionals; in three languages (title_fr, title_nl, title_en: see
    #: intervisions/translation.py), read in the visitor's language with fallback fr → nl → en.
    title = models.CharField(_("title"), max_length=200)
    #: Season label, e.g. "2025-2026".
    season = models.CharField(_("season"), max_length=20)
    #: What the cycle is about (shown on the registration page); in three languages.
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("first possible session"))
    end_date = models.DateField(_("last possible session"))
    #: Number of sessions of each group.
    session_count = models.PositiveSmallIntegerField(
        _("number of sessions"), default=9, validators=[MinValueValidator(1)]
    )
    #: Length of a session, in minutes (180 = three hours).
    session_minutes = models.PositiveSmallIntegerField(_("session length (minutes)"), default=180)
    #: Fee for people whose institution is a member of the network (0 = free).
    fee_member = models.DecimalField(
        _("fee for members (EUR)"), max_digits=7, decimal_places=2, default=Decimal("120")
    )
    #: Fee for the others (0 = free).
    fee_non_member = models.DecimalField(
        _("fee for non-members (EUR)"), max_digits=7, decimal_places=2, default=Decimal("150")
    )
    registration_deadline = models.DateField(_("registration deadline"))
    #: Hard limit of people from one institution in one group.
    max_per_institution = models.PositiveSmallIntegerField(
        _("maximum per institution per group"), default=2, validators=[MinValueValidator(1)]
    )
    #: A group below this size is cancelled by the composition.
    group_min_size = models.PositiveSmallIntegerField(_("minimum group size"), default=6)
    #: Seats of a group.
    group_max_size = models.PositiveSmallIntegerField(
        _("maximum group size"), default=15, validators=[MinValueValidator(1)]
    )
    #: Days after the end before personal data is anonymised.
    retention_days = models.PositiveSmallIntegerField(
        _("retention after the end (days)"), default=90
    )
    #: Changed only through intervisions.services.
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, editable=False
    )
    #: Summary of the last automatic composition (solver status, gap, unplaced...).
    composition = models.JSONField(_("last composition"), default=dict, blank=True, editable=False)
    published_at = models.DateTimeField(_("groups published at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CycleQuerySet.as_manager()

    class Meta:
        verbose_name = _("intervision cycle")
        verbose_name_plural = _("intervision cycles")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="intervisions_cycle_dates_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(group_max_size__gte=models.F("group_min_size")),
                name="intervisions_cycle_sizes_ordered",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("intervisions:cycle", args=[self.pk])

    @property
    def is_free(self) -> bool:
        return not self.fee_member and not self.fee_non_member

    def fee_for(self, is_member: bool) -> Decimal:
        return self.fee_member if is_member else self.fee_non_member

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def accepts_registrations(self, today=None) -> bool:
        today = today or datetime.date.today()
        return self.status == self.Status.OPEN and today <= self.registration_deadline


class Group(models.Model):
    """A closed group of a cycle: one language, one slot, one facilitator pair."""

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="groups", verbose_name=_("cycle")
    )
    #: Short name, e.g. "Lundi matin" / "Maandagochtend"; in three languages (name_fr, ...).
    name = models.CharField(_("name"), max_length=100)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="fr")
    #: Day of the week of every session (0 = Monday).
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS)
    #: Which week of the month (empty: the first free one).
    week_of_month = models.SmallIntegerField(
        _("week of the month"), choices=WEEKS_OF_MONTH, null=True, blank=True
    )
    start_time = models.TimeField(_("start time"), default=datetime.time(9, 0))
    end_time = models.TimeField(_("end time"), default=datetime.time(12, 0))
    #: Facilitator from the social sector.
    facilitator_social = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("facilitator (social sector)"),
    )
    #: Facilitator from the mental-health sector.
    facilitator_mental_health = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("facilitator (mental health)"),
    )
    #: Set when the group does not run (too few people).
    cancelled = models.BooleanField(_("cancelled"), default=False)
    #: Where sessions without a host take place.
    neutral_venue = models.CharField(_("neutral venue"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("intervision group")
        verbose_name_plural = _("intervision groups")
        ordering = ["cycle", "language", "weekday", "start_time", "name"]

    def __str__(self):
        return f"{self.name} ({self.get_language_display()})"

    def get_absolute_url(self):
        return reverse("intervisions:group", args=[self.pk])

    @property
    def resource_key(self) -> str:
        return f"intervision-group:{self.pk}"

    @property
    def slot(self) -> str:
        return f"{self.weekday}-{self.week_of_month or 0}-{self.start_time:%H%M}"

    def slot_label(self) -> str:
        week = f"{self.get_week_of_month_display()} " if self.week_of_month else ""
        return f"{week}{self.get_weekday_display()} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    def facilitators(self) -> list:
        return [u for u in (self.facilitator_social, self.facilitator_mental_health) if u]

    def is_facilitator(self, user) -> bool:
        return user.is_authenticated and user.pk in {
            self.facilitator_social_id,
            self.facilitator_mental_health_id,
        }

    def problems(self) -> dict[str, str]:
        """THE rules of a group's own fields, as {field: error code of IntervisionError}: the
        form (``clean``), the admin and ``services.save_group`` all ask here."""
        found = {}
        if None not in (self.start_time, self.end_time) and self.end_time <= self.start_time:
            found["end_time"] = "group_ends_before_start"
        social, mental = self.facilitator_social_id, self.facilitator_mental_health_id
        if social is not None and social == mental:
            found["facilitator_mental_health"] = "same_facilitator"
        return found

    def clean(self):
        from django.core.exceptions import ValidationError

        from ..errors import IntervisionError

        found = self.problems()
        if found:
            raise ValidationError(
                {field: IntervisionError(code).message for field, code in found.items()}
            )
