"""Intervisions: yearly cycles of closed peer-supervision groups, their registrations, sessions,
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

from directory.models import Sector

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

    #: Title shown to professionals.
    title = models.CharField(_("title"), max_length=200)
    #: Season label, e.g. "2025-2026".
    season = models.CharField(_("season"), max_length=20)
    #: What the cycle is about (shown on the registration page).
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
    #: Short name, e.g. "Lundi matin".
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


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        """Registrations still in the running (not refused, not withdrawn)."""
        return self.filter(status__in=[Registration.Status.PENDING, Registration.Status.ACCEPTED])

    def placed(self):
        return self.active().filter(group__isnull=False)

    def personal(self):
        return self.filter(anonymised_at__isnull=True)


class Registration(models.Model):
    """One professional's registration to a cycle (personal data until anonymisation)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("To review")
        ACCEPTED = "accepted", _("Accepted")
        REFUSED = "refused", _("Refused")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    #: The state machine of ``status``: from each status, the statuses it may go to. Every change
    #: goes through ``transition()``; nothing else assigns ``status``.
    #:
    #:   pending  -> accepted   (publication, a coordinator's move or decision, a freed seat)
    #:   pending  -> refused    (a coordinator)           pending  -> withdrawn (the person)
    #:   accepted -> accepted   (moved to another group, seat given from a waiting list)
    #:   accepted -> refused    (a coordinator)           accepted -> withdrawn (the person)
    #:   refused  -> accepted   (a coordinator reconsiders)
    #:   withdrawn: final.
    TRANSITIONS = {
        Status.PENDING: {Status.ACCEPTED, Status.REFUSED, Status.WITHDRAWN},
        Status.ACCEPTED: {Status.ACCEPTED, Status.REFUSED, Status.WITHDRAWN},
        Status.REFUSED: {Status.ACCEPTED},
        Status.WITHDRAWN: set(),
    }

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("cycle")
    )
    #: The account, when the person was signed in (cut at anonymisation).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="intervision_registrations",
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    #: Lower-case; unique per cycle while personal (double registration is refused).
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    #: Job title, e.g. "assistante sociale".
    function = models.CharField(_("function"), max_length=120)
    #: The institution (chosen in the directory, or proposed and awaiting moderation).
    organization = models.ForeignKey(
        "directory.Organization",
        on_delete=models.PROTECT,
        related_name="intervision_registrations",
        verbose_name=_("institution"),
    )
    #: Sector of the person's work (kept for statistics).
    sector = models.CharField(_("sector"), max_length=20, choices=Sector)
    #: Kept for statistics: the institution's legal status at registration.
    institution_type = models.CharField(_("institution type"), max_length=20, blank=True)
    #: Kept for statistics: municipality of the institution's address at registration.
    municipality = models.ForeignKey(
        "territory.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES)
    #: Group ids in order of preference (first = preferred).
    preferences = models.JSONField(_("preferences"), default=list)
    #: What the person said about membership (checked against the directory).
    member_declared = models.BooleanField(_("declared member of the network"), default=False)
    #: Member fee applies (from the institution's membership of the network).
    is_member = models.BooleanField(_("member of the network"), default=False)
    fee = models.DecimalField(_("fee (EUR)"), max_digits=7, decimal_places=2, default=0)
    commitment = models.BooleanField(_("commits to the whole cycle"), default=False)
    consent_at = models.DateTimeField(_("consent given at"))
    consent_version = models.CharField(_("data policy version"), max_length=20)
    #: Changed only through intervisions.services.
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING, editable=False
    )
    #: Group proposed by the composition or set by a coordinator; after publication, the group
    #: whose seat (booking) the person holds.
    group = models.ForeignKey(
        Group,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("group"),
    )
    #: Kept in this group when the composition is re-run.
    pinned = models.BooleanField(_("pinned"), default=False)
    #: Rank of the group in the preferences (None when unplaced or outside them).
    choice_rank = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    #: Stable reason code of the composition and its details [(group id, cause)].
    reason_code = models.CharField(max_length=40, blank=True, editable=False)
    reason_details = models.JSONField(default=list, blank=True, editable=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("intervision registration")
        verbose_name_plural = _("intervision registrations")
        ordering = ["last_name", "first_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "email"],
                condition=models.Q(anonymised_at__isnull=True)
                & ~models.Q(status="withdrawn")
                & ~models.Q(status="refused"),
                name="intervisions_one_registration_per_email",
            )
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def full_name(self) -> str:
        return str(self)

    def can_become(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.Status(self.status)]

    def check_transition(self, status: str) -> None:
        """Refuse a move the state machine (``TRANSITIONS``) does not allow, with
        ``IntervisionError("invalid_transition")``."""
        from .errors import IntervisionError

        if status not in self.Status.values or not self.can_become(status):
            raise IntervisionError(
                "invalid_transition",
                old=self.Status(self.status).label,
                new=self.Status(status).label if status in self.Status.values else status,
            )

    def transition(self, status: str) -> None:
        """The one door for ``status``: services call it (inside their transaction), then save."""
        self.check_transition(status)
        self.status = status

    def preferred_groups(self) -> list[Group]:
        by_id = {g.pk: g for g in self.cycle.groups.all()}
        return [by_id[g] for g in self.preferences if g in by_id]


class Session(models.Model):
    """One meeting of a group, hosted by a participant's institution (or a neutral venue)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField(_("number"))
    date = models.DateField(_("date"))
    #: The participant institution that hosts and presents itself (None: neutral venue).
    host = models.ForeignKey(
        "directory.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_intervision_sessions",
        verbose_name=_("host institution"),
    )
    #: Practical note (floor, bell, access), shown to the group only.
    access_note = models.CharField(_("access"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["group", "date"]
        constraints = [
            models.UniqueConstraint(fields=["group", "date"], name="intervisions_session_date"),
            models.UniqueConstraint(
                fields=["group", "host"],
                condition=models.Q(host__isnull=False),
                name="intervisions_host_once_per_group",
            ),
        ]

    def __str__(self):
        return f"{self.group} #{self.number} {self.date:%Y-%m-%d}"

    def starts_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.group.start_time)

    def ends_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.group.end_time)


class Presentation(models.Model):
    """Who brings a situation to which session (each participant once a year)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="presentations")
    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="presentation"
    )

    class Meta:
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")
        ordering = ["session__date", "registration__last_name"]

    def __str__(self):
        return f"{self.registration} @ {self.session}"


class Attendance(models.Model):
    """Presence of a participant at a session."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        EXCUSED = "excused", _("Excused")
        ABSENT = "absent", _("Absent")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendances")
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="attendances"
    )
    status = models.CharField(_("attendance"), max_length=10, choices=Status)
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "registration"], name="intervisions_one_attendance"
            )
        ]

    def __str__(self):
        return f"{self.registration} @ {self.session}: {self.status}"


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


__all__ = [
    "Attendance",
    "Cycle",
    "Group",
    "Invoice",
    "InvoiceSequence",
    "Presentation",
    "Registration",
    "Session",
]
